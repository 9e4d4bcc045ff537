#include "app/demo.h"

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

Result<DemoLoadResult> LoadDemo(store::Store& store, std::string_view now) {
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

}  // namespace gk::app
