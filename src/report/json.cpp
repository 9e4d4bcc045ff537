#include "report/json.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

namespace gk::report {
namespace {

using nlohmann::json;

constexpr std::string_view kNumerals[6] = {"一", "二", "三", "四", "五", "六"};

// ---- Writing --------------------------------------------------------------------

// A streaming JSON writer. Numbers are appended as text, so money can be
// written as the exact decimal FormatMoney builds; strings go through
// nlohmann's escaper with invalid UTF-8 replaced by U+FFFD.
class Writer {
 public:
  explicit Writer(bool pretty) : pretty_(pretty) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key) {
    Separate();
    AppendString(key);
    out_ += pretty_ ? ": " : ":";
    after_key_ = true;
  }
  void String(std::string_view s) {
    BeforeValue();
    AppendString(s);
  }
  void StringOrNull(std::string_view s) { s.empty() ? Null() : String(s); }
  void Int(int64_t v) {
    BeforeValue();
    out_ += std::to_string(v);
  }
  void Null() {
    BeforeValue();
    out_ += "null";
  }
  void Count(const Cell& c) { c ? Int(*c) : Null(); }
  void Money(const Cell& c) {
    if (!c) return Null();
    BeforeValue();
    out_ += FormatMoney(*c);
  }
  std::string Take() { return std::move(out_); }

 private:
  void BeforeValue() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    Separate();
  }
  // Before a member or element: comma and (pretty) line break + indent.
  void Separate() {
    if (counts_.empty()) return;
    if (counts_.back()++ > 0) out_ += ',';
    Newline();
  }
  void Open(char c) {
    BeforeValue();
    out_ += c;
    counts_.push_back(0);
  }
  void Close(char c) {
    const bool had_members = counts_.back() > 0;
    counts_.pop_back();
    if (had_members) Newline();
    out_ += c;
  }
  void Newline() {
    if (!pretty_) return;
    out_ += '\n';
    out_.append(2 * counts_.size(), ' ');
  }
  void AppendString(std::string_view s) {
    out_ += json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
  }

  bool pretty_;
  bool after_key_ = false;
  std::vector<int> counts_;  // members written so far, per open container
  std::string out_;
};

// The field spec of section 二 (row, field) in format f, or nullptr.
const Field2Spec* FindField2(Format f, std::string_view row, std::string_view field) {
  for (const Row2Spec& r : Rows2(f)) {
    if (r.key != row) continue;
    for (const Field2Spec& fs : r.fields) {
      if (fs.key == field) return &fs;
    }
  }
  return nullptr;
}

void WriteSection2(Writer& w, Format f, const Section2& s) {
  w.BeginObject();
  const auto rows = Rows2(f);
  for (size_t i = 0; i < rows.size(); ++i) {
    w.Key(rows[i].key);
    w.BeginObject();
    for (size_t j = 0; j < rows[i].fields.size(); ++j) {
      static const Cell kBlank;
      const Cell& c = i < s.cells.size() && j < s.cells[i].size() ? s.cells[i][j] : kBlank;
      w.Key(rows[i].fields[j].key);
      if (rows[i].fields[j].kind == FieldKind::kMoney) {
        w.Money(c);
      } else {
        w.Count(c);
      }
    }
    w.EndObject();
  }
  w.EndObject();
}

void WriteSection3(Writer& w, Format f, const Section3& s) {
  w.BeginObject();
  for (const Row3Spec& r : Rows3(f)) {
    w.Key(r.key);
    w.BeginObject();
    for (int c = 0; c < kNumCols3; ++c) {
      w.Key(ColKey3(c));
      w.Count(s.at(r.id, c));
    }
    w.EndObject();
  }
  w.EndObject();
}

void WriteSection4(Writer& w, const Section4& s) {
  w.BeginObject();
  for (int g = 0; g < kNumGroups4; ++g) {
    w.Key(GroupKey4(g));
    w.BeginObject();
    for (int k = 0; k < kNumFields4; ++k) {
      w.Key(FieldKey4(k));
      w.Count(s.cells[g][k]);
    }
    w.EndObject();
  }
  w.EndObject();
}

