#include "documents/package.hpp"

#include <zip.h>

#include <cstdio>
#include <ctime>
#include <memory>

#include "core/text.hpp"

namespace tdkt::documents {
namespace {

// No template or upload comes near these; a zip bomb does.
constexpr std::uint64_t kMaxUnpackedBytes = 256ULL << 20U;
constexpr zip_int64_t kMaxEntries = 10000;
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

struct FileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

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
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(zip_bytes.data(), zip_bytes.size(), 0, &error);
  if (source == nullptr) return unreadable(take_message(&error));
  ArchivePtr archive(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!archive) {
    zip_source_free(source);  // still ours: the archive takes it only when it opens
    return unreadable(take_message(&error));
  }
  zip_error_fini(&error);

  const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  if (count < 0 || count > kMaxEntries) return unreadable("quá nhiều mục");
  Package package;
  std::uint64_t total = 0;
  for (zip_int64_t i = 0; i < count; ++i) {
    const auto index = static_cast<zip_uint64_t>(i);
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive.get(), index, 0, &stat) != 0) return unreadable(zip_strerror(archive.get()));
    if ((stat.valid & ZIP_STAT_NAME) == 0 || (stat.valid & ZIP_STAT_SIZE) == 0) return unreadable("mục không tên");
    std::string name = stat.name;
    if (name.empty() || name.back() == '/') continue;  // a folder
    total += stat.size;
    if (stat.size > kMaxUnpackedBytes || total > kMaxUnpackedBytes) return unreadable("nội dung giải nén quá lớn");

    std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(archive.get(), index, 0));
    if (!file) return unreadable(zip_strerror(archive.get()));
    std::string data(static_cast<std::size_t>(stat.size), '\0');
    std::size_t done = 0;
    while (done < data.size()) {
      const zip_int64_t read = zip_fread(file.get(), data.data() + done, data.size() - done);
      if (read < 0) return unreadable(zip_file_strerror(file.get()));
      if (read == 0) return unreadable("mục \"" + name + "\" bị cụt");
      done += static_cast<std::size_t>(read);
    }
    // The CRC is checked when the entry has been read to its end; zip_fclose reports it.
    if (const int closed = zip_fclose(file.release()); closed != 0) {
      zip_error_t crc;
      zip_error_init_with_code(&crc, closed);
      return unreadable(take_message(&crc));
    }
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
