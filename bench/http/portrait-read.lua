-- wrk script: random demo users' portraits, paced so that `connections` x 1000 / delay_ms
-- requests per second are offered (wrk -c 10 with delay 10 ms ~ 1,000 req/s).
local users = tonumber(os.getenv("USERS") or "10000")
local delay_ms = tonumber(os.getenv("DELAY_MS") or "10")
math.randomseed(42)
-- the session of a signed-in risk analyst (portrait-read.sh signs in once)
wrk.headers["Cookie"] = os.getenv("HX_COOKIE") or ""

request = function()
  local path = string.format("/api/v1/users/demo-%07d/portrait", math.random(0, users - 1))
  return wrk.format("GET", path)
end

delay = function()
  return delay_ms
end

done = function(summary, latency, requests)
  io.write(string.format("achieved %.0f req/s, non-2xx/errors %d\n",
    summary.requests / (summary.duration / 1e6), summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.write + summary.errors.timeout))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("p%s %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
