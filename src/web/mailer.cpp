#include "web/mailer.h"

#include <curl/curl.h>
#include <openssl/evp.h>

#include <chrono>
#include <cstring>
#include <ctime>

#include "app/clock.h"
#include "app/reminders.h"

namespace gk::web {
namespace {

constexpr int kMaxAttempts = 5;

std::string Base64(const std::string& in) {
  std::string out(4 * ((in.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(in.data()),
                                static_cast<int>(in.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

struct Upload {
  const std::string* data;
  size_t pos = 0;
};

size_t ReadChunk(char* buf, size_t size, size_t n, void* user) {
  auto* u = static_cast<Upload*>(user);
  const size_t left = u->data->size() - u->pos;
  const size_t k = std::min(left, size * n);
  std::memcpy(buf, u->data->data() + u->pos, k);
  u->pos += k;
  return k;
}

// One mail through libcurl; "" on success, else the error.
std::string Send(const MailerOptions& o, const store::MailRow& m) {
  CURL* curl = curl_easy_init();
  if (!curl) return "curl_easy_init failed";
  const std::string message = MailMessage(o.from, m.to_addr, m.subject, m.body);
  Upload up{&message};
  curl_slist* rcpt = curl_slist_append(nullptr, ("<" + m.to_addr + ">").c_str());
  const std::string from = "<" + o.from + ">";
  curl_easy_setopt(curl, CURLOPT_URL, o.smtp_url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadChunk);
  curl_easy_setopt(curl, CURLOPT_READDATA, &up);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  const CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(rcpt);
  curl_easy_cleanup(curl);
  return rc == CURLE_OK ? "" : curl_easy_strerror(rc);
}

}  // namespace

std::string MailMessage(const std::string& from, const std::string& to, const std::string& subject,
                        const std::string& body) {
  char date[64];
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  std::string b64 = Base64(body);
  std::string wrapped;
  for (size_t i = 0; i < b64.size(); i += 76) wrapped += b64.substr(i, 76) + "\r\n";
  return "Date: " + std::string(date) + "\r\nFrom: <" + from + ">\r\nTo: <" + to +
         ">\r\nSubject: =?UTF-8?B?" + Base64(subject) +
         "?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
         "Content-Transfer-Encoding: base64\r\n\r\n" +
         wrapped;
}

Mailer::Mailer(ServerState& st, MailerOptions options) : st_(st), options_(std::move(options)) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  thread_ = std::thread([this] { Run(); });
}

Mailer::~Mailer() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
  curl_global_cleanup();
}

void Mailer::Run() {
  std::string digests_day;  // the Asia/Shanghai day whose digests were queued
  while (true) {
    std::vector<store::MailRow> batch;
    {
      auto db = st_.Db();
      // Once a day (at start, then when the day changes): the staff digests.
      const Date today = app::TodayInShanghai();
      if (today.ToString() != digests_day) {
        digests_day = today.ToString();
        (void)app::QueueDailyDigests(*db, st_.calendar, today, app::NowUtcIso());
      }
      if (auto r = db->PendingMail(kMaxAttempts, 20); r.ok()) batch = std::move(r).value();
    }
    for (const store::MailRow& m : batch) {
      {
        std::lock_guard lock(mu_);
        if (stop_) return;
      }
      const std::string err = Send(options_, m);
      auto db = st_.Db();
      if (err.empty()) {
        (void)db->MarkMailSent(m.id, app::NowUtcIso());
      } else {
        (void)db->MarkMailFailed(m.id, err);
        std::fprintf(stderr, "gongkai: mail %lld to case %s not sent: %s\n",
                     static_cast<long long>(m.id), m.case_id.c_str(), err.c_str());
      }
    }
    std::unique_lock lock(mu_);
    if (cv_.wait_for(lock, std::chrono::seconds(1), [this] { return stop_; })) return;
  }
}

}  // namespace gk::web
