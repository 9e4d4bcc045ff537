#include "app/case_import.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "app/applications.h"
#include "app/case_files.h"
#include "auth/roles.h"
#include "cases/events.h"
#include "cases/projection.h"
#include "cases/transitions.h"
#include "cases/vocab.h"

namespace gk::app {
namespace {

using json = nlohmann::json;

constexpr std::string_view kFullColon = "：";

// A problem of one line: "line 7: events[2].payload.outcome：…".
Status LineError(size_t line, std::string_view field, std::string_view problem) {
  std::string m = "line " + std::to_string(line) + ": ";
  if (!field.empty()) m += std::string(field) + std::string(kFullColon);
  m += problem;
  return Status::Invalid(std::move(m));
}

// The domain's messages are "path：problem" where path is an ASCII field path
// (payload.application.phone, occurred_on, case_id); rule refusals have none.
struct Split {
  std::string path;  // "" when the message names no field
  std::string problem;
};
Split SplitPath(const std::string& message) {
  const size_t colon = message.find(kFullColon);
  if (colon == std::string::npos || colon == 0) return {"", message};
  for (size_t i = 0; i < colon; ++i) {
    const char c = message[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '.' || c == '[' || c == ']';
    if (!ok) return {"", message};
  }
  return {message.substr(0, colon), message.substr(colon + kFullColon.size())};
}

std::string Shown(const json& v) {
  if (v.is_object()) return "JSON对象";
  if (v.is_array()) return "JSON数组";
  std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

std::string Quote(std::string_view s) { return "“" + std::string(s) + "”"; }
// Tracking numbers the online form hands out are TrackingPrefix + a 4-digit
// year + a 5-digit serial (applications.h). An imported number of that form
// for this year or later could be handed out again to a new application.
bool LooksLikeLiveNumber(std::string_view no, const store::AgencyRow& a, int this_year) {
  const std::string code = TrackingPrefix(a);
  if (no.size() != code.size() + 9 || !no.starts_with(code)) return false;
  int year = 0;
  for (size_t i = code.size(); i < no.size(); ++i) {
    if (no[i] < '0' || no[i] > '9') return false;
    if (i < code.size() + 4) year = year * 10 + (no[i] - '0');
  }
  return year >= this_year;
}

struct Entering {
  std::string actor;
  std::optional<std::string> agency_id;  // a user confined to one agency
};

// Checks the options: the recording time and who enters the records.
Result<Entering> CheckOptions(store::Store& store, const ImportOptions& o) {
  Entering who;
  who.actor = o.entered_by.empty() ? std::string(cases::kImportActor) : o.entered_by;
  if (who.actor == cases::kPublicActor) {
    return Status::Invalid("entered_by：“public”表示申请人网上提交，不能用于补录");
  }
  // The header checks of an event (recorded_at, actor) on a stand-in event.
  cases::Event probe{
      "IMPORT-CHECK",          1, Date(), o.now_iso, who.actor, cases::Entry::kBackfilled,
      cases::ArchivedPayload{}};
  if (Status s = cases::ValidateEvent(probe); !s.ok()) {
    const Split sp = SplitPath(s.message());
    if (sp.path == "recorded_at") return Status::Invalid("now_iso：" + sp.problem);
    if (sp.path == "actor") return Status::Invalid("entered_by：" + sp.problem);
    return s;
  }
  if (who.actor == cases::kImportActor) return who;
  auto user = store.GetUser(who.actor);
  if (!user.ok()) return user.status();
  if (!user->has_value()) {
    return Status::NotFound("entered_by：没有用户" + Quote(who.actor) +
                            "（先用 gongkai user add 创建录入人员的账号）");
  }
  const std::optional<auth::Role> role = auth::RoleFromKey((*user)->role);
  if (!role || (*role != auth::Role::kHandler && *role != auth::Role::kAgencyAdmin &&
                *role != auth::Role::kSysadmin)) {
    return Status::Invalid("entered_by：用户" + Quote(who.actor) + "的角色为" +
                           Quote((*user)->role) +
                           "，不能录入申请；补录须由承办人（handler）、机构负责人（agency_admin）"
                           "或系统管理员（sysadmin）进行");
  }
  who.agency_id = (*user)->agency_id;
  return who;
}

// One line, checked.
struct ParsedCase {
  size_t line = 0;
  std::string tracking_no;
  std::vector<cases::Event> events;
  cases::CaseState state;
};

struct Context {
  store::Store& store;
  const law::Calendar& cal;
  const ImportOptions& options;
  const Entering& who;
  std::map<std::string, store::AgencyRow> agencies;
  std::map<std::string, size_t> seen;  // tracking number → line
  int this_year = 0;
};

std::string AgencyList(const std::map<std::string, store::AgencyRow>& agencies) {
  std::string out;
  int n = 0;
  for (const auto& [id, a] : agencies) {
    if (n++ == 10) {
      out += "、…";
      break;
    }
    out += (out.empty() ? "" : "、") + id;
  }
  return out.empty() ? "（系统中尚无机关）" : out;
}

// A required string key of the line object.
Result<std::string> RequiredText(const json& obj, const char* key, size_t line,
                                 std::string_view what) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    return LineError(line, key, "缺少必填字段（" + std::string(what) + "）");
  }
  if (!it->is_string()) return LineError(line, key, "应为字符串，实际为" + Shown(*it));
  std::string v = it->get<std::string>();
  if (v.empty()) return LineError(line, key, "不能为空");
  return v;
}

// The event of `events[i]`, payload read strictly as a backfilled entry.
Result<cases::Event> ReadEvent(const json& j, size_t i, const ParsedCase& pc,
                               const std::string& agency_id, const Context& ctx) {
  const std::string at = "events[" + std::to_string(i) + "]";
  if (!j.is_object()) return LineError(pc.line, at, "应为JSON对象，实际为" + Shown(j));
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key() != "type" && it.key() != "occurred_on" && it.key() != "payload") {
      return LineError(
          pc.line, at + "." + it.key(),
          "未知字段（事件只有 type、occurred_on、payload；录入人和记录时间由导入时确定）");
    }
  }
  auto type_it = j.find("type");
  if (type_it == j.end() || type_it->is_null()) {
    return LineError(pc.line, at + ".type", "缺少必填字段（事件类型）");
  }
  std::optional<cases::EventType> type;
  if (type_it->is_string()) type = cases::FromKey<cases::EventType>(type_it->get<std::string>());
  if (!type) {
    return LineError(
        pc.line, at + ".type",
        "取值应为 " + cases::KeyList<cases::EventType>() + " 之一，实际为" + Shown(*type_it));
  }
  auto date_it = j.find("occurred_on");
  if (date_it == j.end() || date_it->is_null()) {
    return LineError(pc.line, at + ".occurred_on", "缺少必填字段（日期，格式YYYY-MM-DD）");
  }
  std::optional<Date> on;
  if (date_it->is_string()) {
    if (Result<Date> d = Date::Parse(date_it->get<std::string>()); d.ok()) on = *d;
  }
  if (!on) {
    return LineError(pc.line, at + ".occurred_on",
                     "日期应为YYYY-MM-DD格式的字符串，实际为" + Shown(*date_it));
  }
  std::string payload_text = "{}";
  if (auto p = j.find("payload"); p != j.end() && !p->is_null()) {
    if (!p->is_object()) {
      return LineError(pc.line, at + ".payload", "应为JSON对象，实际为" + Shown(*p));
    }
    payload_text = p->dump(-1, ' ', false, json::error_handler_t::replace);
  }
  Result<cases::Payload> payload =
      cases::PayloadFromJson(*type, payload_text, cases::Entry::kBackfilled);
  if (!payload.ok()) {
    const Split sp = SplitPath(payload.status().message());
    return LineError(pc.line, sp.path.empty() ? at + ".payload" : at + "." + sp.path, sp.problem);
  }
  if (const auto* r = std::get_if<cases::ReceivedPayload>(&*payload)) {
    if (r->agency_id != agency_id) {
      return LineError(
          pc.line, at + ".payload.agency_id",
          "应与本行的 agency_id" + Quote(agency_id) + "一致，实际为" + Quote(r->agency_id));
    }
  }
  cases::Event e;
  e.case_id = pc.tracking_no;
  e.sequence = static_cast<int64_t>(i) + 1;
  e.occurred_on = *on;
  e.recorded_at = ctx.options.now_iso;
  e.actor = ctx.who.actor;
  e.entry = cases::Entry::kBackfilled;
  e.payload = std::move(payload).value();
  return e;
}

