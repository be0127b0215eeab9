#!/usr/bin/env bash
# 50_apps_browser.sh: the API reference pages as a person sees them:
# headless Chromium (Debian's) loads http://127.0.0.1:<port>/ of each app,
# Swagger UI renders openapi.json, and the rendered page lists every
# route of the app.
. "$TOP/tests/apps-lib.sh"
if ! command -v chromium >/dev/null; then
	fail "chromium is installed (ci/packages.txt)"
	exit 0
fi
DB=apps_browser
apps_db $DB || { fail "fresh database"; exit 1; }
app_start auth $DB auth
app_start billing $DB billing

# render URL OUT: the DOM after scripts ran (virtual time lets the page
# fetch openapi.json and render before the dump).
render() {
	local profile
	profile=$(mktemp -d "$TEST_TMP/chromium.XXXXXX")
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --no-first-run --disable-quic \
	    --user-data-dir="$profile" --virtual-time-budget=15000 \
	    --dump-dom "$1" > "$2" 2> "$2.err"
}

for app in auth billing; do
	port_var=PORT_$app
	render "http://127.0.0.1:${!port_var}/" "$TEST_TMP/$app.html"
	check_contains "$app: page title" "<title>$app API reference</title>" "$(cat "$TEST_TMP/$app.html")"
	rendered=$(grep -o 'class="opblock-summary-method">[A-Z]*</span>.\{0,400\}data-path="[^"]*"' "$TEST_TMP/$app.html" |
	    sed 's/.*opblock-summary-method">\([A-Z]*\)<.*data-path="\([^"]*\)"/\1 \2/' | sort | paste -sd '|')
	expected=$(python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
print("|".join(sorted(m.upper()+" "+p for p in d["paths"] for m in d["paths"][p])))' "apps/$app/openapi.json")
	check_eq "$app: the rendered reference lists every route" "$expected" "$rendered"
done
check_contains "billing: the reference shows the pay operation's summary" "Pay an open invoice" \
    "$(cat "$TEST_TMP/billing.html")"
