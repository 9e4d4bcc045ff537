#include "app/interaction.h"

#include <algorithm>

#include "app/applications.h"
#include "core/hash.h"
#include "core/text.h"
#include "ingest/xlsx_reader.h"
#include "interaction/media_import.h"

namespace gk::app {

using text::DecodeToUtf8;
using text::IsValidUtf8;
namespace {

constexpr std::string_view kCodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
constexpr size_t kQueryCodeLength = 10;

// Only the hash of the query code is kept (the code is shown once).
std::string HashCode(std::string_view code) { return Sha256Hex("message:" + std::string(code)); }

Status CheckRate(store::Store& store, const PostContext& ctx) {
  auto n = store.interaction().CountPosts(ctx.address, ctx.now_unix - kPostWindowSeconds);
  if (!n.ok()) return n.status();
  if (*n >= kPostLimit) return Status::RateLimited("提交过于频繁，请10分钟后再试");
  return Status::Ok();
}

// The agency's staff only; nullopt agency (sysadmin, supervisor) acts nowhere.
Status CheckAgency(const InteractionActor& actor, std::string_view agency_id) {
  if (!actor.agency_id || *actor.agency_id != agency_id)
    return Status::Forbidden("只能处理本机关的政民互动事项");
  return Status::Ok();
}

Status CheckManage(const InteractionActor& actor, std::string_view agency_id) {
  if (!MayManageInteraction(actor.role))
    return Status::Forbidden("意见征集、访谈发布、新媒体和培训由本机关的信息编辑、审核人员和机构负责人管理");
  return CheckAgency(actor, agency_id);
}

std::optional<Date> ParseDate(const std::string& s) {
  auto d = Date::Parse(s);
  if (!d.ok()) return std::nullopt;
  return *d;
}

// A text field: trimmed, 1–max characters (0–max when optional).
std::optional<interaction::FieldError> Text(std::string_view key, std::string_view label, std::string& v,
                               size_t max, bool required) {
  v = interaction::Trim(v);
  const std::string k(key), l(label);
  if (!IsValidUtf8(v)) return interaction::FieldError{k, k + "（" + l + "）：含有无法识别的字符"};
  if (required && v.empty()) return interaction::FieldError{k, k + "（" + l + "）：必须填写"};
  if (interaction::CharCount(v) > max)
    return interaction::FieldError{k, k + "（" + l + "）：不能超过 " + std::to_string(max) + " 个字"};
  return std::nullopt;
}

std::optional<int64_t> ParseCount(std::string s, int64_t max) {
  s = interaction::Trim(s);
  if (s.empty() || s.size() > 12 || s.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  const int64_t v = std::stoll(s);
  if (v > max) return std::nullopt;
  return v;
}

// A published record of the agency.
Result<bool> IsAgencyRecord(store::Store& store, std::string_view agency_id, int64_t id) {
  auto r = store.records().GetRecord(id);
  if (!r.ok()) return r.status();
  return r->has_value() && (*r)->record.agency_id == agency_id &&
         (*r)->record.status == catalog::RecordStatus::kPublished;
}

}  // namespace

Result<MessageOutcome> SubmitMessage(store::Store& store, const law::Calendar& cal,
                                     interaction::MessageInput in, const PostContext& ctx) {
  MessageOutcome out;
  auto agency = store.GetAgency(interaction::Trim(in.agency_id));
  if (!agency.ok()) return agency.status();
  if (auto e = interaction::ValidateMessage(in, agency->has_value())) {
    out.error = std::move(e);
    return out;
  }
  if (Status s = CheckRate(store, ctx); !s.ok()) return s;
  auto days = AnswerDays(store, in.agency_id);
  if (!days.ok()) return days.status();
  interaction::Message m;
  m.agency_id = in.agency_id;
  m.name = in.name;
  m.phone = in.phone;
  m.title = in.title;
  m.body = in.body;
  m.public_ok = in.public_ok;
  const auto hits = interaction::SensitiveHits(in.title + "\n" + in.body);
  m.status = std::string(hits.empty() ? interaction::kOpen : interaction::kHeld);
  for (const std::string& h : hits) m.hold_reason += (m.hold_reason.empty() ? "" : "、") + h;
  m.received_on = ctx.today;
  m.due_on = interaction::AnswerDue(cal, ctx.today, *days);
  m.created_at = ctx.now_iso;
  const std::string code = RandomToken(kQueryCodeLength, kCodeAlphabet);
  const std::string& prefix_code = (*agency)->code.empty() ? (*agency)->id : (*agency)->code;
  std::string prefix = "LY-" + prefix_code + "-" + std::to_string(ctx.today.year()) + "-";
  m.query_code_hash = HashCode(code);
  if (Status s = store.interaction().InsertMessage(m, prefix, ctx.address, ctx.now_unix); !s.ok())
    return s;
  out.receipt = MessageReceipt{m.message_no, code, m.received_on, m.due_on, !hits.empty()};
  return out;
}

Result<interaction::Message> LookupMessage(store::Store& store, std::string_view message_no,
                                           std::string_view query_code, const PostContext& ctx) {
  auto failures = store.CountLookupFailures(ctx.address, ctx.now_unix - kLookupWindowSeconds);
  if (!failures.ok()) return failures.status();
  if (*failures >= kLookupFailureLimit) return Status::RateLimited("查询失败次数过多，请15分钟后再试");
  auto m = store.interaction().GetMessage(message_no);
  if (!m.ok()) return m.status();
  if (!m->has_value() || !ConstantTimeEquals((*m)->query_code_hash, HashCode(query_code))) {
    if (Status s = store.RecordLookupFailure(ctx.address, ctx.now_unix); !s.ok()) return s;
    return Status::NotFound("留言编号或查询码不正确");
  }
  return std::move(**m);
}

Result<std::optional<interaction::FieldError>> SubmitComment(store::Store& store, std::string_view kind,
                                                int64_t parent_id, std::string name,
                                                std::string body, const PostContext& ctx) {
  if (kind == "consultation") {
    auto c = store.interaction().GetConsultation(parent_id);
    if (!c.ok()) return c.status();
    if (!c->has_value()) return Status::NotFound("没有这项意见征集");
    if (!interaction::IsOpen(**c, ctx.today))
      return Status::FailedPrecondition("这项意见征集不在征集期内，不能提交意见");
  } else {
    auto e = store.interaction().GetEvent(parent_id);
    if (!e.ok()) return e.status();
    if (!e->has_value()) return Status::NotFound("没有这场活动");
    if (!(*e)->questions_open) return Status::FailedPrecondition("这场活动没有征集网民提问");
  }
  if (auto e = interaction::ValidateComment(name, body)) return std::optional<interaction::FieldError>(*e);
  if (Status s = CheckRate(store, ctx); !s.ok()) return s;
  interaction::Comment c{0,      parent_id, name, body, interaction::kPending, "",
                         ctx.today, ctx.now_iso};
  auto id = store.interaction().InsertComment(kind, c, ctx.address, ctx.now_unix);
  if (!id.ok()) return id.status();
  return std::optional<interaction::FieldError>();
}

bool MayHandleMessages(auth::Role r) {
  return r == auth::Role::kHandler || MayManageInteraction(r);
}
bool MayManageInteraction(auth::Role r) {
  return r == auth::Role::kEditor || r == auth::Role::kReviewer || r == auth::Role::kAgencyAdmin;
}

Status ChangeMessage(store::Store& store, const InteractionActor& actor,
                     std::string_view message_no, const MessageChange& change) {
  if (!MayHandleMessages(actor.role))
    return Status::Forbidden("留言由本机关的承办、编辑、审核人员和机构负责人办理");
  auto got = store.interaction().GetMessage(message_no);
  if (!got.ok()) return got.status();
  if (!got->has_value()) return Status::NotFound("没有这条留言");
  interaction::Message m = std::move(**got);
  if (Status s = CheckAgency(actor, m.agency_id); !s.ok()) return s;
  using interaction::kAnswered, interaction::kDismissed, interaction::kHeld, interaction::kOpen;
  switch (change.action) {
    case MessageAction::kAssign: {
      if (m.status != kOpen && m.status != kHeld)
        return Status::FailedPrecondition("这条留言已办结，不能再分办");
      auto user = store.GetUser(interaction::Trim(change.assignee));
      if (!user.ok()) return user.status();
      if (!user->has_value() || (*user)->agency_id != m.agency_id || (*user)->disabled ||
          !auth::RoleFromKey((*user)->role) || !MayHandleMessages(*auth::RoleFromKey((*user)->role)))
        return Status::Invalid("assignee（承办人）：应为本机关可办理留言的工作人员");
      m.assignee = (*user)->username;
      break;
    }
    case MessageAction::kRelease:
      if (m.status != kHeld) return Status::FailedPrecondition("只有待审核的留言可以放行");
      m.status = std::string(kOpen);
      break;
    case MessageAction::kDismiss:
      if (m.status != kHeld && m.status != kOpen)
        return Status::FailedPrecondition("已答复的留言不能改为不予处理");
      m.status = std::string(kDismissed);
      break;
    case MessageAction::kAnswer: {
      if (m.status == kHeld) return Status::FailedPrecondition("待审核的留言须先放行再答复");
      if (m.status == kDismissed) return Status::FailedPrecondition("不予处理的留言不能答复");
      std::string answer = change.answer;
      if (auto e = Text("answer", "答复内容", answer, interaction::kMaxBody, true))
        return Status::Invalid(e->message);
      if (change.publish && !m.public_ok)
        return Status::Invalid("publish（公开答复）：留言人不同意公开，不能公开");
      m.answer = answer;
      if (m.status != kAnswered) {
        m.answered_on = actor.today;
        m.answered_by = actor.username;
      }
      m.status = std::string(kAnswered);
      m.answer_public = change.publish;
      break;
    }
    case MessageAction::kUnpublish:
      m.answer_public = false;
      break;
  }
  return store.interaction().UpdateMessage(m);
}

Result<int> AnswerDays(store::Store& store, std::string_view agency_id) {
  auto d = store.interaction().AnswerDays(agency_id);
  if (!d.ok()) return d.status();
  return d->value_or(interaction::kDefaultAnswerDays);
}

Status SetAnswerDays(store::Store& store, const InteractionActor& actor, int days) {
  if (actor.role != auth::Role::kAgencyAdmin || !actor.agency_id)
    return Status::Forbidden("留言答复期限由机构负责人设置");
  if (days < 1 || days > 60) return Status::Invalid("answer_days（答复期限）：应为 1 至 60 个工作日");
  return store.interaction().SetAnswerDays(*actor.agency_id, days);
}

Result<std::variant<interaction::FieldError, int64_t>> OpenConsultation(store::Store& store,
                                                           const InteractionActor& actor,
                                                           ConsultationInput in) {
  using Out = std::variant<interaction::FieldError, int64_t>;
  if (Status s = CheckManage(actor, actor.agency_id.value_or("")); !s.ok()) return s;
  if (auto e = Text("title", "标题", in.title, 200, true)) return Out(*e);
  if (auto e = Text("body", "征求意见稿", in.body, 100000, true)) return Out(*e);
  const auto opens = ParseDate(interaction::Trim(in.opens_on));
  if (!opens) return Out(interaction::FieldError{"opens_on", "opens_on（开始日期）：应为 年-月-日"});
  const auto closes = ParseDate(interaction::Trim(in.closes_on));
  if (!closes) return Out(interaction::FieldError{"closes_on", "closes_on（截止日期）：应为 年-月-日"});
  if (*closes < *opens)
    return Out(interaction::FieldError{"closes_on", "closes_on（截止日期）：不能早于开始日期"});
  interaction::Consultation c;
  c.agency_id = *actor.agency_id;
  c.title = in.title;
  c.body = in.body;
  c.opens_on = *opens;
  c.closes_on = *closes;
  c.created_by = actor.username;
  c.created_at = actor.now_iso;
  auto id = store.interaction().InsertConsultation(c);
  if (!id.ok()) return id.status();
  return Out(*id);
}

namespace {
Result<interaction::Consultation> ManagedConsultation(store::Store& store,
                                                      const InteractionActor& actor, int64_t id) {
  auto c = store.interaction().GetConsultation(id);
  if (!c.ok()) return c.status();
  if (!c->has_value()) return Status::NotFound("没有这项意见征集");
  if (Status s = CheckManage(actor, (*c)->agency_id); !s.ok()) return s;
  return std::move(**c);
}
}  // namespace

Status CloseConsultation(store::Store& store, const InteractionActor& actor, int64_t id) {
  auto c = ManagedConsultation(store, actor, id);
  if (!c.ok()) return c.status();
  if (c->closed) return Status::FailedPrecondition("这项意见征集已结束");
  c->closed = true;
  if (c->closes_on > actor.today) c->closes_on = std::max(actor.today, c->opens_on);
  return store.interaction().UpdateConsultation(*c);
}

Result<std::optional<interaction::FieldError>> PublishFeedback(store::Store& store,
                                                  const InteractionActor& actor, int64_t id,
                                                  std::string feedback, int64_t record_id) {
  auto c = ManagedConsultation(store, actor, id);
  if (!c.ok()) return c.status();
  if (interaction::IsOpen(*c, actor.today) || actor.today < c->opens_on)
    return Status::FailedPrecondition("征集结束后才能公布采纳情况");
  if (auto e = Text("feedback", "采纳情况", feedback, 20000, true))
    return std::optional<interaction::FieldError>(*e);
  if (record_id < 0)
    return std::optional<interaction::FieldError>(interaction::FieldError{"record_id", "record_id（形成的文件）：编号不正确"});
  if (record_id > 0) {
    auto ok = IsAgencyRecord(store, c->agency_id, record_id);
    if (!ok.ok()) return ok.status();
    if (!*ok)
      return std::optional<interaction::FieldError>(
          interaction::FieldError{"record_id", "record_id（形成的文件）：应为本机关已发布的信息编号"});
    c->record_id = record_id;
  }
  c->feedback = feedback;
  c->closed = true;
  if (!c->feedback_on) c->feedback_on = actor.today;
  if (Status s = store.interaction().UpdateConsultation(*c); !s.ok()) return s;
  return std::optional<interaction::FieldError>();
}

Status ModerateComment(store::Store& store, const InteractionActor& actor, std::string_view kind,
                       int64_t comment_id, bool approve, std::string answer) {
  auto c = store.interaction().GetComment(kind, comment_id);
  if (!c.ok()) return c.status();
  if (!c->has_value()) return Status::NotFound("没有这条意见");
  std::string agency;
  if (kind == "consultation") {
    auto p = store.interaction().GetConsultation((*c)->parent_id);
    if (!p.ok()) return p.status();
    if (p->has_value()) agency = (*p)->agency_id;
  } else {
    auto p = store.interaction().GetEvent((*c)->parent_id);
    if (!p.ok()) return p.status();
    if (p->has_value()) agency = (*p)->agency_id;
  }
  if (Status s = CheckManage(actor, agency); !s.ok()) return s;
  if (auto e = Text("answer", "答复", answer, interaction::kMaxBody, false))
    return Status::Invalid(e->message);
  (*c)->status = approve ? interaction::kApproved : interaction::kRejected;
  (*c)->answer = approve ? answer : "";
  return store.interaction().UpdateComment(kind, **c);
}

Result<std::variant<interaction::FieldError, int64_t>> SaveEvent(store::Store& store,
                                                    const InteractionActor& actor, int64_t id,
                                                    EventInput in) {
  using Out = std::variant<interaction::FieldError, int64_t>;
  interaction::Event e;
  if (id > 0) {
    auto got = store.interaction().GetEvent(id);
    if (!got.ok()) return got.status();
    if (!got->has_value()) return Status::NotFound("没有这场活动");
    e = std::move(**got);
    if (Status s = CheckManage(actor, e.agency_id); !s.ok()) return s;
  } else {
    if (Status s = CheckManage(actor, actor.agency_id.value_or("")); !s.ok()) return s;
    e.agency_id = *actor.agency_id;
    e.created_by = actor.username;
    e.created_at = actor.now_iso;
  }
  in.kind = interaction::Trim(in.kind);
  if (interaction::EventKindLabel(in.kind).empty())
    return Out(interaction::FieldError{"kind", "kind（类型）：应为 在线访谈、新闻发布会 或 政府开放日"});
  if (auto x = Text("title", "主题", in.title, 200, true)) return Out(*x);
  const auto held = ParseDate(interaction::Trim(in.held_on));
  if (!held) return Out(interaction::FieldError{"held_on", "held_on（日期）：应为 年-月-日"});
  if (auto x = Text("guests", "嘉宾", in.guests, 500, false)) return Out(*x);
  if (auto x = Text("transcript", "文字实录", in.transcript, 100000, false)) return Out(*x);
  std::vector<int64_t> records;
  std::string ids = in.record_ids;
  std::replace(ids.begin(), ids.end(), ',', ' ');
  for (size_t p = ids.find("，"); p != std::string::npos; p = ids.find("，")) ids.replace(p, 3, " ");
  size_t pos = 0;
  while (pos < ids.size()) {
    while (pos < ids.size() && ids[pos] == ' ') ++pos;
    size_t end = ids.find(' ', pos);
    if (end == std::string::npos) end = ids.size();
    if (end > pos) {
      auto v = ParseCount(ids.substr(pos, end - pos), 999999999999);
      if (!v || *v == 0)
        return Out(interaction::FieldError{"record_ids", "record_ids（解读的文件）：应为信息编号，以逗号或空格分隔"});
      auto ok = IsAgencyRecord(store, e.agency_id, *v);
      if (!ok.ok()) return ok.status();
      if (!*ok)
        return Out(interaction::FieldError{"record_ids", "record_ids（解读的文件）：" + std::to_string(*v) +
                                                " 不是本机关已发布的信息"});
      if (std::find(records.begin(), records.end(), *v) == records.end()) records.push_back(*v);
    }
    pos = end;
  }
  e.kind = in.kind;
  e.title = in.title;
  e.held_on = *held;
  e.guests = in.guests;
  e.transcript = in.transcript;
  e.questions_open = in.questions_open;
  e.record_ids = records;
  if (id > 0) {
    if (Status s = store.interaction().UpdateEvent(e); !s.ok()) return s;
    return Out(id);
  }
  auto n = store.interaction().InsertEvent(e);
  if (!n.ok()) return n.status();
  return Out(*n);
}

Result<std::optional<interaction::FieldError>> AddMediaAccount(store::Store& store,
                                                  const InteractionActor& actor,
                                                  std::string platform, std::string name,
                                                  std::string owner) {
  using Out = std::optional<interaction::FieldError>;
  if (Status s = CheckManage(actor, actor.agency_id.value_or("")); !s.ok()) return s;
  platform = interaction::Trim(platform);
  if (!interaction::KnownPlatform(platform))
    return Out(interaction::FieldError{"platform", "platform（平台）：请从列表中选择"});
  if (auto e = Text("name", "账号名称", name, 100, true)) return Out(*e);
  if (auto e = Text("owner", "主办单位", owner, 100, false)) return Out(*e);
  auto id = store.interaction().InsertMediaAccount({0, *actor.agency_id, platform, name, owner});
  if (!id.ok()) {
    if (id.status().code() == StatusCode::kConflict)
      return Out(interaction::FieldError{"name", "name（账号名称）：" + id.status().message()});
    return id.status();
  }
  return Out();
}

Result<std::optional<interaction::FieldError>> EnterMediaFigure(store::Store& store,
                                                   const InteractionActor& actor,
                                                   const MediaFigureInput& in) {
  using Out = std::optional<interaction::FieldError>;
  if (Status s = CheckManage(actor, actor.agency_id.value_or("")); !s.ok()) return s;
  auto accounts = store.interaction().ListMediaAccounts(*actor.agency_id);
  if (!accounts.ok()) return accounts.status();
  const auto id = ParseCount(in.account_id, 999999999999);
  const auto acc = std::find_if(accounts->begin(), accounts->end(),
                                [&](const auto& a) { return id && a.id == *id; });
  if (acc == accounts->end())
    return Out(interaction::FieldError{"account_id", "account_id（账号）：请选择本机关的账号"});
  const std::string month = interaction::Trim(in.month);
  auto d = Date::Parse(month + "-01");
  if (month.size() != 7 || !d.ok())
    return Out(interaction::FieldError{"month", "month（月份）：应为 年-月，如 2022-03"});
  const auto posts = ParseCount(in.posts, 100000000);
  if (!posts) return Out(interaction::FieldError{"posts", "posts（发布数）：应为不小于 0 的整数"});
  const auto followers = ParseCount(in.followers, 10000000000);
  if (!followers) return Out(interaction::FieldError{"followers", "followers（关注数）：应为不小于 0 的整数"});
  const store::MediaFigureRow row{acc->id, d->year(), d->month(), *posts, *followers};
  if (Status s = store.interaction().PutMediaFigures(std::span(&row, 1)); !s.ok()) return s;
  return Out();
}

Result<int> ImportMediaFigures(store::Store& store, const InteractionActor& actor,
                               std::string_view bytes) {
  if (Status s = CheckManage(actor, actor.agency_id.value_or("")); !s.ok()) return s;
  std::string text;
  if (bytes.substr(0, 2) == "PK") {
    auto t = ingest::XlsxToText(bytes);
    if (!t.ok()) return Status::Invalid("文件无法读取：请上传 CSV 或 XLSX 表格");
    text = std::move(*t);
    // XlsxToText starts with the document title; the header row follows.
    const size_t h = text.find("账号");
    const size_t e = text.find("account");
    const size_t start = std::min(h, e);
    if (start != std::string::npos) {
      const size_t line = text.rfind('\n', start);
      text = text.substr(line == std::string::npos ? 0 : line + 1);
    }
  } else {
    auto decoded = DecodeToUtf8(bytes);
    if (!decoded.ok()) return Status::Invalid("文件无法读取：请上传 UTF-8 或 GBK 编码的 CSV");
    text = std::move(decoded->utf8);
  }
  auto lines = interaction::ParseMediaFigures(text);
  if (!lines.ok()) return lines.status();
  auto accounts = store.interaction().ListMediaAccounts(*actor.agency_id);
  if (!accounts.ok()) return accounts.status();
  std::vector<store::MediaFigureRow> rows;
  for (const auto& l : *lines) {
    const auto acc = std::find_if(accounts->begin(), accounts->end(),
                                  [&](const auto& a) { return a.name == l.account; });
    if (acc == accounts->end())
      return Status::Invalid("第 " + std::to_string(l.line) + " 行：账号：本机关没有名为“" +
                             l.account + "”的账号，请先登记");
    rows.push_back({acc->id, l.year, l.month, l.posts, l.followers});
  }
  if (Status s = store.interaction().PutMediaFigures(rows); !s.ok()) return s;
  return static_cast<int>(rows.size());
}

Result<std::optional<interaction::FieldError>> AddTraining(store::Store& store, const InteractionActor& actor,
                                              TrainingInput in) {
  using Out = std::optional<interaction::FieldError>;
  if (Status s = CheckManage(actor, actor.agency_id.value_or("")); !s.ok()) return s;
  if (auto e = Text("title", "培训主题", in.title, 200, true)) return Out(*e);
  const auto held = ParseDate(interaction::Trim(in.held_on));
  if (!held) return Out(interaction::FieldError{"held_on", "held_on（日期）：应为 年-月-日"});
  const auto n = ParseCount(in.attendees, 1000000);
  if (!n) return Out(interaction::FieldError{"attendees", "attendees（参训人次）：应为不小于 0 的整数"});
  auto id = store.interaction().InsertTraining({0, *actor.agency_id, in.title, *held, *n});
  if (!id.ok()) return id.status();
  return Out();
}

Result<interaction::YearStats> LoadYearStats(store::Store& store, std::string_view agency_id,
                                             int year) {
  auto agency = store.GetAgency(agency_id);
  if (!agency.ok()) return agency.status();
  if (!agency->has_value()) return Status::NotFound("没有这个机关");
  auto& s = store.interaction();
  store::MessageFilter mf;
  mf.agency_id = std::string(agency_id);
  mf.limit = 1000000;
  auto messages = s.ListMessages(mf);
  if (!messages.ok()) return messages.status();
  auto consultations = s.ListConsultations(std::string(agency_id));
  if (!consultations.ok()) return consultations.status();
  auto comments = s.AgencyComments("consultation", agency_id);
  if (!comments.ok()) return comments.status();
  auto events = s.ListEvents(std::string(agency_id));
  if (!events.ok()) return events.status();
  auto questions = s.AgencyComments("event", agency_id);
  if (!questions.ok()) return questions.status();
  auto accounts = s.ListMediaAccounts(agency_id);
  if (!accounts.ok()) return accounts.status();
  auto figures = s.MediaFigures(agency_id);
  if (!figures.ok()) return figures.status();
  auto trainings = s.ListTrainings(agency_id);
  if (!trainings.ok()) return trainings.status();
  std::vector<interaction::RecordFact> records;
  store::RecordQuery q;
  q.agency_id = std::string(agency_id);
  q.year = year;
  q.with_body = false;
  q.limit = 500;
  for (;;) {
    auto page = store.records().SearchRecords(q);
    if (!page.ok()) return page.status();
    for (const auto& hit : page->items) {
      const catalog::Record& r = hit.record;
      if (!r.published_on) continue;
      records.push_back({r.id, r.title, r.category, r.classifications.genre, *r.published_on});
    }
    if (page->items.size() < static_cast<size_t>(q.limit)) break;
    q.offset += q.limit;
  }
  interaction::YearInput in;
  in.year = year;
  in.messages = *messages;
  in.consultations = *consultations;
  in.comments = *comments;
  in.events = *events;
  in.questions = *questions;
  in.accounts = *accounts;
  in.media_figures = *figures;
  in.trainings = *trainings;
  in.records = records;
  return interaction::CountYear(in);
}

}  // namespace gk::app