// money_format: when set, expected/actual of a money cell of section 二 in
// that format are written as 万元 decimals; otherwise as stored integers.
void WriteFinding(Writer& w, const Finding& f, std::optional<Format> money_format) {
  const bool money = money_format && f.section == "二" && [&] {
    const Field2Spec* fs = FindField2(*money_format, f.row, f.column);
    return fs != nullptr && fs->kind == FieldKind::kMoney;
  }();
  w.BeginObject();
  w.Key("severity");
  w.String(SeverityName(f.severity));
  w.Key("code");
  w.StringOrNull(f.code);
  w.Key("section");
  w.StringOrNull(f.section);
  w.Key("row");
  w.StringOrNull(f.row);
  w.Key("column");
  w.StringOrNull(f.column);
  w.Key("expected");
  money ? w.Money(f.expected) : w.Count(f.expected);
  w.Key("actual");
  money ? w.Money(f.actual) : w.Count(f.actual);
  w.Key("message");
  w.StringOrNull(f.message);
  w.EndObject();
}

void WriteDocument(Writer& w, const DocumentFacts& d) {
  w.BeginObject();
  w.Key("sections_found");
  w.BeginArray();
  for (int i = 0; i < 6; ++i) {
    if (d.has_section[i]) w.String(kNumerals[i]);
  }
  w.EndArray();
  w.Key("fingerprint");
  d.fingerprint ? w.String(FormatId(*d.fingerprint)) : w.Null();
  w.Key("declared");
  d.declared ? w.String(FormatId(*d.declared)) : w.Null();
  w.Key("claims");
  w.BeginArray();
  for (const TextClaim& c : d.claims) {
    w.BeginObject();
    w.Key("section");
    w.String(c.section);
    w.Key("row");
    w.String(c.row);
    w.Key("column");
    w.String(c.column);
    w.Key("value");
    w.Int(c.value);
    w.Key("quote");
    w.String(c.quote);
    if (!c.alt_row.empty()) {
      w.Key("alt_row");
      w.String(c.alt_row);
    }
    w.EndObject();
  }
  w.EndArray();
  w.Key("reader_findings");
  w.BeginArray();
  for (const Finding& f : d.reader_findings) WriteFinding(w, f, std::nullopt);
  w.EndArray();
  w.EndObject();
}

// ---- Reading --------------------------------------------------------------------

constexpr size_t kMaxInputBytes = 16u << 20;
constexpr int kMaxDepth = 64;
constexpr int64_t kMaxCount = 1'000'000'000'000'000;  // 10^15: beyond any real count
constexpr int64_t kMaxMoney10k = 1'000'000'000'000;   // 10^12 万元 (fits int64 fen)

// A short, printable description of a JSON value for error messages.
std::string Describe(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return v.get<bool>() ? "true" : "false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return v.dump();
    case json::value_t::string: {
      std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
      constexpr size_t kMax = 40;
      if (s.size() > kMax) {
        size_t cut = kMax;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
        s = s.substr(0, cut) + "…\"";
      }
      return s;
    }
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    default:
      return "an unsupported value";
  }
}

Status Expected(const std::string& path, std::string_view what, const json& got) {
  return Status::Invalid(path + ": expected " + std::string(what) + ", got " + Describe(got));
}

// Before the parser sees the text: refuses nesting deeper than kMaxDepth and
// NUL bytes (which the parser would take for the end of the input).
Status Prescan(std::string_view t) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '\0') {
      return Status::Invalid("not valid JSON: NUL byte at byte " + std::to_string(i));
    }
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) {
        return Status::Invalid("report JSON is nested deeper than " + std::to_string(kMaxDepth) +
                               " levels (at byte " + std::to_string(i) + ")");
      }
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return Status::Ok();
}

// nlohmann's message without its "[json.exception…] " prefix and without the
// "; last read: '…'" echo of raw (possibly invalid UTF-8) input.
std::string ParseErrorText(const json::exception& e) {
  std::string s = e.what();
  if (!s.empty() && s[0] == '[') {
    const size_t end = s.find("] ");
    if (end != std::string::npos) s.erase(0, end + 2);
  }
  const size_t echo = s.find("; last read:");
  if (echo != std::string::npos) s.erase(echo);
  return s;
}

