#pragma once
// Use cases of the files attached to documents of the register: every signed-in account lists
// and downloads them; those who manage documents upload and delete them (audited). What a file
// may be is decided by domain::attachment_media_type (content, not name).

#include <string>
#include <vector>

#include "app/ports.hpp"

namespace tdkt::app {

struct AttachmentFile {
  domain::Attachment attachment;
  std::string content;
};

class AttachmentService {
 public:
  AttachmentService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  Result<std::vector<domain::Attachment>> list(const Actor& actor, DocumentId document);
  Result<AttachmentFile> download(const Actor& actor, AttachmentId id);
  Result<domain::Attachment> upload(const Actor& actor, DocumentId document, const std::string& file_name,
                                    const std::string& content);
  Status remove(const Actor& actor, AttachmentId id);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace tdkt::app
