#include "ooxml/zip_entries.hpp"

#include <zip.h>

#include <array>

namespace tdkt::ooxml {

void ZipEntries::Discard::operator()(::zip* archive) const {
  zip_discard(archive);
}

ZipEntries::ZipEntries(::zip* archive) : archive_(archive) {}
ZipEntries::ZipEntries(ZipEntries&&) noexcept = default;
ZipEntries& ZipEntries::operator=(ZipEntries&&) noexcept = default;
ZipEntries::~ZipEntries() = default;

std::optional<ZipEntries> ZipEntries::open(std::string_view bytes, ZipCheck check) {
  // libzip takes no bytes for an archive without entries, and an empty buffer is none.
  if (bytes.empty()) return std::nullopt;
  zip_error_t error;
  zip_error_init(&error);
  // The buffer source does not copy: `bytes` outlives the archive (the caller's promise).
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return std::nullopt;
  }
  zip_t* archive =
      zip_open_from_source(source, ZIP_RDONLY | (check == ZipCheck::kConsistency ? ZIP_CHECKCONS : 0), &error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    zip_source_free(source);  // on failure the source still belongs to us
    return std::nullopt;
  }
  return ZipEntries(archive);
}

std::size_t ZipEntries::count() const {
  const zip_int64_t entries = zip_get_num_entries(archive_.get(), 0);
  return entries < 0 ? 0 : static_cast<std::size_t>(entries);
}

std::string ZipEntries::name(std::size_t index) const {
  const char* stored = zip_get_name(archive_.get(), index, 0);
  return stored == nullptr ? std::string() : std::string(stored);
}

std::optional<std::size_t> ZipEntries::find(const std::string& name) const {
  const zip_int64_t index = zip_name_locate(archive_.get(), name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return std::nullopt;
  return static_cast<std::size_t>(index);
}

std::optional<std::uint64_t> ZipEntries::declared_size(std::size_t index) const {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive_.get(), index, 0, &stat) != 0 || (stat.valid & ZIP_STAT_SIZE) == 0) return std::nullopt;
  return stat.size;
}

EntryRead ZipEntries::read(std::size_t index, std::uint64_t allowed, const std::function<bool(std::string_view)>& sink,
                           std::uint64_t* inflated) const {
  std::uint64_t count = 0;
  const auto done = [&](EntryRead outcome) {
    if (inflated != nullptr) *inflated = count;
    return outcome;
  };
  const auto declared = declared_size(index);
  if (!declared) return done(EntryRead::kDamaged);
  // The declared size refuses a bomb before any work; the count below catches a size that lies.
  if (*declared > allowed) return done(EntryRead::kDeclaredTooLarge);
  struct Close {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
  };
  std::unique_ptr<zip_file_t, Close> file(zip_fopen_index(archive_.get(), index, 0));
  if (!file) return done(EntryRead::kDamaged);
  std::array<char, kChunkBytes> buffer{};
  bool lied = false;
  while (true) {
    const zip_int64_t got = zip_fread(file.get(), buffer.data(), buffer.size());
    if (got < 0) return done(lied ? EntryRead::kLongerThanDeclared : EntryRead::kDamaged);
    if (got == 0) break;
    const auto size = static_cast<std::uint64_t>(got);
    if (size > allowed - count) {
      count = allowed + 1;  // a measure of "more than allowed", never of what a bomb would give
      return done(EntryRead::kTooLarge);
    }
    const std::uint64_t before = count;
    count += size;
    if (lied) continue;  // counted, never passed on
    if (count > *declared) {
      // Hand over what the entry declared, then keep counting: too large or only lying?
      lied = true;
      if (before < *declared && !sink(std::string_view(buffer.data(), static_cast<std::size_t>(*declared - before)))) {
        return done(EntryRead::kStopped);
      }
      continue;
    }
    if (!sink(std::string_view(buffer.data(), static_cast<std::size_t>(size)))) return done(EntryRead::kStopped);
  }
  if (lied) return done(EntryRead::kLongerThanDeclared);
  if (count < *declared) return done(EntryRead::kShorterThanDeclared);
  // The CRC is compared when the entry has been read to its end; zip_fclose reports it.
  if (zip_fclose(file.release()) != 0) return done(EntryRead::kDamaged);
  return done(EntryRead::kComplete);
}

}  // namespace tdkt::ooxml
