#include "documents/package.hpp"

#include <zip.h>

#include <cstdio>
#include <ctime>
#include <memory>

#include "core/text.hpp"
#include "ooxml/zip_entries.hpp"

namespace tdkt::documents {
namespace {

// No template or upload comes near these; a zip bomb does.
constexpr std::uint64_t kMaxUnpackedBytes = 256ULL << 20U;
constexpr std::size_t kMaxEntries = 10000;
// 2020-01-01 00:00 UTC: every entry gets the same time stamp, so equal parts give equal bytes.
constexpr std::time_t kEntryTime = 1577836800;
constexpr std::string_view kContentTypes = "[Content_Types].xml";

// The text of a libzip error, which is then released.
std::string take_message(zip_error_t* error) {
  std::string message = zip_error_strerror(error);
  zip_error_fini(error);
  return message;
}

struct ArchiveDiscarder {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using ArchivePtr = std::unique_ptr<zip_t, ArchiveDiscarder>;

struct SourceFreer {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceFreer>;

// `why` may quote an entry's name, which is whatever bytes the archive holds.
Error unreadable(const std::string& why) {
  return Error::invalid("file",
                        "Tệp không phải là gói văn bản (zip) đọc được: " + text::replace_invalid_utf8(why) + ".");
}

Error unwritable(const std::string& why) {
  return Error::internal("Không tạo được tệp văn bản (zip): " + why + ".");
}

Status add_part(zip_t* archive, const std::string& name, const std::string& data) {
  zip_source_t* source = zip_source_buffer(archive, data.data(), data.size(), 0);
  if (source == nullptr) return unwritable(zip_strerror(archive));
  const zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
  if (index < 0) {
    zip_source_free(source);  // not taken by the archive when adding failed
    return unwritable(zip_strerror(archive));
  }
  const auto entry = static_cast<zip_uint64_t>(index);
  if (zip_set_file_compression(archive, entry, ZIP_CM_DEFLATE, 0) != 0 ||
      zip_file_set_mtime(archive, entry, kEntryTime, 0) != 0)
    return unwritable(zip_strerror(archive));
  return {};
}

// The bytes a closed archive wrote into its buffer source.
Result<std::string> source_bytes(zip_source_t* source) {
  if (zip_source_open(source) != 0) return unwritable(zip_error_strerror(zip_source_error(source)));
  std::string bytes;
  bool read = zip_source_seek(source, 0, SEEK_END) == 0;
  const zip_int64_t size = read ? zip_source_tell(source) : -1;
  read = size >= 0 && zip_source_seek(source, 0, SEEK_SET) == 0;
  if (read) {
    bytes.resize(static_cast<std::size_t>(size));
    read = zip_source_read(source, bytes.data(), bytes.size()) == size;
  }
  Status status;
  if (!read) status = unwritable(zip_error_strerror(zip_source_error(source)));
  zip_source_close(source);
  if (!status) return std::move(status).error();
  return bytes;
}

}  // namespace

Result<Package> read_package(std::string_view zip_bytes) {
  // libzip takes no bytes for an archive without entries.
  if (zip_bytes.empty()) return unreadable("tệp rỗng");
  auto archive = ooxml::ZipEntries::open(zip_bytes, ooxml::ZipCheck::kConsistency);
  if (!archive) return unreadable("không phải tệp zip hoặc tệp bị hỏng");
  const std::size_t count = archive->count();
  if (count > kMaxEntries) return unreadable("quá nhiều mục");
  Package package;
  std::uint64_t remaining = kMaxUnpackedBytes;
  for (std::size_t index = 0; index < count; ++index) {
    std::string name = archive->name(index);
    if (name.empty()) return unreadable("mục không tên");
    if (name.back() == '/') continue;  // a folder
    // Read in chunks: an entry's bytes are appended as they inflate, never allocated from the
    // size it declares, and reading stops at the limit whatever it declared.
    std::string data;
    std::uint64_t inflated = 0;
    const auto outcome = archive->read(
        index, remaining,
        [&data](std::string_view chunk) {
          data.append(chunk);
          return true;
        },
        &inflated);
    switch (outcome) {
      case ooxml::EntryRead::kComplete: break;
      case ooxml::EntryRead::kDeclaredTooLarge:
      case ooxml::EntryRead::kTooLarge: return unreadable("nội dung giải nén quá lớn");
      case ooxml::EntryRead::kLongerThanDeclared:
      case ooxml::EntryRead::kShorterThanDeclared:
        return unreadable("mục \"" + name + "\" có kích thước khác với kích thước khai báo");
      case ooxml::EntryRead::kDamaged:
      case ooxml::EntryRead::kStopped: return unreadable("mục \"" + name + "\" bị hỏng");
    }
    remaining -= inflated;
    package.insert_or_assign(std::move(name), std::move(data));
  }
  return package;
}

Result<std::string> write_package(const Package& package) {
  zip_error_t error;
  zip_error_init(&error);
  SourcePtr buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) return unwritable(take_message(&error));
  ArchivePtr archive(zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error));
  if (!archive) return unwritable(take_message(&error));
  zip_error_fini(&error);
  // The archive now holds one reference and frees it when closed; ours keeps the written bytes.
  zip_source_keep(buffer.get());

  if (const auto types = package.find(kContentTypes); types != package.end())
    TDKT_TRY(add_part(archive.get(), types->first, types->second));
  for (const auto& [name, data] : package) {
    if (name != kContentTypes) TDKT_TRY(add_part(archive.get(), name, data));
  }
  if (zip_close(archive.get()) != 0) return unwritable(zip_strerror(archive.get()));
  static_cast<void>(archive.release());  // zip_close freed it
  return source_bytes(buffer.get());
}

}  // namespace tdkt::documents
