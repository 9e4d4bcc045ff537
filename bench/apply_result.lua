-- wrk script for scripts/bench-pg.sh: every request is a new online
-- application (POST /api/v1/applications, as bench/apply.lua); prints one
-- "result:" line with applications per second (201 answers only) and the
-- latency percentiles.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"agency_id":"weihai-lingang","applicant_type":"natural_person","name":"张三",' ..
           '"id_number":"11010519491231002X","phone":"13800138000","address":"威海市",' ..
           '"description":"某项目的立项批复文件","form":"electronic","delivery":"email",' ..
           '"email":"a@example.cn"}'

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local ok = summary.requests - summary.errors.status
  io.write(string.format(
    "result: requests=%d created_per_s=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, ok / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
