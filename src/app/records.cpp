#include "app/records.h"

#include <map>
#include <set>

#include "catalog/index_no.h"
#include "catalog/record_json.h"

namespace gk::app {
namespace {

using catalog::Record;
using catalog::RecordStatus;

std::string LineError(size_t line, std::string_view field, std::string_view msg) {
  return "line " + std::to_string(line) + ": field " + std::string(field) + ": " + std::string(msg);
}

}  // namespace

Result<int64_t> ImportRecords(store::Store& store, std::string_view jsonl, std::string_view now) {
  auto agencies = store.ListAgencies();
  if (!agencies.ok()) return agencies.status();
  std::set<std::string> known;
  for (const auto& a : *agencies) known.insert(a.id);

  std::vector<Record> records;
  std::vector<size_t> lines;  // line number of each record
  std::map<std::pair<std::string, std::string>, size_t> seen;
  size_t line_no = 0;
  for (size_t pos = 0; pos <= jsonl.size();) {
    size_t end = jsonl.find('\n', pos);
    if (end == std::string_view::npos) end = jsonl.size();
    std::string_view line = jsonl.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      if (end == jsonl.size()) break;
      continue;
    }
    auto parsed = catalog::RecordFromImportJson(line);
    if (auto* e = std::get_if<catalog::FieldError>(&parsed))
      return Status::Invalid(LineError(line_no, e->field, e->message));
    Record r = std::get<Record>(std::move(parsed));
    if (!known.count(r.agency_id))
      return Status::Invalid(LineError(line_no, "agency_id",
                                       "agency_id（机构）：没有标识为“" + r.agency_id + "”的机构"));
    auto key = std::make_pair(r.agency_id, r.index_no);
    if (auto it = seen.find(key); it != seen.end())
      return Status::Invalid(LineError(line_no, "index_no",
                                       "index_no（索引号）：与第 " + std::to_string(it->second) +
                                           " 行重复（同一机构的索引号不能重复）"));
    seen.emplace(key, line_no);
    records.push_back(std::move(r));
    lines.push_back(line_no);
    if (end == jsonl.size()) break;
  }
  size_t failed_at = 0;
  auto n = store.records().ImportRecords(records, {"import", "import", "", std::string(now)},
                                         &failed_at);
  if (!n.ok()) {
    if (failed_at < records.size()) {
      const Record& r = records[failed_at];
      if (n.status().code() == StatusCode::kConflict)
        return Status::Invalid(LineError(
            lines[failed_at], "index_no",
            "index_no（索引号）：机构 " + r.agency_id + " 已有索引号为“" + r.index_no + "”的信息"));
      if (n.status().code() == StatusCode::kNotFound)
        return Status::Invalid(
            LineError(lines[failed_at], "agency_id",
                      "agency_id（机构）：没有标识为“" + r.agency_id + "”的机构"));
    }
    return Status::Internal(n.status().message());
  }
  // The records are committed; a compact index only makes searches faster,
  // so a failure here does not undo the import (the next import retries).
  (void)store.records().OptimizeSearchIndex();
  return n;
}

const std::vector<ReviewItem>& ReviewChecklist() {
  // 保密审查 before publication (Regulation Art. 17: 先审查、后公开).
  static const std::vector<ReviewItem> kItems = {
      {"no_secret", "不含国家秘密、工作秘密"},
      {"no_personal", "不含个人隐私和可识别个人身份的信息（如身份证号、电话、住址）"},
      {"no_commercial", "不含商业秘密，或已取得权利人同意"},
      {"no_safety", "公开后不危及国家安全、公共安全、经济安全和社会稳定"},
      {"accurate", "标题、文号、日期、有效性等著录项准确"},
  };
  return kItems;
}

std::string_view ActionKey(RecordAction a) {
  switch (a) {
    case RecordAction::kSubmit:
      return "submit";
    case RecordAction::kApprove:
      return "approve";
    case RecordAction::kReject:
      return "reject";
    case RecordAction::kWithdraw:
      return "withdraw";
  }
  return "submit";
}

namespace {

bool MayDraft(const Actor& a) {
  return a.role == "editor" || a.role == "reviewer" || a.role == "agency_admin";
}
bool MayReview(const Actor& a) { return a.role == "reviewer" || a.role == "agency_admin"; }

Status CheckAgency(const Actor& a, const Record& r) {
  if (a.agency_id != r.agency_id) return Status::NotFound("没有这条信息");
  return Status::Ok();
}

}  // namespace

Result<int64_t> CreateDraft(store::Store& store, const Actor& actor, Record draft, Date today,
                            std::string_view now) {
  if (!MayDraft(actor)) return Status::Invalid("只有信息编辑、审核人员可以起草");
  draft.agency_id = actor.agency_id;
  draft.status = RecordStatus::kDraft;
  draft.id = 0;
  {
    // Validate before a serial is allocated (a rejected draft uses no number).
    Record probe = draft;
    if (probe.index_no.empty()) probe.index_no.assign(1, '-');
    if (auto e = catalog::Validate(probe)) return Status::Invalid(e->message);
  }
  if (draft.index_no.empty()) {
    auto agency = store.GetAgency(actor.agency_id);
    if (!agency.ok()) return agency.status();
    if (!agency->has_value()) return Status::NotFound("没有这个机构");
    std::string code = (*agency)->code;
    if (!catalog::IsValidOrganCode(code)) code = "GK";
    auto serial = store.records().NextRecordSerial(actor.agency_id, today.year());
    if (!serial.ok()) return serial.status();
    auto no = catalog::FormatIndexNo(code, today.year(), *serial);
    if (!no.ok()) return no.status();
    draft.index_no = *no;
  }
  if (auto e = catalog::Validate(draft)) return Status::Invalid(e->message);
  return store.records().CreateRecord(draft, {actor.username, "create", "", std::string(now)});
}

