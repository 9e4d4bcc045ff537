-- wrk script: every request is a new online application (POST /api/v1/applications).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"agency_id":"weihai-lingang","applicant_type":"natural_person","name":"张三",' ..
           '"id_number":"11010519491231002X","phone":"13800138000","address":"威海市",' ..
           '"description":"某项目的立项批复文件","form":"electronic","delivery":"email",' ..
           '"email":"a@example.cn"}'

local created, other = 0, 0
response = function(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("latency p50 %.1f ms, p99 %.1f ms\n",
                         latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
