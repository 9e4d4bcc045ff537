// The public-interaction part of the Store (政民互动): reached through
// Store::interaction(). Every write is one durable transaction. Plain rows
// (interaction/model.h); no SQL beyond what PostgreSQL shares.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "interaction/model.h"

namespace gk::store {

struct MessageFilter {
  std::optional<std::string> agency_id;  // nullopt: every agency
  std::optional<std::string> status;
  bool published_only = false;  // interaction::IsPublished, newest answer first
  int limit = 50;
  int offset = 0;
};

// A new media figure to import, by account id.
using MediaFigureRow = interaction::MediaFigure;

class InteractionStore {
 public:
  virtual ~InteractionStore() = default;

  // The answer period of the agency's messages (working days); nullopt = default.
  virtual Result<std::optional<int>> AnswerDays(std::string_view agency_id) = 0;
  virtual Status SetAnswerDays(std::string_view agency_id, int days) = 0;

  // Inserts a message numbered `prefix` + the agency's next serial of the
  // year it was received (5 digits), and records the post of `address` (when
  // not empty) at `at` (unix s), in one transaction. Sets id and message_no.
  virtual Status InsertMessage(interaction::Message& m, std::string_view prefix,
                               std::string_view address, int64_t at) = 0;
  virtual Result<std::optional<interaction::Message>> GetMessage(std::string_view message_no) = 0;
  // Newest received first (published_only: newest answer first).
  virtual Result<std::vector<interaction::Message>> ListMessages(const MessageFilter& f) = 0;
  virtual Result<int64_t> CountMessages(const MessageFilter& f) = 0;
  // Replaces the handling columns (status … answer_public) of message `m.id`.
  virtual Status UpdateMessage(const interaction::Message& m) = 0;
  // Posts of `address` since `since` (unix s).
  virtual Result<int> CountPosts(std::string_view address, int64_t since) = 0;

  virtual Result<int64_t> InsertConsultation(const interaction::Consultation& c) = 0;
  virtual Status UpdateConsultation(const interaction::Consultation& c) = 0;
  virtual Result<std::optional<interaction::Consultation>> GetConsultation(int64_t id) = 0;
  // Newest opening first; nullopt: every agency.
  virtual Result<std::vector<interaction::Consultation>> ListConsultations(
      const std::optional<std::string>& agency_id) = 0;

  // kind: consultation | event. Records the post of `address` (when not
  // empty) in the same transaction.
  virtual Result<int64_t> InsertComment(std::string_view kind, const interaction::Comment& c,
                                        std::string_view address, int64_t at) = 0;
  virtual Status UpdateComment(std::string_view kind, const interaction::Comment& c) = 0;
  virtual Result<std::optional<interaction::Comment>> GetComment(std::string_view kind,
                                                                 int64_t id) = 0;
  // Oldest first; status nullopt: all.
  virtual Result<std::vector<interaction::Comment>> ListComments(
      std::string_view kind, int64_t parent_id, const std::optional<std::string>& status) = 0;
  // Every comment of that kind on the agency's consultations or events.
  virtual Result<std::vector<interaction::Comment>> AgencyComments(std::string_view kind,
                                                                   std::string_view agency_id) = 0;

  virtual Result<int64_t> InsertEvent(const interaction::Event& e) = 0;
  // Replaces the event and its linked records.
  virtual Status UpdateEvent(const interaction::Event& e) = 0;
  virtual Result<std::optional<interaction::Event>> GetEvent(int64_t id) = 0;
  // Newest first; nullopt: every agency.
  virtual Result<std::vector<interaction::Event>> ListEvents(
      const std::optional<std::string>& agency_id) = 0;

  // The events linked to a record as its 解读, and the consultations whose
  // draft became it (the record's page links them), newest first.
  virtual Result<std::vector<interaction::Event>> EventsExplaining(int64_t record_id) = 0;
  virtual Result<std::vector<interaction::Consultation>> ConsultationsOf(int64_t record_id) = 0;

  // Conflict when the agency already has an account of that name.
  virtual Result<int64_t> InsertMediaAccount(const interaction::MediaAccount& a) = 0;
  virtual Result<std::vector<interaction::MediaAccount>> ListMediaAccounts(
      std::string_view agency_id) = 0;
  // Sets the figures of each (account, year, month), in one transaction.
  virtual Status PutMediaFigures(std::span<const MediaFigureRow> rows) = 0;
  virtual Result<std::vector<MediaFigureRow>> MediaFigures(std::string_view agency_id) = 0;

  virtual Result<int64_t> InsertTraining(const interaction::Training& t) = 0;
  virtual Result<std::vector<interaction::Training>> ListTrainings(std::string_view agency_id) = 0;
};

}  // namespace gk::store
