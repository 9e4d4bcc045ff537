// The server's database connections: each request borrows one for as long as
// it runs, so reads proceed in parallel (SQLite WAL readers, PostgreSQL
// sessions) and writers are serialised by the database, not by the server.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace gk::web {

class StorePool {
 public:
  // A borrowed connection, returned to the pool when the lease ends.
  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<store::Store> store)
        : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    ~Lease();
    store::Store* operator->() const { return store_.get(); }
    store::Store& operator*() const { return *store_; }

   private:
    StorePool* pool_;
    std::unique_ptr<store::Store> store_;
  };

  // `first` is an open connection (migrations done); up to `max_size`
  // connections are opened from `url` as requests need them.
  StorePool(std::string url, std::unique_ptr<store::Store> first, size_t max_size);

  // Waits for an idle connection, opening a new one while below max_size.
  // A connection that cannot be opened throws (the request gets a 500).
  Lease Acquire();

 private:
  void Return(std::unique_ptr<store::Store> store);

  const std::string url_;
  const size_t max_size_;
  std::mutex mu_;
  std::condition_variable idle_cv_;
  std::vector<std::unique_ptr<store::Store>> idle_;
  size_t opened_ = 0;
};

}  // namespace gk::web
