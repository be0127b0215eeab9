-- bench/post_invoice.lua: wrk script of bench_apps.sh: POST /invoices
-- with a bearer token (argument 1) for a customer (argument 2).
function init(args)
	wrk.method = "POST"
	wrk.headers["Authorization"] = "Bearer " .. args[1]
	wrk.headers["Content-Type"] = "application/json"
	wrk.body = '{"customer_id":' .. args[2] .. ',"amount_cents":4200}'
end
