-- wrk script: loan applications POSTed to /api/v1/decisions with a `decide` API key.
-- Key material comes from a per-thread counter run through a multiplicative hash, so users,
-- devices, IPs, resident ID numbers and phones are drawn from spaces of >= 1,000,000 values each
-- (devices and IPs: 4,194,304), never from a small pool the caches would keep hot.
-- PORTRAIT_SHARE of the applications come from demo users (demo-0000000 ... demo-<DEMO_USERS-1>),
-- who have portraits and consent, so they run the whole strategy and approvals reserve funding;
-- the rest come from users without a portrait (declined: no consent to credit assessment).
-- Optional pacing: DELAY_MS per request and connection (offered rate ~ connections x 1000 / DELAY_MS).
local api_key = os.getenv("HX_API_KEY") or ""
local run = os.getenv("RUN") or tostring(os.time())
local demo_users = tonumber(os.getenv("DEMO_USERS") or "10000")
local portrait_share = tonumber(os.getenv("PORTRAIT_SHARE") or "0.5")
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local threads = {}
local counter = 0
local stride = tonumber(os.getenv("WRK_THREADS") or "2")
offset = 0 -- set per thread by setup (a global: thread:set writes the thread's globals)

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = api_key

setup = function(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end

-- Knuth's multiplicative hash into [0, 2^bits): exact in doubles while counter < 3.4 million
local function spread(n, salt, bits)
  local m = 2 ^ bits
  return math.floor(((n + salt) * 2654435761) % 4294967296 / (4294967296 / m))
end

-- ISO 7064 MOD 11-2 check character of the first 17 digits of a resident ID number
local weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
local checks = "10X98765432"
local function id_number(n)
  local days = spread(n, 11, 20) % 10950             -- born 1970-01-01 + up to 30 years
  local t = os.date("!*t", days * 86400)
  local first17 = string.format("110105%04d%02d%02d%03d", t.year, t.month, t.day, n % 1000)
  local sum = 0
  for i = 1, 17 do
    sum = sum + tonumber(first17:sub(i, i)) * weights[i]
  end
  local c = (sum % 11) + 1
  return first17 .. checks:sub(c, c)
end

request = function()
  counter = counter + 1
  local n = offset + counter * stride
  local user
  if (spread(n, 3, 20) % 1000) < portrait_share * 1000 then
    user = string.format("demo-%07d", spread(n, 5, 20) % demo_users)
  else
    user = string.format("bu-%07d", spread(n, 7, 20))       -- 1,048,576 users
  end
  local body = string.format(
    '{"request_id":"b-%s-%d","user_id":"%s","product":"consumption","amount":%d,' ..
    '"term_months":%d,"purpose":"consumption","monthly_income":%d,"id_number":"%s",' ..
    '"phone":"139%08d","device_id":"dev-%d","ip":"10.%d.%d.%d","city":"杭州","channel":"app"}',
    run, n, user, 1000 * (1 + n % 30), ({3, 6, 12, 24})[1 + n % 4], 5000 + 1000 * (n % 25),
    id_number(n), spread(n, 13, 26) % 100000000, spread(n, 17, 22),
    spread(n, 19, 8), spread(n, 23, 8), spread(n, 29, 6))
  return wrk.format(nil, "/api/v1/decisions", nil, body)
end

if delay_ms > 0 then
  delay = function()
    return delay_ms
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format("requests %d in %.1f s: achieved %.0f decisions/s; non-2xx %d, socket errors %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.status, errors))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("p%s %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max %.2f ms\n", latency.max / 1000))
end
