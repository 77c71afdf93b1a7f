-- POST /api/v1/customers: a new person with a phone no earlier request used
-- ($FC_PHONE_BASE, 4 digits, differs per run; the thread and a counter make the rest).
package.path = os.getenv("FC_LUA") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
done = c.done
local n, hdr, base
local surnames = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周" }
local given = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳" }
init = function()
  n = 0
  base = os.getenv("FC_PHONE_BASE") or "1000"
  hdr = c.headers({ ["Content-Type"] = "application/json", ["x-csrf-token"] = c.csrf })
end
request = function()
  n = n + 1
  local phone = string.format("19%s%d%04d", base, tid or 0, n % 10000)
  local name = surnames[(n % #surnames) + 1] .. given[(n % #given) + 1] .. given[((n * 7) % #given) + 1]
  local body = string.format(
    '{"name":"%s","phones":[{"number":"%s"}],"source":"walk_in","tags":["bench"],"allow_duplicate":true}',
    name, phone)
  return wrk.format("POST", "/api/v1/customers", hdr, body)
end
