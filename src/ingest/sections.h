// Locating the six sections of a report by their headings (report-format.md
// §0.1, §6 item 11).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <vector>

#include "ingest/normalize.h"

namespace gk::ingest {

inline constexpr int kNumSections = 6;  // 一 … 六

// If `line` can be the heading of a section, its index 0…5 (一…六).
//
// A heading is a short line (≤ 40 characters of heading text) whose keywords
// name the section: 总体情况; 主动公开 + 政府信息/统计; 收到/受理/处理 + 申请;
// 行政复议 + 行政诉讼; 存在的主要问题 / 问题 + 改进; 其他需要报告. Numbering
// may be lost or wrong ("2、 主动公开政府信息情况统计表"); a Chinese numeral
// that matches the section ("四、…复议…") relaxes the keywords. Not
// headings: bracketed sub-headings "（一）…", "一是…", sentences (。 , ;),
// table rows with several cells, the title "…年度报告", and table rows that
// begin with 二、/三、/四、 ("二、上年结转政府信息公开申请数量").
std::optional<int> HeadingSection(const Line& line);

struct HeadingMatch {
  int section = 0;        // 0…5
  bool numbered = false;  // its Chinese numeral names the section ("四、…")
};
// HeadingSection with the strength of the match. With `allow_brackets`,
// "（二）主动公开政府信息情况" counts as numbered (for reports that number
// their sections that way).
std::optional<HeadingMatch> MatchHeading(const Line& line, bool allow_brackets);

// The heading line of each section, -1 when absent. When a section has
// several candidate lines, the chain that finds most sections wins, then the
// one with most matching numerals, then the later lines (sub-headings inside
// 总体情况 come earlier than the real heading). Bracketed numbering
// "（一）…（六）" is tried only when fewer than three sections are found.
std::array<int, kNumSections> FindHeadings(const std::vector<Line>& lines);

struct LineRange {
  size_t begin = 0;
  size_t end = 0;  // exclusive
};

// Lines to search for the table of section `k` (1 = 二, 2 = 三, 3 = 四): from
// its heading to the next heading found. Without its own heading, the gap
// between the neighbouring headings found. Never past section 五 (or 六), so
// chart data after the prose sections is not read (§6 item 16).
LineRange TableRange(const std::array<int, kNumSections>& headings, int k, size_t num_lines);

}  // namespace gk::ingest
