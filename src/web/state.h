// State shared by the request handlers of one running server.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

#include "law/calendar.h"
#include "store/store.h"

namespace gk::web {

struct ServerState {
  std::string db_url;
  std::atomic<bool> ready{false};
  // Guards calendar and store: one SQLite connection, used briefly per request.
  // Writes commit durably (WAL, synchronous=FULL) before the handler replies.
  std::mutex mu;
  law::Calendar calendar;
  std::unique_ptr<store::Store> store;
  bool mail_enabled = false;  // an SMTP server is configured: queue notices
};

}  // namespace gk::web
