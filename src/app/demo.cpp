#include "app/demo.h"

namespace gk::app {

std::span<const store::AgencyRow> DemoAgencies() {
  // kind decides the Art. 49 deadline: government → 31 March, department → 31 January.
  static const store::AgencyRow kAgencies[] = {
      {"weihai-jingkai", "威海经济技术开发区管理委员会", "government", std::nullopt, "JK"},
      {"weihai-lingang", "威海临港经济技术开发区管理委员会", "government", std::nullopt, "LG"},
      {"weihai-huoju", "威海火炬高技术产业开发区党政办公室", "government", std::nullopt, "HJ"},
      {"weihai-wendeng-zhifa", "威海市文登区综合行政执法局", "department", std::nullopt, "WDZF"},
      {"weihai-gongxin", "威海市工业和信息化局", "department", std::nullopt, "GX"},
  };
  return kAgencies;
}

Result<DemoLoadResult> LoadDemo(store::Store& store, std::string_view now) {
  DemoLoadResult out;
  for (const store::AgencyRow& a : DemoAgencies()) {
    auto r = store.InsertAgencyIfAbsent(a, now);
    if (!r.ok()) return r.status();
    if (*r) ++out.agencies_added;
  }
  return out;
}

}  // namespace gk::app
