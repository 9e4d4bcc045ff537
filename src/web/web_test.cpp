#include <gtest/gtest.h>

#include "web/html.h"
#include "web/request_log.h"

namespace gk::web {
namespace {

TEST(Html, EscapesMarkup) {
  EXPECT_EQ(EscapeHtml("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(EscapeHtml("政府信息公开"), "政府信息公开");
}

TEST(RequestLog, RedactsSecrets) {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"/track", "/track"},
      {"/a?query_code=ab12", "/a?query_code=***"},
      {"/a?x=1&password=p&y=2", "/a?x=1&password=***&y=2"},
      {"/a?token=t&code=c&csrf=z", "/a?token=***&code=***&csrf=***"},
      {"/a?q=query_code", "/a?q=query_code"},
      {"/a?flag", "/a?flag"},
  };
  for (const auto& c : cases) EXPECT_EQ(RedactQuery(c.in), c.out) << c.in;
}

}  // namespace
}  // namespace gk::web
