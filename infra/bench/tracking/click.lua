-- wrk: GET a tracking link (the URL wrk is given); keeps one click id in 50, read from the redirect's Location, in
-- $CLICKS_OUT.<thread>, for the postback runs to convert.
local next_id = 1
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  out = io.open(os.getenv("CLICKS_OUT") .. "." .. id, "a")
  seen = 0
end

function response(status, headers, body)
  seen = seen + 1
  if status == 302 and seen % 50 == 0 then
    local click = string.match(headers["Location"] or "", "click_id=(clk_%w+)")
    if click then out:write(click, "\n"); out:flush() end
  end
end
