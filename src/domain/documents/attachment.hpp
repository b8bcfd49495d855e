#pragma once
// Files attached to a document of the register: the signed scan, its annexes. What a file may
// be is decided by its content (the magic bytes), not by its name alone: PDF, Word (DOCX, DOC),
// Excel (XLSX, XLS), OpenDocument text (ODT), JPEG and PNG, at most 10 MiB. Pure: no I/O.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/ids.hpp"
#include "core/result.hpp"

namespace tdkt::domain {

struct Attachment {
  AttachmentId id;
  DocumentId document;
  std::string file_name;   // sanitised: no folders, no control or reserved characters
  std::string media_type;  // "application/pdf", as the content shows
  std::int64_t size_bytes = 0;
  std::string sha256;       // lower-case hex of the content
  std::string uploaded_at;  // ISO timestamp, UTC
  std::string uploaded_by;  // account name
};

// The server's upload limit (http::ServerOptions::max_upload_bytes) and this check agree.
inline constexpr std::size_t kMaxAttachmentBytes = std::size_t{10} << 20;

// A file name fit for storage and for Content-Disposition: the last path component, NFC, white
// space collapsed, control characters and \ / : * ? " < > | replaced by "_", at most 150
// characters (the extension kept). Errors name the field "file_name".
Result<std::string> sanitize_file_name(std::string_view name);

// The media type of `bytes` when they are one of the allowed kinds and agree with the file
// name's extension; an Error otherwise (kInvalidInput, field "file"; kTooLarge above the limit).
Result<std::string> attachment_media_type(std::string_view bytes, std::string_view file_name);

}  // namespace tdkt::domain
