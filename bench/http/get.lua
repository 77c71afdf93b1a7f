-- GET one customer, cycling through the ids in $FC_IDS.
package.path = os.getenv("FC_LUA") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
done = c.done
local ids, i, hdr
init = function()
  ids = c.lines(os.getenv("FC_IDS"))
  i = (tid or 0) * 997
  hdr = c.headers()
end
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/customers/" .. ids[(i % #ids) + 1], hdr)
end
