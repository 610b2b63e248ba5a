-- wrk: POST /v1/conversions with the Bearer key $API_KEY, a click id of the file $CLICKS_FILE (round robin) and a
-- fresh txn_id per request ($TXN_PREFIX, the thread, a counter), as an advertiser's server reports sales.
local next_id = 1
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  clicks = {}
  for line in io.lines(os.getenv("CLICKS_FILE")) do clicks[#clicks + 1] = line end
  prefix = os.getenv("TXN_PREFIX") .. "-" .. id .. "-"
  counter = 0
  wrk.method = "POST"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("API_KEY")
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local click = clicks[(counter % #clicks) + 1]
  return wrk.format(nil, nil, nil,
    '{"click_id":"' .. click .. '","txn_id":"' .. prefix .. counter .. '","amount":19.90}')
end
