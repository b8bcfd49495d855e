#include "cli/grants_command.hpp"

#include <fstream>
#include <iostream>

#include "http/grants_json.hpp"
#include "ingest/history_workbooks.hpp"

namespace tdkt::cli {
namespace {

int fail(const std::string& message) {
  std::cerr << "tdkt: " << message << "\n";
  return 1;
}

int fail(const Error& error) {
  return fail(error.message + (error.field.empty() ? "" : " [" + error.field + "]"));
}

bool write_file(const std::string& path, const std::string& bytes) {
  std::ofstream file(path, std::ios::binary);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(file);
}

}  // namespace

int run_grants_list(server::Context& context, const GrantsListOptions& options) {
  if (options.format != "json" && options.format != "xlsx") {
    return fail("định dạng \"" + options.format + "\" không hợp lệ: json hoặc xlsx.");
  }
  if (options.format == "xlsx" && options.out.empty()) return fail("xuất Excel cần --out TỆP.xlsx.");
  app::GrantHistoryRequest request;
  request.from_year = options.year;
  request.to_year = options.year;
  if (!options.subject.empty()) {
    auto subject = app::parse_subject_ref(options.subject, "subject");
    if (!subject) return fail(subject.error());
    request.subject = *subject;
  }
  const auto actor = app::Actor::system("cli");
  auto items = context.grant_history().list(actor, request);
  if (!items) return fail(items.error());
  if (options.format == "json") {
    http::Json list = http::Json::array();
    for (const auto& item : *items)
      list.push_back(http::grant_history_json(item));
    const auto text = http::Json{{"items", list}, {"total", items->size()}}.dump(2) + "\n";
    if (options.out.empty()) {
      std::cout << text;
      return 0;
    }
    if (!write_file(options.out, text)) return fail("không ghi được tệp " + options.out + ".");
    std::cout << "Đã ghi " << items->size() << " khen thưởng vào " << options.out << "\n";
    return 0;
  }
  auto summary = context.grant_history().summary(actor, request);
  if (!summary) return fail(summary.error());
  const std::string subtitle = options.year ? "Năm " + std::to_string(*options.year) : std::string();
  auto bytes = ingest::grant_history_workbook("DANH SÁCH KHEN THƯỞNG ĐÃ TẶNG", subtitle, *items, *summary);
  if (!bytes) return fail(bytes.error());
  if (!write_file(options.out, *bytes)) return fail("không ghi được tệp " + options.out + ".");
  std::cout << "Đã xuất " << items->size() << " khen thưởng ra " << options.out << "\n";
  return 0;
}

}  // namespace tdkt::cli
