// E-mail notices to the applicant (issue of the reply, 补正, extension, fee):
// composed from the case and queued in the store's outbox in the same call
// that appends the event; the server's mailer sends them when SMTP is set.
// Notices carry the tracking number, never the query code.
#pragma once

#include <optional>
#include <string>

#include "cases/events.h"
#include "cases/projection.h"
#include "store/store.h"

namespace gk::app {

// The notice an event calls for, or nullopt (no e-mail address, a 补录 entry,
// or an event the applicant is not told about by mail).
std::optional<store::MailRow> NoticeFor(const cases::CaseState& after, const cases::Event& event,
                                        const std::string& applicant_email,
                                        const std::string& agency_name, const std::string& now_iso);

}  // namespace gk::app
