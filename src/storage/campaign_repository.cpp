// Registration campaigns, the units that must register, and registrations. The honours of a
// campaign are stored as a JSON list of codes: read and written whole with their campaign.

#include <soci/soci.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "storage/query.hpp"
#include "storage/repositories.hpp"

namespace tdkt::storage {
namespace {

using Json = nlohmann::json;

constexpr const char* kCampaignColumns =
    "SELECT id, movement_id, year, deadline, reopened_until, honours_json, consolidated_on, consolidated_by "
    "FROM registration_campaign ";

constexpr const char* kRegistrationColumns =
    "SELECT id, campaign_id, unit_id, person_id, subject_unit_id, honour, registered_on, source, note "
    "FROM registration ";

domain::Campaign to_campaign(const Row& row) {
  domain::Campaign campaign;
  campaign.id = CampaignId{row.integer(0)};
  campaign.movement = MovementId{row.integer(1)};
  campaign.year = static_cast<int>(row.integer(2));
  campaign.deadline = row.date(3);
  campaign.reopened_until = row.optional_date(4);
  for (const auto& code : Json::parse(row.text(5)))
    campaign.honours.push_back(code.get<std::string>());
  campaign.consolidated_on = row.optional_date(6);
  campaign.consolidated_by = row.text(7);
  return campaign;
}

domain::Registration to_registration(const Row& row) {
  domain::Registration registration;
  registration.id = RegistrationId{row.integer(0)};
  registration.campaign = CampaignId{row.integer(1)};
  registration.unit = UnitId{row.integer(2)};
  if (const auto person = row.optional_integer(3)) {
    registration.subject = {domain::rules::SubjectKind::kPerson, *person};
  } else {
    registration.subject = {domain::rules::SubjectKind::kUnit, row.integer(4)};
  }
  registration.honour = row.text(5);
  registration.registered_on = row.date(6);
  const auto source = domain::registration_source_from_string(row.text(7));
  if (!source) throw std::runtime_error("unknown registration source in the database: " + row.text(7));
  registration.source = *source;
  registration.note = row.text(8);
  return registration;
}

std::optional<std::int64_t> person_id(const domain::Registration& registration) {
  if (registration.subject.kind != domain::rules::SubjectKind::kPerson) return std::nullopt;
  return registration.subject.id;
}

std::optional<std::int64_t> unit_id(const domain::Registration& registration) {
  if (registration.subject.kind != domain::rules::SubjectKind::kUnit) return std::nullopt;
  return registration.subject.id;
}

}  // namespace

std::vector<domain::Campaign> SqlCampaignRepository::load(std::vector<domain::Campaign> campaigns) {
  for (auto& campaign : campaigns) {
    for (const auto& row : Query(session_,
                                 "SELECT unit_id, consolidated_on, consolidated_by FROM campaign_unit "
                                 "WHERE campaign_id = :c ORDER BY position")
                               .bind("c", campaign.id.value)
                               .rows()) {
      campaign.units.push_back({UnitId{row.integer(0)}, row.optional_date(1), row.text(2)});
    }
  }
  return campaigns;
}

std::optional<domain::Campaign> SqlCampaignRepository::find_campaign(CampaignId id) {
  auto row = Query(session_, std::string(kCampaignColumns) + "WHERE id = :id").bind("id", id.value).first();
  if (!row) return std::nullopt;
  return load({to_campaign(*row)}).front();
}

std::optional<domain::Campaign> SqlCampaignRepository::find_campaign_for(MovementId movement, int year) {
  auto row = Query(session_, std::string(kCampaignColumns) + "WHERE movement_id = :m AND year = :y")
                 .bind("m", movement.value)
                 .bind("y", std::int64_t{year})
                 .first();
  if (!row) return std::nullopt;
  return load({to_campaign(*row)}).front();
}

std::vector<domain::Campaign> SqlCampaignRepository::list_campaigns() {
  std::vector<domain::Campaign> campaigns;
  for (const auto& row :
       Query(session_, std::string(kCampaignColumns) + "ORDER BY year DESC, deadline DESC, id DESC").rows()) {
    campaigns.push_back(to_campaign(row));
  }
  return load(std::move(campaigns));
}

CampaignId SqlCampaignRepository::insert_campaign(const domain::Campaign& campaign) {
  const Json honours = campaign.honours;
  const CampaignId id{Query(session_,
                            "INSERT INTO registration_campaign (movement_id, year, deadline, reopened_until, "
                            "honours_json, consolidated_on, consolidated_by) VALUES (:m, :y, :deadline, :reopened, "
                            ":honours, :consolidated_on, :consolidated_by) RETURNING id")
                          .bind("m", campaign.movement.value)
                          .bind("y", std::int64_t{campaign.year})
                          .bind("deadline", campaign.deadline)
                          .bind("reopened", campaign.reopened_until)
                          .bind("honours", honours.dump())
                          .bind("consolidated_on", campaign.consolidated_on)
                          .bind("consolidated_by", campaign.consolidated_by)
                          .insert_returning_id()};
  std::int64_t position = 0;
  for (const auto& unit : campaign.units) {
    Query(session_,
          "INSERT INTO campaign_unit (campaign_id, unit_id, position, consolidated_on, consolidated_by) "
          "VALUES (:c, :u, :p, :on, :by)")
        .bind("c", id.value)
        .bind("u", unit.unit.value)
        .bind("p", position++)
        .bind("on", unit.consolidated_on)
        .bind("by", unit.consolidated_by)
        .execute();
  }
  return id;
}

void SqlCampaignRepository::update_campaign(const domain::Campaign& campaign) {
  Query(session_,
        "UPDATE registration_campaign SET reopened_until = :reopened, consolidated_on = :on, consolidated_by = :by "
        "WHERE id = :id")
      .bind("reopened", campaign.reopened_until)
      .bind("on", campaign.consolidated_on)
      .bind("by", campaign.consolidated_by)
      .bind("id", campaign.id.value)
      .execute();
  for (const auto& unit : campaign.units) {
    Query(
        session_,
        "UPDATE campaign_unit SET consolidated_on = :on, consolidated_by = :by WHERE campaign_id = :c AND unit_id = :u")
        .bind("on", unit.consolidated_on)
        .bind("by", unit.consolidated_by)
        .bind("c", campaign.id.value)
        .bind("u", unit.unit.value)
        .execute();
  }
}

std::vector<domain::Registration> SqlCampaignRepository::registrations(CampaignId campaign) {
  std::vector<domain::Registration> found;
  for (const auto& row :
       Query(session_, std::string(kRegistrationColumns) + "WHERE campaign_id = :c ORDER BY registered_on, id")
           .bind("c", campaign.value)
           .rows()) {
    found.push_back(to_registration(row));
  }
  return found;
}

std::optional<domain::Registration> SqlCampaignRepository::find_registration(RegistrationId id) {
  auto row = Query(session_, std::string(kRegistrationColumns) + "WHERE id = :id").bind("id", id.value).first();
  if (!row) return std::nullopt;
  return to_registration(*row);
}

RegistrationId SqlCampaignRepository::insert_registration(const domain::Registration& registration) {
  return RegistrationId{Query(session_,
                              "INSERT INTO registration (campaign_id, unit_id, person_id, subject_unit_id, honour, "
                              "registered_on, source, note) VALUES (:c, :u, :person, :subject_unit, :honour, :on, "
                              ":source, :note) RETURNING id")
                            .bind("c", registration.campaign.value)
                            .bind("u", registration.unit.value)
                            .bind("person", person_id(registration))
                            .bind("subject_unit", unit_id(registration))
                            .bind("honour", registration.honour)
                            .bind("on", registration.registered_on)
                            .bind("source", std::string(domain::to_string(registration.source)))
                            .bind("note", registration.note)
                            .insert_returning_id()};
}

void SqlCampaignRepository::delete_registration(RegistrationId id) {
  Query(session_, "DELETE FROM registration WHERE id = :id").bind("id", id.value).execute();
}

}  // namespace tdkt::storage
