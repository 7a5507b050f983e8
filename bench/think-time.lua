-- wrk script of bench/shop-load.sh with THINK_TIME: every signed-in session (cookies in the file named by the first
-- script argument) asks for the method and path given as the next two arguments once, then again after a think time
-- drawn uniformly between the fifth and sixth arguments (milliseconds), and so on (the seventh: wrk's thread count): the load many users put on a site,
-- not as fast as the connections go. Each wrk thread keeps the schedule of its share of the sessions; a connection
-- waits (wrk's delay()) until the next session of the schedule is due and then sends its request, so the rate is the
-- sessions' and does not slow down with the server while connections are free. A request sent more than 100 ms after
-- its session was due counts as late: more than a few late ones mean the generator or the server fell behind and the
-- run did not offer the load it names.
-- Prints the count of each status >= 300 on stderr, and one line: requests/s, p50 and p99 in ms, non-2xx answers, socket errors, requests and late requests.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } usersession_timespec;
  int clock_gettime(int clock, usersession_timespec *time);
]]
local CLOCK_MONOTONIC = 1
local clock = ffi.new("usersession_timespec")
local function now()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local threads = {}
local cookies, due = {}, {}
local heap = {} -- session indexes, earliest due first
local claimed, first_claimed, last_claimed = {}, 1, 0 -- sessions handed to waiting connections, in due order
local method, path, origin, think_min, think_max
late = 0

local function swap(i, j) heap[i], heap[j] = heap[j], heap[i] end

local function push(session)
  heap[#heap + 1] = session
  local i = #heap
  while i > 1 and due[heap[math.floor(i / 2)]] > due[heap[i]] do
    swap(i, math.floor(i / 2))
    i = math.floor(i / 2)
  end
end

local function pop()
  local top = heap[1]
  heap[1] = heap[#heap]
  heap[#heap] = nil
  local i = 1
  while true do
    local smallest, left, right = i, 2 * i, 2 * i + 1
    if left <= #heap and due[heap[left]] < due[heap[smallest]] then smallest = left end
    if right <= #heap and due[heap[right]] < due[heap[smallest]] then smallest = right end
    if smallest == i then return top end
    swap(i, smallest)
    i = smallest
  end
end

local function think() return think_min + math.random() * (think_max - think_min) end

function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  method, path, origin = args[2], args[3], args[4]
  think_min, think_max = tonumber(args[5]), tonumber(args[6])
  local thread_count = tonumber(args[7])
  math.randomseed(os.time() + (id or 0))
  local start, index = now(), 0
  for line in io.lines(args[1]) do
    if index % thread_count == (id or 0) then -- this thread's share of the sessions
      cookies[#cookies + 1] = line
      due[#cookies] = start + math.random() * think_max
      push(#cookies)
    end
    index = index + 1
  end
end

function delay()
  local session = pop()
  local wait = due[session] - now()
  last_claimed = last_claimed + 1
  claimed[last_claimed] = session
  due[session] = due[session] + think()
  push(session)
  if wait < -100 then late = late + 1 end
  return math.max(0, math.floor(wait))
end

function request()
  local session = claimed[first_claimed]
  claimed[first_claimed] = nil
  first_claimed = first_claimed + 1
  return wrk.format(method, path, { ["Cookie"] = cookies[session], ["Origin"] = origin })
end

local statuses = {}
status_summary = "" -- wrk passes strings between threads, not tables
function response(status, headers, body)
  if status >= 300 then
    statuses[status] = (statuses[status] or 0) + 1
    local parts = {}
    for code, count in pairs(statuses) do parts[#parts + 1] = code .. ":" .. count end
    status_summary = table.concat(parts, " ")
  end
end

function done(summary, latency, requests)
  local seconds, behind = summary.duration / 1e6, 0
  for _, thread in ipairs(threads) do
    behind = behind + (thread:get("late") or 0)
    local summary = thread:get("status_summary")
    if summary and summary ~= "" then io.stderr:write("statuses " .. summary .. "\n") end
  end
  io.write(string.format("RESULT %.0f %.2f %.2f %d %d %d %d\n", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.requests,
    behind))
end
