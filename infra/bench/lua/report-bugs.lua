-- POST /v1/campaigns/:id/bugs, rotating over the generated testers and the campaigns each joined (the file named by
-- $TESTERS_FILE: "key testerId campaign..." per line). Each wrk thread starts at its own place in the rotation.
local reports = {}
local next_report = 0
local body = '{"title":"Crash when saving","severity":"high","steps":"1. Open the editor\\n2. Save",'
        .. '"expected":"Saved","actual":"The app closes","device":"Pixel 8"}'

function init(args)
    for line in io.lines(os.getenv("TESTERS_FILE")) do
        local fields = {}
        for field in line:gmatch("%S+") do fields[#fields + 1] = field end
        for k = 3, #fields do reports[#reports + 1] = { fields[1], fields[k] } end
    end
    math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16))
    next_report = math.random(#reports)
end

function request()
    next_report = next_report % #reports + 1
    local report = reports[next_report]
    return wrk.format("POST", "/v1/campaigns/" .. report[2] .. "/bugs",
            { ["Authorization"] = "Bearer " .. report[1], ["Content-Type"] = "application/json" }, body)
end
