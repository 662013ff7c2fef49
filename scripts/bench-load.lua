-- wrk script of scripts/bench-load: cycles through the request paths of the file named by env PATHS (one a line);
-- with env BODY (a file), or BODIES (a file naming one body file a line, cycled through), every request is a POST of
-- that body (Content-Type application/geo+json, and
-- "Authorization: Bearer $TAPAK_TOKEN" when set). Counts answers by class and prints "status: 2xx N 4xx N 5xx N
-- (503 N)" at the end, so 5xx are told apart from the 4xx a refusal is.
local paths, bodies, headers = {}, {}, {}
for line in io.lines(os.getenv("PATHS")) do if #line > 0 then paths[#paths + 1] = line end end
local function slurp(name) local f = io.open(name, "rb"); local b = f:read("*a"); f:close(); return b end
if os.getenv("BODY") and #os.getenv("BODY") > 0 then bodies[1] = slurp(os.getenv("BODY")) end
if os.getenv("BODIES") and #os.getenv("BODIES") > 0 then
  for line in io.lines(os.getenv("BODIES")) do if #line > 0 then bodies[#bodies + 1] = slurp(line) end end
end
if #bodies > 0 then
  headers["Content-Type"] = "application/geo+json"
  if os.getenv("TAPAK_TOKEN") and #os.getenv("TAPAK_TOKEN") > 0 then
    headers["Authorization"] = "Bearer " .. os.getenv("TAPAK_TOKEN")
  end
end
local threads, counter = {}, 0
function setup(thread)
  thread:set("offset", counter * 7); counter = counter + 1; table.insert(threads, thread)
end
-- globals (not local): done() reads them from each thread with thread:get
i = 0; c2 = 0; c4 = 0; c5 = 0; c503 = 0
function init(args) i = tonumber(offset) or 0 end
function request()
  i = i + 1
  if #bodies > 0 then return wrk.format("POST", paths[(i - 1) % #paths + 1], headers, bodies[(i - 1) % #bodies + 1]) end
  return wrk.format("GET", paths[(i - 1) % #paths + 1])
end
function response(status, hdrs, b)
  if status >= 500 then c5 = c5 + 1; if status == 503 then c503 = c503 + 1 end
  elseif status >= 400 then c4 = c4 + 1 elseif status >= 200 and status < 300 then c2 = c2 + 1 end
end
function done(summary, latency, requests)
  local t = {0, 0, 0, 0}
  for _, th in ipairs(threads) do
    t[1] = t[1] + (tonumber(th:get("c2")) or 0); t[2] = t[2] + (tonumber(th:get("c4")) or 0)
    t[3] = t[3] + (tonumber(th:get("c5")) or 0); t[4] = t[4] + (tonumber(th:get("c503")) or 0)
  end
  io.write(string.format("status: 2xx %d 4xx %d 5xx %d (503 %d)\n", t[1], t[2], t[3], t[4]))
end
