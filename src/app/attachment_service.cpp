#include "app/attachment_service.hpp"

#include "app/access.hpp"

namespace tdkt::app {
namespace {

Snapshot snapshot(const domain::Attachment& attachment) {
  return {{"document_id", std::to_string(attachment.document.value)},
          {"file_name", attachment.file_name},
          {"media_type", attachment.media_type},
          {"size_bytes", std::to_string(attachment.size_bytes)},
          {"sha256", attachment.sha256}};
}

Error missing_document(DocumentId id) {
  return Error::not_found("Không tìm thấy văn bản mã " + std::to_string(id.value) + ".");
}

Error missing_attachment(AttachmentId id) {
  return Error::not_found("Không tìm thấy tệp đính kèm mã " + std::to_string(id.value) + ".");
}

}  // namespace

Result<std::vector<domain::Attachment>> AttachmentService::list(const Actor& actor, DocumentId document) {
  TDKT_TRY(require(actor, domain::Permission::kReadOrganisation));
  auto work = store_.read();
  if (!work->documents().find_document(document)) return missing_document(document);
  return work->attachments().attachments_of(document);
}

Result<AttachmentFile> AttachmentService::download(const Actor& actor, AttachmentId id) {
  TDKT_TRY(require(actor, domain::Permission::kReadOrganisation));
  auto work = store_.read();
  auto attachment = work->attachments().find_attachment(id);
  auto content = work->attachments().attachment_content(id);
  if (!attachment || !content) return missing_attachment(id);
  return AttachmentFile{*attachment, std::move(*content)};
}

Result<domain::Attachment> AttachmentService::upload(const Actor& actor, DocumentId document,
                                                     const std::string& file_name, const std::string& content) {
  TDKT_TRY(require(actor, domain::Permission::kManageDocuments));
  auto name = domain::sanitize_file_name(file_name);
  if (!name) return std::move(name).error();
  auto media_type = domain::attachment_media_type(content, *name);
  if (!media_type) return std::move(media_type).error();
  auto work = store_.write();
  if (!work->documents().find_document(document)) return missing_document(document);
  domain::Attachment attachment;
  attachment.document = document;
  attachment.file_name = *name;
  attachment.media_type = *media_type;
  attachment.uploaded_at = clock_.now_iso();
  attachment.uploaded_by = actor.name;
  attachment = work->attachments().insert_attachment(attachment, content);
  work->audit({actor.name, "document_attachment", attachment.id.value, "create", std::nullopt, snapshot(attachment)},
              clock_.now_iso());
  work->commit();
  return attachment;
}

Status AttachmentService::remove(const Actor& actor, AttachmentId id) {
  TDKT_TRY(require(actor, domain::Permission::kManageDocuments));
  auto work = store_.write();
  auto before = work->attachments().find_attachment(id);
  if (!before) return missing_attachment(id);
  work->attachments().delete_attachment(id);
  work->audit({actor.name, "document_attachment", id.value, "delete", snapshot(*before), std::nullopt},
              clock_.now_iso());
  work->commit();
  return {};
}

}  // namespace tdkt::app
