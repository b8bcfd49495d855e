#include "ingest/demo.hpp"

#include <map>
#include <nlohmann/json.hpp>

#include "core/text.hpp"

namespace tdkt::ingest {
namespace {

using Json = nlohmann::json;

struct Loader {
  Loader(app::OrganisationService& organisation_service, app::PeopleService& people_service)
      : organisation(organisation_service), people(people_service) {}

  app::OrganisationService& organisation;
  app::PeopleService& people;
  app::Actor actor = app::Actor::system("demo");
  std::map<std::string, UnitId> units;
  // Documents of the register by number as written, and by "NUMBER@YEAR" where numbers repeat
  // across issuers ("01/CT-UBND@2024").
  std::map<std::string, DocumentId> documents_by_number;
  std::map<std::string, MovementId> movements;
  DemoSummary summary;

  static std::string text(const Json& object, const char* name) {
    return object.contains(name) && object.at(name).is_string() ? object.at(name).get<std::string>() : std::string();
  }
  static std::optional<CivilDate> date(const Json& object, const char* name) {
    const auto value = text(object, name);
    return value.empty() ? std::nullopt : CivilDate::parse_iso(value);
  }
  Result<UnitId> unit(const std::string& key) const {
    auto found = units.find(key);
    if (found == units.end()) return Error::invalid("demo", "demo.json: không có đơn vị khóa \"" + key + "\".");
    return found->second;
  }
  static Result<domain::UnitKind> kind(const Json& item) {
    auto kind = domain::unit_kind_from_string(text(item, "kind"));
    if (!kind) return Error::invalid("demo", "demo.json: loại đơn vị không hợp lệ \"" + text(item, "kind") + "\".");
    return *kind;
  }

  Status load_units(const Json& list) {
    for (const auto& item : list) {
      domain::UnitDraft draft;
      draft.name = text(item, "name");
      draft.short_name = text(item, "short_name");
      auto unit_kind = kind(item);
      if (!unit_kind) return std::move(unit_kind).error();
      draft.kind = *unit_kind;
      draft.place = text(item, "place");
      draft.period = {date(item, "valid_from").value_or(CivilDate{}), date(item, "valid_to")};
      if (item.contains("parent")) {
        auto parent = unit(text(item, "parent"));
        if (!parent) return std::move(parent).error();
        draft.parent = *parent;
      }
      auto created = organisation.create_unit(actor, draft);
      if (!created) return std::move(created).error();
      units[text(item, "key")] = created->id;
      ++summary.units;
    }
    return {};
  }

  Status load_restructuring(const Json& item) {
    domain::RestructuringRequest request;
    request.title = text(item, "title");
    request.legal_basis = text(item, "legal_basis");
    request.effective_date = date(item, "effective_date").value_or(CivilDate{});
    for (const auto& key : item.value("ends", Json::array())) {
      auto id = unit(key.get<std::string>());
      if (!id) return std::move(id).error();
      request.ends.push_back(*id);
    }
    for (const auto& created : item.value("creates", Json::array())) {
      domain::NewUnitInRestructuring unit_request;
      unit_request.key = text(created, "key");
      unit_request.draft.name = text(created, "name");
      unit_request.draft.short_name = text(created, "short_name");
      auto unit_kind = kind(created);
      if (!unit_kind) return std::move(unit_kind).error();
      unit_request.draft.kind = *unit_kind;
      unit_request.draft.place = text(created, "place");
      unit_request.draft.period = {request.effective_date, std::nullopt};
      if (created.contains("parent")) {
        auto parent = unit(text(created, "parent"));
        if (!parent) return std::move(parent).error();
        unit_request.draft.parent = *parent;
      }
      if (created.contains("parent_key")) unit_request.parent_key = text(created, "parent_key");
      request.creates.push_back(std::move(unit_request));
    }
    std::map<std::string, bool> new_keys;
    for (const auto& created : request.creates)
      new_keys[created.key] = true;
    for (const auto& link : item.value("successions", Json::array())) {
      domain::SuccessionRequest succession;
      auto from = unit(text(link, "from"));
      if (!from) return std::move(from).error();
      succession.predecessor = *from;
      const auto to = text(link, "to");
      if (new_keys.contains(to)) {
        succession.successor_key = to;
      } else {
        auto id = unit(to);
        if (!id) return std::move(id).error();
        succession.successor_id = *id;
      }
      succession.transfer_members = link.value("transfer_members", false);
      request.successions.push_back(std::move(succession));
    }
    auto event = organisation.restructure(actor, request);
    if (!event) return std::move(event).error();
    for (std::size_t i = 0; i < request.creates.size(); ++i) {
      units[request.creates[i].key] = event->started.at(i);
    }
    ++summary.restructurings;
    return {};
  }

