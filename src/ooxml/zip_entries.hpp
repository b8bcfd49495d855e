#pragma once
// The entries of a ZIP archive held in memory (an .xlsx or .docx package), read in chunks under
// a byte limit: the one libzip wrapper of tdkt's readers (excel::read_xlsx,
// documents::read_package). An entry is never inflated whole before it is checked: its declared
// size is compared with the limit first, then every chunk is counted as it comes, so a crafted
// entry that declares 1 KB and inflates to 1 GB costs at most the limit in CPU and one chunk in
// memory. The caller turns the outcome into its own message (Vietnamese, naming its part).
//
// Not thread-safe: one archive per thread (libzip's handles are not shared).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct zip;

namespace tdkt::ooxml {

// The most bytes a sink receives at once.
inline constexpr std::size_t kChunkBytes = std::size_t{64} * 1024;

// How reading one entry ended.
enum class EntryRead {
  kComplete,             // every byte reached the sink, as many as declared, and the CRC matched
  kDeclaredTooLarge,     // the entry declares more bytes than allowed: nothing was inflated
  kTooLarge,             // it inflated past the allowed bytes (whatever it declared): stopped there
  kLongerThanDeclared,   // it inflates to more than it declares, within the allowed bytes
  kShorterThanDeclared,  // it ends before the size it declares
  kDamaged,              // libzip could not inflate it, or its CRC is wrong
  kStopped,              // the sink asked to stop (it keeps its own reason)
};

// Whether libzip checks the archive's directory against the local headers when opening.
enum class ZipCheck { kLenient, kConsistency };

class ZipEntries {
 public:
  // The archive in `bytes`, which must outlive it; std::nullopt when it is not a ZIP archive.
  static std::optional<ZipEntries> open(std::string_view bytes, ZipCheck check = ZipCheck::kLenient);

  ZipEntries(ZipEntries&&) noexcept;
  ZipEntries& operator=(ZipEntries&&) noexcept;
  ~ZipEntries();

  std::size_t count() const;
  // The entry's name as stored ("xl/workbook.xml"); empty when libzip cannot say.
  std::string name(std::size_t index) const;
  // The index of the entry `name`, compared without regard to ASCII case (some writers' relationship
  // targets differ in case from the entry); std::nullopt when there is none.
  std::optional<std::size_t> find(const std::string& name) const;
  // The uncompressed size the entry declares; std::nullopt when the directory does not say.
  std::optional<std::uint64_t> declared_size(std::size_t index) const;

  // Streams the inflated bytes of entry `index` to `sink`, at most kChunkBytes at a time, never
  // holding more than one chunk. `allowed`: the most bytes the entry may inflate to. The sink
  // returns false to stop. After kLongerThanDeclared would be found, the rest is inflated and
  // counted without reaching the sink, so that an entry both lying and too large is kTooLarge.
  // `inflated`, when given, receives the bytes inflated (for messages and measurements).
  EntryRead read(std::size_t index, std::uint64_t allowed, const std::function<bool(std::string_view)>& sink,
                 std::uint64_t* inflated = nullptr) const;

 private:
  struct Discard {
    void operator()(::zip* archive) const;
  };
  explicit ZipEntries(::zip* archive);
  std::unique_ptr<::zip, Discard> archive_;
};

}  // namespace tdkt::ooxml