// Applies an event for the importer; a refusal names the field it concerns.
Status ApplyEvent(ParsedCase& pc, const cases::Event& e, size_t i, const Context& ctx) {
  const std::string at = "events[" + std::to_string(i) + "]";
  Result<cases::CaseState> next =
      cases::Apply(pc.state, e, cases::ApplyContext{ctx.cal, cases::ActorRole::kImport});
  if (next.ok()) {
    pc.state = std::move(next).value();
    return Status::Ok();
  }
  const Split sp = SplitPath(next.status().message());
  if (sp.path == "case_id") return LineError(pc.line, "tracking_no", sp.problem);
  if (!sp.path.empty()) return LineError(pc.line, at + "." + sp.path, sp.problem);
  // A move the transition table does not allow concerns the event's type.
  cases::CaseKind kind = pc.state.kind;
  if (pc.state.status == cases::CaseStatus::kNone) {
    if (const auto* r = std::get_if<cases::ReceivedPayload>(&e.payload)) kind = r->kind;
  }
  const bool table = cases::FindTransition(kind, pc.state.status, e.type()) == nullptr;
  return LineError(pc.line, table ? at + ".type" : at, sp.problem);
}

Result<ParsedCase> ReadLine(std::string_view text, size_t line, Context& ctx) {
  ParsedCase pc;
  pc.line = line;
  if (text.size() > kMaxImportLineBytes) {
    return LineError(line, "", "一行超过" + std::to_string(kMaxImportLineBytes >> 20) + " MiB");
  }
  json j;
  try {
    j = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    // nlohmann's text starts "[json.exception.parse_error.101] parse error at
    // line 1, column 5: "; the line is ours, the byte offset is clearer.
    std::string why = e.what();
    if (const size_t c = why.find(": "); c != std::string::npos) why = why.substr(c + 2);
    return LineError(line, "",
                     "不是有效的JSON（第" + std::to_string(e.byte) + "个字节附近：" + why + "）");
  } catch (const json::exception& e) {
    return LineError(line, "", std::string("不是有效的JSON（") + e.what() + "）");
  }
  if (!j.is_object()) return LineError(line, "", "每行应为一个JSON对象，实际为" + Shown(j));
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key() != "tracking_no" && it.key() != "agency_id" && it.key() != "events") {
      return LineError(line, it.key(), "未知字段（每行只有 tracking_no、agency_id、events）");
    }
  }

  Result<std::string> no = RequiredText(j, "tracking_no", line, "申请编号");
  if (!no.ok()) return no.status();
  pc.tracking_no = *no;
  if (auto dup = ctx.seen.find(pc.tracking_no); dup != ctx.seen.end()) {
    return LineError(
        line, "tracking_no",
        "申请编号" + Quote(pc.tracking_no) + "与第" + std::to_string(dup->second) + "行重复");
  }
  auto existing = ctx.store.GetCase(pc.tracking_no);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) {
    return LineError(line, "tracking_no",
                     "申请编号" + Quote(pc.tracking_no) + "在系统中已存在，不能重复导入");
  }

  Result<std::string> agency_id = RequiredText(j, "agency_id", line, "机关标识");
  if (!agency_id.ok()) return agency_id.status();
  auto agency = ctx.agencies.find(*agency_id);
  if (agency == ctx.agencies.end()) {
    return LineError(
        line, "agency_id",
        "没有这个机关" + Quote(*agency_id) + "（可用：" + AgencyList(ctx.agencies) + "）");
  }
  if (ctx.who.agency_id && *ctx.who.agency_id != *agency_id) {
    return LineError(
        line, "agency_id",
        "录入人" + Quote(ctx.who.actor) + "只能录入本机关" + Quote(*ctx.who.agency_id) + "的案件");
  }
  if (LooksLikeLiveNumber(pc.tracking_no, agency->second, ctx.this_year)) {
    return LineError(line, "tracking_no",
                     "申请编号" + Quote(pc.tracking_no) +
                         "与本系统为新申请自动生成的编号格式相同（机关代码+年份+5位序号），"
                         "今后可能重复；请保留旧台账的原编号，或加上前缀（如“BL-”）");
  }

  auto events = j.find("events");
  if (events == j.end() || events->is_null()) {
    return LineError(line, "events", "缺少必填字段（事件列表，第一个事件为 received）");
  }
  if (!events->is_array())
    return LineError(line, "events", "应为JSON数组，实际为" + Shown(*events));
  if (events->empty()) return LineError(line, "events", "不能为空（第一个事件为 received）");
  if (events->size() > static_cast<size_t>(kMaxImportEventsPerCase)) {
    return LineError(line, "events",
                     "事件不能超过" + std::to_string(kMaxImportEventsPerCase) + "个");
  }
  for (size_t i = 0; i < events->size(); ++i) {
    Result<cases::Event> e = ReadEvent((*events)[i], i, pc, *agency_id, ctx);
    if (!e.ok()) return e.status();
    if (i == 0 && e->type() != cases::EventType::kReceived) {
      return LineError(
          line, "events[0].type",
          "第一个事件应为 received（收到申请），实际为 " + std::string(cases::Key(e->type())));
    }
    if (Status s = ApplyEvent(pc, *e, i, ctx); !s.ok()) return s;
    pc.events.push_back(std::move(e).value());
  }
  ctx.seen.emplace(pc.tracking_no, line);
  return pc;
}

