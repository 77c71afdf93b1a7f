-- Search by the first two characters of a generated name ($FC_NAMES, one name a line).
package.path = os.getenv("FC_LUA") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
done = c.done
local paths, i, hdr
init = function()
  paths = {}
  for _, name in ipairs(c.lines(os.getenv("FC_NAMES"))) do
    -- the first two UTF-8 characters (CJK: 3 bytes each)
    local two = name:match("^[%z\1-\127\194-\244][\128-\191]*[%z\1-\127\194-\244][\128-\191]*")
    if two then paths[#paths + 1] = "/api/v1/customers/search?q=" .. c.urlencode(two) end
  end
  i = (tid or 0) * 131
  hdr = c.headers()
end
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], hdr)
end