  Status load_people(const Json& list) {
    for (const auto& item : list) {
      domain::PersonDraft draft;
      const auto parts = text::split_name(text(item, "full_name"));
      draft.family_name = parts.family;
      draft.middle_name = parts.middle;
      draft.given_name = parts.given;
      draft.gender = domain::gender_from_string(text(item, "gender")).value_or(domain::Gender::kUnspecified);
      if (item.contains("birth_year")) draft.birth_year = item.at("birth_year").get<int>();
      draft.ethnicity = text(item, "ethnicity");
      draft.village = text(item, "village");
      draft.commune = text(item, "commune");
      draft.province = text(item, "province");
      draft.note = text(item, "note");
      auto person = people.create(actor, draft);
      if (!person) return std::move(person).error();
      ++summary.people;
      for (const auto& link : item.value("memberships", Json::array())) {
        auto id = unit(text(link, "unit"));
        if (!id) return std::move(id).error();
        domain::Membership membership{MembershipId{}, person->id, *id, text(link, "position"),
                                      Period{date(link, "from").value_or(CivilDate{}), date(link, "to")}};
        auto saved = people.add_membership(actor, membership);
        if (!saved) return std::move(saved).error();
        ++summary.memberships;
      }
    }
    return {};
  }

  // Accounts name the person they belong to by full name and their scope unit by key.
  Status load_accounts(const Json& list, app::AccountService& accounts) {
    for (const auto& item : list) {
      app::AccountDraft draft;
      draft.username = text(item, "username");
      draft.display_name = text(item, "display_name");
      auto role = domain::role_from_string(text(item, "role"));
      if (!role) return Error::invalid("demo", "demo.json: vai trò không hợp lệ \"" + text(item, "role") + "\".");
      draft.role = *role;
      draft.password = text(item, "password");
      if (item.contains("scope")) {
        auto scope = unit(text(item, "scope"));
        if (!scope) return std::move(scope).error();
        draft.scope_unit = *scope;
      }
      if (item.contains("person")) {
        app::PeopleListRequest search;
        search.q = text(item, "person");
        auto found = people.list(actor, search);
        if (!found || found->items.empty()) {
          return Error::invalid("demo", "demo.json: không tìm thấy cá nhân \"" + text(item, "person") + "\".");
        }
        draft.person = found->items.front().id;
        if (draft.display_name.empty()) draft.display_name = found->items.front().full_name();
      }
      auto created = accounts.create(actor, draft);
      if (!created) return std::move(created).error();
      summary.accounts.push_back(created->username);
    }
    return {};
  }

  Result<PersonId> person_named(const std::string& name) {
    app::PeopleListRequest search;
    search.q = name;
    auto found = people.list(actor, search);
    if (found) {
      for (const auto& person : found->items) {
        if (person.full_name() == name) return person.id;
      }
    }
    return Error::invalid("demo", "demo.json: không tìm thấy cá nhân \"" + name + "\".");
  }

  static std::optional<int> optional_int(const Json& object, const char* name) {
    if (!object.contains(name) || !object.at(name).is_number_integer()) return std::nullopt;
    return object.at(name).get<int>();
  }

