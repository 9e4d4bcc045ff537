// Sends the queued e-mail notices (store outbox) through an SMTP server with
// libcurl, on a background thread; retried up to five times. Off unless
// `serve --smtp URL` is given. Also queues the staff's daily digests of what
// falls due (app/reminders.h), once per day.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "web/state.h"

namespace gk::web {

struct MailerOptions {
  std::string smtp_url;  // smtp://host:port or smtps://host:port
  std::string from;      // envelope and header sender
};

class Mailer {
 public:
  Mailer(ServerState& st, MailerOptions options);
  ~Mailer();  // stops the thread after the current mail
  Mailer(const Mailer&) = delete;
  Mailer& operator=(const Mailer&) = delete;

 private:
  void Run();
  ServerState& st_;
  MailerOptions options_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

// The RFC 5322 message of one notice (UTF-8, base64 body, encoded subject).
std::string MailMessage(const std::string& from, const std::string& to, const std::string& subject,
                        const std::string& body);

}  // namespace gk::web
