-- wrk script: requests drawn at random from a list of paths, answers counted by status
-- class, by X-Page-Cache and by second.
--
--     wrk -t2 -c32 -d60s -s bench/reliability/mix.lua http://127.0.0.1:8201 -- PATHS_FILE
--
-- PATHS_FILE has one path per line. In a path, %w becomes a word drawn from WORDS and %n a
-- number from 1 to 5, so that searches vary and some of them miss the page cache.
-- done() prints one line starting with "MIX " and holding JSON, which run.py reads.

local WORDS = {
  "meetings", "virtual", "budget", "citizens", "plans", "mobility", "park", "app",
  "newsletter", "complaints", "social", "media", "river", "guide", "pilot", "shops",
  "consultation", "platform", "calendar", "tourists",
}

local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

paths = {}
statuses = {}     -- "2xx", "3xx", "4xx", "429", "5xx" -> count
cache = {}        -- X-Page-Cache value ("none" when absent) -> count
seconds = {}      -- unix second -> count of answers
bad_seconds = {}  -- unix second -> count of 5xx answers

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      table.insert(paths, line)
    end
  end
  math.randomseed(os.time() * 100 + id)
end

function request()
  local path = paths[math.random(#paths)]
  path = path:gsub("%%w", function() return WORDS[math.random(#WORDS)] end)
  path = path:gsub("%%n", function() return tostring(math.random(5)) end)
  return wrk.format("GET", path)
end

local function bump(tbl, key)
  tbl[key] = (tbl[key] or 0) + 1
end

function response(status, headers, body)
  local class
  if status == 429 then
    class = "429"
  else
    class = tostring(math.floor(status / 100)) .. "xx"
  end
  bump(statuses, class)
  bump(cache, headers["X-Page-Cache"] or "none")
  local now = os.time()
  bump(seconds, now)
  if status >= 500 then
    bump(bad_seconds, now)
  end
end

-- A minimal JSON writer for tables of strings or numbers to numbers.
local function object(tbl)
  local parts = {}
  for key, value in pairs(tbl) do
    table.insert(parts, string.format('"%s": %d', tostring(key), value))
  end
  return "{" .. table.concat(parts, ", ") .. "}"
end

local function add_into(total, tbl)
  for key, value in pairs(tbl) do
    total[key] = (total[key] or 0) + value
  end
end

function done(summary, latency, requests)
  local all = { statuses = {}, cache = {}, seconds = {}, bad_seconds = {} }
  for _, thread in ipairs(threads) do
    for name, total in pairs(all) do
      add_into(total, thread:get(name))
    end
  end
  local e = summary.errors
  io.write("MIX {")
  io.write(string.format('"requests": %d, "duration_s": %.3f, ', summary.requests, summary.duration / 1e6))
  io.write(string.format('"p50_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, ',
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format('"errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d}, ',
    e.connect, e.read, e.write, e.timeout))
  io.write('"statuses": ' .. object(all.statuses) .. ', ')
  io.write('"cache": ' .. object(all.cache) .. ', ')
  io.write('"seconds": ' .. object(all.seconds) .. ', ')
  io.write('"bad_seconds": ' .. object(all.bad_seconds) .. '}\n')
end
