-- bench/web.py's mixed traffic: each wrk thread cycles through the (cookie, page) pairs of the
-- file given after "--", one line each: "<Cookie header value>\t<path>".
local requests = {}
local next_index = 1
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  for line in io.lines(args[1]) do
    local cookie, path = line:match("^([^\t]*)\t(.+)$")
    if cookie then
      requests[#requests + 1] = wrk.format("GET", path, { ["Cookie"] = cookie })
    end
  end
  -- threads start at different places in the list
  next_index = (thread_number * 7919) % #requests
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end