// Count cells (I5/I6 are the validator's job: negatives are kept).
Status ReadCount(const json& v, const std::string& path, Cell* out) {
  auto out_of_range = [&] {
    return Status::Invalid(path + ": " + Describe(v) +
                           " is out of range (a count lies between -10^15 and 10^15)");
  };
  if (v.is_null()) {
    *out = std::nullopt;
  } else if (v.is_number_unsigned()) {
    const uint64_t u = v.get<uint64_t>();
    if (u > static_cast<uint64_t>(kMaxCount)) return out_of_range();
    *out = static_cast<int64_t>(u);
  } else if (v.is_number_integer()) {
    const int64_t i = v.get<int64_t>();
    if (i > kMaxCount || i < -kMaxCount) return out_of_range();
    *out = i;
  } else if (v.is_number_float()) {
    // An integral float (2.0, as some tools write) is an integer; 1.5 is not.
    const double d = v.get<double>();
    if (!std::isfinite(d) || d != std::trunc(d)) return Expected(path, "an integer or null", v);
    if (std::fabs(d) > static_cast<double>(kMaxCount)) return out_of_range();
    *out = static_cast<int64_t>(d);
  } else {
    return Expected(path, "an integer or null", v);
  }
  return Status::Ok();
}

// Money cells: a number of 万元 → integer fen, rounded half away from zero.
Status ReadMoney(const json& v, const std::string& path, Cell* out) {
  auto out_of_range = [&] {
    return Status::Invalid(path + ": " + Describe(v) +
                           " is out of range (an amount in 万元 lies between -10^12 and 10^12)");
  };
  if (v.is_null()) {
    *out = std::nullopt;
  } else if (v.is_number_unsigned()) {
    const uint64_t u = v.get<uint64_t>();
    if (u > static_cast<uint64_t>(kMaxMoney10k)) return out_of_range();
    *out = static_cast<int64_t>(u) * kFenPer10kYuan;
  } else if (v.is_number_integer()) {
    const int64_t i = v.get<int64_t>();
    if (i > kMaxMoney10k || i < -kMaxMoney10k) return out_of_range();
    *out = i * kFenPer10kYuan;
  } else if (v.is_number_float()) {
    const double d = v.get<double>();
    if (!std::isfinite(d)) return Expected(path, "a number or null", v);
    if (std::fabs(d) > static_cast<double>(kMaxMoney10k)) return out_of_range();
    // The shortest decimal that reads back as d is the text the writer meant
    // (146.2243 stays 146.2243, not 146.22429999…); convert that exactly.
    char buf[512];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
    if (ec != std::errc()) return out_of_range();
    const std::optional<int64_t> fen = ParseMoney(std::string_view(buf, end - buf));
    if (!fen) return out_of_range();
    *out = *fen;
  } else {
    return Expected(path, "a number or null", v);
  }
  return Status::Ok();
}

Status ReadString(const json& v, const std::string& path, std::optional<std::string>* out) {
  if (v.is_null()) {
    *out = std::nullopt;
  } else if (v.is_string()) {
    *out = v.get<std::string>();
  } else {
    return Expected(path, "a string or null", v);
  }
  return Status::Ok();
}

// A string member that may be absent or null ("" then).
Status ReadOptionalString(const json& obj, std::string_view key, const std::string& path,
                          std::string* out) {
  const auto it = obj.find(key);
  if (it == obj.end()) return Status::Ok();
  std::optional<std::string> s;
  Status st = ReadString(*it, path + "." + std::string(key), &s);
  if (!st.ok()) return st;
  *out = s.value_or("");
  return Status::Ok();
}

