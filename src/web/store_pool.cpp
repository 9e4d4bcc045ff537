#include "web/store_pool.h"

#include <stdexcept>

namespace gk::web {

StorePool::Lease::~Lease() {
  if (store_) pool_->Return(std::move(store_));
}

StorePool::StorePool(std::string url, std::unique_ptr<store::Store> first, size_t max_size)
    : url_(std::move(url)), max_size_(max_size < 1 ? 1 : max_size) {
  idle_.push_back(std::move(first));
  opened_ = 1;
}

StorePool::Lease StorePool::Acquire() {
  std::unique_lock lock(mu_);
  idle_cv_.wait(lock, [&] { return !idle_.empty() || opened_ < max_size_; });
  if (!idle_.empty()) {
    auto s = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(s));
  }
  ++opened_;  // reserved; opened outside the lock
  lock.unlock();
  auto s = store::OpenStore(url_, store::OpenMode::kMustExist);
  if (!s.ok()) {
    lock.lock();
    --opened_;
    idle_cv_.notify_one();
    throw std::runtime_error("cannot open a database connection: " + s.status().message());
  }
  return Lease(this, std::move(s).value());
}

void StorePool::Return(std::unique_ptr<store::Store> store) {
  {
    std::lock_guard lock(mu_);
    idle_.push_back(std::move(store));
  }
  idle_cv_.notify_one();
}

}  // namespace gk::web
