#include "interaction/counting.h"

#include <cstdio>
#include <deque>
#include <iterator>
#include <map>

#include "interaction/messages.h"

namespace gk::interaction {

bool IsPublished(const Message& m) {
  return m.status == kAnswered && m.public_ok && m.answer_public;
}

bool IsOpen(const Consultation& c, Date today) {
  return !c.closed && c.opens_on <= today && today <= c.closes_on;
}

std::string StateLabel(const Consultation& c, Date today) {
  if (c.feedback_on) return "已公布反馈";
  if (!c.closed && today < c.opens_on) return "未开始";
  if (IsOpen(c, today)) return "征集中";
  return "已结束";
}

int64_t YearStats::Value(std::string_view key) const {
  const Figure* f = Find(key);
  return f ? f->value : 0;
}

const Figure* YearStats::Find(std::string_view key) const {
  for (const Figure& f : figures) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

namespace {

bool InYear(Date d, int year) { return d.year() == year; }

// A deque: the references handed out stay valid as figures are added.
using Figures = std::deque<Figure>;

Figure& Add(Figures& s, std::string key, std::string group, std::string label) {
  s.push_back(Figure{std::move(key), std::move(group), std::move(label), 0, {}});
  return s.back();
}

void Count(Figure& f, Ref ref, int64_t n = 1) {
  f.value += n;
  f.items.push_back(std::move(ref));
}

bool IsInterpretation(const RecordFact& r) {
  return r.category.find("解读") != std::string::npos || r.genre.find("解读") != std::string::npos;
}

std::string RecordHref(const RecordFact& r) { return "/records/" + std::to_string(r.id); }

}  // namespace

YearStats CountYear(const YearInput& in) {
  Figures s;
  const int y = in.year;

  // 信息发布: the records published in the year, by catalog category.
  Figure& published = Add(s, "publish.total", "信息发布", "发布信息（条）");
  std::map<std::string, std::vector<const RecordFact*>> by_category;
  for (const RecordFact& r : in.records) {
    if (!InYear(r.published_on, y)) continue;
    Count(published, {r.title, RecordHref(r)});
    by_category[r.category.empty() ? "其他" : r.category].push_back(&r);
  }
  for (const auto& [category, list] : by_category) {
    Figure& f = Add(s, "publish." + category, "信息发布", "其中：" + category);
    for (const RecordFact* r : list) Count(f, {r->title, RecordHref(*r)});
  }

  // 解读: records of an interpretation category or genre, by genre; and the
  // interviews and press conferences linked to records as their 解读.
  Figure& interpreted = Add(s, "interpret.total", "解读", "解读信息（条）");
  std::map<std::string, std::vector<const RecordFact*>> by_genre;
  for (const RecordFact& r : in.records) {
    if (!InYear(r.published_on, y) || !IsInterpretation(r)) continue;
    Count(interpreted, {r.title, RecordHref(r)});
    by_genre[r.genre.empty() ? r.category : r.genre].push_back(&r);
  }
  for (const auto& [genre, list] : by_genre) {
    Figure& f = Add(s, "interpret." + genre, "解读", "其中：" + genre);
    for (const RecordFact* r : list) Count(f, {r->title, RecordHref(*r)});
  }
  Figure& by_event = Add(s, "interpret.events", "解读", "以在线访谈、新闻发布会解读（场）");
  for (const Event& e : in.events) {
    if (!InYear(e.held_on, y) || e.kind == kOpenDay || e.record_ids.empty()) continue;
    Count(by_event, {e.title, "/interaction/events/" + std::to_string(e.id)});
  }

  // 留言办理.
  Figure& received = Add(s, "messages.received", "留言办理", "收到留言（条）");
  Figure& answered = Add(s, "messages.answered", "留言办理", "办结（条）");
  Figure& answered_public = Add(s, "messages.public", "留言办理", "公开答复（条）");
  for (const Message& m : in.messages) {
    const Ref ref{m.message_no + " " + m.title, "/admin/interaction/messages/" + m.message_no};
    if (InYear(m.received_on, y)) Count(received, ref);
    if (m.status == kAnswered && m.answered_on && InYear(*m.answered_on, y)) {
      Count(answered, ref);
      if (IsPublished(m)) Count(answered_public, ref);
    }
  }

  // 征集调查.
  Figure& consultations = Add(s, "consult.count", "征集调查", "意见征集（次）");
  Figure& comments = Add(s, "consult.comments", "征集调查", "收到意见（条）");
  Figure& results = Add(s, "consult.results", "征集调查", "公开征集结果（次）");
  std::map<int64_t, const Consultation*> consultation_by_id;
  for (const Consultation& c : in.consultations) {
    consultation_by_id[c.id] = &c;
    const Ref ref{c.title, "/interaction/consultations/" + std::to_string(c.id)};
    if (InYear(c.opens_on, y)) Count(consultations, ref);
    if (c.feedback_on && InYear(*c.feedback_on, y)) Count(results, ref);
  }
  for (const Comment& c : in.comments) {
    if (!InYear(c.received_on, y)) continue;
    auto it = consultation_by_id.find(c.parent_id);
    Count(comments, {it == consultation_by_id.end() ? "意见" : it->second->title,
                     "/admin/interaction/consultations/" + std::to_string(c.parent_id)});
  }

  // 在线访谈, 新闻发布会, 政府开放日, with the public's questions.
  Figure& interviews = Add(s, "events.interview", "访谈与发布", "在线访谈（期）");
  Figure& press = Add(s, "events.press", "访谈与发布", "新闻发布会（场）");
  Figure& open_days = Add(s, "events.open_day", "访谈与发布", "政府开放日活动（次）");
  Figure& questions = Add(s, "events.questions", "访谈与发布", "网民提问（条）");
  Figure& replies = Add(s, "events.answers", "访谈与发布", "答复网民提问（条）");
  std::map<int64_t, const Event*> event_by_id;
  for (const Event& e : in.events) {
    event_by_id[e.id] = &e;
    if (!InYear(e.held_on, y)) continue;
    const Ref ref{e.held_on.ToString() + " " + e.title,
                  "/interaction/events/" + std::to_string(e.id)};
    Count(e.kind == kInterview ? interviews : e.kind == kPress ? press : open_days, ref);
  }
  for (const Comment& q : in.questions) {
    if (!InYear(q.received_on, y)) continue;
    auto it = event_by_id.find(q.parent_id);
    const Ref ref{it == event_by_id.end() ? "提问" : it->second->title,
                  "/interaction/events/" + std::to_string(q.parent_id)};
    Count(questions, ref);
    if (q.status == kApproved && !q.answer.empty()) Count(replies, ref);
  }

  // 政务新媒体: posts in the year by platform; followers at the account's
  // last reported month of the year.
  std::map<int64_t, const MediaAccount*> account_by_id;
  for (const MediaAccount& a : in.accounts) account_by_id[a.id] = &a;
  std::map<std::string, int64_t> posts, followers;
  std::map<std::string, std::vector<Ref>> post_refs, follower_refs;
  std::map<int64_t, const MediaFigure*> last_month;
  for (const MediaFigure& f : in.media_figures) {
    auto it = account_by_id.find(f.account_id);
    if (f.year != y || it == account_by_id.end()) continue;
    posts[it->second->platform] += f.posts;
    char month[8];
    std::snprintf(month, sizeof month, "%02d", f.month);
    post_refs[it->second->platform].push_back(
        {it->second->name + " " + std::to_string(f.year) + "-" + month + "：" +
             std::to_string(f.posts) + " 条",
         "/admin/interaction/media"});
    const MediaFigure*& last = last_month[f.account_id];
    if (!last || last->month < f.month) last = &f;
  }
  for (const auto& [account_id, f] : last_month) {
    const MediaAccount& a = *account_by_id[account_id];
    followers[a.platform] += f->followers;
    if (f->followers > 0)
      follower_refs[a.platform].push_back(
          {a.name + " " + std::to_string(f->month) + "月：" + std::to_string(f->followers),
           "/admin/interaction/media"});
  }
  Figure& media_total = Add(s, "media.posts", "新媒体", "网站和政务新媒体发布信息（条）");
  for (const std::string& platform : Platforms()) {
    if (!posts.contains(platform)) continue;
    Figure& f = Add(s, "media." + platform + ".posts", "新媒体", platform + "发布信息（条）");
    for (Ref& r : post_refs[platform]) f.items.push_back(std::move(r));
    f.value = posts[platform];
    media_total.value += f.value;
    for (const Ref& r : f.items) media_total.items.push_back(r);
    if (followers[platform] > 0) {
      Figure& g = Add(s, "media." + platform + ".followers", "新媒体",
                      platform + "关注量（年末）");
      g.value = followers[platform];
      g.items = std::move(follower_refs[platform]);
    }
  }

  // 培训.
  Figure& sessions = Add(s, "training.sessions", "培训", "组织培训（次）");
  Figure& attendees = Add(s, "training.attendees", "培训", "参训人次");
  for (const Training& t : in.trainings) {
    if (!InYear(t.held_on, y)) continue;
    const Ref ref{t.held_on.ToString() + " " + t.title, "/admin/interaction/trainings"};
    Count(sessions, ref);
    Count(attendees, ref, t.attendees);
  }
  YearStats out;
  out.year = y;
  out.figures.assign(std::make_move_iterator(s.begin()), std::make_move_iterator(s.end()));
  return out;
}

std::string InteractionParagraph(const YearStats& s) {
  auto n = [&](std::string_view key) { return std::to_string(s.Value(key)); };
  std::vector<std::string> parts;
  if (s.Value("media.posts") > 0) {
    std::string p = "通过政府网站和政务新媒体发布信息" + n("media.posts") + "条";
    std::vector<std::string> each;
    for (const Figure& f : s.figures) {
      if (f.key.starts_with("media.") && f.key.ends_with(".posts") && f.key != "media.posts") {
        const std::string platform = f.key.substr(6, f.key.size() - 12);
        each.push_back(platform + "信息" + std::to_string(f.value) + "条");
      }
    }
    if (!each.empty()) {
      p += "（其中";
      for (size_t i = 0; i < each.size(); ++i) p += (i ? "、" : "") + each[i];
      p += "）";
    }
    std::vector<std::string> fans;
    for (const Figure& f : s.figures) {
      if (f.key.ends_with(".followers")) {
        const std::string platform = f.key.substr(6, f.key.size() - 16);
        fans.push_back(platform + "关注量" + std::to_string(f.value));
      }
    }
    if (!fans.empty()) {
      p += "，年末";
      for (size_t i = 0; i < fans.size(); ++i) p += (i ? "、" : "") + fans[i];
    }
    parts.push_back(p);
  }
  if (s.Value("messages.received") > 0 || s.Value("messages.answered") > 0) {
    parts.push_back("收到网民留言" + n("messages.received") + "条，办结" + n("messages.answered") +
                    "条，公开答复" + n("messages.public") + "条");
  }
  if (s.Value("consult.count") > 0 || s.Value("consult.results") > 0) {
    parts.push_back("开展意见征集" + n("consult.count") + "次，收到意见" + n("consult.comments") +
                    "条，公开征集结果" + n("consult.results") + "次");
  }
  std::vector<std::string> events;
  if (s.Value("events.interview") > 0) events.push_back("开展在线访谈" + n("events.interview") + "期");
  if (s.Value("events.press") > 0) events.push_back("召开新闻发布会" + n("events.press") + "场");
  if (s.Value("events.open_day") > 0)
    events.push_back("组织政府开放日活动" + n("events.open_day") + "次");
  if (!events.empty()) {
    std::string p;
    for (size_t i = 0; i < events.size(); ++i) p += (i ? "、" : "") + events[i];
    if (s.Value("events.questions") > 0)
      p += "，收到网民提问" + n("events.questions") + "条，答复" + n("events.answers") + "条";
    parts.push_back(p);
  }
  if (s.Value("training.sessions") > 0) {
    parts.push_back("组织政务公开业务培训" + n("training.sessions") + "次" +
                    (s.Value("training.attendees") > 0 ? "，参训" + n("training.attendees") + "人次"
                                                       : std::string()));
  }
  if (parts.empty()) return "";
  std::string out = "政民互动。" + std::to_string(s.year) + "年，";
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "；" : "") + parts[i];
  return out + "。";
}

}  // namespace gk::interaction