Status ReadFormatValue(const json& v, const std::string& path, std::optional<Format>* out) {
  if (v.is_null()) {
    *out = std::nullopt;
    return Status::Ok();
  }
  std::optional<Format> f;
  if (v.is_string()) {
    f = ParseFormat(v.get<std::string>());
  } else if (v.is_number_integer()) {
    // Tolerated: 2021 written as a number.
    f = v == 2019   ? std::optional(Format::k2019)
        : v == 2021 ? std::optional(Format::k2021)
                    : std::nullopt;
  }
  if (!f) return Expected(path, "\"2019\" or \"2021\"", v);
  *out = f;
  return Status::Ok();
}

// Keys that belong to one format only (report-format.md §1, §2): the first
// path seen for each format.
struct FormatEvidence {
  std::string only2019;
  std::string only2021;
  void Note(bool in2019, bool in2021, const std::string& path) {
    if (in2019 && !in2021 && only2019.empty()) only2019 = path;
    if (in2021 && !in2019 && only2021.empty()) only2021 = path;
  }
};

const Row2Spec* FindRow2(Format f, std::string_view key) {
  for (const Row2Spec& r : Rows2(f)) {
    if (r.key == key) return &r;
  }
  return nullptr;
}

bool HasRow3(Format f, std::string_view key) {
  for (const Row3Spec& r : Rows3(f)) {
    if (r.key == key) return true;
  }
  return false;
}

FormatEvidence CollectEvidence(const json& doc) {
  FormatEvidence ev;
  if (const auto s3 = doc.find("section3"); s3 != doc.end() && s3->is_object()) {
    for (const auto& [key, value] : s3->items()) {
      ev.Note(HasRow3(Format::k2019, key), HasRow3(Format::k2021, key), "section3." + key);
    }
  }
  if (const auto s2 = doc.find("section2"); s2 != doc.end() && s2->is_object()) {
    for (const auto& [key, value] : s2->items()) {
      const Row2Spec* r19 = FindRow2(Format::k2019, key);
      const Row2Spec* r21 = FindRow2(Format::k2021, key);
      ev.Note(r19 != nullptr, r21 != nullptr, "section2." + key);
      if (r19 == nullptr || r21 == nullptr || !value.is_object()) continue;
      for (const auto& [field, cell] : value.items()) {
        ev.Note(FindField2(Format::k2019, key, field) != nullptr,
                FindField2(Format::k2021, key, field) != nullptr, "section2." + key + "." + field);
      }
    }
  }
  return ev;
}

// An object member that is absent or null reads as nullptr; another non-object
// type is an error.
Status FindObject(const json& parent, std::string_view key, const std::string& path,
                  const json** out) {
  *out = nullptr;
  const auto it = parent.find(key);
  if (it == parent.end() || it->is_null()) return Status::Ok();
  if (!it->is_object()) return Expected(path, "an object or null", *it);
  *out = &*it;
  return Status::Ok();
}

Status ReadSection2(const json& s, Format f, Section2* out) {
  *out = Section2::Blank(f);
  const auto rows = Rows2(f);
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::string path = "section2." + std::string(rows[i].key);
    const json* row = nullptr;
    if (Status st = FindObject(s, rows[i].key, path, &row); !st.ok()) return st;
    if (row == nullptr) continue;
    for (size_t j = 0; j < rows[i].fields.size(); ++j) {
      const Field2Spec& fs = rows[i].fields[j];
      const auto it = row->find(fs.key);
      if (it == row->end()) continue;
      const std::string cell_path = path + "." + std::string(fs.key);
      Status st = fs.kind == FieldKind::kMoney ? ReadMoney(*it, cell_path, &out->cells[i][j])
                                               : ReadCount(*it, cell_path, &out->cells[i][j]);
      if (!st.ok()) return st;
    }
  }
  return Status::Ok();
}

Status ReadSection3(const json& s, Format f, Section3* out) {
  for (const Row3Spec& r : Rows3(f)) {
    const std::string path = "section3." + std::string(r.key);
    const json* row = nullptr;
    if (Status st = FindObject(s, r.key, path, &row); !st.ok()) return st;
    if (row == nullptr) continue;
    for (int c = 0; c < kNumCols3; ++c) {
      const auto it = row->find(ColKey3(c));
      if (it == row->end()) continue;
      Status st = ReadCount(*it, path + "." + std::string(ColKey3(c)), &out->at(r.id, c));
      if (!st.ok()) return st;
    }
  }
  return Status::Ok();
}

