#include "report_render/html.h"

#include <exception>
#include <string_view>

#include "report_render/charts.h"
#include "report_render/tables.h"

namespace gk::report_render {
namespace {


std::string Spans(const TableCell& c) {
  std::string out;
  if (c.row_span > 1) out += " rowspan=\"" + std::to_string(c.row_span) + "\"";
  if (c.col_span > 1) out += " colspan=\"" + std::to_string(c.col_span) + "\"";
  return out;
}

void Cell(const TableCell& c, std::string& out) {
  switch (c.role) {
    case CellRole::kColumnHeader:
      out += "<th scope=\"col\"" + Spans(c) + ">" + EscapeMarkup(c.text) + "</th>";
      break;
    case CellRole::kRowHeader:
      out += "<th scope=\"row\"" + Spans(c) + ">" + EscapeMarkup(c.text) + "</th>";
      break;
    case CellRole::kBlock:
      out += "<th scope=\"rowgroup\" class=\"gk-block\"" + Spans(c) + ">" + EscapeMarkup(c.text) + "</th>";
      break;
    case CellRole::kNote:
      out += "<td class=\"gk-note\"" + Spans(c) + ">" + EscapeMarkup(c.text) + "</td>";
      break;
    case CellRole::kValue:
      out += "<td class=\"gk-num\"" + Spans(c) + ">" + EscapeMarkup(c.text) + "</td>";
      break;
  }
}

void Row(const TableRow& r, std::string& out) {
  out += "<tr>";
  for (const TableCell& c : r.cells) Cell(c, out);
  out += "</tr>\n";
}

void HtmlTable(const Table& t, std::string& out) {
  out += "<div class=\"gk-table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"gk-" +
         t.id + "-caption\">\n";
  out += "<table class=\"gk-table gk-" + t.id + "\" id=\"gk-" + t.id + "\">\n";
  out += "<caption id=\"gk-" + t.id + "-caption\">" + EscapeMarkup(t.caption) + "</caption>\n";
  const int header_rows = t.header_rows();
  if (header_rows > 0) {
    out += "<thead>\n";
    for (int i = 0; i < header_rows; ++i) Row(t.rows[static_cast<size_t>(i)], out);
    out += "</thead>\n";
  }
  out += "<tbody>\n";
  for (size_t i = static_cast<size_t>(header_rows); i < t.rows.size(); ++i) {
    // Table 二: each article block is its own row group.
    if (i > static_cast<size_t>(header_rows) && !t.rows[i].cells.empty() &&
        t.rows[i].cells.front().role == CellRole::kBlock) {
      out += "</tbody>\n<tbody>\n";
    }
    Row(t.rows[i], out);
  }
  out += "</tbody>\n</table>\n</div>\n";
}

void Figure(const Chart& c, std::string& out) {
  const std::string id = "gk-chart-" + EscapeMarkup(c.id);
  out += "<figure class=\"gk-figure\" aria-labelledby=\"" + id + "-caption\">\n";
  out += ChartSvg(c) + "\n";
  out += "<figcaption id=\"" + id + "-caption\">" + EscapeMarkup(c.title) + "</figcaption>\n";
  // The figures for screen readers, as a table.
  out +=
      "<table class=\"gk-visually-hidden\">\n<caption>" + EscapeMarkup(c.title) + "（数据表）</caption>\n";
  out += "<thead><tr><th scope=\"col\">项目</th>";
  for (const ChartSeries& s : c.series) {
    out += "<th scope=\"col\">" + EscapeMarkup(s.name) + "（" + EscapeMarkup(c.unit) + "）</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (size_t i = 0; i < c.categories.size(); ++i) {
    out += "<tr><th scope=\"row\">" + EscapeMarkup(c.categories[i]) + "</th>";
    for (const ChartSeries& s : c.series) {
      const auto& v = i < s.values.size() ? s.values[i] : std::nullopt;
      out += "<td class=\"gk-num\">" +
             (v ? FormatValue(static_cast<int64_t>(*v), ValueKind::kCount) : std::string()) +
             "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n</figure>\n";
}

void Prose(std::string_view text, std::string& out) {
  for (const std::string& p : Paragraphs(text)) out += "<p>" + EscapeMarkup(p) + "</p>\n";
}

std::string Fragment(const ReportDocument& doc) {
  const std::vector<Table> tables = Tables(doc.report);
  const std::vector<Chart> charts = ReportCharts(doc);
  auto table_for = [&](const char* id) -> const Table* {
    for (const Table& t : tables) {
      if (t.id == id) return &t;
    }
    return nullptr;
  };
  auto charts_of = [&](int section, std::string& out) {
    for (const Chart& c : charts) {
      if (ChartSection(c) == section) Figure(c, out);
    }
  };

  std::string out;
  out += "<article class=\"gk-report\" lang=\"zh-CN\" aria-labelledby=\"gk-report-title\">\n";
  if (doc.status == PublicationStatus::kDraft) {
    out +=
        "<p class=\"gk-draft\" "
        "role=\"note\"><strong>草稿</strong>：本报告尚未发布，内容以正式发布版本为准。</p>\n";
  }
  out += "<h1 id=\"gk-report-title\">" + EscapeMarkup(TitleOf(doc)) + "</h1>\n";

  const Narrative& n = doc.narrative;
  const char* table_ids[3] = {"table2", "table3", "table4"};
  for (int s = 0; s < 6; ++s) {
    out += "<section class=\"gk-section\" aria-labelledby=\"gk-section-" + std::to_string(s + 1) +
           "\">\n";
    out +=
        "<h2 id=\"gk-section-" + std::to_string(s + 1) + "\">" + EscapeMarkup(SectionHeading(s)) + "</h2>\n";
    if (s == 0) {
      Prose(n.overview, out);
      for (const Subsection& sub : n.overview_parts) {
        if (!Paragraphs(sub.heading).empty()) {
          out += "<h3>" + EscapeMarkup(Paragraphs(sub.heading).front()) + "</h3>\n";
        }
        Prose(sub.text, out);
      }
    } else if (s <= 3) {
      if (const Table* t = table_for(table_ids[s - 1])) {
        HtmlTable(*t, out);
      } else {
        out += "<p class=\"gk-missing\">（本部分未提供统计表。）</p>\n";
      }
    } else if (s == 4) {
      Prose(n.problems, out);
    } else {
      Prose(n.other, out);
    }
    charts_of(s, out);
    out += "</section>\n";
  }
  out += "<footer class=\"gk-signature\">\n<p>" + EscapeMarkup(AgencyName(doc)) + "</p>\n";
  if (doc.date) out += "<p>" + EscapeMarkup(ChineseDate(*doc.date)) + "</p>\n";
  out += "</footer>\n</article>\n";
  return out;
}

}  // namespace

std::string HtmlStyles() {
  return R"(.gk-report{font-family:"仿宋_GB2312","仿宋",FangSong,"Noto Serif CJK SC",serif;line-height:1.8;color:#222;max-width:60rem;margin:0 auto;padding:1rem}
.gk-report h1{font-family:"方正小标宋简体","宋体",SimSun,"Noto Serif CJK SC",serif;text-align:center;font-size:1.6rem;line-height:1.4}
.gk-report h2{font-family:"黑体",SimHei,"Noto Sans CJK SC",sans-serif;font-size:1.2rem;margin-top:1.6rem}
.gk-report h3{font-family:"楷体_GB2312","楷体",KaiTi,"Noto Serif CJK SC",serif;font-size:1.05rem}
.gk-report p{text-indent:2em;margin:.4rem 0}
.gk-draft{border:2px solid #a40000;color:#a40000;padding:.5rem 1rem;text-indent:0!important}
.gk-table-wrap{overflow-x:auto;margin:1rem 0}
.gk-table-wrap:focus{outline:2px solid #1f5f99}
.gk-table{border-collapse:collapse;width:100%;font-size:.9rem;line-height:1.4}
.gk-table caption{font-family:"黑体",SimHei,"Noto Sans CJK SC",sans-serif;font-weight:bold;padding:.4rem}
.gk-table th,.gk-table td{border:1px solid #444;padding:.25rem .4rem;vertical-align:middle}
.gk-table th{font-weight:normal;text-align:center;background:#f3f3f3}
.gk-table th[scope=row]{text-align:left;background:#fafafa}
.gk-table .gk-block{font-weight:bold;background:#e8eef5;text-align:center}
.gk-table .gk-note{font-size:.8rem;text-align:center}
.gk-num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.gk-figure{margin:1rem 0;text-align:center}
.gk-figure svg{max-width:100%;height:auto}
.gk-figure figcaption{font-size:.9rem}
.gk-visually-hidden{position:absolute!important;width:1px!important;height:1px!important;padding:0!important;margin:-1px!important;overflow:hidden!important;clip:rect(0,0,0,0)!important;white-space:nowrap!important;border:0!important}
.gk-signature{text-align:right;margin-top:2rem}
.gk-signature p{text-indent:0}
@media print{.gk-table-wrap{overflow:visible}.gk-table thead{display:table-header-group}.gk-table tr{break-inside:avoid}}
)";
}

Result<std::string> RenderHtmlFragment(const ReportDocument& doc) {
  if (Status s = CheckDocument(doc); !s.ok()) return s;
  try {
    return Fragment(doc);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("HTML：生成失败（") + e.what() + "）");
  }
}

Result<std::string> RenderHtmlPage(const ReportDocument& doc) {
  if (Status s = CheckDocument(doc); !s.ok()) return s;
  try {
    std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + EscapeMarkup(TitleOf(doc)) + "</title>\n";
    out += "<style>\n" + HtmlStyles() + "</style>\n</head>\n<body>\n<main>\n";
    out += Fragment(doc);
    out += "</main>\n</body>\n</html>\n";
    return out;
  } catch (const std::exception& e) {
    return Status::Internal(std::string("HTML：生成失败（") + e.what() + "）");
  }
}

}  // namespace gk::report_render
