// Files attached to documents of the register. The content is kept base64-encoded in a TEXT
// column of the same database (ADR 0007): every instance sees it, backups carry it, and SOCI's
// text binding serves both backends alike.

#include <soci/soci.h>

#include <stdexcept>

#include "security/sodium_crypto.hpp"
#include "storage/query.hpp"
#include "storage/repositories.hpp"

namespace tdkt::storage {
namespace {

constexpr const char* kAttachmentColumns =
    "SELECT id, document_id, file_name, media_type, size_bytes, sha256, uploaded_at, uploaded_by FROM "
    "document_attachment ";

domain::Attachment to_attachment(const Row& row) {
  domain::Attachment attachment;
  attachment.id = AttachmentId{row.integer(0)};
  attachment.document = DocumentId{row.integer(1)};
  attachment.file_name = row.text(2);
  attachment.media_type = row.text(3);
  attachment.size_bytes = row.integer(4);
  attachment.sha256 = row.text(5);
  attachment.uploaded_at = row.text(6);
  attachment.uploaded_by = row.text(7);
  return attachment;
}

}  // namespace

std::vector<domain::Attachment> SqlAttachmentRepository::attachments_of(DocumentId document) {
  std::vector<domain::Attachment> found;
  for (const auto& row :
       Query(session_, std::string(kAttachmentColumns) + "WHERE document_id = :d ORDER BY uploaded_at, id")
           .bind("d", document.value)
           .rows()) {
    found.push_back(to_attachment(row));
  }
  return found;
}

std::optional<domain::Attachment> SqlAttachmentRepository::find_attachment(AttachmentId id) {
  auto row = Query(session_, std::string(kAttachmentColumns) + "WHERE id = :id").bind("id", id.value).first();
  if (!row) return std::nullopt;
  return to_attachment(*row);
}

std::optional<std::string> SqlAttachmentRepository::attachment_content(AttachmentId id) {
  auto row = Query(session_, "SELECT content_base64, sha256 FROM document_attachment WHERE id = :id")
                 .bind("id", id.value)
                 .first();
  if (!row) return std::nullopt;
  auto content = security::base64_decode(row->text(0));
  if (!content || security::sha256_hex(*content) != row->text(1)) {
    throw std::runtime_error("the stored content of attachment " + std::to_string(id.value) + " is damaged");
  }
  return content;
}

domain::Attachment SqlAttachmentRepository::insert_attachment(const domain::Attachment& attachment,
                                                              const std::string& content) {
  domain::Attachment stored = attachment;
  stored.size_bytes = static_cast<std::int64_t>(content.size());
  stored.sha256 = security::sha256_hex(content);
  stored.id = AttachmentId{
      Query(session_,
            "INSERT INTO document_attachment (document_id, file_name, media_type, size_bytes, sha256, content_base64, "
            "uploaded_at, uploaded_by) VALUES (:d, :name, :type, :size, :sha, :content, :at, :by) RETURNING id")
          .bind("d", stored.document.value)
          .bind("name", stored.file_name)
          .bind("type", stored.media_type)
          .bind("size", stored.size_bytes)
          .bind("sha", stored.sha256)
          .bind("content", security::base64_encode(content))
          .bind("at", stored.uploaded_at)
          .bind("by", stored.uploaded_by)
          .insert_returning_id()};
  return stored;
}

void SqlAttachmentRepository::delete_attachment(AttachmentId id) {
  Query(session_, "DELETE FROM document_attachment WHERE id = :id").bind("id", id.value).execute();
}

}  // namespace tdkt::storage