  static domain::rules::Known known(const Json& object, const char* name) {
    if (!object.contains(name) || !object.at(name).is_boolean()) return domain::rules::Known::kUnknown;
    return object.at(name).get<bool>() ? domain::rules::Known::kYes : domain::rules::Known::kNo;
  }

  Status load_grants(app::RecordsService& records, const domain::SubjectRef& subject, const Json& list) {
    for (const auto& item : list) {
      domain::GrantRecord grant;
      grant.subject = subject;
      grant.honour = text(item, "honour");
      grant.year = item.at("year").get<int>();
      grant.type = domain::rules::grant_type_from_string(item.value("type", std::string("merit")))
                       .value_or(domain::rules::GrantType::kMerit);
      grant.decision_number = text(item, "decision_number");
      grant.decision_date = date(item, "decision_date");
      grant.authority = text(item, "authority");
      grant.note = text(item, "note");
      auto saved = records.add_grant(actor, grant);
      if (!saved) return std::move(saved).error();
      ++summary.grants;
    }
    return {};
  }

  Status load_initiatives(app::RecordsService& records, const domain::SubjectRef& subject, const Json& list) {
    for (const auto& item : list) {
      domain::InitiativeRecord initiative;
      initiative.subject = subject;
      initiative.year = item.at("year").get<int>();
      initiative.title = text(item, "title");
      initiative.level = domain::rules::initiative_level_from_string(text(item, "level"))
                             .value_or(domain::rules::InitiativeLevel::kUnit);
      initiative.recognised_by = text(item, "recognised_by");
      initiative.used_for = text(item, "used_for");
      initiative.used_for_year = optional_int(item, "used_for_year");
      auto saved = records.add_initiative(actor, initiative);
      if (!saved) return std::move(saved).error();
    }
    return {};
  }

  // Persons: "ratings" by year, with "years" adding other facts of a year; grants, initiatives.
  Status load_records(const Json& step, app::RecordsService& records) {
    for (const auto& item : step.value("persons", Json::array())) {
      auto person = person_named(text(item, "person"));
      if (!person) return std::move(person).error();
      std::map<int, domain::PersonYear> years;
      auto year_of = [&](const std::string& key) -> domain::PersonYear& {
        const int year = std::stoi(key);
        auto& record = years[year];
        record.person = *person;
        record.year = year;
        return record;
      };
      // value() returns a copy: keep it alive while iterating.
      const Json ratings = item.value("ratings", Json::object());
      const Json facts_by_year = item.value("years", Json::object());
      for (const auto& [key, rating] : ratings.items()) {
        auto& record = year_of(key);
        record.rating = domain::rules::rating_from_string(rating.get<std::string>()).value_or(domain::Rating::kNone);
        record.months_worked = 12;
      }
      for (const auto& [key, facts] : facts_by_year.items()) {
        auto& record = year_of(key);
        if (auto months = optional_int(facts, "months_worked")) record.months_worked = months;
        record.leave_months = optional_int(facts, "leave_months");
        record.discipline = domain::rules::discipline_level_from_string(facts.value("discipline", std::string("none")))
                                .value_or(domain::DisciplineLevel::kNone);
        record.discipline_date = date(facts, "discipline_date");
        record.discipline_pending = facts.value("discipline_pending", false);
        record.pending_note = text(facts, "pending_note");
        record.notable_achievement = known(facts, "notable_achievement");
      }
      for (const auto& [year, record] : years) {
        auto saved = records.save_person_year(actor, record);
        if (!saved) return std::move(saved).error();
        ++summary.person_years;
      }
      const domain::SubjectRef subject{domain::rules::SubjectKind::kPerson, person->value};
      TDKT_TRY(load_grants(records, subject, item.value("grants", Json::array())));
      TDKT_TRY(load_initiatives(records, subject, item.value("initiatives", Json::array())));
    }
    for (const auto& item : step.value("units", Json::array())) {
      auto id = unit(text(item, "unit"));
      if (!id) return std::move(id).error();
      const Json facts_by_year = item.value("years", Json::object());
      for (const auto& [key, facts] : facts_by_year.items()) {
        domain::UnitYear record;
        record.unit = *id;
        record.year = std::stoi(key);
        record.rating = domain::rules::rating_from_string(text(facts, "rating")).value_or(domain::Rating::kNone);
        record.members = optional_int(facts, "members");
        record.leads_bloc = known(facts, "leads_bloc");
        record.notable_achievement = known(facts, "notable_achievement");
        auto saved = records.save_unit_year(actor, record);
        if (!saved) return std::move(saved).error();
        ++summary.unit_years;
      }
      const domain::SubjectRef subject{domain::rules::SubjectKind::kUnit, id->value};
      TDKT_TRY(load_grants(records, subject, item.value("grants", Json::array())));
      TDKT_TRY(load_initiatives(records, subject, item.value("initiatives", Json::array())));
    }
    return {};
  }

