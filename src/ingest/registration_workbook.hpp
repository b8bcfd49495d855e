#pragma once
// Excel in and out for registration campaigns: the registration form (an .xlsx workbook listing
// the units and members who must register, with a drop-down of the campaign's honours), the
// reading of a filled form into app::RegistrationRow values, and the consolidated list.
// Pure conversion: no database, no clock; app::CampaignService checks and writes the rows.
//
// The form has one data sheet, found by name without regard to accents or case:
//   "Đăng ký thi đua"  Đối tượng | Mã | Tên | Đơn vị | Danh hiệu đăng ký | Ngày đăng ký | Ghi chú
// and a reference sheet "Danh mục" (the honours with their codes and for whom), which the reader
// ignores. Columns are found by their header text, in any order; a header may carry a note in
// parentheses. Imports never guess: every column must be there and no other.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/campaign_service.hpp"
#include "core/result.hpp"
#include "domain/campaigns/campaign.hpp"

namespace tdkt::ingest {

inline constexpr std::string_view kRegistrationSheet = "Đăng ký thi đua";
inline constexpr std::string_view kRegistrationCatalogueSheet = "Danh mục";
inline constexpr std::string_view kRegistrationListSheet = "Danh sách đăng ký";

// One pre-filled row of the form: a subject who must register, and an honour already registered
// (empty: none yet).
struct FormSubject {
  domain::SubjectRef subject;
  std::string name;
  std::string unit_name;
  std::string honour;
};

struct RegistrationFormData {
  std::string title;  // "ĐĂNG KÝ THI ĐUA NĂM 2026 — <phong trào>"
  std::string unit;   // the unit the form is for; empty: every unit of the campaign
  CivilDate deadline;
  std::vector<domain::HonourInfo> honours;  // the campaign's honours, offered in the drop-down
  std::vector<FormSubject> subjects;
};

Result<std::string> registration_form(const RegistrationFormData& data);

struct ParsedRegistrations {
  std::vector<app::RegistrationRow> rows;
  // Cells that could not be read, each with its sheet and Excel row number; when any is present
  // nothing should be imported.
  std::vector<app::ImportProblem> problems;
};

// Reads a filled form under form_limits(). Errors (field "file") are for the file as a whole: not
// a readable .xlsx (excel::read_xlsx's errors), no sheet "Đăng ký thi đua", another sheet that
// holds values, no header row, or a header row that is not the form's (a column missing, unknown
// or repeated, values under no header: read_header in ingest/sheet_cells.hpp). Rows without an honour and a note (a
// listed subject who did not register) are skipped. An honour may be written by code or by name (`honours`).
Result<ParsedRegistrations> read_registration_workbook(std::string_view xlsx_bytes,
                                                       const std::vector<domain::HonourInfo>& honours);

// The consolidated list: every registration grouped by unit, with the unit's consolidation, and
// a total per honour.
struct ListedRegistration {
  domain::SubjectRef subject;
  std::string name;
  std::string honour;  // the honour's code; the list shows its name (from `honours`)
  CivilDate registered_on;
  domain::RegistrationSource source = domain::RegistrationSource::kEntered;
  std::string note;
};

struct ListedUnit {
  std::string name;
  std::string status;  // "Đã xác nhận tổng hợp ngày 05/03/2023 (truongphong)" or "Chưa xác nhận tổng hợp"
  std::vector<ListedRegistration> registrations;
};

struct RegistrationListData {
  std::string title;     // "DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM 2023"
  std::string subtitle;  // the movement, the deadline, the campaign's consolidation
  std::vector<ListedUnit> units;
  std::vector<domain::HonourInfo> honours;  // the campaign's, in the order of the totals
};

Result<std::string> registration_list(const RegistrationListData& data);

}  // namespace tdkt::ingest
