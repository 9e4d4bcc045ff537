// Facts about a report that come from its wording rather than its tables:
// the reporting year and agency (title), the format its table labels show
// (fingerprint) and the format it cites (report-format.md §0, §0.2).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ingest/normalize.h"
#include "report/model.h"

namespace gk::ingest {

struct TitleFacts {
  std::optional<int> year;
  std::optional<std::string> agency;
};

// Year and agency from the title, searched in the lines before `limit` (the
// first section heading): "威海市工业和信息化局 2022 年政府信息公开工作年度报告"
// or an agency line followed by "2021年政府信息公开工作年度报告". Without a
// year in the title, the statistics period ("统计期限自2022年1月1日起…") gives
// it. The signature date under the report is never used: it is the
// publication date, the year after the reporting year (§0).
TitleFacts ReadTitle(const std::vector<Line>& lines, size_t limit);

// The format shown by table labels in lines [begin, end) (prose ignored), or
// nullopt when the labels are absent or tie. 2021: 本年制发/本年废止/现行有效,
// 本年处理决定数量, 本年收费金额, the split （六） rows. 2019: 本年新制作/本年新公开/
// 对外公开总数量, 上一年项目数量, 本年增/减, 其他对外管理服务事项, 政府集中采购,
// 第二十条第（九）项, a single （六）其他处理 row.
std::optional<report::Format> Fingerprint(const std::vector<Line>& lines, size_t begin, size_t end);

// The format the text cites: 国办公开办函〔2021〕30号 → 2021, 〔2019〕60号 → 2019.
std::optional<report::Format> DeclaredFormat(const std::vector<Line>& lines);

}  // namespace gk::ingest
