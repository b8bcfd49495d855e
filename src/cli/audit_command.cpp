#include "cli/audit_command.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/audit_anchor.hpp"
#include "security/audit_signing.hpp"

namespace tdkt::cli {
namespace {

int fail(const std::string& message) {
  std::cerr << "tdkt: " << message << "\n";
  return 1;
}

int broken(const std::string& reason) {
  std::cout << "Nhật ký KHÔNG toàn vẹn: " << reason << ".\n";
  return 1;
}

Result<std::vector<app::AuditAnchor>> read_anchors(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Error::invalid("anchor", "Không đọc được tệp mốc neo \"" + path + "\".");
  std::stringstream text;
  text << file.rdbuf();
  return app::parse_anchor_file(text.str());
}

// The first anchor whose signature does not hold under `public_key`, as a reason; empty if none.
std::string bad_signature(const std::vector<app::AuditAnchor>& anchors, const std::string& public_key) {
  for (const auto& anchor : anchors) {
    if (!security::anchor_signature_holds(anchor, public_key)) {
      return "chữ ký của mốc neo ở dòng " + std::to_string(anchor.line_number) +
             " không hợp lệ với khóa công khai đã cho (khóa " + security::audit_key_id(public_key) + ", mốc ghi khóa " +
             anchor.key_id + "): tệp mốc đã bị sửa, hoặc mốc được ký bằng khóa khác";
    }
  }
  return {};
}

// Appends `line` and a newline to `path` (created 0644 when missing) and flushes it to disk.
bool append_line(const std::string& path, const std::string& line) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  const auto text = line + "\n";
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  return ::close(fd) == 0 && written;
}

int run_verify(server::Context& context, const AuditCommands& commands) {
  auto& audit = context.audit();
  if (commands.anchor_file.empty()) {
    const auto verification = audit.verify();
    if (verification.first_broken) {
      std::cout << "Nhật ký KHÔNG toàn vẹn: liên kết hỏng đầu tiên tại bản ghi #" << *verification.first_broken << " — "
                << verification.reason << ".\n";
      return 1;
    }
    std::cout << "Nhật ký toàn vẹn: " << verification.records << " bản ghi, chuỗi mã băm khớp.\n";
    return 0;
  }
  if (commands.public_key.empty()) {
    return fail("cần khóa công khai để kiểm tra mốc neo: --public-key TỆP.pub (hoặc $TDKT_AUDIT_PUBLIC_KEY).");
  }
  auto public_key = security::read_audit_public_key(commands.public_key);
  if (!public_key) return fail(public_key.error().message);
  auto anchors = read_anchors(commands.anchor_file);
  if (!anchors) return fail(anchors.error().message);
  if (anchors->empty()) return broken("tệp mốc neo \"" + commands.anchor_file + "\" không có mốc neo nào");
  if (auto reason = bad_signature(*anchors, *public_key); !reason.empty()) return broken(reason);
  const auto check = audit.check_anchors(std::move(*anchors));
  if (check.first_broken) {
    if (check.since) return broken(check.reason);
    return broken("liên kết hỏng đầu tiên tại bản ghi #" + std::to_string(*check.first_broken) + " — " + check.reason);
  }
  const auto verification = audit.verify();
  std::cout << "Nhật ký toàn vẹn: " << verification.records << " bản ghi, chuỗi mã băm khớp; khớp " << check.anchors
            << " mốc neo, mốc mới nhất tại bản ghi #" << check.newest->record << " (neo lúc "
            << check.newest->anchored_at << ").\n";
  return 0;
}

int run_anchor(server::Context& context, const AuditCommands& commands) {
  if (commands.key.empty()) return fail("cần khóa bí mật để ký mốc neo: --key TỆP (hoặc $TDKT_AUDIT_KEY).");
  auto key = security::read_audit_secret_key(commands.key);
  if (!key) return fail(key.error().message);
  auto& audit = context.audit();
  // The anchors already in the file must hold: a new anchor over a rewritten trail would hide it.
  if (!commands.out.empty() && std::filesystem::exists(commands.out)) {
    auto anchors = read_anchors(commands.out);
    if (!anchors) return fail(anchors.error().message);
    if (auto reason = bad_signature(*anchors, key->public_key); !reason.empty()) {
      return broken(reason + "; dùng một tệp mốc riêng cho mỗi khóa");
    }
    const auto check = audit.check_anchors(std::move(*anchors));
    if (check.first_broken) return broken(check.reason + "; không ký mốc neo mới");
  }
  auto anchor = audit.head(context.clock().now_iso());
  if (!anchor) return broken(anchor.error().message);
  security::sign_anchor(*anchor, *key);
  if (commands.out.empty()) {
    std::cout << anchor->line() << "\n";
    return 0;
  }
  if (!append_line(commands.out, anchor->line())) return fail("không ghi được tệp mốc neo " + commands.out + ".");
  std::cout << "Đã neo nhật ký tại bản ghi #" << anchor->record << " (" << anchor->records << " bản ghi, lúc "
            << anchor->at << "), ghi thêm vào " << commands.out << ".\n";
  return 0;
}

}  // namespace

