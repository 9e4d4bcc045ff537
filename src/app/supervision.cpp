#include "app/supervision.h"

#include "app/annual_report.h"
#include "app/report_files.h"
#include "core/hash.h"
#include "report/json.h"
#include "report/validate.h"

namespace gk::app {

Result<std::optional<store::SubmissionRow>> LatestSubmission(store::Store& store,
                                                             std::string_view agency_id,
                                                             int year) {
  auto rows = store.Submissions(agency_id, year);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<store::SubmissionRow>();
  return std::optional<store::SubmissionRow>(std::move(rows->back()));
}

Status SubmitReport(store::Store& store, const StaffUser& user, std::string_view agency_id,
                    int year, std::string_view now) {
  const bool head = user.role == auth::Role::kAgencyAdmin && user.agency_id == agency_id;
  if (!head && user.role != auth::Role::kSysadmin) {
    return Status::Forbidden("只有本机关负责人可以报送年度报告");
  }
  auto published = LoadPublishedReport(store, agency_id, year);
  if (!published.ok()) return published.status();
  if (!published->has_value()) {
    return Status::FailedPrecondition("请先发布" + std::to_string(year) + "年度报告，再报送");
  }
  auto last = LatestSubmission(store, agency_id, year);
  if (!last.ok()) return last.status();
  if (last->has_value() && (*last)->action != "return") {
    return Status::FailedPrecondition((*last)->action == "accept" ? "该年度报告已被主管部门接收"
                                                                  : "该年度报告已报送，等待主管部门审核");
  }
  store::SubmissionRow row{0, std::string(agency_id), year, "submit", "", user.username,
                           std::string(now)};
  Status s = store.AddSubmission(row, last->has_value() ? (*last)->id : 0);
  return s.code() == StatusCode::kConflict ? Status::Conflict("其间报送状态已变化，请刷新后重试") : s;
}

Status ReviewSubmission(store::Store& store, const StaffUser& supervisor,
                        std::string_view agency_id, int year, bool accept, std::string_view note,
                        std::string_view now) {
  auto agencies = store.ListAgencies();
  if (!agencies.ok()) return agencies.status();
  if (supervisor.role != auth::Role::kSupervisor ||
      !CanSeeAgency(*agencies, supervisor, agency_id)) {
    return Status::Forbidden("只有主管部门可以审核其管辖机关报送的年度报告");
  }
  std::string why(note);
  if (!accept && why.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::Invalid("note：退回时请写明需要修改的问题");
  }
  if (why.size() > 5000) return Status::Invalid("note：说明过长（不超过5000字节）");
  auto last = LatestSubmission(store, agency_id, year);
  if (!last.ok()) return last.status();
  if (!last->has_value() || (*last)->action != "submit") {
    return Status::FailedPrecondition("该年度报告尚未报送或已处理");
  }
  store::SubmissionRow row{0,     std::string(agency_id),      year, accept ? "accept" : "return",
                           why,   supervisor.username,         std::string(now)};
  Status s = store.AddSubmission(row, (*last)->id);
  return s.code() == StatusCode::kConflict ? Status::Conflict("其间报送状态已变化，请刷新后重试") : s;
}

Result<store::ExternalReportRow> CheckUploadedReport(store::Store& store,
                                                     const StaffUser& supervisor,
                                                     std::string_view filename,
                                                     std::string_view bytes,
                                                     std::string_view now) {
  if (supervisor.role != auth::Role::kSupervisor && supervisor.role != auth::Role::kSysadmin) {
    return Status::Forbidden("只有主管部门可以上传和核查年度报告");
  }
  if (bytes.empty()) return Status::Invalid("file：请选择要核查的年度报告文件");
  if (bytes.size() > 20 * 1024 * 1024) return Status::Invalid("file：文件不能超过20 MiB");
  std::string name(filename.substr(0, 200));
  if (name.empty()) name = "report";
  auto report = ReadReport(bytes, name, {});
  if (!report.ok()) {
    return Status::Unreadable("无法读取该文件中的年度报告：" + report.status().message());
  }
  const std::vector<report::Finding> findings = report::Validate(*report);
  store::ExternalReportRow row;
  row.filename = name;
  row.sha256 = Sha256Hex(bytes);
  row.agency = report->agency;
  row.year = report->year;
  for (const report::Finding& f : findings) {
    (f.severity == report::Severity::kError ? row.errors : row.warnings) += 1;
  }
  row.result = report::WriteCheckResultJson(name, &*report, findings);
  row.uploaded_by = supervisor.username;
  row.scope = supervisor.agency_id;
  row.at = std::string(now);
  if (Status s = store.PutDocument(row.sha256, "application/octet-stream", bytes, now); !s.ok()) {
    return s;
  }
  if (Status s = store.AddExternalReport(row); !s.ok()) return s;
  return row;
}

}  // namespace gk::app
