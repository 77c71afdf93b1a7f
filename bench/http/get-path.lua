-- GET a fixed path ($FC_PATH) with the session cookie.
package.path = os.getenv("FC_LUA") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
done = c.done
local req
init = function()
  req = wrk.format("GET", os.getenv("FC_PATH"), c.headers())
end
request = function() return req end