  Result<DocumentId> document(const std::string& number) const {
    auto found = documents_by_number.find(number);
    if (found == documents_by_number.end()) {
      return Error::invalid("demo", "demo.json: không có văn bản \"" + number + "\" trong sổ văn bản.");
    }
    return found->second;
  }

  static std::vector<std::string> lines(const Json& item, const char* name) {
    std::vector<std::string> out;
    for (const auto& line : item.value(name, Json::array()))
      out.push_back(line.get<std::string>());
    return out;
  }

  // Movements, parents first; "parent" names an earlier movement's key, "unit" and the
  // assignments' units name unit keys, "implements" and "plan" name documents of the register.
  // "draft_plan" drafts the plan through the same use case as the page.
  Status load_movements(const Json& list, app::MovementService& service) {
    for (const auto& item : list) {
      domain::Movement movement;
      movement.name = text(item, "name");
      movement.theme = text(item, "theme");
      movement.authority = text(item, "authority");
      movement.level = domain::movement_level_from_string(text(item, "level")).value_or(domain::MovementLevel::kAgency);
      movement.kind = domain::movement_kind_from_string(text(item, "kind")).value_or(domain::MovementKind::kRegular);
      movement.starts_on = date(item, "starts_on").value_or(CivilDate{});
      movement.ends_on = date(item, "ends_on").value_or(CivilDate{});
      if (item.contains("parent")) {
        auto parent = movements.find(text(item, "parent"));
        if (parent == movements.end()) {
          return Error::invalid("demo", "demo.json: không có phong trào khóa \"" + text(item, "parent") + "\".");
        }
        movement.parent = parent->second;
      }
      if (item.contains("unit")) {
        TDKT_TRY_ASSIGN(movement.unit, unit(text(item, "unit")));
      }
      movement.purposes = lines(item, "purposes");
      movement.requirements = lines(item, "requirements");
      movement.solutions = lines(item, "solutions");
      for (const auto& content : item.value("content_items", Json::array()))
        movement.content_items.push_back({text(content, "title"), text(content, "text")});
      for (const auto& entry : item.value("waves", Json::array())) {
        domain::Wave wave{text(entry, "name"),
                          date(entry, "starts_on").value_or(CivilDate{}),
                          date(entry, "ends_on").value_or(CivilDate{}),
                          {}};
        for (const auto& occasion : entry.value("occasions", Json::array()))
          wave.occasions.push_back({text(occasion, "name"), date(occasion, "on")});
        movement.waves.push_back(std::move(wave));
      }
      for (const auto& entry : item.value("assignments", Json::array())) {
        domain::Assignment assignment;
        TDKT_TRY_ASSIGN(assignment.unit, unit(text(entry, "unit")));
        assignment.task = text(entry, "task");
        movement.assignments.push_back(std::move(assignment));
      }
      for (const auto& number : item.value("implements", Json::array())) {
        DocumentId id;
        TDKT_TRY_ASSIGN(id, document(number.get<std::string>()));
        movement.implements.push_back(id);
      }
      if (item.contains("plan")) {
        DocumentId id;
        TDKT_TRY_ASSIGN(id, document(text(item, "plan")));
        movement.plan_document = id;
      }
      auto created = service.create(actor, std::move(movement));
      if (!created) return std::move(created).error();
      movements[text(item, "key")] = created->id;
      ++summary.movements;
      if (item.contains("draft_plan")) {
        const auto& draft = item.at("draft_plan");
        app::PlanRequest request;
        request.issued_on = date(draft, "issued_on").value_or(CivilDate{});
        request.issuer_parent = text(draft, "issuer_parent");
        request.signer_name = text(draft, "signer_name");
        request.signer_authority = text(draft, "signer_authority");
        request.signer_position = text(draft, "signer_position");
        request.recipients = lines(draft, "recipients");
        auto plan = service.create_plan(actor, created->id, std::move(request));
        if (!plan) return std::move(plan).error();
        documents_by_number[plan->number.text() + "@" + std::to_string(plan->year)] = plan->id;
        ++summary.documents;
      }
    }
    return {};
  }

