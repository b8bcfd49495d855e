#include "cli/cli.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <thread>

#include "cli/audit_command.hpp"
#include "cli/grants_command.hpp"
#include "cli/restore_command.hpp"
#include "cli/rules_command.hpp"
#include "documents/docx.hpp"
#include "documents/from_register.hpp"
#include "documents/pdf.hpp"
#include "ingest/demo.hpp"
#include "server/context.hpp"

namespace tdkt::cli {
namespace {

// Lets the server keep as many open connections as the hard limit allows (idle keep-alive
// connections cost a descriptor each, never a thread).
void raise_descriptor_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

std::string default_db() {
  if (const char* env = std::getenv("TDKT_DB"); env && *env) return env;
  return std::string(storage::kDefaultLocation);
}

int fail(const std::string& message) {
  std::cerr << "tdkt: " << message << "\n";
  return 1;
}

int print_error(const Error& error) {
  return fail(error.message + (error.field.empty() ? "" : " [" + error.field + "]"));
}

bool has_suffix(const std::string& path, std::string_view suffix) {
  return path.size() > suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Writes a document as DOCX, or as PDF through LibreOffice, by the extension of `out`.
int write_official(const documents::OfficialDocument& official, const std::string& out) {
  auto bytes = documents::render_docx(official);
  if (!bytes) return print_error(bytes.error());
  if (has_suffix(out, ".pdf")) {
    auto converted = documents::convert_to_pdf(*bytes);
    if (!converted) return print_error(converted.error());
    bytes = std::move(converted);
  }
  std::ofstream file(out, std::ios::binary);
  file.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
  if (!file) return fail("không ghi được tệp " + out + ".");
  return 0;
}

int check_output(const std::string& out) {
  if (!has_suffix(out, ".pdf") && !has_suffix(out, ".docx"))
    return fail("tệp đích phải có phần mở rộng .docx hoặc .pdf.");
  return 0;
}

// Writes the agency's document `number` of `year` as DOCX, or as PDF through LibreOffice.
int run_document_render(server::Context& context, const std::string& number, int year, const std::string& out) {
  if (const int bad = check_output(out)) return bad;
  auto document = context.documents().own_document(app::Actor::system(), number, year);
  if (!document) return print_error(document.error());
  if (document->body.empty()) return fail("văn bản " + document->number.text() + " chưa có nội dung soạn trong tdkt.");
  if (const int failed = write_official(documents::official_document(*document), out)) return failed;
  std::cout << "Đã xuất " << domain::vietnamese_label(document->type) << " " << document->number.text() << " ngày "
            << document->issued_on.vn() << " ra " << out << "\n";
  return 0;
}

// Drafts the review report of [from, to] from the records: unnumbered, as it goes to the head of
// agency before the register gives it a number.
int run_report_render(server::Context& context, const std::string& from, const std::string& to,
                      const std::string& out) {
  if (const int bad = check_output(out)) return bad;
  app::ReportRequest request;
  auto first = parse_date_field(from, "from");
  if (!first) return print_error(first.error());
  auto last = parse_date_field(to, "to");
  if (!last) return print_error(last.error());
  request.from = *first;
  request.to = *last;
  const auto actor = app::Actor::system("report");
  auto figures = context.reports().figures(actor, request);
  if (!figures) return print_error(figures.error());
  auto document = context.reports().draft(actor, *figures);
  if (!document) return print_error(document.error());
  auto official = documents::official_document(*document);
  official.number = "      /" + document->number.symbol;
  if (const int failed = write_official(official, out)) return failed;
  std::cout << "Đã soạn dự thảo báo cáo " << figures->period_text << " (" << figures->documents.size() << " văn bản, "
            << figures->individuals << " cá nhân và " << figures->collectives << " tập thể được khen thưởng, "
            << figures->complaints.received << " đơn thư) ra " << out << "\n";
  return 0;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"tdkt — quản lý thi đua, khen thưởng (emulation and commendation management)"};
  app.require_subcommand(1);
  std::string db = default_db();
  app.add_option("--db", db,
                 "Cơ sở dữ liệu: sqlite:ĐƯỜNG_DẪN hoặc postgresql://... (mặc định: $TDKT_DB hoặc "
                 "sqlite:./data/tdkt.db)");
  // Every option may also be written in a TOML file: top-level keys for these, a [serve]
  // section for the server's (docs/configuration.md).
  app.set_config("--config", "", "Tệp cấu hình TOML (docs/configuration.md); tùy chọn dòng lệnh được ưu tiên");
  std::string province = server::kDefaultProvince;
  app.add_option("--province", province,
                 "Tỉnh có bộ quy định riêng áp dụng thêm trên quy định của Trung ương (thư mục rules/provincial); "
                 "để trống để chỉ áp dụng quy định của Trung ương")
      ->envname("TDKT_PROVINCE")
      ->capture_default_str();

  auto* serve = app.add_subcommand("serve", "Chạy máy chủ web và API (áp dụng migration trước khi phục vụ)");
  std::string host = "127.0.0.1";
  int port = 8080;
  http::ServerOptions server_options;
  server_options.signals = http::Signals::kStopServer;
  serve->add_option("--host", host, "Địa chỉ lắng nghe")->capture_default_str();
  serve->add_option("--port", port, "Cổng")->capture_default_str()->check(CLI::Range(1, 65535));
  serve->add_flag("--secure-cookies", server_options.secure_cookies,
                  "Phục vụ qua HTTPS (ví dụ sau nginx): cookie phiên __Host-tdkt_session với thuộc tính Secure");
  serve->add_option("--trusted-proxy", server_options.trusted_proxies,
                    "Địa chỉ IP của proxy ngược (nginx) được tin: lấy địa chỉ người dùng từ X-Forwarded-For và "
                    "giao thức từ X-Forwarded-Proto của proxy này (có thể lặp lại)");
  serve->add_option("--keep-alive", server_options.keep_alive_seconds, "Đóng kết nối không hoạt động sau số giây này")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  serve
      ->add_option("--queue-limit", server_options.queue_limit,
                   "Số yêu cầu tối đa chờ luồng xử lý; quá số này trả 503 kèm Retry-After")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  serve
      ->add_option("--header-timeout", server_options.header_seconds,
                   "Số giây tối đa để nhận dòng yêu cầu và phần tiêu đề (quá hạn: 408)")
      ->capture_default_str()
      ->check(CLI::Range(1, 600));
  serve->add_option("--body-timeout", server_options.body_seconds, "Số giây tối đa để nhận nội dung (quá hạn: 408)")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  serve
      ->add_option("--shutdown-timeout", server_options.shutdown_seconds,
                   "Khi dừng (SIGTERM): số giây chờ các yêu cầu đang xử lý hoàn tất")
      ->capture_default_str()
      ->check(CLI::Range(0, 3600));
  serve->add_option("--io-threads", server_options.io_threads, "Số luồng đọc, ghi kết nối mạng")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  serve->add_option("--max-connections", server_options.max_connections, "Số kết nối mở tối đa")
      ->capture_default_str()
      ->check(CLI::Range(16, 1000000));
  std::string static_dir;
  serve->add_option("--static-dir", static_dir, "Thư mục tệp tĩnh bổ sung, phục vụ tại /files/ (không bắt buộc)")
      ->check(CLI::ExistingDirectory);
  int pdf_concurrency = 2;
  serve
      ->add_option("--pdf-concurrency", pdf_concurrency,
                   "Số văn bản chuyển sang PDF (LibreOffice) cùng lúc; quá số này trả 429")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  serve
      ->add_option("--threads", server_options.threads,
                   "Số luồng xử lý yêu cầu (truy vấn cơ sở dữ liệu, văn bản); kết nối đang chờ không giữ luồng")
      ->capture_default_str()
      ->check(CLI::Range(1, 1024));
  int idle_minutes = 120;
  serve
      ->add_option("--session-idle-minutes", idle_minutes,
                   "Phiên đăng nhập không dùng quá số phút này thì hết hạn (tối đa 720, thời hạn của phiên)")
      ->capture_default_str()
      ->check(CLI::Range(5, 720));
  int max_imports = app::ImportGate::kDefaultCapacity;
  serve
      ->add_option("--max-imports", max_imports,
                   "Số tệp Excel được nhập cùng lúc; tệp gửi thêm được trả lời 429 (busy) để gửi lại sau")
      ->capture_default_str()
      ->check(CLI::Range(1, app::ImportGate::kMaxCapacity));

  auto* init = app.add_subcommand("init", "Tạo cơ sở dữ liệu (migration); với --demo, nạp dữ liệu mẫu");
  bool demo = false;
  init->add_flag("--demo", demo, "Nạp dữ liệu mẫu từ hồ sơ của Ban Dân tộc tỉnh Bình Phước");

  auto* migrate = app.add_subcommand("migrate", "Áp dụng các migration còn thiếu");
  auto* backup = app.add_subcommand("backup", "Sao lưu: SQLite dùng online backup, PostgreSQL dùng pg_dump");
  std::string backup_file;
  backup->add_option("file", backup_file, "Tệp đích")->required();
  auto* restore =
      app.add_subcommand("restore", "Khôi phục bản sao lưu của tdkt backup vào một cơ sở dữ liệu trống (--db)");
  std::string restore_file;
  restore->add_option("file", restore_file, "Tệp sao lưu")->required();
  auto* version = app.add_subcommand("version", "In phiên bản");
  auto* rules = app.add_subcommand("rules", "Tiêu chuẩn thi đua, khen thưởng (không cần cơ sở dữ liệu)");
  rules->require_subcommand(1);
  auto* rules_check = rules->add_subcommand(
      "check", "Xét một hồ sơ JSON, in kết luận JSON (docs/rules-cli.md); mã thoát 2 nếu không xét được");
  std::string rules_file = "-";
  rules_check->add_option("file", rules_file, "Tệp hồ sơ JSON, hoặc - để đọc từ stdin")->capture_default_str();

  auto* user = app.add_subcommand("user", "Quản lý tài khoản từ dòng lệnh");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Tạo tài khoản (mật khẩu đọc từ đầu vào chuẩn, một dòng)");
  std::string new_username;
  std::string new_role = "admin";
  std::string new_display_name;
  user_add->add_option("username", new_username, "Tên đăng nhập")->required();
  user_add->add_option("--role", new_role, "Vai trò: admin, officer, council_member, unit_head, staff, viewer")
      ->capture_default_str();
  user_add->add_option("--name", new_display_name, "Họ tên hiển thị");

  auto* document = app.add_subcommand("document", "Sổ văn bản và văn bản soạn theo thể thức Nghị định 30/2020/NĐ-CP");
  document->require_subcommand(1);
  auto* document_render =
      document->add_subcommand("render", "Xuất văn bản của cơ quan ra DOCX hoặc PDF (theo phần mở rộng của --out)");
  std::string document_number;
  int document_year = 0;
  std::string document_out;
  document_render->add_option("number", document_number, "Số, ký hiệu: 05/KH-BDT")->required();
  document_render->add_option("--year", document_year, "Năm ban hành")->required()->check(CLI::Range(1945, 2100));
  document_render->add_option("--out", document_out, "Tệp đích .docx hoặc .pdf")->required();
  auto* document_list = document->add_subcommand("list", "Liệt kê sổ văn bản");
  int list_year = 0;
  document_list->add_option("--year", list_year, "Chỉ năm này");

  auto* grants = app.add_subcommand("grants", "Khen thưởng đã tặng (tra cứu qua các năm)");
  grants->require_subcommand(1);
  auto* grants_list = grants->add_subcommand(
      "list", "Liệt kê khen thưởng đã tặng; --subject unit:MÃ gồm cả khen thưởng của các đơn vị tiền thân");
  GrantsListOptions grants_options;
  grants_list->add_option("--year", grants_options.year, "Chỉ năm này")->check(CLI::Range(1945, 2100));
  grants_list->add_option("--subject", grants_options.subject,
                          "Một đối tượng: person:MÃ (cá nhân), unit:MÃ (tập thể), hoặc chỉ MÃ (cá nhân)");
  grants_list->add_option("--format", grants_options.format, "json hoặc xlsx")
      ->check(CLI::IsMember({"json", "xlsx"}))
      ->capture_default_str();
  grants_list->add_option("--out", grants_options.out,
                          "Tệp đích (bắt buộc với xlsx; json in ra màn hình nếu bỏ trống)");

  auto* report = app.add_subcommand("report", "Báo cáo sơ kết, tổng kết công tác thi đua, khen thưởng");
  report->require_subcommand(1);
  auto* report_render = report->add_subcommand(
      "render",
      "Soạn dự thảo báo cáo của một kỳ, mọi số liệu lấy từ hồ sơ, ra DOCX hoặc PDF (theo phần mở rộng của --out)");
  std::string report_from;
  std::string report_to;
  std::string report_out;
  report_render->add_option("--from", report_from, "Ngày đầu kỳ, YYYY-MM-DD")->required();
  report_render->add_option("--to", report_to, "Ngày cuối kỳ, YYYY-MM-DD")->required();
  report_render->add_option("--out", report_out, "Tệp đích .docx hoặc .pdf")->required();

  AuditCommands audit;
  add_audit_commands(app, audit);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  if (version->parsed()) {
    std::cout << "tdkt " << TDKT_VERSION << "\n";
    return 0;
  }
  if (rules_check->parsed()) return run_rules_check(rules_file, std::cin, std::cout);
  if (audit.keygen->parsed()) return run_audit_keygen(audit);

  auto location = storage::parse_location(db);
  if (!location) return print_error(location.error());
  if (auto known = server::check_province(province); !known) return print_error(known.error());

  try {
    server::Context context(*location, serve->parsed() ? server_options.threads : 2,
                            std::make_unique<server::SystemClock>(), false, province, max_imports);
    context.accounts().set_idle_timeout(std::int64_t{idle_minutes} * 60);
    auto& database = context.database();

    if (migrate->parsed()) {
      const int applied = database.migrate();
      std::cout << "Đã áp dụng " << applied << " migration; phiên bản lược đồ: " << database.schema_version() << "\n";
      return 0;
    }
    if (init->parsed()) {
      database.migrate();
      if (demo) {
        auto existing = context.organisation().units(context.clock().today());
        if (!context.organisation().restructurings().empty() || !existing.empty()) {
          return fail("cơ sở dữ liệu " + location->display() + " đã có dữ liệu; không nạp dữ liệu mẫu lần nữa.");
        }
        auto summary = ingest::load_demo(context.demo_services());
        if (!summary) return print_error(summary.error());
        database.optimize();
        std::cout << "Đã nạp dữ liệu mẫu: " << summary->units << " đơn vị, " << summary->restructurings
                  << " đợt sắp xếp, " << summary->people << " cá nhân, " << summary->memberships
                  << " quá trình công tác, " << summary->blocs << " khối thi đua, " << summary->person_years
                  << " hồ sơ năm cá nhân, " << summary->unit_years << " hồ sơ năm tập thể, " << summary->grants
                  << " khen thưởng đã nhận, " << summary->documents << " văn bản trong sổ văn bản, "
                  << summary->movements << " phong trào thi đua.\n";
        std::cout << "Tài khoản mẫu, mật khẩu demo1234:";
        for (const auto& name : summary->accounts)
          std::cout << " " << name;
        std::cout << "\n";
      }
      std::cout << "Cơ sở dữ liệu sẵn sàng: " << location->display() << "\n";
      return 0;
    }
    if (user_add->parsed()) {
      database.migrate();
      auto role = domain::role_from_string(new_role);
      if (!role) return fail("vai trò \"" + new_role + "\" không hợp lệ.");
      std::string password;
      if (isatty(STDIN_FILENO)) std::cerr << "Mật khẩu cho " << new_username << ": ";
      std::getline(std::cin, password);
      app::AccountDraft draft{new_username, new_display_name, *role, std::nullopt, std::nullopt, password};
      auto account = context.accounts().create(app::Actor::system(), draft);
      if (!account) return print_error(account.error());
      std::cout << "Đã tạo tài khoản " << account->username << " (" << domain::vietnamese_label(account->role)
                << ").\n";
      return 0;
    }
    if (document_render->parsed()) return run_document_render(context, document_number, document_year, document_out);
    if (document_list->parsed()) {
      app::DocumentListRequest request;
      if (list_year != 0) request.year = list_year;
      auto documents = context.documents().list(app::Actor::system(), request);
      if (!documents) return print_error(documents.error());
      for (const auto& item : *documents) {
        std::cout << item.issued_on.vn() << "  " << item.number.text() << "  " << domain::vietnamese_label(item.type)
                  << "  " << item.summary << (item.own ? "  [cơ quan]" : "") << "\n";
      }
      return 0;
    }
    if (grants_list->parsed()) return run_grants_list(context, grants_options);
    if (report_render->parsed()) return run_report_render(context, report_from, report_to, report_out);
    if (audit.parsed()) return run_audit(context, audit);
    if (restore->parsed()) return run_restore(context, restore_file);
    if (backup->parsed()) {
      if (auto done = database.backup(backup_file); !done) return print_error(done.error());
      std::cout << "Đã sao lưu vào " << backup_file << "\n";
      return 0;
    }
    if (serve->parsed()) {
      database.migrate();
      raise_descriptor_limit();
      context.set_pdf_limits({.concurrent = pdf_concurrency});
      http::Server server(context.services(), server_options);
      if (!static_dir.empty()) server.mount_files("/files/", static_dir);
      if (server.bind(host, port) < 0) return fail("không mở được cổng " + host + ":" + std::to_string(port) + ".");
      std::cout << "tdkt đang phục vụ tại http://" << host << ":" << port << "/ (" << location->display() << ")"
                << std::endl;
      server.listen();
      std::cout << "tdkt đã dừng." << std::endl;
      return 0;
    }
  } catch (const std::exception& e) {
    return fail(std::string("lỗi cơ sở dữ liệu hoặc hệ thống: ") + e.what());
  }
  return 0;
}

}  // namespace tdkt::cli
