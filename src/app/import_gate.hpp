#pragma once
// At most a few spreadsheet imports at once (issue 15): each one reads and checks a whole
// workbook, so a burst of them would take the memory and the database time of everyone else.
// A counting semaphore that never waits: a caller gets a permit at once, or kBusy (429) with a
// Vietnamese message. (A mutex and a count rather than std::counting_semaphore, whose try_acquire
// may fail spuriously: a refusal here is an answer to a user.) The import use cases take the permit as a parameter, so
// no caller can run an import without holding one; the HTTP handlers ask for it before reading the upload.

#include <mutex>

#include "core/result.hpp"

namespace tdkt::app {

class ImportGate;

// One import's place, given back when the permit is destroyed. Move-only.
class ImportPermit {
 public:
  ImportPermit(ImportPermit&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
  ImportPermit& operator=(ImportPermit&&) = delete;
  ImportPermit(const ImportPermit&) = delete;
  ImportPermit& operator=(const ImportPermit&) = delete;
  ~ImportPermit();

 private:
  friend class ImportGate;
  explicit ImportPermit(ImportGate* gate) : gate_(gate) {}
  ImportGate* gate_;
};

class ImportGate {
 public:
  static constexpr int kDefaultCapacity = 2;
  static constexpr int kMaxCapacity = 64;

  // `capacity`: how many imports may run at once, 1 to kMaxCapacity (clamped).
  explicit ImportGate(int capacity = kDefaultCapacity);
  ImportGate(const ImportGate&) = delete;
  ImportGate& operator=(const ImportGate&) = delete;

  // A permit for one import, or kBusy when `capacity` permits are held. Never blocks.
  // Thread-safe. The gate must outlive its permits.
  Result<ImportPermit> enter();
  int capacity() const { return capacity_; }

 private:
  friend class ImportPermit;
  void release();
  int capacity_;
  std::mutex mutex_;
  int held_ = 0;
};

}  // namespace tdkt::app