  // Documents of the register, oldest first; "cites" names earlier documents by number.
  Status load_documents(const Json& list, app::DocumentService& documents) {
    auto& by_number = documents_by_number;
    for (const auto& item : list) {
      app::DocumentRegistration registration;
      auto& document = registration.document;
      document.type = domain::document_type_from_string(text(item, "type")).value_or(domain::DocumentType::kOther);
      auto number = domain::parse_document_number(text(item, "number"));
      if (!number) return std::move(number).error();
      document.number = *number;
      document.issued_on = date(item, "issued_on").value_or(CivilDate{});
      document.issuer = text(item, "issuer");
      document.issuer_parent = text(item, "issuer_parent");
      document.place = text(item, "place");
      document.signer_name = text(item, "signer_name");
      document.signer_authority = text(item, "signer_authority");
      document.signer_position = text(item, "signer_position");
      document.summary = text(item, "summary");
      document.own = item.value("own", false);
      registration.gap_reason = text(item, "gap_reason");
      for (const auto& recipient : item.value("recipients", Json::array()))
        document.recipients.push_back(recipient.get<std::string>());
      for (const char* part : {"preamble", "body"}) {
        auto& blocks = std::string(part) == "preamble" ? document.preamble : document.body;
        for (const auto& block : item.value(part, Json::array()))
          blocks.push_back({text(block, "kind"), text(block, "text")});
      }
      for (const auto& cited : item.value("cites", Json::array())) {
        auto found = by_number.find(cited.get<std::string>());
        if (found == by_number.end()) {
          return Error::invalid("demo", "demo.json: văn bản căn cứ \"" + cited.get<std::string>() + "\" chưa có.");
        }
        document.cites.push_back(found->second);
      }
      auto saved = documents.register_document(actor, std::move(registration));
      if (!saved) return std::move(saved).error();
      by_number[saved->number.text()] = saved->id;
      by_number[saved->number.text() + "@" + std::to_string(saved->year)] = saved->id;
      ++summary.documents;
    }
    return {};
  }

