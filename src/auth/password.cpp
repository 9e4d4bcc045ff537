#include "auth/password.h"

#include <sodium.h>

#include <condition_variable>
#include <mutex>

namespace gk::auth {
namespace {

// Bounds concurrent argon2id computations (each takes 64 MiB).
class HashGate {
 public:
  void Enter() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return running_ < kMax; });
    ++running_;
  }
  void Leave() {
    {
      std::lock_guard lock(mu_);
      --running_;
    }
    cv_.notify_one();
  }

 private:
  static constexpr int kMax = 2;
  std::mutex mu_;
  std::condition_variable cv_;
  int running_ = 0;
};

HashGate& Gate() {
  static HashGate g;
  return g;
}

struct GateHold {
  GateHold() { Gate().Enter(); }
  ~GateHold() { Gate().Leave(); }
};

bool SodiumReady() {
  static const bool ok = sodium_init() >= 0;
  return ok;
}

}  // namespace

Status CheckPasswordRules(std::string_view p) {
  if (p.size() < kMinPasswordLength) {
    return Status::Invalid("密码至少需要" + std::to_string(kMinPasswordLength) + "个字符");
  }
  if (p.size() > kMaxPasswordLength) return Status::Invalid("密码过长");
  for (unsigned char c : p) {
    if (c < 0x20 || c == 0x7F) return Status::Invalid("密码不能包含控制字符");
  }
  return Status::Ok();
}

Result<std::string> HashPassword(std::string_view password) {
  if (!SodiumReady()) return Status::Internal("libsodium could not be initialised");
  char out[crypto_pwhash_STRBYTES];
  GateHold hold;
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Status::Internal("password hashing ran out of memory");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view password, const std::string& encoded) {
  if (!SodiumReady() || encoded.empty()) return false;
  GateHold hold;
  return crypto_pwhash_str_verify(encoded.c_str(), password.data(), password.size()) == 0;
}

}  // namespace gk::auth