Status ReadSection4(const json& s, Section4* out) {
  for (int g = 0; g < kNumGroups4; ++g) {
    const std::string path = "section4." + std::string(GroupKey4(g));
    const json* group = nullptr;
    if (Status st = FindObject(s, GroupKey4(g), path, &group); !st.ok()) return st;
    if (group == nullptr) continue;
    for (int k = 0; k < kNumFields4; ++k) {
      const auto it = group->find(FieldKey4(k));
      if (it == group->end()) continue;
      Status st = ReadCount(*it, path + "." + std::string(FieldKey4(k)), &out->cells[g][k]);
      if (!st.ok()) return st;
    }
  }
  return Status::Ok();
}

Status ReadFinding(const json& v, const std::string& path, Finding* out) {
  if (!v.is_object()) return Expected(path, "an object", v);
  const auto sev = v.find("severity");
  if (sev == v.end()) return Status::Invalid(path + ".severity: missing");
  if (*sev == "error") {
    out->severity = Severity::kError;
  } else if (*sev == "warning") {
    out->severity = Severity::kWarning;
  } else {
    return Expected(path + ".severity", "\"error\" or \"warning\"", *sev);
  }
  for (auto [key, field] : {std::pair<std::string_view, std::string*>{"code", &out->code},
                            {"section", &out->section},
                            {"row", &out->row},
                            {"column", &out->column},
                            {"message", &out->message}}) {
    if (Status st = ReadOptionalString(v, key, path, field); !st.ok()) return st;
  }
  for (auto [key, field] :
       {std::pair<std::string_view, Cell*>{"expected", &out->expected}, {"actual", &out->actual}}) {
    const auto it = v.find(key);
    if (it == v.end()) continue;
    if (Status st = ReadCount(*it, path + "." + std::string(key), field); !st.ok()) return st;
  }
  return Status::Ok();
}

Status ReadClaim(const json& v, const std::string& path, TextClaim* out) {
  if (!v.is_object()) return Expected(path, "an object", v);
  for (auto [key, field] : {std::pair<std::string_view, std::string*>{"section", &out->section},
                            {"row", &out->row},
                            {"column", &out->column},
                            {"quote", &out->quote},
                            {"alt_row", &out->alt_row}}) {
    if (Status st = ReadOptionalString(v, key, path, field); !st.ok()) return st;
  }
  const auto it = v.find("value");
  if (it == v.end()) return Status::Invalid(path + ".value: missing");
  Cell value;
  if (Status st = ReadCount(*it, path + ".value", &value); !st.ok()) return st;
  if (!value) return Expected(path + ".value", "an integer", *it);
  out->value = *value;
  return Status::Ok();
}

// An array member that is absent or null reads as nullptr.
Status FindArray(const json& parent, std::string_view key, const std::string& path,
                 const json** out) {
  *out = nullptr;
  const auto it = parent.find(key);
  if (it == parent.end() || it->is_null()) return Status::Ok();
  if (!it->is_array()) return Expected(path, "an array or null", *it);
  *out = &*it;
  return Status::Ok();
}

