#include "app/demo.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "app/annual_report.h"
#include "app/applications.h"
#include "app/case_files.h"
#include "app/demo_cases.h"
#include "app/demo_interaction.h"
#include "app/records.h"
#include "catalog/attachment.h"
#include "core/hash.h"
#include "ingest/docx_reader.h"
#include "letters/docx.h"

namespace gk::embedded {
std::string_view DemoRecordsJsonl();  // data/records/demo.jsonl
}  // namespace gk::embedded

namespace gk::app {

std::span<const store::AgencyRow> DemoAgencies() {
  // kind decides the Art. 49 deadline: government → 31 March, department → 31 January.
  static const store::AgencyRow kAgencies[] = {
      // Letters: 复议机关, 管辖法院, 发文机关代字, and the office telephone the
      // seed reports give.
      {"weihai-jingkai", "威海经济技术开发区管理委员会", "government", std::nullopt, "JK",
       "威海市人民政府", "威海市环翠区人民法院", "威经管依申请", "联系电话：0631-5961933"},
      {"weihai-lingang", "威海临港经济技术开发区管理委员会", "government", std::nullopt, "LG",
       "威海市人民政府", "威海市环翠区人民法院", "临管依申请", "联系电话：0631-5587393"},
      {"weihai-huoju", "威海火炬高技术产业开发区党政办公室", "government", std::nullopt, "HJ",
       "威海市人民政府", "威海市环翠区人民法院", "高区党政办依申请", "联系电话：0631-3919181"},
      {"weihai-wendeng-zhifa", "威海市文登区综合行政执法局", "department", std::nullopt, "WDZF",
       "威海市文登区人民政府", "威海市文登区人民法院", "文执法依申请", "联系电话：0631-8451120"},
      {"weihai-gongxin", "威海市工业和信息化局", "department", std::nullopt, "GX", "威海市人民政府",
       "威海市环翠区人民法院", "威工信依申请", "联系电话：0631-5231696"},
  };
  return kAgencies;
}

Result<DemoLoadResult> LoadDemoAgencies(store::Store& store, std::string_view now) {
  DemoLoadResult out;
  for (const store::AgencyRow& a : DemoAgencies()) {
    auto r = store.InsertAgencyIfAbsent(a, now);
    if (!r.ok()) return r.status();
    if (*r) {
      ++out.agencies_added;
      if (auto s = store.SetAgencyLetterSettings(a); !s.ok()) return s;
    }
  }
  return out;
}

namespace {

constexpr std::string_view kDemoActor = "demo";

// The plan's 规章 / 规范性文件, published, unless the agency has records.
Status LoadRecords(store::Store& store, const demo::AgencyPlan& plan,
                   const store::AgencyRow& agency, std::string_view now, DemoLoadResult* out) {
  auto existing = store.records().AgencyRecordsForReport(plan.agency_id);
  if (!existing.ok()) return existing.status();
  if (!existing->empty() || plan.records.empty()) return Status::Ok();
  std::vector<catalog::Record> records;
  std::map<int, int> serial;  // per year, after the sample records' numbers
  for (const demo::RecordPlan& r : plan.records) {
    catalog::Record rec;
    rec.agency_id = plan.agency_id;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%05d", 100 + ++serial[r.formed_on.year()]);
    rec.index_no = agency.code + "/" + std::to_string(r.formed_on.year()) + "-" + buf;
    rec.title = r.title;
    rec.publisher = agency.name;
    rec.formed_on = r.formed_on;
    rec.published_on = r.published_on;
    rec.doc_no = r.doc_no;
    rec.doc_type = r.doc_type;
    rec.category = "政策文件";
    rec.classifications = {"综合政务", "规范性文件", "公众"};
    rec.art20_item = 1;  // Art. 20(1): 行政法规、规章和规范性文件
    rec.validity = r.validity;
    rec.validity_changed_on = r.validity_changed_on;
    rec.body = r.title + "（" + r.doc_no + "）全文。";
    rec.status = catalog::RecordStatus::kPublished;
    records.push_back(std::move(rec));
  }
  const store::RecordChange change{std::string(kDemoActor), "import", "demo", std::string(now)};
  auto n = store.records().ImportRecords(records, change, nullptr);
  if (!n.ok()) return Status::Internal("demo records " + plan.agency_id + ": " + n.status().message());
  out->records_added += static_cast<int>(*n);
  return Status::Ok();
}

Status LoadPlan(store::Store& store, const law::Calendar& cal, const demo::AgencyPlan& plan,
                std::string_view now, DemoLoadResult* out) {
  auto agency = store.GetAgency(plan.agency_id);
  if (!agency.ok()) return agency.status();
  if (!agency->has_value()) return Status::NotFound("demo agency " + plan.agency_id + " missing");
  if (Status s = LoadRecords(store, plan, **agency, now, out); !s.ok()) return s;
  store::CaseFilter f;
  f.agency_id = plan.agency_id;
  f.limit = 1;
  auto existing = store.ListCases(f);
  if (!existing.ok()) return existing.status();
  if (existing->empty()) {
    std::vector<demo::CasePlan> cases = plan.cases;
    std::stable_sort(cases.begin(), cases.end(), [](const auto& a, const auto& b) {
      return a.received_on < b.received_on;
    });
    for (const demo::CasePlan& c : cases) {
      auto serial = store.NextTrackingSerial(plan.agency_id, c.received_on.year());
      if (!serial.ok()) return serial.status();
      AppendRequest req;
      req.case_id = TrackingNumber(**agency, c.received_on.year(), *serial);
      req.events = demo::CaseEvents(c, plan.agency_id, req.case_id, std::string(kDemoActor), cal);
      req.now_iso = std::string(now);
      auto r = AppendCaseEvents(store, cal, req);
      if (!r.ok()) return Status::Internal("demo case " + req.case_id + ": " + r.status().message());
      ++out->cases_added;
    }
  }
  std::vector<int> years;
  for (const auto& fig : plan.figures) {
    if (std::find(years.begin(), years.end(), fig.year) == years.end()) years.push_back(fig.year);
  }
  for (int year : years) {
    auto stored = store.ReportFigures(plan.agency_id, year);
    if (!stored.ok()) return stored.status();
    if (!stored->empty()) continue;
    for (const auto& fig : plan.figures) {
      if (fig.year != year) continue;
      // Entered in January, as the report is prepared.
      const ReportActor actor{std::string(kDemoActor), auth::Role::kSysadmin,
                              std::to_string(year + 1) + "-01-06T09:00:00+08:00"};
      if (Status s = EnterReportFigure(store, plan.agency_id, year, fig.figure, actor); !s.ok()) {
        return s;
      }
      ++out->figures_added;
    }
  }
  // 政民互动 before the reports are published: section 一 states it.
  if (auto n = LoadDemoInteraction(store, cal, plan.agency_id, now); !n.ok()) {
    return Status::Internal("demo interaction " + plan.agency_id + ": " + n.status().message());
  }
  for (int year : plan.published_years) {
    auto actions = store.ReportActions(plan.agency_id, year);
    if (!actions.ok()) return actions.status();
    if (!actions->empty()) continue;
    // Published ten days before the Art. 49 date, with a section 五 written
    // by the office (sections 一 and 六 are generated from the records).
    const ReportActor actor{
        std::string(kDemoActor), auth::Role::kSysadmin,
        ReportDueDate(**agency, year).AddDays(-10).ToString() + "T09:00:00+08:00"};
    if (Status s = SaveReportNarrative(
            store, plan.agency_id, year, "五",
            "本年度政府信息公开工作仍存在一些不足：一是政策解读的形式还不够丰富，图解、视频等"
            "解读方式运用较少；二是依申请公开办理的规范化水平有待进一步提升。\n下一步，将加强"
            "政策解读，丰富解读形式；严格执行《中华人民共和国政府信息公开条例》规定的答复期限"
            "和答复规范，加强对工作人员的业务培训。",
            actor);
        !s.ok()) {
      return s;
    }
    if (Status s = PublishAnnualReport(store, cal, plan.agency_id, year, actor); !s.ok()) {
      return Status::Internal("demo report " + plan.agency_id + " " + std::to_string(year) + ": " +
                              s.message());
    }
    ++out->reports_published;
  }
  return Status::Ok();
}

// The 政策解读 of the 文登 裁量基准 is linked to it, and the 裁量基准 carries
// its text as a DOCX attachment, so the portal shows both.
Status LinkDemoRecords(store::Store& store, std::string_view now) {
  auto& rs = store.records();
  auto basis = rs.RecordIdByIndexNo("weihai-wendeng-zhifa", "WDZF/2024-00001");
  auto reading = rs.RecordIdByIndexNo("weihai-wendeng-zhifa", "WDZF/2024-00002");
  if (!basis.ok()) return basis.status();
  if (!reading.ok()) return reading.status();
  if (!*basis || !*reading) return Status::Internal("demo records WDZF/2024-00001/00002 missing");
  const store::RecordChange change{"demo", "link", "关联解读：WDZF/2024-00001", std::string(now)};
  auto cur = rs.GetRecord(**reading);
  if (!cur.ok()) return cur.status();
  if (Status s = rs.AddRecordLink({**reading, **basis, "interprets", std::string(now), "demo"},
                                  (*cur)->revision, change);
      !s.ok())
    return s;

  letters::Letter doc;
  doc.title = "文登区综合行政执法局行政处罚裁量基准";
  doc.paragraphs = {"第一条 为规范行政处罚自由裁量权的行使，根据《中华人民共和国行政处罚法》制定本基准。",
                    "第二条 违法情节分为轻微、一般、较重、严重四档，分别适用不同的处罚幅度。",
                    "第三条 初次违法且危害后果轻微并及时改正的，可以不予行政处罚。"};
  doc.issuer = "威海市文登区综合行政执法局";
  doc.date = *Date::Parse("2024-03-11");
  auto bytes = letters::RenderDocx(doc);
  if (!bytes.ok()) return bytes.status();
  store::AttachmentRow a;
  a.record_id = **basis;
  a.filename = "行政处罚裁量基准.docx";
  a.sha256 = Sha256Hex(*bytes);
  a.media_type = std::string(catalog::MediaType(catalog::AttachmentType::kDocx));
  a.size = static_cast<int64_t>(bytes->size());
  auto text = ingest::DocxToText(*bytes);
  if (!text.ok()) return text.status();
  a.text = std::move(*text);
  a.added_at = std::string(now);
  a.added_by = "demo";
  if (Status s = store.PutDocument(a.sha256, a.media_type, *bytes, now); !s.ok()) return s;
  cur = rs.GetRecord(**basis);
  if (!cur.ok()) return cur.status();
  return rs.AddAttachment(a, (*cur)->revision,
                          {"demo", "attach", "添加附件 " + a.filename, std::string(now)})
      .status();
}

}  // namespace

Result<DemoLoadResult> LoadDemo(store::Store& store, const law::Calendar& cal,
                                std::string_view now) {
  auto out = LoadDemoAgencies(store, now);
  if (!out.ok()) return out;
  // The sample records of the portal (data/records/demo.jsonl), once.
  auto before = store.records().AgencyRecordsForReport("weihai-lingang");
  if (!before.ok()) return before.status();
  for (const demo::AgencyPlan& plan : demo::Plans(cal)) {
    if (Status s = LoadPlan(store, cal, plan, now, &*out); !s.ok()) return s;
  }
  if (before->empty()) {
    auto n = ImportRecords(store, gk::embedded::DemoRecordsJsonl(), now);
    if (!n.ok()) return Status::Internal("demo sample records: " + n.status().message());
    out->records_added += static_cast<int>(*n);
    if (Status s = LinkDemoRecords(store, now); !s.ok())
      return Status::Internal("demo record links: " + s.message());
  }
  return out;
}

}  // namespace gk::app
