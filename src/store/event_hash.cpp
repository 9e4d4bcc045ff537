#include "store/event_hash.h"

#include "core/hash.h"

namespace gk::store {

std::string EventHash(const EventRow& e, const std::string& prev_hash) {
  std::string buf;
  auto put = [&buf](std::string_view s) {
    buf += std::to_string(s.size());
    buf.push_back(':');
    buf.append(s);
  };
  put(prev_hash);
  put(std::to_string(e.id));
  put(e.case_id);
  put(std::to_string(e.seq));
  put(e.type);
  put(e.occurred_on);
  put(e.recorded_at);
  put(e.actor);
  put(e.backfilled ? "1" : "0");
  put(e.payload);
  return Sha256Hex(buf);
}

}  // namespace gk::store
