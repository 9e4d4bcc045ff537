// Attachments (附件) and links (政策解读, 相关文件) of catalog records: staff
// add them to drafts; the public sees those of published records.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/records.h"
#include "catalog/attachment.h"
#include "core/status.h"
#include "store/store.h"

namespace gk::app {

// Checks the upload (catalog::CheckAttachment), reads its text for search
// (PDF: the text layer, none for a scan; DOCX: the document text, and a ZIP
// that is no DOCX is refused; images: none), stores the content as a
// document and attaches it to the draft `record_id`. Invalid (naming the
// field `file`), NotFound or Conflict (stale revision), nothing written.
Result<int64_t> AttachFile(store::Store& store, const Actor& actor, int64_t record_id,
                           int64_t expected_revision, std::string_view filename,
                           std::string_view bytes, std::string_view now);
Status DetachFile(store::Store& store, const Actor& actor, int64_t record_id,
                  int64_t expected_revision, int64_t attachment_id, std::string_view now);

// Links the draft `record_id` to another record of any agency named by
// `target`: its id (the number in /records/{id}) or an index number of the
// actor's agency. The target must be published (a link to a draft would show
// nothing) and not the record itself. The error names the field `target`.
Status LinkRecord(store::Store& store, const Actor& actor, int64_t record_id,
                  int64_t expected_revision, std::string_view target, catalog::LinkKind kind,
                  std::string_view now);
Status UnlinkRecord(store::Store& store, const Actor& actor, int64_t record_id,
                    int64_t expected_revision, int64_t target_id, catalog::LinkKind kind,
                    std::string_view now);

// What a record page shows of its links, from the record's point of view.
struct RecordRelations {
  std::vector<catalog::Record> interpreted_by;  // 政策解读 of this record
  std::vector<catalog::Record> interprets;      // the documents this 解读 explains
  std::vector<catalog::Record> related;         // 相关文件, either direction
};
// `published_only`: leave out records that are not published (public pages).
Result<RecordRelations> Relations(store::Store& store, int64_t record_id, bool published_only);

}  // namespace gk::app
