-- bench/soak.lua: wrk script of the soak test.  Mixed reads and writes on
-- one app, chosen by the first argument ("billing" or "auth"); counts
-- 201/200 writes and 5xx per thread and prints one RESULT line at the end.
local threads = {}

function setup(thread)
	table.insert(threads, thread)
end

function init(args)
	app = args[1]
	token = args[2]
	arg3 = args[3]
	maxid = tonumber(args[4] or "1")
	counter = 0
	writes_ok = 0
	n5xx = 0
	other = 0
	last_write = false
	last_login = os.time()
	hdr = { ["Authorization"] = "Bearer " .. token,
		["Content-Type"] = "application/json" }
end

function request()
	counter = counter + 1
	local r = counter % 20
	last_write = false
	if app == "billing" then
		if r < 6 then
			last_write = true
			return wrk.format("POST", "/invoices", hdr,
			    '{"customer_id":' .. arg3 .. ',"amount_cents":' ..
			    counter .. ',"currency":"EUR"}')
		elseif r < 10 then
			return wrk.format("GET", "/invoices?limit=10", hdr)
		else
			return wrk.format("GET", "/invoices/" .. (1 + counter % maxid), hdr)
		end
	else
		-- A login costs an argon2id hash (64 MiB and about 0.3 s of a
		-- core, on a task thread): one a second, as token checks
		-- outnumber logins in real traffic.  A rate tied to the request
		-- count (one in 1,000) grew with the machine's speed: at 2,600
		-- requests a second on CI the hashes queued up faster than the
		-- 2 cores could run them, and logins waited over 10 s.
		local now = os.time()
		if now ~= last_login then
			last_login = now
			last_write = true
			return wrk.format("POST", "/tokens",
			    { ["Content-Type"] = "application/json" }, arg3)
		else
			return wrk.format("GET", "/users/me", hdr)
		end
	end
end

function response(status, headers, body)
	if status >= 500 then
		n5xx = n5xx + 1
	elseif status == 201 or (status == 200 and app == "auth" and
	    string.find(body, "access_token", 1, true)) then
		writes_ok = writes_ok + 1
	elseif status ~= 200 then
		other = other + 1
	end
end

-- No latency figure: for this script wrk's mean latency came out 28
-- times what connections x duration / requests allows (137 ms against
-- 4.9 ms), so it is not per request; bench_apps.sh measures latency.
function done(summary, latency, requests)
	local w, f, o = 0, 0, 0
	for _, t in ipairs(threads) do
		w = w + t:get("writes_ok")
		f = f + t:get("n5xx")
		o = o + t:get("other")
	end
	local e = summary.errors
	io.write(string.format("RESULT requests=%d writes_ok=%d n5xx=%d other=%d " ..
	    "socket_errors=%d timeouts=%d rps=%.0f\n",
	    summary.requests, w, f, o, e.connect + e.read + e.write,
	    e.timeout, summary.requests / (summary.duration / 1e6)))
end
