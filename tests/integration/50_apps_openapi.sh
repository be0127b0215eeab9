#!/usr/bin/env bash
# 50_apps_openapi.sh: the apps' OpenAPI documents lint clean with Redocly's
# recommended rules (npm @redocly/cli from package-lock.json, run offline
# from node_modules with redocly.yaml): 0 errors, 0 warnings; a document
# with the faults the rules exist for fails, naming rule, file and line.
. "$TOP/tests/lib.sh"
REDOCLY=$TOP/node_modules/.bin/redocly
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_COLOR=1
if [ ! -x "$REDOCLY" ]; then
	fail "@redocly/cli is installed (make deps: npm ci)"
	exit 0
fi
lock=$(python3 -c 'import json; print(json.load(open("package-lock.json"))["packages"]["node_modules/@redocly/cli"]["version"])' 2>&1)
check_eq "redocly is the version of package-lock.json" "$lock" "$(cd "$TOP" && "$REDOCLY" --version 2>/dev/null)"

cd "$TOP"
# lint ARGS...: OUT without the box about Node.js versions.
lint() {
	run_capture "$REDOCLY" lint --format=stylish "$@"
	OUT=$(printf '%s\n' "$OUT" | grep -v '[║╔╚]')
}
lint
check_eq "redocly lint (redocly.yaml: both apps, recommended): exit 0" 0 "$RC"
[ "$RC" = 0 ] || echo "$OUT" | sed 's/^/#   /'
check_contains "redocly lint: both documents valid, no warnings" \
    "Woohoo! Your API descriptions are valid." "$OUT"
case "$OUT" in
*arning*|*rror*) fail "redocly lint: no warning or error in the output" "$OUT" ;;
*) pass "redocly lint: no warning or error in the output" ;;
esac

# Each document: public routes say security: [], the others need the bearer.
for app in auth billing; do
	check_eq "$app: security declared on every operation" "ok" "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
public = {"/healthz", "/openapi.json", "/", "/users", "/tokens"}
bad = [m + " " + p for p, ops in d["paths"].items() for m, o in ops.items()
       if o.get("security") != ([] if p in public else [{"bearer": []}])]
print("ok" if not bad else bad)' "apps/$app/openapi.json")"
done

# The faults of the issue put back: no license, an operation without
# security and without a 4XX response, a tag without a description.
W=$TEST_TMP/openapi
mkdir -p "$W"
python3 - "$W/bad.json" <<'PY'
import json, sys
d = json.load(open("apps/billing/openapi.json"))
del d["info"]["license"]
del d["tags"][0]["description"]
op = d["paths"]["/healthz"]["get"]
del op["security"]
del op["responses"]["405"]
open(sys.argv[1], "w").write(json.dumps(d, indent=2) + "\n")
PY
lint --extends=recommended "$W/bad.json"
check_eq "a faulty document: exit 1" 1 "$RC"
check_contains "a faulty document: security-defined at line:col" \
    "33:7  error    security-defined        Every operation should have security defined" "$OUT"
check_contains "a faulty document: info-license at line:col" \
    "3:3   warning  info-license            Info object should contain \`license\` field." "$OUT"
check_contains "a faulty document: tag-description at line:col" \
    "19:5  warning  tag-description" "$OUT"
check_contains "a faulty document: operation-4xx-response at line:col" \
    "40:9  warning  operation-4xx-response  Operation must have at least one \`4XX\` response." "$OUT"
check_contains "a faulty document: counts" "Validation failed with 1 error and 3 warnings." "$OUT"
