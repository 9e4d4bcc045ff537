// Monthly new media figures imported from a table (CSV, or the text of an
// XLSX sheet read by ingest::XlsxToText: tab-separated). Header row:
// 账号,月份,发布数,关注数 (or account,month,posts,followers); 月份 YYYY-MM.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace gk::interaction {

struct MediaFigureLine {
  int line = 0;         // 1-based, in the file
  std::string account;  // the account's name, as registered
  int year = 0, month = 0;
  int64_t posts = 0, followers = 0;
};

// All lines or an Invalid status "第 N 行：字段 F：说明" (Chinese). Blank
// lines are skipped; at most 10 000 lines.
Result<std::vector<MediaFigureLine>> ParseMediaFigures(std::string_view text);

}  // namespace gk::interaction
