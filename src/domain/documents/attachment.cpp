#include "domain/documents/attachment.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"

namespace tdkt::domain {
namespace {

constexpr std::size_t kMaxNameCharacters = 150;
// What follows the last dot is kept as the extension when a name is cut only if it is this short
// (".docx"); "Báo cáo. Kết quả …" has no extension.
constexpr std::size_t kMaxExtensionCharacters = 10;

struct Kind {
  std::string_view extension;  // lower case, with the dot
  std::string_view media_type;
  std::string_view label;  // for messages
};

constexpr std::array<Kind, 9> kKinds{{
    {".pdf", "application/pdf", "PDF"},
    {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (DOCX)"},
    {".doc", "application/msword", "Word (DOC)"},
    {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (XLSX)"},
    {".xls", "application/vnd.ms-excel", "Excel (XLS)"},
    {".odt", "application/vnd.oasis.opendocument.text", "OpenDocument (ODT)"},
    {".jpg", "image/jpeg", "JPEG"},
    {".jpeg", "image/jpeg", "JPEG"},
    {".png", "image/png", "PNG"},
}};

constexpr std::string_view kAllowed = "PDF, DOCX, DOC, XLSX, XLS, ODT, JPEG, PNG";

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(c < 0x80 ? std::tolower(c) : c); });
  return out;
}

std::string extension_of(std::string_view name) {
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos) return {};
  return lower_ascii(name.substr(dot));
}

const Kind* kind_for_extension(std::string_view extension) {
  for (const auto& kind : kKinds) {
    if (kind.extension == extension) return &kind;
  }
  return nullptr;
}

// The first `count` characters (code points) of valid UTF-8.
std::string_view first_characters(std::string_view utf8, std::size_t count) {
  std::size_t end = 0;
  for (std::size_t seen = 0; end < utf8.size(); ++end) {
    if ((static_cast<unsigned char>(utf8[end]) & 0xC0) != 0x80 && seen++ == count) break;
  }
  return utf8.substr(0, end);
}

bool starts_with(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

// What the content is, by its first bytes (and, for ZIP packages, the parts they hold).
std::string_view sniff(std::string_view bytes) {
  using namespace std::string_view_literals;
  if (starts_with(bytes, "%PDF-")) return "application/pdf";
  if (starts_with(bytes, "\x89PNG\r\n\x1a\n"sv)) return "image/png";
  if (starts_with(bytes, "\xFF\xD8\xFF"sv)) return "image/jpeg";
  if (starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv)) return "cfb";  // DOC or XLS: OLE2 compound file
  if (starts_with(bytes, "PK\x03\x04"sv)) {
    // ODF puts an uncompressed "mimetype" entry first (ODF 1.2, part 3, 3.3). A local header is 30
    // bytes; a shorter file is no package (substr would throw past the end).
    constexpr std::string_view kOdt = "application/vnd.oasis.opendocument.text";
    if (bytes.size() >= 38 + kOdt.size() && bytes.substr(30, 8) == "mimetype" &&
        bytes.substr(38, kOdt.size()) == kOdt) {
      return kOdt;
    }
    // Office Open XML: the part names are stored as they are in the ZIP headers.
    if (bytes.find("word/document.xml") != std::string_view::npos) {
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }
    if (bytes.find("xl/workbook.xml") != std::string_view::npos) {
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
  }
  return {};
}

}  // namespace

Result<std::string> sanitize_file_name(std::string_view name) {
  const auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  if (!text::valid_utf8(name)) return Error::invalid("file_name", "Tên tệp không phải văn bản UTF-8 hợp lệ.");
  std::string cleaned;
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    const bool reserved =
        byte < 0x20 || byte == 0x7F || std::string_view("\\/:*?\"<>|;").find(c) != std::string_view::npos;
    cleaned += reserved ? '_' : c;
  }
  cleaned = text::normalize(cleaned);
  while (!cleaned.empty() && cleaned.front() == '.')
    cleaned.erase(0, 1);
  if (cleaned.empty()) return Error::invalid("file_name", "Chưa có tên tệp.");
  if (text::length(cleaned) > kMaxNameCharacters) {
    // Keep a short extension; cut the stem at a character boundary. NFC may recompose the cut
    // stem into more characters than it had, hence the second cut.
    auto extension = extension_of(cleaned);
    if (text::length(extension) > kMaxExtensionCharacters) extension.clear();
    const auto room = kMaxNameCharacters - text::length(extension);
    const std::string_view whole = cleaned;
    const auto stem = text::normalize(first_characters(whole.substr(0, whole.size() - extension.size()), room));
    cleaned = std::string(first_characters(stem, room)) + extension;
  }
  return cleaned;
}

Result<std::string> attachment_media_type(std::string_view bytes, std::string_view file_name) {
  if (bytes.size() > kMaxAttachmentBytes) {
    return Error{ErrorCode::kTooLarge, "Tệp đính kèm quá lớn (tối đa 10 MiB).", "file"};
  }
  if (bytes.empty()) return Error::invalid("file", "Tệp đính kèm rỗng.");
  const auto* kind = kind_for_extension(extension_of(file_name));
  if (!kind) {
    return Error::invalid("file_name", "Chỉ đính kèm được tệp " + std::string(kAllowed) + "; tệp \"" +
                                           std::string(file_name) + "\" không thuộc các loại này.");
  }
  const auto sniffed = sniff(bytes);
  const bool cfb_ok = sniffed == "cfb" && (kind->extension == ".doc" || kind->extension == ".xls");
  if (sniffed != kind->media_type && !cfb_ok) {
    return Error::invalid("file", "Nội dung tệp \"" + std::string(file_name) + "\" không phải là tệp " +
                                      std::string(kind->label) + " (đã kiểm tra phần đầu tệp). Chỉ đính kèm được tệp " +
                                      std::string(kAllowed) + ".");
  }
  return std::string(kind->media_type);
}

}  // namespace tdkt::domain
