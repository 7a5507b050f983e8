-- wrk script of bench/shop-load.sh: one request of the example shop's API per call, each with the next of the
-- signed-in sessions' cookies (file named by the first script argument), the method and path given as the next two
-- arguments. Prints one line: requests/s, p50 and p99 in ms, non-2xx answers and socket errors.
local cookies = {}
local method, path, origin
local next_cookie = 0

function setup(thread)
  thread:set("offset", math.random(0, 1000))
end

function init(args)
  for line in io.lines(args[1]) do
    cookies[#cookies + 1] = line
  end
  method, path, origin = args[2], args[3], args[4]
  next_cookie = (offset or 0) % #cookies
end

function request()
  next_cookie = next_cookie % #cookies + 1
  return wrk.format(method, path, { ["Cookie"] = cookies[next_cookie], ["Origin"] = origin })
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT %.0f %.2f %.2f %d %d %d\n", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.requests))
end