Status ReadDocument(const json& d, DocumentFacts* out) {
  const json* arr = nullptr;
  if (Status st = FindArray(d, "sections_found", "document.sections_found", &arr); !st.ok()) {
    return st;
  }
  if (arr != nullptr) {
    for (size_t i = 0; i < arr->size(); ++i) {
      const json& v = (*arr)[i];
      const std::string path = "document.sections_found[" + std::to_string(i) + "]";
      int found = -1;
      for (int k = 0; k < 6 && v.is_string(); ++k) {
        if (v.get<std::string>() == kNumerals[k]) found = k;
      }
      if (found < 0) return Expected(path, "one of \"一\" … \"六\"", v);
      out->has_section[found] = true;
    }
  }
  for (auto [key, field] :
       {std::pair<std::string_view, std::optional<Format>*>{"fingerprint", &out->fingerprint},
        {"declared", &out->declared}}) {
    const auto it = d.find(key);
    if (it == d.end()) continue;
    if (Status st = ReadFormatValue(*it, "document." + std::string(key), field); !st.ok()) {
      return st;
    }
  }
  if (Status st = FindArray(d, "claims", "document.claims", &arr); !st.ok()) return st;
  if (arr != nullptr) {
    for (size_t i = 0; i < arr->size(); ++i) {
      TextClaim c;
      Status st = ReadClaim((*arr)[i], "document.claims[" + std::to_string(i) + "]", &c);
      if (!st.ok()) return st;
      out->claims.push_back(std::move(c));
    }
  }
  if (Status st = FindArray(d, "reader_findings", "document.reader_findings", &arr); !st.ok()) {
    return st;
  }
  if (arr != nullptr) {
    for (size_t i = 0; i < arr->size(); ++i) {
      Finding f;
      Status st = ReadFinding((*arr)[i], "document.reader_findings[" + std::to_string(i) + "]", &f);
      if (!st.ok()) return st;
      out->reader_findings.push_back(std::move(f));
    }
  }
  return Status::Ok();
}

Result<Report> ReadImpl(std::string_view text) {
  if (text.size() > kMaxInputBytes) {
    return Status::Invalid("report JSON is larger than 16 MiB (" + std::to_string(text.size()) +
                           " bytes)");
  }
  if (Status st = Prescan(text); !st.ok()) return st;
  json doc;
  try {
    doc = json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {
    return Status::Invalid("not valid JSON: " + ParseErrorText(e));
  }
  if (!doc.is_object()) return Expected("report", "a JSON object", doc);

  if (const auto it = doc.find("schema"); it != doc.end()) {
    if (!it->is_string()) return Expected("schema", "a string", *it);
    if (*it != kReportSchema) {
      return Status::Invalid("schema: unsupported schema " + Describe(*it) + " (expected \"" +
                             std::string(kReportSchema) + "\")");
    }
  }

  Report r;
  if (const auto it = doc.find("year"); it != doc.end()) {
    Cell year;
    if (Status st = ReadCount(*it, "year", &year); !st.ok()) return st;
    if (year && (*year < 1900 || *year > 2999)) {
      return Status::Invalid("year: " + std::to_string(*year) +
                             " is not a reporting year (1900–2999)");
    }
    if (year) r.year = static_cast<int>(*year);
  }
  if (const auto it = doc.find("agency"); it != doc.end()) {
    if (Status st = ReadString(*it, "agency", &r.agency); !st.ok()) return st;
  }

  // The format: as stated, else from the keys present, else from the year.
  std::optional<Format> stated;
  if (const auto it = doc.find("format"); it != doc.end()) {
    if (Status st = ReadFormatValue(*it, "format", &stated); !st.ok()) return st;
  }
  const FormatEvidence ev = CollectEvidence(doc);
  if (stated) {
    const std::string& other = *stated == Format::k2021 ? ev.only2019 : ev.only2021;
    if (!other.empty()) {
      return Status::Invalid(
          other + ": belongs to the " +
          std::string(FormatId(*stated == Format::k2021 ? Format::k2019 : Format::k2021)) +
          " format, but format is \"" + std::string(FormatId(*stated)) + "\"");
    }
    r.format = *stated;
  } else if (!ev.only2019.empty() && !ev.only2021.empty()) {
    return Status::Invalid("format: absent, and the tables mix the 2019 format (" + ev.only2019 +
                           ") and the 2021 format (" + ev.only2021 + ")");
  } else if (!ev.only2019.empty()) {
    r.format = Format::k2019;
  } else if (!ev.only2021.empty()) {
    r.format = Format::k2021;
  } else if (r.year) {
    r.format = FormatForYear(*r.year);
  }

  const json* sec = nullptr;
  if (Status st = FindObject(doc, "section2", "section2", &sec); !st.ok()) return st;
  if (sec != nullptr) {
    Section2 s2;
    if (Status st = ReadSection2(*sec, r.format, &s2); !st.ok()) return st;
    r.section2 = std::move(s2);
  }
  if (Status st = FindObject(doc, "section3", "section3", &sec); !st.ok()) return st;
  if (sec != nullptr) {
    Section3 s3;
    if (Status st = ReadSection3(*sec, r.format, &s3); !st.ok()) return st;
    r.section3 = s3;
  }
  if (Status st = FindObject(doc, "section4", "section4", &sec); !st.ok()) return st;
  if (sec != nullptr) {
    Section4 s4;
    if (Status st = ReadSection4(*sec, &s4); !st.ok()) return st;
    r.section4 = s4;
  }

  if (Status st = FindObject(doc, "source", "source", &sec); !st.ok()) return st;
  if (sec != nullptr) {
    for (auto [key, field] : {std::pair<std::string_view, std::string*>{"file", &r.source.file},
                              {"kind", &r.source.kind},
                              {"encoding", &r.source.encoding}}) {
      if (Status st = ReadOptionalString(*sec, key, "source", field); !st.ok()) return st;
    }
  }
  if (const auto it = doc.find("status"); it != doc.end()) {
    if (Status st = ReadString(*it, "status", &r.status); !st.ok()) return st;
  }
  if (Status st = FindObject(doc, "document", "document", &sec); !st.ok()) return st;
  if (sec != nullptr) {
    DocumentFacts d;
    if (Status st = ReadDocument(*sec, &d); !st.ok()) return st;
    r.document = std::move(d);
  }
  return r;
}

}  // namespace