Result<store::StoredRecord> DraftForChange(store::Store& store, const Actor& actor,
                                           int64_t record_id) {
  if (!MayDraft(actor)) return Status::Invalid("只有信息编辑、审核人员可以修改");
  auto cur = store.records().GetRecord(record_id);
  if (!cur.ok()) return cur.status();
  if (!cur->has_value()) return Status::NotFound("没有这条信息");
  if (auto s = CheckAgency(actor, (*cur)->record); !s.ok()) return s;
  if ((*cur)->record.status != RecordStatus::kDraft)
    return Status::Invalid("只有草稿可以修改；已发布的信息请撤回后重新起草");
  return std::move(**cur);
}

Status EditDraft(store::Store& store, const Actor& actor, const Record& edited,
                 int64_t expected_revision, std::string_view now) {
  auto cur = DraftForChange(store, actor, edited.id);
  if (!cur.ok()) return cur.status();
  const Record& old = cur->record;
  Record r = edited;
  r.agency_id = old.agency_id;
  r.index_no = old.index_no;
  r.status = old.status;
  if (auto e = catalog::Validate(r)) return Status::Invalid(e->message);
  return store.records().UpdateRecord(r, expected_revision,
                                      {actor.username, "edit", "", std::string(now)});
}

Status ApplyAction(store::Store& store, const Actor& actor, int64_t record_id,
                   int64_t expected_revision, RecordAction action, std::string_view note,
                   const std::vector<std::string>& confirmed, Date today, std::string_view now) {
  auto cur = store.records().GetRecord(record_id);
  if (!cur.ok()) return cur.status();
  if (!cur->has_value()) return Status::NotFound("没有这条信息");
  Record r = (*cur)->record;
  if (auto s = CheckAgency(actor, r); !s.ok()) return s;
  std::string recorded_note(note);
  switch (action) {
    case RecordAction::kSubmit:
      if (!MayDraft(actor)) return Status::Invalid("无权送审");
      if (r.status != RecordStatus::kDraft) return Status::Invalid("只有草稿可以送审");
      r.status = RecordStatus::kInReview;
      break;
    case RecordAction::kApprove: {
      if (!MayReview(actor)) return Status::Invalid("只有审核人员可以进行保密审查并发布");
      if (r.status != RecordStatus::kInReview) return Status::Invalid("只有待审查的信息可以发布");
      std::set<std::string> ticked(confirmed.begin(), confirmed.end());
      std::string list;
      for (const ReviewItem& item : ReviewChecklist()) {
        if (!ticked.count(std::string(item.key)))
          return Status::Invalid("保密审查未完成：请确认“" + std::string(item.label) + "”");
        list += "☑ " + std::string(item.label) + "\n";
      }
      recorded_note =
          "保密审查：同意公开\n" + list + (note.empty() ? "" : "审查意见：" + std::string(note));
      r.status = RecordStatus::kPublished;
      if (!r.published_on) r.published_on = today;
      break;
    }
    case RecordAction::kReject:
      if (!MayReview(actor)) return Status::Invalid("只有审核人员可以退回");
      if (r.status != RecordStatus::kInReview) return Status::Invalid("只有待审查的信息可以退回");
      if (note.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return Status::Invalid("请填写退回理由");
      recorded_note = "保密审查：不同意公开，退回修改。理由：" + std::string(note);
      r.status = RecordStatus::kDraft;
      break;
    case RecordAction::kWithdraw:
      if (!MayReview(actor)) return Status::Invalid("只有审核人员可以撤回");
      if (r.status != RecordStatus::kPublished) return Status::Invalid("只有已发布的信息可以撤回");
      if (note.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return Status::Invalid("请填写撤回理由");
      recorded_note = "撤回理由：" + std::string(note);
      r.status = RecordStatus::kWithdrawn;
      break;
  }
  if (auto e = catalog::Validate(r)) return Status::Invalid(e->message);
  return store.records().UpdateRecord(
      r, expected_revision,
      {actor.username, std::string(ActionKey(action)), recorded_note, std::string(now)});
}

Status ChangeValidity(store::Store& store, const Actor& actor, int64_t record_id,
                      int64_t expected_revision, catalog::Validity validity, Date changed_on,
                      std::string_view note, std::string_view now) {
  if (!MayReview(actor)) return Status::Invalid("只有审核人员可以变更有效性");
  auto cur = store.records().GetRecord(record_id);
  if (!cur.ok()) return cur.status();
  if (!cur->has_value()) return Status::NotFound("没有这条信息");
  Record r = (*cur)->record;
  if (auto s = CheckAgency(actor, r); !s.ok()) return s;
  if (r.status != RecordStatus::kPublished)
    return Status::Invalid("只有已发布的信息可以变更有效性");
  r.validity = validity;
  r.validity_changed_on = changed_on;
  if (auto e = catalog::Validate(r)) return Status::Invalid(e->message);
  std::string recorded = "有效性变更为“" + std::string(catalog::ValidityLabel(validity)) + "”（" +
                         changed_on.ToString() + " 起）";
  if (note.find_first_not_of(" \t\r\n") != std::string_view::npos)
    recorded += "。说明：" + std::string(note);
  return store.records().UpdateRecord(r, expected_revision,
                                      {actor.username, "validity", recorded, std::string(now)});
}

}  // namespace gk::app
