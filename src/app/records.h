// Use cases of the proactive-disclosure catalog shared by the CLI and the web:
// the bulk import of published records (interface.md `records import`) and
// the staff workflow (draft → 保密审查 → publish → withdraw).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/record.h"
#include "core/status.h"
#include "law/calendar.h"
#include "store/store.h"

namespace gk::app {

// Loads JSON Lines of published records (catalog::RecordFromImportJson), all
// or nothing. Blank lines are skipped. A bad line gives kInvalidArgument with
// "line N: field F: 中文说明" and writes nothing (also for an unknown agency
// and an index_no already used by the agency, in the file or the database);
// a store failure gives kInternal. Returns the number of records loaded.
Result<int64_t> ImportRecords(store::Store& store, std::string_view jsonl, std::string_view now);

// ---- staff workflow ------------------------------------------------------------

// The 保密审查 checklist a reviewer confirms before publishing (each item
// must be confirmed; the decision and the reviewer's note are recorded in the
// revision).
struct ReviewItem {
  std::string_view key;
  std::string_view label;
};
const std::vector<ReviewItem>& ReviewChecklist();

enum class RecordAction {
  kSubmit,    // editor: draft → in_review
  kApprove,   // reviewer: in_review → published (checklist confirmed)
  kReject,    // reviewer: in_review → draft (with a reason)
  kWithdraw,  // reviewer: published → withdrawn (with a reason)
};
std::string_view ActionKey(RecordAction a);  // submit | approve | reject | withdraw

struct Actor {
  std::string username;
  std::string role;  // auth role key: editor | reviewer | agency_admin | sysadmin …
  std::string agency_id;
};

// Creates a draft with a generated 索引号 (agency code or id prefix, the year
// of `today`, next serial) unless `draft.index_no` is set. Editors, reviewers
// and agency admins of the record's agency only.
Result<int64_t> CreateDraft(store::Store& store, const Actor& actor, catalog::Record draft,
                            Date today, std::string_view now);

// The record when `actor` may change it as a draft: an editor, reviewer or
// agency admin of its agency, and the record is a draft (else Invalid or
// NotFound, with a Chinese message).
Result<store::StoredRecord> DraftForChange(store::Store& store, const Actor& actor,
                                           int64_t record_id);

// Edits a draft (or a record sent back) in place; published records are
// edited by withdrawing and drafting anew. Keeps id, index_no and status.
Status EditDraft(store::Store& store, const Actor& actor, const catalog::Record& edited,
                 int64_t expected_revision, std::string_view now);

// Moves a record through the workflow. `note`: the reason (reject, withdraw —
// required) or the reviewer's remark. `confirmed`: the checklist keys the
// reviewer ticked (approve needs all). Approving sets published_on to `today`
// unless set. Invalid (Chinese message) when the move is not allowed.
Status ApplyAction(store::Store& store, const Actor& actor, int64_t record_id,
                   int64_t expected_revision, RecordAction action, std::string_view note,
                   const std::vector<std::string>& confirmed, Date today, std::string_view now);

// Records a change of 有效性 of a published record (e.g. a 规范性文件 废止 or
// 失效 on `changed_on`): it stays published with the new validity, and the
// revision keeps `note`. Reviewers and agency admins only; `changed_on` not
// before formed_on.
Status ChangeValidity(store::Store& store, const Actor& actor, int64_t record_id,
                      int64_t expected_revision, catalog::Validity validity, Date changed_on,
                      std::string_view note, std::string_view now);

}  // namespace gk::app
