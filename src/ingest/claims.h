// Figures stated in a report's prose that a table cell should equal
// (report-format.md §4.2 W5), checked later as text_table_mismatch warnings.
#pragma once

#include <vector>

#include "ingest/normalize.h"
#include "report/model.h"

namespace gk::ingest {

// Extracts claims from the lines marked in `eligible` (prose, and lines
// outside the tables). Conservative: only these statements are read.
//  * 三 new.total: "本年新收政府信息公开申请6件"; with 收到/受理/接收 wording
//    ("受理政府信息公开申请33件", "共收到依申请公开信件7件", "收到线上依申请
//    公开件3件", "未收到政府信息公开申请" = 0) alt_row "carried_over", as such a
//    figure may include the applications carried over. 协助调查, 咨询, 转办
//    and percentages are never counts of applications.
//  * 三 carried_over / carried_forward totals: "上年结转…N件", "结转下年度…N件".
//  * 三 granted / partially_granted totals: "予以公开1件", "部分公开2件".
//  * 二 (2021 format only) normative_documents: "制发规范性文件2件" (issued),
//    "废止2件" in a sentence about 规范性文件 (repealed), "现行有效件数11件" /
//    "现行有效13件" (in_force).
//  * 四 totals = 0: "未发生…行政复议和行政诉讼…", "无因政府信息公开引起的行政复议
//    和行政诉讼" (review; litigation_direct and litigation_after_review).
// Each claim quotes the clause it came from; duplicates are dropped.
std::vector<report::TextClaim> ExtractClaims(const std::vector<Line>& lines,
                                             const std::vector<bool>& eligible,
                                             report::Format format);

}  // namespace gk::ingest
