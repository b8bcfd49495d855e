#include "app/movement_service.hpp"

#include <array>

#include "app/access.hpp"
#include "app/document_service.hpp"
#include "core/text.hpp"

namespace tdkt::app {
namespace {

Snapshot snapshot(const domain::Movement& movement) {
  std::string documents;
  for (const auto id : movement.implements)
    documents += (documents.empty() ? "" : ",") + std::to_string(id.value);
  Snapshot out{{"name", movement.name},
               {"theme", movement.theme},
               {"authority", movement.authority},
               {"level", std::string(domain::to_string(movement.level))},
               {"kind", std::string(domain::to_string(movement.kind))},
               {"starts_on", movement.starts_on.iso()},
               {"ends_on", movement.ends_on.iso()},
               {"parent_id", movement.parent ? std::to_string(movement.parent->value) : ""},
               {"unit_id", movement.unit ? std::to_string(movement.unit->value) : ""},
               {"content_items", std::to_string(movement.content_items.size())},
               {"waves", std::to_string(movement.waves.size())},
               {"assignments", std::to_string(movement.assignments.size())},
               {"implements", documents}};
  if (movement.plan_document) out.emplace_back("plan_document_id", std::to_string(movement.plan_document->value));
  return out;
}

// Checks what the movement refers to: its parent (and that no chain of parents leads back to
// it), its unit, the units it assigns tasks to and the documents it implements.
Status check_references(UnitOfWork& work, const domain::Movement& movement) {
  if (movement.parent) {
    auto parent = work.movements().find_movement(*movement.parent);
    if (!parent) {
      return Error::invalid("parent_id",
                            "Không có phong trào mã " + std::to_string(movement.parent->value) + " để thực hiện theo.");
    }
    for (int depth = 0; parent && depth < 50; ++depth) {
      if (movement.id.value != 0 && parent->id == movement.id) {
        return Error::invalid("parent_id", "Phong trào \"" + movement.name +
                                               "\" không thể thực hiện theo một phong trào thực hiện theo chính nó.");
      }
      parent = parent->parent ? work.movements().find_movement(*parent->parent) : std::nullopt;
    }
  }
  if (movement.unit && !work.organisation().find_unit(*movement.unit)) {
    return Error::invalid("unit_id", "Không có đơn vị mã " + std::to_string(movement.unit->value) + ".");
  }
  for (std::size_t i = 0; i < movement.assignments.size(); ++i) {
    if (!work.organisation().find_unit(movement.assignments[i].unit)) {
      return Error::invalid("assignments[" + std::to_string(i) + "].unit_id",
                            "Không có đơn vị mã " + std::to_string(movement.assignments[i].unit.value) + ".");
    }
  }
  if (movement.plan_document) {
    auto plan = work.documents().find_document(*movement.plan_document);
    if (!plan) {
      return Error::invalid("plan_document_id", "Văn bản mã " + std::to_string(movement.plan_document->value) +
                                                    " không có trong sổ văn bản.");
    }
    if (plan->type != domain::DocumentType::kPlan) {
      return Error::invalid("plan_document_id", "Văn bản " + plan->number.text() + " không phải kế hoạch (loại: " +
                                                    std::string(domain::vietnamese_label(plan->type)) + ").");
    }
    auto owner = work.movements().movement_of_plan(plan->id);
    if (owner && *owner != movement.id) {
      return Error::conflict(ErrorCode::kConflict, "plan_document_id",
                             "Kế hoạch " + plan->number.text() + " đã là kế hoạch của phong trào mã " +
                                 std::to_string(owner->value) + ".");
    }
  }
  for (std::size_t i = 0; i < movement.implements.size(); ++i) {
    if (!work.documents().find_document(movement.implements[i])) {
      return Error::invalid(
          "implements[" + std::to_string(i) + "]",
          "Văn bản mã " + std::to_string(movement.implements[i].value) + " không có trong sổ văn bản.");
    }
  }
  return {};
}

Error not_found(MovementId id) {
  return Error::not_found("Không tìm thấy phong trào mã " + std::to_string(id.value) + ".");
}

std::vector<std::string> paragraphs(const std::string& value) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= value.size()) {
    auto end = value.find('\n', start);
    if (end == std::string::npos) end = value.size();
    if (end > start) out.push_back(value.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// True when the name already says its period ("… năm 2023", "… giai đoạn 2021-2025").
bool names_a_year(const std::string& name) {
  int digits = 0;
  for (const char c : name) {
    digits = (c >= '0' && c <= '9') ? digits + 1 : 0;
    if (digits == 4) return true;
  }
  return false;
}

std::string ordinal_wave_dates(const domain::Wave& wave) {
  return wave.starts_on.vn() + " - " + wave.ends_on.vn();
}

// "Căn cứ Kế hoạch số 192/KH-UBND ngày 30/6/2022 của UBND tỉnh Bình Phước về việc …;"
std::string citation_line(const domain::RegisteredDocument& document) {
  return "Căn cứ " + std::string(domain::vietnamese_label(document.type)) + " số " + document.number.text() + " ngày " +
         document.issued_on.vn() + " của " + document.issuer + " " + document.summary + ";";
}

}  // namespace

std::string movement_search_text(const domain::Movement& movement) {
  return text::fold(movement.name + " " + movement.theme + " " + movement.authority);
}

std::vector<domain::DocumentBlock> plan_body(const domain::Movement& movement,
                                             const std::vector<domain::Unit>& assigned_units) {
  std::vector<domain::DocumentBlock> body;
  const auto add = [&body](const char* kind, std::string text) { body.push_back({kind, std::move(text)}); };
  static constexpr std::array<const char*, 4> kRoman{"I", "II", "III", "IV"};
  std::size_t section = 0;
  if (!movement.purposes.empty() || !movement.requirements.empty()) {
    add("heading1", std::string(kRoman.at(section++)) + ". MỤC ĐÍCH, YÊU CẦU");
    int sub = 0;
    if (!movement.purposes.empty()) {
      add("heading2", std::to_string(++sub) + ". Mục đích");
      for (const auto& line : movement.purposes)
        add("bullet", line);
    }
    if (!movement.requirements.empty()) {
      add("heading2", std::to_string(++sub) + ". Yêu cầu");
      for (const auto& line : movement.requirements)
        add("bullet", line);
    }
  }
  add("heading1", std::string(kRoman.at(section++)) + ". NỘI DUNG PHONG TRÀO THI ĐUA");
  int item_number = 0;
  for (const auto& item : movement.content_items) {
    add("heading2", std::to_string(++item_number) + ". " + item.title);
    for (auto& paragraph : paragraphs(item.text))
      add("paragraph", std::move(paragraph));
  }
  if (!movement.waves.empty()) {
    add("heading2", std::to_string(++item_number) + ". Các đợt thi đua");
    add("paragraph", "Phong trào thi đua " + domain::period_phrase(movement) +
                         " được tổ chức thường xuyên, trong đó có " + (movement.waves.size() < 10 ? "0" : "") +
                         std::to_string(movement.waves.size()) + " đợt cao điểm:");
    for (const auto& wave : movement.waves) {
      std::string line = wave.name + " (" + ordinal_wave_dates(wave) + ")";
      if (!wave.occasions.empty()) {
        line += ": thi đua lập thành tích chào mừng ";
        for (std::size_t i = 0; i < wave.occasions.size(); ++i) {
          line += (i == 0 ? "" : "; ") + wave.occasions[i].name;
          if (wave.occasions[i].on) line += " (" + wave.occasions[i].on->vn() + ")";
        }
      }
      add("bullet", line + ".");
    }
  }
  if (!movement.solutions.empty()) {
    add("heading1", std::string(kRoman.at(section++)) + ". GIẢI PHÁP THỰC HIỆN");
    int number = 0;
    for (const auto& line : movement.solutions)
      add("paragraph", std::to_string(++number) + ". " + line);
  }
  if (!movement.assignments.empty()) {
    add("heading1", std::string(kRoman.at(section++)) + ". TỔ CHỨC THỰC HIỆN");
    int number = 0;
    for (std::size_t i = 0; i < movement.assignments.size(); ++i) {
      std::string unit_name = i < assigned_units.size() ? assigned_units[i].name : std::string();
      if (unit_name.empty()) unit_name = "Đơn vị mã " + std::to_string(movement.assignments[i].unit.value);
      add("paragraph", std::to_string(++number) + ". " + unit_name + ": " + movement.assignments[i].task);
    }
  }
  return body;
}

Result<std::vector<domain::Movement>> MovementService::list(const Actor& actor, const MovementListRequest& request) {
  TDKT_TRY(require(actor, domain::Permission::kReadOrganisation));
  if (text::length(request.q) > 200) return Error::invalid("q", "Từ khóa tìm kiếm dài quá 200 ký tự.");
  MovementQuery query;
  query.terms = text::search_terms(text::fold(request.q));
  query.active_on = request.active_on;
  query.level = request.level;
  auto work = store_.read();
  return work->movements().list_movements(query);
}

Result<domain::Movement> MovementService::movement(const Actor& actor, MovementId id) {
  TDKT_TRY(require(actor, domain::Permission::kReadOrganisation));
  auto work = store_.read();
  auto found = work->movements().find_movement(id);
  if (!found) return not_found(id);
  return *found;
}

Result<MovementView> MovementService::view(const Actor& actor, MovementId id) {
  TDKT_TRY(require(actor, domain::Permission::kReadOrganisation));
  auto work = store_.read();
  auto found = work->movements().find_movement(id);
  if (!found) return not_found(id);
  MovementView view{*found, std::nullopt, work->movements().children_of(id), {}, std::nullopt};
  if (found->parent) view.parent = work->movements().find_movement(*found->parent);
  for (const auto document : found->implements) {
    if (auto cited = work->documents().find_document(document)) view.implements.push_back(std::move(*cited));
  }
  if (found->plan_document) view.plan_document = work->documents().find_document(*found->plan_document);
  return view;
}

Result<domain::Movement> MovementService::create(const Actor& actor, domain::Movement movement) {
  TDKT_TRY(require(actor, domain::Permission::kManageMovements));
  movement.id = MovementId{};
  auto checked = domain::check_movement(std::move(movement));
  if (!checked) return std::move(checked).error();
  auto work = store_.write();
  TDKT_TRY(check_references(*work, *checked));
  checked->id = work->movements().insert_movement(*checked, movement_search_text(*checked));
  work->audit({actor.name, "movement", checked->id.value, "create", std::nullopt, snapshot(*checked)},
              clock_.now_iso());
  work->commit();
  return checked;
}

Result<domain::Movement> MovementService::update(const Actor& actor, domain::Movement movement) {
  TDKT_TRY(require(actor, domain::Permission::kManageMovements));
  auto work = store_.write();
  auto existing = work->movements().find_movement(movement.id);
  if (!existing) return not_found(movement.id);
  if (existing->plan_document && !movement.plan_document) movement.plan_document = existing->plan_document;
  auto checked = domain::check_movement(std::move(movement));
  if (!checked) return std::move(checked).error();
  TDKT_TRY(check_references(*work, *checked));
  work->movements().update_movement(*checked, movement_search_text(*checked));
  work->audit({actor.name, "movement", checked->id.value, "update", snapshot(*existing), snapshot(*checked)},
              clock_.now_iso());
  work->commit();
  return checked;
}

Result<domain::RegisteredDocument> MovementService::create_plan(const Actor& actor, MovementId id,
                                                                PlanRequest request) {
  TDKT_TRY(require(actor, domain::Permission::kManageMovements));
  TDKT_TRY(require(actor, domain::Permission::kManageDocuments));
  auto work = store_.write();
  // Before the movement is read: a concurrent plan of the same movement is seen, and numbered
  // from the register after the one before it.
  work->lock_numbering();
  auto movement = work->movements().find_movement(id);
  if (!movement) return not_found(id);
  if (movement->plan_document) {
    auto plan = work->documents().find_document(*movement->plan_document);
    return Error::conflict(ErrorCode::kConflict, "movement",
                           "Phong trào \"" + movement->name + "\" đã có kế hoạch" +
                               (plan ? " số " + plan->number.text() + " ngày " + plan->issued_on.vn() : "") + ".");
  }
  std::optional<domain::Unit> unit;
  if (movement->unit) unit = work->organisation().find_unit(*movement->unit);
  // What the agency's unit already says is not typed again.
  if (unit) {
    if (text::normalize(request.issuer).empty()) request.issuer = unit->name;
    if (text::normalize(request.place).empty()) request.place = unit->place;
    if (text::normalize(request.symbol).empty() && !unit->short_name.empty()) request.symbol = "KH-" + unit->short_name;
  }
  if (text::normalize(request.symbol).empty())
    return Error::invalid("symbol", "Chưa có ký hiệu văn bản (ví dụ: KH-BDT).");
  auto parsed = domain::parse_document_number("1/" + text::normalize(request.symbol));
  if (!parsed || parsed->year) {
    return Error::invalid("symbol", "Ký hiệu \"" + request.symbol + "\" không hợp lệ; ví dụ: KH-BDT.");
  }

  std::vector<domain::Unit> assigned;
  for (const auto& assignment : movement->assignments) {
    domain::Unit unit_or_blank;  // a unit ended since keeps its task, without a name
    if (auto found = work->organisation().find_unit(assignment.unit)) unit_or_blank = std::move(*found);
    assigned.push_back(std::move(unit_or_blank));
  }
  DocumentRegistration registration;
  auto& document = registration.document;
  document.type = domain::DocumentType::kPlan;
  document.number = *parsed;
  document.issued_on = request.issued_on;
  document.issuer = std::move(request.issuer);
  document.issuer_parent = std::move(request.issuer_parent);
  document.place = std::move(request.place);
  document.signer_name = std::move(request.signer_name);
  document.signer_authority = std::move(request.signer_authority);
  document.signer_position = std::move(request.signer_position);
  document.recipients = std::move(request.recipients);
  document.summary = std::string(movement->parent ? "Thực hiện" : "Phát động") + " phong trào thi đua “" +
                     movement->name + "”" +
                     (names_a_year(movement->name) ? "" : " " + domain::period_phrase(*movement));
  document.own = true;
  document.cites = movement->implements;
  for (const auto cited : movement->implements) {
    if (auto found = work->documents().find_document(cited))
      document.preamble.push_back({"paragraph", citation_line(*found)});
  }
  document.body = plan_body(*movement, assigned);
  registration.assign_number = true;
  auto registered = register_document_in(*work, actor, std::move(registration), clock_);
  if (!registered) return registered;

  const auto before = snapshot(*movement);
  movement->plan_document = registered->id;
  work->movements().update_movement(*movement, movement_search_text(*movement));
  work->audit({actor.name, "movement", movement->id.value, "update", before, snapshot(*movement)}, clock_.now_iso());
  work->commit();
  return registered;
}

}  // namespace tdkt::app
