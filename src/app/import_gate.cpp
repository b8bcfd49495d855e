#include "app/import_gate.hpp"

#include <algorithm>
#include <string>

namespace tdkt::app {

ImportPermit::~ImportPermit() {
  if (gate_ != nullptr) gate_->release();
}

ImportGate::ImportGate(int capacity) : capacity_(std::clamp(capacity, 1, kMaxCapacity)) {}

void ImportGate::release() {
  const std::lock_guard lock(mutex_);
  --held_;
}

Result<ImportPermit> ImportGate::enter() {
  const std::lock_guard lock(mutex_);
  if (held_ >= capacity_) {
    return Error{ErrorCode::kBusy,
                 "Máy chủ đang nhập " + std::to_string(capacity_) +
                     " tệp Excel khác; chưa đọc tệp của bạn. Vui lòng thử lại sau ít giây.",
                 ""};
  }
  ++held_;
  return ImportPermit(this);
}

}  // namespace tdkt::app
