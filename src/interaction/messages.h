// Public messages (留言/咨询) and what the public writes on consultations and
// events: validation naming the field, masking of names and phone numbers,
// the sensitive-word hold and the working-day answer deadline.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "law/calendar.h"

namespace gk::interaction {

struct FieldError {
  std::string field;
  std::string message;  // Chinese, names the field
};

// What the public posts (interface.md POST /api/v1/messages).
struct MessageInput {
  std::string agency_id, name, phone, title, body;
  bool public_ok = false;  // the writer agrees that the message may be published
};

inline constexpr size_t kMaxName = 50;      // characters
inline constexpr size_t kMaxTitle = 100;    // characters
inline constexpr size_t kMaxBody = 5000;    // characters
inline constexpr size_t kMaxComment = 3000;  // characters
inline constexpr int kDefaultAnswerDays = 5;

// Trims ASCII and full-width spaces at both ends.
std::string Trim(std::string_view s);
// Length in Unicode code points (0 for invalid UTF-8 is not special-cased:
// invalid input is refused before).
size_t CharCount(std::string_view utf8);

// The first bad field, in the order agency_id, name, phone, title, body.
// `agency_known` says whether agency_id names an agency. Fields are trimmed.
std::optional<FieldError> ValidateMessage(MessageInput& in, bool agency_known);
// A comment on a consultation or a question to an event: an optional
// name (≤ 50) and a body (1–3000 characters).
std::optional<FieldError> ValidateComment(std::string& name, std::string& body);

// 张三 → 张*, 欧阳娜娜 → 欧***, "" → 匿名.
std::string MaskName(std::string_view name);
// 13800138000 → 138****8000; shorter numbers keep their last two digits.
std::string MaskPhone(std::string_view phone);
// Replaces every run of 7 or more digits in free text (a phone number, an ID
// number written into a message) by its masked form, so published text never
// carries one.
std::string MaskNumbersInText(std::string_view text);

// The built-in list of words that hold a message for review before staff
// handle it (abuse, advertising, fraud); compared after NFKC, case-folded.
const std::vector<std::string>& SensitiveWords();
// The sensitive words found in `text` (empty: none).
std::vector<std::string> SensitiveHits(std::string_view text);

// The answer deadline: `days` working days after `received` (the day itself
// is not counted), by the official calendar.
Date AnswerDue(const law::Calendar& cal, Date received, int days);

// Message states.
inline constexpr std::string_view kHeld = "held";          // sensitive words: review first
inline constexpr std::string_view kOpen = "open";          // to be answered
inline constexpr std::string_view kAnswered = "answered";  // answered (public or not)
inline constexpr std::string_view kDismissed = "dismissed";  // refused after review
std::string_view MessageStatusLabel(std::string_view status);

// Kinds of events.
inline constexpr std::string_view kInterview = "interview";  // 在线访谈
inline constexpr std::string_view kPress = "press";          // 新闻发布会
inline constexpr std::string_view kOpenDay = "open_day";     // 政府开放日
// Label of an event kind, "" for an unknown kind.
std::string_view EventKindLabel(std::string_view kind);

// New media platforms (政务新媒体), by label.
const std::vector<std::string>& Platforms();
bool KnownPlatform(std::string_view platform);

}  // namespace gk::interaction
