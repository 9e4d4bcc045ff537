// Use cases of public interaction (政民互动, docs/interaction.md) shared by
// the web and the demo: the public posts messages, comments and questions;
// agency staff handle them, run consultations and events, keep the new media
// figures and trainings; the yearly statistics count it all.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "auth/roles.h"
#include "core/status.h"
#include "interaction/counting.h"
#include "interaction/messages.h"
#include "law/calendar.h"
#include "store/store.h"

namespace gk::app {

// The public's posts (messages, comments, questions): at most 5 from one
// address in 10 minutes.
inline constexpr int kPostLimit = 5;
inline constexpr int64_t kPostWindowSeconds = 10 * 60;

struct PostContext {
  Date today;           // Asia/Shanghai
  std::string now_iso;  // UTC
  std::string address;  // the client's address
  int64_t now_unix = 0;
};

struct MessageReceipt {
  std::string message_no, query_code;
  Date received_on, due_on;
  bool held = false;  // sensitive words: reviewed before it is handled
};
struct MessageOutcome {
  std::optional<interaction::FieldError> error;  // nothing written
  std::optional<MessageReceipt> receipt;
};
// kRateLimited (Chinese) over the limit; nothing is written on an error.
Result<MessageOutcome> SubmitMessage(store::Store& store, const law::Calendar& cal,
                                     interaction::MessageInput in, const PostContext& ctx);

// The writer's view of the message: NotFound without the right query code
// (counted like the applications' lookups: 10 failures / 15 min → kRateLimited).
Result<interaction::Message> LookupMessage(store::Store& store, std::string_view message_no,
                                           std::string_view query_code, const PostContext& ctx);

// A comment on an open consultation (kind "consultation") or a question to an
// event taking questions (kind "event"); held for moderation. NotFound: no such
// consultation or event; FailedPrecondition: not open.
Result<std::optional<interaction::FieldError>> SubmitComment(store::Store& store,
                                                             std::string_view kind,
                                                             int64_t parent_id, std::string name,
                                                             std::string body,
                                                             const PostContext& ctx);

// ---- staff -------------------------------------------------------------------

struct InteractionActor {
  std::string username;
  auth::Role role = auth::Role::kHandler;
  std::optional<std::string> agency_id;  // nullopt: no agency (sysadmin, supervisor)
  Date today;
  std::string now_iso;
};
// Messages: the agency's handlers, editors, reviewers and head. The rest
// (consultations, events, new media, trainings): editors, reviewers, head.
bool MayHandleMessages(auth::Role r);
bool MayManageInteraction(auth::Role r);

enum class MessageAction { kAssign, kRelease, kDismiss, kAnswer, kUnpublish };
struct MessageChange {
  MessageAction action = MessageAction::kAnswer;
  std::string assignee;     // kAssign
  std::string answer;       // kAnswer
  bool publish = false;     // kAnswer: show it on /interaction (only if the writer agreed)
};
// Forbidden for another agency or role; Invalid (Chinese, names the field).
Status ChangeMessage(store::Store& store, const InteractionActor& actor,
                     std::string_view message_no, const MessageChange& change);

// The answer period of an agency (default interaction::kDefaultAnswerDays).
Result<int> AnswerDays(store::Store& store, std::string_view agency_id);
// agency_admin of the agency; 1–60 working days.
Status SetAnswerDays(store::Store& store, const InteractionActor& actor, int days);

struct ConsultationInput {
  std::string title, body, opens_on, closes_on;  // dates YYYY-MM-DD
};
// Validated fields (FieldError) or the new id.
Result<std::variant<interaction::FieldError, int64_t>> OpenConsultation(
    store::Store& store, const InteractionActor& actor, ConsultationInput in);
Status CloseConsultation(store::Store& store, const InteractionActor& actor, int64_t id);
// Publishes the 采纳情况 after the consultation ended, linked to the record
// it became (`record_id` 0: none yet); the record must be the agency's and
// published.
Result<std::optional<interaction::FieldError>> PublishFeedback(store::Store& store,
                                                               const InteractionActor& actor,
                                                               int64_t id, std::string feedback,
                                                               int64_t record_id);
// Approves or rejects a comment or question; `answer` for event questions.
Status ModerateComment(store::Store& store, const InteractionActor& actor, std::string_view kind,
                       int64_t comment_id, bool approve, std::string answer);

struct EventInput {
  std::string kind, title, held_on, guests, transcript;
  std::string record_ids;  // space- or comma-separated record ids (解读 of)
  bool questions_open = false;
};
Result<std::variant<interaction::FieldError, int64_t>> SaveEvent(store::Store& store,
                                                                 const InteractionActor& actor,
                                                                 int64_t id, EventInput in);

Result<std::optional<interaction::FieldError>> AddMediaAccount(store::Store& store,
                                                               const InteractionActor& actor,
                                                               std::string platform,
                                                               std::string name,
                                                               std::string owner);
struct MediaFigureInput {
  std::string account_id, month, posts, followers;  // month YYYY-MM
};
Result<std::optional<interaction::FieldError>> EnterMediaFigure(store::Store& store,
                                                                const InteractionActor& actor,
                                                                const MediaFigureInput& in);
// CSV or XLSX (by content): all rows or none; Invalid naming the line.
// Returns the number of rows set.
Result<int> ImportMediaFigures(store::Store& store, const InteractionActor& actor,
                               std::string_view bytes);

struct TrainingInput {
  std::string title, held_on, attendees;
};
Result<std::optional<interaction::FieldError>> AddTraining(store::Store& store,
                                                           const InteractionActor& actor,
                                                           TrainingInput in);

// The yearly work statistics of an agency (NotFound: unknown agency).
Result<interaction::YearStats> LoadYearStats(store::Store& store, std::string_view agency_id,
                                             int year);

}  // namespace gk::app
