#include "cli/restore_command.hpp"

#include <iostream>

namespace tdkt::cli {

int run_restore(server::Context& context, const std::string& file) {
  auto& database = context.database();
  if (auto restored = database.restore(file); !restored) {
    std::cerr << "tdkt: " << restored.error().message << "\n";
    return 1;
  }
  const auto verification = context.audit().verify();
  std::cout << "Đã khôi phục " << file << " vào " << database.location().display() << ": phiên bản lược đồ "
            << database.schema_version() << ", nhật ký " << verification.records << " bản ghi, "
            << (verification.first_broken ? "KHÔNG toàn vẹn tại bản ghi #" + std::to_string(*verification.first_broken)
                                          : std::string("chuỗi mã băm khớp"))
            << ".\n";
  return verification.first_broken ? 1 : 0;
}

}  // namespace tdkt::cli
