// The things of public interaction as stored (store/interaction.h) and counted
// (interaction/counting.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace gk::interaction {

// A public message (留言/咨询) and its answer.
struct Message {
  int64_t id = 0;
  std::string message_no;  // LY-<agency code>-<year>-<serial>, shown to the writer
  std::string agency_id;
  std::string name, phone;  // never shown publicly unmasked
  std::string title, body;
  bool public_ok = false;  // the writer agrees to publication
  std::string status;      // messages.h: held | open | answered | dismissed
  std::string hold_reason;  // the sensitive words found
  Date received_on, due_on;
  std::string assignee;  // username, "" = not assigned
  std::string answer;
  std::optional<Date> answered_on;
  std::string answered_by;
  bool answer_public = false;  // staff publish the answered message
  std::string query_code_hash;
  std::string created_at;
};
// Shown on /interaction: answered, the writer agreed, staff chose to publish.
bool IsPublished(const Message& m);

// 意见征集 on a draft document, open between two dates.
struct Consultation {
  int64_t id = 0;
  std::string agency_id, title, body;
  Date opens_on, closes_on;
  bool closed = false;  // closed early by staff
  std::string feedback;  // 采纳情况, published when feedback_on is set
  std::optional<Date> feedback_on;
  std::optional<int64_t> record_id;  // the record the draft became
  std::string created_by, created_at;
};
// Whether comments are accepted on `today`.
bool IsOpen(const Consultation& c, Date today);
// 未开始 | 征集中 | 已结束 | 已公布反馈
std::string StateLabel(const Consultation& c, Date today);

// A comment on a consultation, or a question to an event (with its answer).
struct Comment {
  int64_t id = 0;
  int64_t parent_id = 0;  // the consultation or the event
  std::string name;       // optional, never shown publicly unmasked
  std::string body;
  std::string status;  // pending | approved | rejected
  std::string answer;  // events: the answer given
  Date received_on;
  std::string created_at;
};
inline constexpr const char* kPending = "pending";
inline constexpr const char* kApproved = "approved";
inline constexpr const char* kRejected = "rejected";

// 在线访谈, 新闻发布会 or 政府开放日.
struct Event {
  int64_t id = 0;
  std::string agency_id;
  std::string kind;  // messages.h: interview | press | open_day
  std::string title, guests, transcript;
  Date held_on;
  bool questions_open = false;  // the public may send questions
  std::vector<int64_t> record_ids;  // the records it explains (解读)
  std::string created_by, created_at;
};

// A 政务新媒体 account and its monthly figures.
struct MediaAccount {
  int64_t id = 0;
  std::string agency_id, platform, name, owner;
};
struct MediaFigure {
  int64_t account_id = 0;
  int year = 0, month = 0;
  int64_t posts = 0, followers = 0;
};

// A training session (培训).
struct Training {
  int64_t id = 0;
  std::string agency_id, title;
  Date held_on;
  int64_t attendees = 0;
};

}  // namespace gk::interaction
