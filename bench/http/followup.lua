-- POST /api/v1/leads/{id}/follow-ups. Each thread works its share of the leads in $FC_LEADS
-- ("id version" a line, later lines win: each logged follow-up appends the lead's new version,
-- so the next run starts from the versions this one left); a logged follow-up bumps the lead's
-- version by one, and the lead goes back to the end of the thread's queue with it.
package.path = os.getenv("FC_LUA") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
done = c.done
local queue, head, tail, hdr, inflight, log
local grades = { "H", "A", "B", "C" }
init = function()
  queue, head, tail, inflight = {}, 1, 0, {}
  local me, all = tid or 0, nthreads or 1
  local latest, order = {}, {}
  for _, line in ipairs(c.lines(os.getenv("FC_LEADS"))) do
    local id, version = line:match("^(%S+)%s+(%d+)")
    if id then
      if latest[id] == nil then order[#order + 1] = id end
      latest[id] = tonumber(version)
    end
  end
  for k, id in ipairs(order) do
    if (k - 1) % all == me then
      tail = tail + 1
      queue[tail] = { id = id, version = latest[id] }
    end
  end
  log = assert(io.open(os.getenv("FC_LEADS"), "a"))
  hdr = c.headers({ ["Content-Type"] = "application/json", ["x-csrf-token"] = c.csrf })
end
request = function()
  local lead = queue[head]
  if lead == nil then
    -- every lead of this thread is in flight or was refused: try the first again
    lead = inflight[1] or { id = "00000000-0000-0000-0000-000000000000", version = 1 }
  else
    queue[head] = nil
    head = head + 1
  end
  inflight[#inflight + 1] = lead
  local body = string.format(
    '{"version":%d,"channel":"phone","summary":"电话回访，客户考虑中","grade":"%s","next_step":"邀请周六试驾"}',
    lead.version, grades[(lead.version % 4) + 1])
  return wrk.format("POST", "/api/v1/leads/" .. lead.id .. "/follow-ups", hdr, body)
end
response = function(status, headers, body)
  -- responses on one connection come in order, but a thread has several connections: find
  -- the lead by the id in the answer.
  local id = body:match('^{"id":"([%x%-]+)"')
  for k, lead in ipairs(inflight) do
    if lead.id == id or (id == nil and k == 1) then
      table.remove(inflight, k)
      if status == 200 then
        lead.version = lead.version + 1
        log:write(lead.id, " ", lead.version, "\n")
        log:flush()
        tail = tail + 1
        queue[tail] = lead
      end
      return
    end
  end
end