std::string WriteReportJson(const Report& r, bool pretty) {
  try {
    Writer w(pretty);
    w.BeginObject();
    w.Key("schema");
    w.String(kReportSchema);
    w.Key("format");
    w.String(FormatId(r.format));
    w.Key("agency");
    r.agency ? w.String(*r.agency) : w.Null();
    w.Key("year");
    r.year ? w.Int(*r.year) : w.Null();
    w.Key("section2");
    r.section2 ? WriteSection2(w, r.format, *r.section2) : w.Null();
    w.Key("section3");
    r.section3 ? WriteSection3(w, r.format, *r.section3) : w.Null();
    w.Key("section4");
    r.section4 ? WriteSection4(w, *r.section4) : w.Null();
    if (!r.source.file.empty() || !r.source.kind.empty() || !r.source.encoding.empty()) {
      w.Key("source");
      w.BeginObject();
      for (auto [key, value] :
           {std::pair<std::string_view, const std::string*>{"file", &r.source.file},
            {"kind", &r.source.kind},
            {"encoding", &r.source.encoding}}) {
        if (value->empty()) continue;
        w.Key(key);
        w.String(*value);
      }
      w.EndObject();
    }
    if (r.status) {
      w.Key("status");
      w.String(*r.status);
    }
    if (r.document) {
      w.Key("document");
      WriteDocument(w, *r.document);
    }
    w.EndObject();
    return w.Take();
  } catch (const std::exception&) {
    return std::string();  // only when memory runs out
  }
}

Result<Report> ReadReportJson(std::string_view text) {
  try {
    return ReadImpl(text);
  } catch (const std::exception& e) {
    return Status::Invalid(std::string("report JSON could not be read: ") + e.what());
  }
}

std::string WriteCheckResultJson(const std::string& file, const Report* report,
                                 const std::vector<Finding>& findings) {
  try {
    Writer w(false);
    w.BeginObject();
    w.Key("file");
    w.StringOrNull(file);
    w.Key("format");
    report ? w.String(FormatId(report->format)) : w.Null();
    w.Key("year");
    report && report->year ? w.Int(*report->year) : w.Null();
    w.Key("agency");
    report && report->agency ? w.String(*report->agency) : w.Null();
    w.Key("findings");
    w.BeginArray();
    for (const Finding& f : findings) {
      WriteFinding(w, f, report ? std::optional(report->format) : std::nullopt);
    }
    w.EndArray();
    w.EndObject();
    return w.Take();
  } catch (const std::exception&) {
    return std::string();  // only when memory runs out
  }
}

}  // namespace gk::report
