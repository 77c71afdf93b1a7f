-- Shared by the wrk scripts: the session cookie and CSRF token come from the environment
-- (bench/http.sh logs in once), and each wrk thread gets a number for splitting work.
local M = {}

M.cookie = os.getenv("FC_COOKIE") or ""
M.csrf = os.getenv("FC_CSRF") or ""

function M.headers(extra)
  local h = { ["Cookie"] = "forecourt_session=" .. M.cookie, ["Accept"] = "application/json" }
  for k, v in pairs(extra or {}) do h[k] = v end
  return h
end

function M.lines(path)
  local out = {}
  local f = assert(io.open(path, "r"), "cannot open " .. path)
  for line in f:lines() do
    if #line > 0 then out[#out + 1] = line end
  end
  f:close()
  return out
end

function M.urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- wrk calls setup(thread) once per thread in the main state; the thread's own state reads
-- `tid` and `nthreads` from there. wrk runs each thread's init() right after its setup(), before
-- the next thread exists, so the number of threads comes from the caller (`FC_THREADS`, the
-- `-t` given to wrk): counting setups would tell the first thread it is alone, and two threads
-- would then work the same leads with each other's stale versions.
local counter = 0
function M.setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  thread:set("nthreads", tonumber(os.getenv("FC_THREADS") or "") or counter)
end

-- Prints one JSON line for bench/http.sh (latencies in microseconds).
function M.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"connect_errors":%d,"read_errors":%d,"write_errors":%d,"non_2xx":%d,"timeouts":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end

return M
