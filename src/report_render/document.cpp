#include "report_render/document.h"

namespace gk::report_render {
namespace {

constexpr std::string_view kHeadings[6] = {
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
};

bool Blank(std::string_view s) { return Paragraphs(s).empty(); }

std::string OneLine(std::string_view s) {
  std::string out;
  for (const std::string& p : Paragraphs(s)) out += p;
  return out;
}

}  // namespace

std::string EscapeMarkup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string CleanText(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  for (size_t i = 0; i < in.size();) {
    const unsigned char c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      if (c == '\r') {
        out += '\n';
        i += (i + 1 < in.size() && in[i + 1] == '\n') ? 2 : 1;
        continue;
      }
      if ((c >= 0x20 && c != 0x7F) || c == '\n' || c == '\t') out += static_cast<char>(c);
      ++i;
      continue;
    }
    // A well-formed sequence (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF).
    size_t len = 0;
    uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    }
    bool ok = len > 0 && i + len <= in.size();
    for (size_t k = 1; ok && k < len; ++k) {
      const unsigned char cc = static_cast<unsigned char>(in[i + k]);
      ok = (cc & 0xC0) == 0x80;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (ok) {
      ok = !(len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) &&
           !(len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) && cp != 0xFFFE && cp != 0xFFFF;
    }
    if (!ok) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (!(cp >= 0x80 && cp <= 0x9F)) out.append(in.substr(i, len));  // C1 controls dropped
    i += len;
  }
  return out;
}

std::vector<std::string> Paragraphs(std::string_view raw) {
  constexpr std::string_view kIdeographicSpace = "\u3000";
  const std::string clean = CleanText(raw);
  const std::string_view text = clean;
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    for (bool changed = true; changed;) {
      changed = false;
      while (!line.empty() &&
             (line.front() == ' ' || line.front() == '\t' || line.front() == '\r' ||
              line.front() == '\f' || line.front() == '\v')) {
        line.remove_prefix(1);
        changed = true;
      }
      while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r' ||
                               line.back() == '\f' || line.back() == '\v')) {
        line.remove_suffix(1);
        changed = true;
      }
      if (line.starts_with(kIdeographicSpace)) {
        line.remove_prefix(kIdeographicSpace.size());
        changed = true;
      }
      if (line.ends_with(kIdeographicSpace)) {
        line.remove_suffix(kIdeographicSpace.size());
        changed = true;
      }
    }
    if (!line.empty()) out.emplace_back(line);
    start = nl + 1;
  }
  return out;
}

std::string_view SectionHeading(int index) {
  if (index < 0 || index > 5) return "";
  return kHeadings[index];
}

std::string ChineseDate(const Date& d) {
  return std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月" +
         std::to_string(d.day()) + "日";
}

std::string AgencyName(const ReportDocument& doc) {
  if (!Blank(doc.agency_full_name)) return OneLine(doc.agency_full_name);
  if (doc.report.agency && !Blank(*doc.report.agency)) return OneLine(*doc.report.agency);
  return "";
}

std::string TitleOf(const ReportDocument& doc) { return OneLine(doc.title); }

Status CheckDocument(const ReportDocument& doc) {
  if (Blank(doc.title)) return Status::Invalid("年度报告：缺少报告标题（title）");
  if (AgencyName(doc).empty()) {
    return Status::Invalid("年度报告：缺少机关名称（agency_full_name 或 report.agency）");
  }
  if (doc.report.section2) {
    const auto rows = report::Rows2(doc.report.format);
    const auto& cells = doc.report.section2->cells;
    bool shaped = cells.size() == rows.size();
    for (size_t i = 0; shaped && i < rows.size(); ++i) {
      shaped = cells[i].size() == rows[i].fields.size();
    }
    if (!shaped) {
      return Status::Invalid("年度报告：第二部分表格的行列数与" +
                             std::string(report::FormatId(doc.report.format)) +
                             "年版格式不符（report.section2）");
    }
  }
  return Status::Ok();
}

}  // namespace gk::report_render