  Status load_bloc(const Json& item) {
    domain::Bloc bloc{BlocId{}, text(item, "name"), text(item, "note"),
                      Period{date(item, "valid_from").value_or(CivilDate{}), date(item, "valid_to")}};
    auto created = organisation.create_bloc(actor, bloc);
    if (!created) return std::move(created).error();
    for (const auto& link : item.value("members", Json::array())) {
      auto id = unit(text(link, "unit"));
      if (!id) return std::move(id).error();
      TDKT_TRY(organisation.add_bloc_member(
          actor, {created->id, *id, Period{date(link, "from").value_or(CivilDate{}), date(link, "to")}}));
    }
    ++summary.blocs;
    return {};
  }
  // Targets of movements, with their measured values: "movement" and "unit" name earlier keys.
  Status load_targets(const Json& list, app::TargetService& service) {
    for (const auto& item : list) {
      auto movement = movements.find(text(item, "movement"));
      if (movement == movements.end()) {
        return Error::invalid("demo", "demo.json: không có phong trào khóa \"" + text(item, "movement") + "\".");
      }
      domain::Target target;
      target.movement = movement->second;
      TDKT_TRY_ASSIGN(target.unit, unit(text(item, "unit")));
      target.group_name = text(item, "group");
      target.indicator = text(item, "indicator");
      target.measure = text(item, "measure");
      target.plan_value = item.value("plan_value", 0.0);
      target.due_on = date(item, "due_on").value_or(CivilDate{});
      auto created = service.create(actor, std::move(target));
      if (!created) return std::move(created).error();
      ++summary.targets;
      for (const auto& value : item.value("values", Json::array())) {
        domain::Measurement measurement{created->target.id, date(value, "measured_on").value_or(CivilDate{}),
                                        value.value("value", 0.0), text(value, "note")};
        TDKT_TRY(service.record(actor, std::move(measurement)));
        ++summary.target_values;
      }
    }
    return {};
  }
  // Registration campaigns of movements ("movement" names an earlier key), with registrations
  // replayed on the day they were made ("on"): the service accepts an explicit day from the
  // system actor only. "imported" rows go through the Excel import path (source imported);
  // "consolidated_units" are the unit heads' confirmations, each on its day.
  Status load_campaigns(const Json& list, app::CampaignService& service, app::ImportGate& imports) {
    for (const auto& item : list) {
      auto movement = movements.find(text(item, "movement"));
      if (movement == movements.end()) {
        return Error::invalid("demo", "demo.json: không có phong trào khóa \"" + text(item, "movement") + "\".");
      }
      domain::Campaign campaign;
      campaign.movement = movement->second;
      campaign.year = item.value("year", 0);
      campaign.deadline = date(item, "deadline").value_or(CivilDate{});
      for (const auto& code : item.value("honours", Json::array()))
        campaign.honours.push_back(code.get<std::string>());
      for (const auto& key : item.value("units", Json::array())) {
        UnitId id;
        TDKT_TRY_ASSIGN(id, unit(key.get<std::string>()));
        campaign.units.push_back({id, std::nullopt, {}});
      }
      auto created = service.create(actor, std::move(campaign));
      if (!created) return std::move(created).error();
      const auto campaign_id = created->campaign.id;
      ++summary.campaigns;
      auto subject = [this](const Json& entry) -> Result<domain::SubjectRef> {
        if (entry.contains("unit")) {
          auto id = unit(text(entry, "unit"));
          if (!id) return std::move(id).error();
          return domain::SubjectRef{domain::rules::SubjectKind::kUnit, id->value};
        }
        auto id = person_named(text(entry, "person"));
        if (!id) return std::move(id).error();
        return domain::SubjectRef{domain::rules::SubjectKind::kPerson, id->value};
      };
      for (const auto& entry : item.value("registrations", Json::array())) {
        app::RegistrationRequest request;
        TDKT_TRY_ASSIGN(request.subject, subject(entry));
        request.honour = text(entry, "honour");
        request.note = text(entry, "note");
        request.registered_on = date(entry, "on");
        TDKT_TRY(service.register_subject(actor, campaign_id, request));
        ++summary.registrations;
      }
      if (item.contains("imported")) {
        const auto& imported = item.at("imported");
        std::vector<app::RegistrationRow> rows;
        for (const auto& entry : imported.value("rows", Json::array())) {
          app::RegistrationRow row;
          row.row = static_cast<int>(rows.size()) + 4;
          row.sheet = "Đăng ký thi đua";
          TDKT_TRY_ASSIGN(row.subject, subject(entry));
          row.honour = text(entry, "honour");
          row.note = text(entry, "note");
          row.registered_on = date(entry, "on");
          rows.push_back(std::move(row));
        }
        auto permit = imports.enter();
        if (!permit) return std::move(permit).error();
        auto report = service.import(actor, *permit, campaign_id, rows, false, date(imported, "on"));
        if (!report) return std::move(report).error();
        if (!report->problems.empty()) {
          return Error::invalid("demo",
                                "demo.json: dòng " + std::to_string(report->problems.front().row) +
                                    " của đăng ký nhập từ Excel bị từ chối: " + report->problems.front().message);
        }
        summary.registrations += report->created;
      }
      for (const auto& entry : item.value("consolidated_units", Json::array())) {
        UnitId id;
        TDKT_TRY_ASSIGN(id, unit(text(entry, "unit")));
        TDKT_TRY(service.consolidate_unit(actor, campaign_id, id, date(entry, "on")));
      }
    }
    return {};
  }
  // Councils of units ("unit" a unit key) over their term, with the members by name and the
  // register's number of the decision establishing them ("document").
  Status load_councils(const Json& list, app::CouncilService& service) {
    for (const auto& item : list) {
      domain::Council council;
      TDKT_TRY_ASSIGN(council.unit, unit(text(item, "unit")));
      council.name = text(item, "name");
      council.term_from = date(item, "term_from").value_or(CivilDate{});
      council.term_to = date(item, "term_to").value_or(CivilDate{});
      if (item.contains("document")) {
        DocumentId document_id;
        TDKT_TRY_ASSIGN(document_id, document(text(item, "document")));
        council.establishing_document = document_id;
      }
      for (const auto& entry : item.value("members", Json::array())) {
        domain::CouncilMember member;
        TDKT_TRY_ASSIGN(member.person, person_named(text(entry, "person")));
        auto role = domain::council_role_from_string(text(entry, "role"));
        if (!role)
          return Error::invalid("demo",
                                "demo.json: vai trò trong Hội đồng không hợp lệ \"" + text(entry, "role") + "\".");
        member.role = *role;
        member.position = text(entry, "position");
        council.members.push_back(std::move(member));
      }
      auto created = service.create(actor, std::move(council));
      if (!created) return std::move(created).error();
      ++summary.councils;
    }
    return {};
  }
};

}  // namespace

Result<DemoSummary> load_demo(const DemoServices& services) {
  std::string_view data;
  for (const auto& file : demo_files()) {
    if (file.path == "demo.json") data = file.data;
  }
  const Json demo = Json::parse(data);
  Loader loader(services.organisation, services.people);
  int index = 0;
  for (const auto& step : demo.at("steps")) {
    Status status;
    if (step.contains("units")) status = loader.load_units(step.at("units"));
    if (step.contains("restructuring")) status = loader.load_restructuring(step.at("restructuring"));
    if (step.contains("people")) status = loader.load_people(step.at("people"));
    if (step.contains("bloc")) status = loader.load_bloc(step.at("bloc"));
    if (step.contains("accounts")) status = loader.load_accounts(step.at("accounts"), services.accounts);
    if (step.contains("records")) status = loader.load_records(step.at("records"), services.records);
    if (step.contains("documents")) status = loader.load_documents(step.at("documents"), services.documents);
    if (step.contains("movements")) status = loader.load_movements(step.at("movements"), services.movements);
    if (step.contains("targets")) status = loader.load_targets(step.at("targets"), services.targets);
    if (step.contains("campaigns"))
      status = loader.load_campaigns(step.at("campaigns"), services.campaigns, services.imports);
    if (step.contains("councils")) status = loader.load_councils(step.at("councils"), services.council);
    if (!status) {
      Error error = std::move(status).error();
      error.message = "Bước " + std::to_string(index + 1) + " của dữ liệu mẫu bị từ chối: " + error.message;
      return error;
    }
    ++index;
  }
  return loader.summary;
}

}  // namespace tdkt::ingest
