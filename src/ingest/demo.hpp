#pragma once
// Loads the demo data (demo/demo.json, compiled in) through the same use cases as the API.

#include <span>

#include "app/account_service.hpp"
#include "app/campaign_service.hpp"
#include "app/council_service.hpp"
#include "app/document_service.hpp"
#include "app/movement_service.hpp"
#include "app/organisation_service.hpp"
#include "app/people_service.hpp"
#include "app/records_service.hpp"
#include "app/target_service.hpp"
#include "core/embedded.hpp"

namespace tdkt::ingest {

std::span<const EmbeddedFile> demo_files();

struct DemoSummary {
  int units = 0;
  int restructurings = 0;
  int people = 0;
  int memberships = 0;
  int blocs = 0;
  int person_years = 0;
  int unit_years = 0;
  int grants = 0;
  int documents = 0;
  int movements = 0;
  int targets = 0;
  int target_values = 0;
  int campaigns = 0;
  int registrations = 0;
  int councils = 0;
  std::vector<std::string> accounts;  // demo accounts, one per role, password demo1234
};

// The use cases the demo goes through, as the API would.
struct DemoServices {
  app::OrganisationService& organisation;
  app::PeopleService& people;
  app::AccountService& accounts;
  app::RecordsService& records;
  app::DocumentService& documents;
  app::MovementService& movements;
  app::TargetService& targets;
  app::CampaignService& campaigns;
  app::CouncilService& council;
  app::ImportGate& imports;  // the demo's imported registrations take a permit like any import
};

// Runs every step of demo.json in order. Fails on the first refused step, naming it.
Result<DemoSummary> load_demo(const DemoServices& services);

}  // namespace tdkt::ingest
