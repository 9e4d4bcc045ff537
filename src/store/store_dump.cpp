#include "store/dump.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "store/store.h"

namespace gk::store {

const std::vector<DumpTable>& DumpTables() {
  static const std::vector<DumpTable> kTables = {
      {"agencies",
       {"id", "name", "kind", "parent_id", "created_at", "code", "review_body", "court",
        "letter_prefix", "letter_contact"},
       "id"},
      {"calendar_days", {"day", "year", "kind", "name", "source", "imported_at"}, "day"},
      {"calendar_years", {"year", "source", "imported_at"}, "year"},
      {"cases",
       {"id", "agency_id", "kind", "version", "query_code_hash", "status", "received_on",
        "due_on", "concluded_on", "created_at", "updated_at", "applicant_col", "outcome",
        "channel", "fee_paid_on", "fee_yuan", "reply_due_on", "days_taken", "facts_version"},
       "id"},
      {"events",
       {"id", "case_id", "seq", "type", "occurred_on", "recorded_at", "actor", "backfilled",
        "payload", "prev_hash", "hash"},
       "id"},
      {"tracking_sequences", {"agency_id", "year", "last"}, "agency_id, year"},
      {"lookup_failures", {"address", "at"}, "address, at"},
      {"users",
       {"username", "agency_id", "role", "password_hash", "created_at", "created_by",
        "totp_secret", "totp_last_step", "disabled", "email"},
       "username"},
      {"sessions", {"token_hash", "username", "csrf_token", "created_at", "last_seen", "address"},
       "token_hash"},
      {"login_failures", {"username", "address", "at"}, "username, address, at"},
      {"letter_numbers", {"agency_id", "year", "serial", "case_id", "seq"},
       "agency_id, year, serial"},
      {"documents", {"sha256", "mime", "size", "content", "created_at"}, "sha256", "content"},
      {"outbox",
       {"id", "to_addr", "subject", "body", "case_id", "created_at", "sent_at", "attempts",
        "last_error"},
       "id", "", true},
      {"records",
       {"id", "agency_id", "index_no", "title", "publisher", "formed_on", "published_on",
        "doc_no", "doc_type", "category", "topic", "genre", "audience", "art20_item", "validity",
        "validity_changed_on", "body", "pinned", "pin_order", "status", "revision", "created_at",
        "updated_at"},
       "id", "", true},
      {"record_revisions",
       {"record_id", "revision", "recorded_at", "actor", "action", "note", "snapshot"},
       "record_id, revision"},
      {"record_sequences", {"agency_id", "year", "last"}, "agency_id, year"},
      {"record_attachments",
       {"id", "record_id", "filename", "sha256", "media_type", "size", "text", "added_at",
        "added_by"},
       "id", "", true},
      {"record_links", {"record_id", "target_id", "kind", "added_at", "added_by"},
       "record_id, target_id, kind"},
      {"report_figures",
       {"id", "agency_id", "year", "row_key", "field_key", "value", "source", "entered_by",
        "entered_at"},
       "id", "", true},
      {"report_texts", {"id", "agency_id", "year", "section", "body", "saved_by", "saved_at"},
       "id", "", true},
      {"report_actions",
       {"id", "agency_id", "year", "action", "snapshot", "reason", "actor", "at"}, "id", "", true},
      {"case_proceedings",
       {"case_id", "kind", "proceeding_id", "route", "filed_on", "decided_on", "result"},
       "case_id, kind, proceeding_id"},
      {"audit_log", {"id", "at", "username", "agency_id", "address", "action", "status", "detail"},
       "id", "", true},
      {"digests_sent", {"username", "day"}, "username, day"},
      {"report_submissions", {"id", "agency_id", "year", "action", "note", "actor", "at"}, "id",
       "", true},
      {"external_reports",
       {"id", "filename", "sha256", "agency", "year", "errors", "warnings", "result",
        "uploaded_by", "scope", "at"},
       "id", "", true},
      // 0012: public interaction (政民互动).
      {"interaction_settings", {"agency_id", "answer_days"}, "agency_id"},
      {"message_sequences", {"agency_id", "year", "last"}, "agency_id, year"},
      {"messages",
       {"id", "message_no", "agency_id", "name", "phone", "title", "body", "public_ok", "status",
        "hold_reason", "received_on", "due_on", "assignee", "answer", "answered_on",
        "answered_by", "answer_public", "query_code_hash", "created_at"},
       "id", "", true},
      {"consultations",
       {"id", "agency_id", "title", "body", "opens_on", "closes_on", "closed", "feedback",
        "feedback_on", "record_id", "created_by", "created_at"},
       "id", "", true},
      {"interaction_events",
       {"id", "agency_id", "kind", "title", "guests", "transcript", "held_on", "questions_open",
        "created_by", "created_at"},
       "id", "", true},
      {"interaction_event_records", {"event_id", "record_id"}, "event_id, record_id"},
      {"interaction_comments",
       {"id", "kind", "parent_id", "name", "body", "status", "answer", "received_on",
        "created_at"},
       "id", "", true},
      {"media_accounts", {"id", "agency_id", "platform", "name", "owner"}, "id", "", true},
      {"media_figures", {"account_id", "year", "month", "posts", "followers"},
       "account_id, year, month"},
      {"trainings", {"id", "agency_id", "title", "held_on", "attendees"}, "id", "", true},
      {"interaction_posts", {"address", "at"}, "address, at"},
  };
  return kTables;
}

std::string HexEncode(std::string_view bytes) {
  static const char* kDigits = "0123456789ABCDEF";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

Result<std::string> HexDecode(std::string_view hex) {
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  if (hex.size() % 2) return Status::Invalid("odd-length hex value");
  std::string out(hex.size() / 2, '\0');
  for (size_t i = 0; i < out.size(); ++i) {
    const int hi = digit(hex[2 * i]), lo = digit(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return Status::Invalid("invalid hex value");
    out[i] = static_cast<char>(hi * 16 + lo);
  }
  return out;
}

namespace {

using nlohmann::json;

class FileWriter final : public DumpWriter {
 public:
  FileWriter(std::string path, std::FILE* f) : path_(std::move(path)), f_(f) {}
  ~FileWriter() override {
    if (f_) {
      std::fclose(f_);
      std::remove(path_.c_str());  // unfinished: no half backup is left behind
    }
  }
  Status Line(const json& j) {
    const std::string s = j.dump(-1, ' ', false, json::error_handler_t::strict) + "\n";
    if (std::fwrite(s.data(), 1, s.size(), f_) != s.size())
      return Status::Internal("cannot write " + path_);
    return Status::Ok();
  }
  Status BeginTable(const DumpTable& t) override {
    json cols = json::array();
    for (auto c : t.columns) cols.push_back(std::string(c));
    return Line({{"table", std::string(t.name)}, {"columns", cols}});
  }
  Status Row(const std::vector<DumpValue>& values) override {
    json row = json::array();
    for (const DumpValue& v : values) row.push_back(v ? json(*v) : json(nullptr));
    ++rows_;
    try {
      return Line(row);
    } catch (const std::exception& e) {
      return Status::Internal(std::string("cannot write a row: ") + e.what());
    }
  }
  Status Finish() override {
    if (auto s = Line({{"end", true}, {"rows", rows_}}); !s.ok()) return s;
    const bool ok = std::fflush(f_) == 0 && ::fsync(fileno(f_)) == 0;
    std::fclose(f_);
    f_ = nullptr;
    if (!ok) return Status::Internal("cannot write " + path_);
    return Status::Ok();
  }

 private:
  std::string path_;
  std::FILE* f_;
  int64_t rows_ = 0;
};

}  // namespace

Result<std::unique_ptr<DumpWriter>> DumpFileWriter(const std::string& path, int schema) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return Status::Invalid("备份文件已存在，不会覆盖：" + path);
    return Status::Invalid("无法创建备份文件 " + path + "：" + std::strerror(errno));
  }
  std::FILE* f = ::fdopen(fd, "w");
  auto w = std::make_unique<FileWriter>(path, f);
  if (auto s = w->Line({{"format", "gongkai-dump"}, {"version", 1}, {"schema", schema}}); !s.ok())
    return s;
  return std::unique_ptr<DumpWriter>(std::move(w));
}

Status ReadDumpFile(const std::string& path, int schema, DumpWriter& final_out) {
  ParentsFirst out(final_out);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Invalid("无法读取备份文件 " + path);
  std::string line;
  size_t line_no = 0;
  auto bad = [&](const std::string& why) {
    return Status::Invalid("备份文件 " + path + " 第 " + std::to_string(line_no) + " 行：" + why);
  };
  const DumpTable* table = nullptr;
  int64_t rows = 0;
  bool ended = false;
  while (std::getline(in, line)) {
    ++line_no;
    json j;
    try {
      j = json::parse(line);
    } catch (const std::exception&) {
      return bad("不是有效的 JSON");
    }
    if (line_no == 1) {
      if (!j.is_object() || j.value("format", "") != "gongkai-dump")
        return bad("不是 gongkai 备份文件");
      if (j.value("schema", 0) != schema)
        return bad("备份的数据库结构版本为 " + std::to_string(j.value("schema", 0)) +
                   "，本程序为 " + std::to_string(schema));
      continue;
    }
    if (ended) return bad("结束标记之后还有内容");
    if (j.is_object() && j.contains("end")) {
      if (j.value("rows", int64_t{-1}) != rows) return bad("行数与结束标记不符，文件不完整");
      ended = true;
      continue;
    }
    if (j.is_object() && j.contains("table")) {
      table = nullptr;
      for (const DumpTable& t : DumpTables())
        if (t.name == j.value("table", "")) table = &t;
      if (!table) return bad("未知的表 " + j.value("table", ""));
      std::vector<std::string> cols = j.value("columns", std::vector<std::string>());
      if (cols != std::vector<std::string>(table->columns.begin(), table->columns.end()))
        return bad("表 " + std::string(table->name) + " 的列与本程序不符");
      if (auto s = out.BeginTable(*table); !s.ok()) return s;
      continue;
    }
    if (!table || !j.is_array() || j.size() != table->columns.size()) return bad("行的格式不对");
    std::vector<DumpValue> values;
    for (const json& v : j) {
      if (v.is_null())
        values.emplace_back(std::nullopt);
      else if (v.is_string())
        values.emplace_back(v.get<std::string>());
      else
        return bad("值必须是文本或 null");
    }
    ++rows;
    if (auto s = out.Row(values); !s.ok()) return s;
  }
  if (!ended) return Status::Invalid("备份文件 " + path + " 不完整（没有结束标记）");
  return out.Finish();
}

Status ParentsFirst::BeginTable(const DumpTable& table) {
  if (auto s = Flush(); !s.ok()) return s;
  buffering_ = table.name == "agencies";
  return next_.BeginTable(table);
}

Status ParentsFirst::Row(const std::vector<DumpValue>& values) {
  if (!buffering_) return next_.Row(values);
  agencies_.push_back(values);
  return Status::Ok();
}

Status ParentsFirst::Finish() {
  if (auto s = Flush(); !s.ok()) return s;
  return next_.Finish();
}

// Emits the buffered agencies (columns id, …, parent_id at 3) in rounds:
// each round those whose parent is already out (or who have none).
Status ParentsFirst::Flush() {
  if (!buffering_) return Status::Ok();
  buffering_ = false;
  std::set<std::string> out;
  std::vector<std::vector<DumpValue>> left = std::move(agencies_);
  agencies_.clear();
  while (!left.empty()) {
    std::vector<std::vector<DumpValue>> next;
    for (auto& row : left) {
      if (row.size() < 4 || !row[0]) return Status::Invalid("an agency row without id");
      if (row[3] && !out.count(*row[3])) {
        next.push_back(std::move(row));
        continue;
      }
      out.insert(*row[0]);
      if (auto s = next_.Row(row); !s.ok()) return s;
    }
    if (next.size() == left.size())
      return Status::Invalid("agency " + *next.front()[0] + " names a parent that is missing");
    left = std::move(next);
  }
  return Status::Ok();
}

Status CopyDatabase(Store& from, DumpWriter& out) {
  ParentsFirst ordered(out);
  if (auto s = from.Dump(ordered); !s.ok()) return s;
  return ordered.Finish();
}

}  // namespace gk::store
