-- Seeds leads: POST /api/v1/leads for a new customer; each created lead's id is appended to
-- $FC_LEADS_OUT (one a line) for the follow-up scenario.
package.path = os.getenv("FC_LUA") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
done = c.done
local n, hdr, base, out
init = function()
  n = 0
  base = os.getenv("FC_PHONE_BASE") or "2000"
  hdr = c.headers({ ["Content-Type"] = "application/json", ["x-csrf-token"] = c.csrf })
  out = assert(io.open(os.getenv("FC_LEADS_OUT"), "a"))
end
request = function()
  n = n + 1
  local phone = string.format("17%s%d%04d", base, tid or 0, n % 10000)
  local body = string.format(
    '{"customer":{"name":"线索客户%d","phones":[{"number":"%s"}]},"source":"phone","grade":"B","model_text":"Model %d"}',
    n, phone, n % 50)
  return wrk.format("POST", "/api/v1/leads", hdr, body)
end
response = function(status, headers, body)
  if status == 201 or status == 200 then
    local id = body:match('^{"id":"([%x%-]+)"')
    if id then out:write(id, "\n"); out:flush() end
  end
end
