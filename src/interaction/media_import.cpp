#include "interaction/media_import.h"

#include "interaction/messages.h"

namespace gk::interaction {
namespace {

std::vector<std::string> SplitCells(std::string_view line, char sep) {
  std::vector<std::string> cells;
  std::string cur;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cur += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cur += c;
      }
    } else if (c == '"' && cur.empty()) {
      quoted = true;
    } else if (c == sep) {
      cells.push_back(Trim(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  cells.push_back(Trim(cur));
  return cells;
}

bool ParseCount(const std::string& s, int64_t* out) {
  if (s.empty() || s.size() > 12) return false;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

}  // namespace

Result<std::vector<MediaFigureLine>> ParseMediaFigures(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<MediaFigureLine> out;
  bool header_seen = false;
  char sep = ',';
  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty()) {
      if (end == text.size()) break;
      continue;
    }
    if (!header_seen) {
      sep = line.find('\t') != std::string_view::npos ? '\t' : ',';
      const auto h = SplitCells(line, sep);
      const bool zh = h.size() >= 4 && h[0] == "账号" && h[1] == "月份" && h[2] == "发布数" &&
                      h[3] == "关注数";
      const bool en = h.size() >= 4 && h[0] == "account" && h[1] == "month" && h[2] == "posts" &&
                      h[3] == "followers";
      if (!zh && !en)
        return Status::Invalid("第 " + std::to_string(line_no) +
                               " 行：表头应为“账号,月份,发布数,关注数”");
      header_seen = true;
      continue;
    }
    if (out.size() >= 10000) return Status::Invalid("行数过多：一次最多导入 10000 行");
    const auto cells = SplitCells(line, sep);
    auto bad = [&](const char* field, const std::string& why) {
      return Status::Invalid("第 " + std::to_string(line_no) + " 行：" + field + "：" + why);
    };
    if (cells.size() < 4) return bad("账号", "应有账号、月份、发布数、关注数四列");
    MediaFigureLine l;
    l.line = line_no;
    l.account = cells[0];
    if (l.account.empty()) return bad("账号", "不能为空");
    const std::string& m = cells[1];
    if (m.size() != 7 || m[4] != '-' || m.find_first_not_of("0123456789-") != std::string::npos)
      return bad("月份", "应为 年-月，如 2021-03");
    l.year = std::stoi(m.substr(0, 4));
    l.month = std::stoi(m.substr(5, 2));
    if (l.year < 2008 || l.year > 2100 || l.month < 1 || l.month > 12)
      return bad("月份", "应为 年-月，如 2021-03");
    if (!ParseCount(cells[2], &l.posts)) return bad("发布数", "应为不小于 0 的整数");
    if (!ParseCount(cells[3], &l.followers)) return bad("关注数", "应为不小于 0 的整数");
    out.push_back(std::move(l));
    if (end == text.size()) break;
  }
  if (!header_seen) return Status::Invalid("文件为空：第 1 行应为表头“账号,月份,发布数,关注数”");
  return out;
}

}  // namespace gk::interaction