bool AuditCommands::parsed() const {
  return (verify && verify->parsed()) || (anchor && anchor->parsed());
}

void add_audit_commands(CLI::App& app, AuditCommands& commands) {
  auto* audit = app.add_subcommand("audit", "Nhật ký thay đổi");
  audit->require_subcommand(1);
  commands.verify = audit->add_subcommand(
      "verify",
      "Kiểm tra chuỗi mã băm của nhật ký; báo liên kết hỏng đầu tiên. Với --anchor: so với các mốc neo đã ký");
  commands.verify->add_option("--anchor", commands.anchor_file, "Tệp mốc neo (do tdkt audit anchor --out ghi)");
  commands.verify
      ->add_option("--public-key", commands.public_key, "Khóa công khai ký mốc neo (TỆP.pub của tdkt audit keygen)")
      ->envname("TDKT_AUDIT_PUBLIC_KEY");
  commands.anchor = audit->add_subcommand(
      "anchor",
      "Ký đầu chuỗi nhật ký (bản ghi, mã băm, thời điểm) bằng khóa ngoài cơ sở dữ liệu; in ra hoặc ghi thêm "
      "vào --out");
  commands.anchor->add_option("--key", commands.key, "Tệp khóa bí mật (tdkt audit keygen), quyền 600")
      ->envname("TDKT_AUDIT_KEY");
  commands.anchor->add_option("--out", commands.out, "Tệp mốc neo để ghi thêm một dòng (ngoài cơ sở dữ liệu)");
  commands.keygen = audit->add_subcommand("keygen", "Tạo khóa ký mốc neo (Ed25519): TỆP (bí mật) và TỆP.pub");
  commands.keygen->add_option("--out", commands.out, "Tệp khóa bí mật sẽ tạo; khóa công khai ở TỆP.pub")->required();
}

int run_audit_keygen(const AuditCommands& commands) {
  const auto key = security::generate_audit_key();
  if (auto written = security::write_audit_key_files(commands.out, key); !written) {
    return fail(written.error().message);
  }
  std::cout << "Đã tạo khóa ký mốc neo " << security::audit_key_id(key.public_key) << ": " << commands.out
            << " (bí mật, chỉ chủ tệp đọc được; giữ ngoài máy chủ cơ sở dữ liệu) và " << commands.out
            << ".pub (công khai, dùng cho tdkt audit verify --anchor).\n";
  return 0;
}

int run_audit(server::Context& context, const AuditCommands& commands) {
  if (commands.anchor->parsed()) return run_anchor(context, commands);
  return run_verify(context, commands);
}

}  // namespace tdkt::cli
