// Files attached to documents of the register: /api/v1/documents/{id}/attachments (list, upload
// with the raw file as the body and its name in ?file_name=), /api/v1/attachments/{id}
// (download, delete).

#include "app/access.hpp"
#include "http/errors.hpp"
#include "http/router.hpp"

namespace tdkt::http {
namespace {

Json attachment_json(const domain::Attachment& attachment) {
  return {{"id", attachment.id.value},
          {"document_id", attachment.document.value},
          {"file_name", attachment.file_name},
          {"media_type", attachment.media_type},
          {"size_bytes", attachment.size_bytes},
          {"sha256", attachment.sha256},
          {"uploaded_at", attachment.uploaded_at},
          {"uploaded_by", attachment.uploaded_by}};
}

ApiResponse list_attachments(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(attachments, services.attachments.list(request.actor, DocumentId{*id}));
  Json items = Json::array();
  for (const auto& attachment : *attachments)
    items.push_back(attachment_json(attachment));
  return ok({{"items", items}, {"max_bytes", domain::kMaxAttachmentBytes}});
}

ApiResponse upload_attachment(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  // Before looking at the file: an account that may not upload learns nothing from it.
  if (auto allowed = app::require(request.actor, domain::Permission::kManageDocuments); !allowed) {
    return fail(allowed.error());
  }
  if (request.query("file_name").empty()) {
    return fail(Error::invalid("file_name", "Thiếu tên tệp (tham số file_name)."));
  }
  TDKT_HTTP_TRY(attachment, services.attachments.upload(request.actor, DocumentId{*id}, request.query("file_name"),
                                                        request.body()));
  return ok(attachment_json(*attachment), 201);
}

ApiResponse download_attachment(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(file, services.attachments.download(request.actor, AttachmentId{*id}));
  ApiResponse response;
  response.download =
      Download{file->attachment.media_type, file->attachment.file_name, std::move(file->content), Ranges::kHonoured};
  return response;
}

ApiResponse delete_attachment(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(done, services.attachments.remove(request.actor, AttachmentId{*id}));
  return ok(nullptr, 204);
}

}  // namespace

std::vector<Route> attachment_routes() {
  return {
      {"GET", "/api/v1/documents/{id}/attachments", list_attachments},
      {"POST", "/api/v1/documents/{id}/attachments", upload_attachment, Access::kSignedIn, Body::kFile},
      {"GET", "/api/v1/attachments/{id}", download_attachment},
      {"DELETE", "/api/v1/attachments/{id}", delete_attachment},
  };
}

}  // namespace tdkt::http
