// docs/cases.md must not drift from the code: it lists every event type and
// status key, and its transition tables are exactly Transitions().
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "cases/transitions.h"

namespace gk::cases {
namespace {

std::string ReadDoc() {
  std::ifstream in(std::string(GK_SOURCE_DIR) + "/docs/cases.md", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Trim(std::string s) {
  const char* ws = " \t\r";
  s.erase(0, s.find_first_not_of(ws));
  s.erase(s.find_last_not_of(ws) + 1);
  if (s.size() >= 2 && s.front() == '`' && s.back() == '`') s = s.substr(1, s.size() - 2);
  return s;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(Trim(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(Trim(cur));
  return out;
}

// (event, from statuses, then) — "then" is a status key, "stay" or "resume".
using Row = std::tuple<std::string, std::set<std::string>, std::string>;

std::multiset<Row> DocRows(const std::string& doc, const std::string& kind) {
  std::multiset<Row> rows;
  const std::string open = "<!-- transitions:" + kind + " -->";
  const size_t begin = doc.find(open);
  EXPECT_NE(begin, std::string::npos) << open;
  if (begin == std::string::npos) return rows;
  const size_t end = doc.find("<!-- /transitions -->", begin);
  std::istringstream lines(doc.substr(begin + open.size(), end - begin - open.size()));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("| `", 0) != 0) continue;  // header and separator rows
    std::vector<std::string> cells = Split(line.substr(1, line.rfind('|') - 1), '|');
    EXPECT_EQ(cells.size(), 4u) << line;
    if (cells.size() != 4) continue;
    std::set<std::string> from;
    for (const std::string& s : Split(cells[2], ',')) from.insert(s);
    rows.insert({cells[0], from, cells[3]});
  }
  return rows;
}

std::multiset<Row> CodeRows(CaseKind kind) {
  std::multiset<Row> rows;
  for (const Transition& t : Transitions()) {
    if (t.kind != kind) continue;
    std::set<std::string> from;
    for (CaseStatus s : AllValues<CaseStatus>()) {
      if (t.Allows(s)) from.insert(std::string(Key(s)));
    }
    std::string then = t.next == Next::kStay     ? "stay"
                       : t.next == Next::kResume ? "resume"
                                                 : std::string(Key(t.to));
    rows.insert({std::string(Key(t.event)), from, then});
  }
  return rows;
}

TEST(DocTest, TransitionTablesMatchTheCode) {
  const std::string doc = ReadDoc();
  ASSERT_FALSE(doc.empty()) << "docs/cases.md not found";
  EXPECT_EQ(DocRows(doc, "application"), CodeRows(CaseKind::kApplication));
  EXPECT_EQ(DocRows(doc, "assistance"), CodeRows(CaseKind::kAssistance));
}

TEST(DocTest, ListsEveryEventTypeAndStatus) {
  const std::string doc = ReadDoc();
  for (EventType t : AllValues<EventType>()) {
    EXPECT_NE(doc.find("| `" + std::string(Key(t)) + "`"), std::string::npos)
        << "event type " << Key(t) << " missing from docs/cases.md";
  }
  for (CaseStatus s : AllValues<CaseStatus>()) {
    EXPECT_NE(doc.find("| `" + std::string(Key(s)) + "` | " + std::string(Label(s)) + " |"),
              std::string::npos)
        << "status " << Key(s) << " missing from docs/cases.md";
  }
}

}  // namespace
}  // namespace gk::cases
