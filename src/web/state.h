// State shared by the request handlers of one running server.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "law/calendar.h"
#include "web/store_pool.h"

namespace gk::web {

struct ServerState {
  std::string db_url;
  std::atomic<bool> ready{false};
  // Loaded at start, read-only afterwards: shared by every thread.
  law::Calendar calendar;
  // A connection per running request. Writes commit durably (SQLite: WAL,
  // synchronous=FULL) before the handler replies; the database, not the
  // server, serialises writers, so several servers may share one database.
  std::unique_ptr<StorePool> pool;
  StorePool::Lease Db() { return pool->Acquire(); }
  bool mail_enabled = false;  // an SMTP server is configured: queue notices
};

}  // namespace gk::web
