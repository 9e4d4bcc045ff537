// The public side of applications: the online form / API intake and the
// applicant's status lookup. Nothing here returns the applicant's personal
// data: the public view carries only what the applicant needs to follow the case.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/case_letters.h"
#include "cases/vocab.h"
#include "core/date.h"
#include "core/status.h"
#include "law/calendar.h"
#include "store/store.h"

namespace gk::app {

// Fields of interface.md "Application fields" as text; the agent's fields are
// agent.name, agent.id_type, agent.id_number, agent.authorisation.
using ApplicationFields = std::map<std::string, std::string>;

struct FieldError {
  std::string field;    // the JSON / form key
  std::string message;  // Chinese, for the applicant
};

struct Acknowledgement {
  std::string tracking_no;
  std::string query_code;  // shown once; only its hash is stored
  std::string agency_id;
  std::string agency_name;
  Date received_on;
  Date due_on;
  std::string due_working;  // how due_on was counted (Chinese, several lines)
  bool provisional = false;
};

struct SubmitOutcome {
  std::optional<Acknowledgement> ack;
  std::optional<FieldError> error;  // exactly one of the two
};

// The prefix of an agency's tracking numbers: its code, else the initials of
// its id (weihai-lingang → WL), else GK. Numbers are prefix + YYYY + 5 digits.
std::string TrackingPrefix(const store::AgencyRow& agency);
// Tracking numbers: agency code + year + 5-digit serial, e.g. LG202600012.
std::string TrackingNumber(const store::AgencyRow& agency, int year, int64_t serial);

struct SubmitContext {
  Date today;           // Asia/Shanghai date of submission (Art. 31(3) confirmation)
  std::string now_iso;  // recording timestamp
  // Staff registering a letter, fax, e-mail, oral or in-person application:
  // their username and role. Unset: the public online form.
  std::string staff_actor;
  std::optional<cases::ActorRole> staff_role;
  bool notify = false;  // queue e-mail notices to the applicant
};

// A file handed in with the application (Art. 29 identity proof, a 代理人's
// authorisation): `field` is the form field, id_copy | authorisation | other.
struct Upload {
  std::string field;
  std::string filename;
  std::string content;
};

// Online (no staff_actor): channel online, received today (Art. 31(3)).
// Staff: fields `channel` (letter, in_person, fax, email, oral) and the
// receipt evidence `evidence.postmark_on`, `evidence.signed_on`,
// `evidence.confirmed_on`, `evidence.confirmed_by` give the Art. 31 receipt
// date (cases::ReceiptDate).
// Validates the fields, allocates a tracking number and a query code, and
// durably records the receipt (Art. 31) and registration events before
// returning. Invalid input: an outcome with `error`, nothing written.
// Uploads must be PDF, JPEG or PNG (by content), 1 byte to 5 MiB, at most
// five; they are stored under their SHA-256 and referenced from the receipt.
Result<SubmitOutcome> SubmitApplication(store::Store& store, const law::Calendar& cal,
                                        const ApplicationFields& fields, const SubmitContext& ctx,
                                        const std::vector<Upload>& uploads = {});

struct PublicEvent {
  std::string date;   // YYYY-MM-DD
  std::string type;   // event type key
  std::string label;  // Chinese
  std::string note;   // e.g. what to correct and by when; never personal data
};

struct PublicCaseView {
  std::string tracking_no;
  std::string agency_name;
  std::string status;        // key
  std::string status_label;  // Chinese
  std::string received_on;
  std::string due_on;  // "" once concluded
  std::vector<PublicEvent> events;
  bool awaiting_correction = false;   // the applicant may answer a 补正 notice online
  std::vector<LetterInfo> documents;  // letters addressed to the applicant
};

struct LookupContext {
  std::string address;  // client address, for throttling
  int64_t now_unix = 0;
};

// interface.md: NotFound without the right code (and the failure is counted);
// after 10 failures from one address within 15 minutes, kRateLimited.
Result<PublicCaseView> LookupApplication(store::Store& store, const law::Calendar& cal,
                                         std::string_view tracking_no, std::string_view query_code,
                                         const LookupContext& ctx);

struct CorrectionInput {
  std::string summary;      // what the applicant adds or clarifies (Art. 30)
  std::string late_reason;  // 正当理由, needed after the correction period
};

// The applicant answers a 补正 notice online: checks the code as
// LookupApplication does, then records `corrected` (receipt today restarts the
// reply period, Art. 30). Invalid with a Chinese message when the case is not
// waiting for a correction or the text is unusable.
Result<PublicCaseView> SubmitCorrection(store::Store& store, const law::Calendar& cal,
                                        std::string_view tracking_no, std::string_view query_code,
                                        const CorrectionInput& input, const LookupContext& ctx,
                                        const SubmitContext& when);

// A letter of the case addressed to the applicant, after the same code check
// as LookupApplication.
Result<RenderedLetter> ApplicantDocument(store::Store& store, const law::Calendar& cal,
                                         std::string_view tracking_no, std::string_view query_code,
                                         int64_t seq, LetterFormat format,
                                         const LookupContext& ctx);

inline constexpr int kLookupFailureLimit = 10;
inline constexpr int64_t kLookupWindowSeconds = 15 * 60;

}  // namespace gk::app