bool Blank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

}  // namespace

Result<ImportReport> ImportCases(store::Store& store, const law::Calendar& cal,
                                 std::string_view jsonl, const ImportOptions& options) {
  try {
    Result<Entering> who = CheckOptions(store, options);
    if (!who.ok()) return who.status();
    auto agencies = store.ListAgencies();
    if (!agencies.ok()) return agencies.status();
    Context ctx{store, cal, options, *who, {}, {}, 0};
    for (store::AgencyRow& a : *agencies) ctx.agencies.emplace(a.id, std::move(a));
    ctx.this_year = std::stoi(options.now_iso.substr(0, 4));  // checked ISO above

    // 1. Check every line; keep the cases.
    if (jsonl.starts_with("\xEF\xBB\xBF")) jsonl.remove_prefix(3);  // UTF-8 BOM
    std::vector<ParsedCase> parsed;
    size_t line = 0;
    while (!jsonl.empty()) {
      ++line;
      const size_t nl = jsonl.find('\n');
      std::string_view text = jsonl.substr(0, nl);
      jsonl.remove_prefix(nl == std::string_view::npos ? jsonl.size() : nl + 1);
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      if (Blank(text)) continue;
      Result<ParsedCase> pc = ReadLine(text, line, ctx);
      if (!pc.ok()) return pc.status();
      parsed.push_back(std::move(pc).value());
    }
    if (parsed.empty()) {
      return Status::Invalid("导入文件中没有案件（每行一个案件，格式见 docs/import-format.md）");
    }

    ImportReport report;
    for (const ParsedCase& pc : parsed) {
      ++report.cases;
      report.events += static_cast<int>(pc.events.size());
      if (pc.state.IsOpen()) ++report.open;
      if (pc.state.kind == cases::CaseKind::kAssistance) ++report.assistance;
      report.tracking_nos.push_back(pc.tracking_no);
    }
    if (options.mode == ImportMode::kCheckOnly) return report;

    // 2. Append, case by case (see the header on store failures).
    int loaded = 0;
    for (ParsedCase& pc : parsed) {
      AppendRequest req;
      req.case_id = pc.tracking_no;
      req.expected_version = 0;
      req.events = std::move(pc.events);
      req.role = cases::ActorRole::kImport;
      req.now_iso = options.now_iso;
      Result<cases::CaseState> appended = AppendCaseEvents(store, cal, req);
      if (!appended.ok()) {
        return Status(appended.status().code(),
                      "已导入" + std::to_string(loaded) + "件后，第" + std::to_string(pc.line) +
                          "行（" + pc.tracking_no + "）写入失败，其后各行未导入：" +
                          appended.status().message());
      }
      ++loaded;
    }
    return report;
  } catch (const std::exception& e) {  // not expected: JSON access is checked first
    return Status::Internal(std::string("导入失败：") + e.what());
  }
}

}  // namespace gk::app
