#!/usr/bin/env bash
# 38_graph.sh: `verifier graph`: the DOT of a model with every kind it
# draws equals the golden tests/graph/gshop.dot (UPDATE_GOLDEN=1 rewrites
# it), is the same on a second run, parses with `dot -Tsvg`; SVG and PNG
# are rendered; --around keeps a table and its neighbours; --from-db draws
# the live database as the models; --change marks what a draft does;
# --check fails on a stale picture with its exact message and exit 1.
. "$TOP/tests/lib.sh"
export VERIFIER_CACHE=$TEST_TMP/cache
DB=d38graph
fresh_db $DB || { fail "create database"; exit 1; }
q $DB "CREATE SCHEMA gshop" >/dev/null
URL=$(dburl $DB)
G=$TOP/tests/graph
W=$TEST_TMP/w
rm -rf "$W"; mkdir -p "$W/models" "$W/mig/gshop"
cp "$G/gshop.yaml" "$W/models/"
opts=(--schema gshop --models "$W/models" --db "$URL")

# The golden DOT, stable across runs.
run_capture "$VERIFIER" graph "${opts[@]}"
check_eq "graph of the model: exit 0" 0 "$RC"
dot1=$OUT
[ -n "${UPDATE_GOLDEN:-}" ] && printf '%s\n' "$dot1" > "$G/gshop.dot"
if d=$(diff -u "$G/gshop.dot" <(printf '%s\n' "$dot1")); then
	pass "the DOT equals the golden tests/graph/gshop.dot"
else
	fail "the DOT equals the golden tests/graph/gshop.dot" "$d"
fi
run_capture "$VERIFIER" graph "${opts[@]}"
check_eq "a second run writes the same DOT" "$dot1" "$OUT"
for k in '"table:orders"' '"view:open_orders"' '"materialized view:totals"' \
    '"enum:order_status"' '"domain:cents"' '"composite type:address"' \
    '"function:touch()"' '"function:order_count(cust bigint)"' \
    '"trigger:orders.orders_touch"' '"policy:customers.own_rows"'; do
	check_contains "the DOT draws $k" "  $k [" "$dot1"
done
check_contains "a foreign key is an edge labelled with its columns and actions" \
    '"table:orders":c1:e -> "table:customers" [label="orders_customer_id_fkey\n(customer_id) -> (id)\nON DELETE CASCADE\nON UPDATE RESTRICT"];' "$dot1"
check_contains "a column's enum is an edge from its column" \
    '"table:orders":c2:e -> "enum:order_status" [style=dashed' "$dot1"
check_contains "the view reads its tables" \
    '"view:open_orders" -> "table:customers" [style=dashed' "$dot1"
check_contains "the trigger calls its function" \
    '"trigger:orders.orders_touch" -> "function:touch()" [style=dashed' "$dot1"
check_contains "keys and nullability are marked" \
    '<TR><TD ALIGN="LEFT">order_id</TD><TD ALIGN="LEFT">bigint</TD><TD ALIGN="LEFT">PK FK</TD><TD PORT="c0" ALIGN="LEFT">not null</TD></TR>' "$dot1"
check_contains "a unique column is marked UQ" \
    '<TR><TD ALIGN="LEFT">email</TD><TD ALIGN="LEFT">text</TD><TD ALIGN="LEFT">UQ</TD><TD PORT="c1" ALIGN="LEFT">not null</TD></TR>' "$dot1"
case "$dot1" in
*0x[0-9a-f]*|*20[0-9][0-9]-[0-9][0-9]-*) fail "no address nor date in the DOT" ;;
*) pass "no address nor date in the DOT" ;;
esac
# dot_parses DESC DOT: Graphviz's dot reads DOT without an error.
dot_parses() {
	local out
	if out=$(printf '%s\n' "$2" | dot -Tsvg 2>&1 >/dev/null); then
		pass "$1"
	else
		fail "$1" "$out"
	fi
}
dot_parses "dot -Tsvg parses the DOT" "$dot1"

# SVG and PNG through dot.
run_capture "$VERIFIER" graph "${opts[@]}" --format svg -o "$W/g.svg"
check_eq "--format svg -o FILE: exit 0" 0 "$RC"
check_contains "the SVG is an SVG" "<svg" "$(cat "$W/g.svg")"
hex=$(printf '%s\n' "$dot1" | sha256sum | cut -d' ' -f1)
check_contains "the SVG carries the SHA-256 of its DOT" \
    "<!-- verifier-graph sha256:$hex -->" "$(cat "$W/g.svg")"
check_contains "the SVG holds the table's title" ">orders</text>" "$(cat "$W/g.svg")"
"$VERIFIER" graph "${opts[@]}" --format png > "$W/g.png"
check_eq "--format png writes a PNG" "89504e47" "$(head -c4 "$W/g.png" | od -An -tx1 | tr -d ' \n')"
run_capture env VERIFIER_DOT=/nonexistent/dot "$VERIFIER" graph "${opts[@]}" --format svg
check_eq "no dot program: exit 1" 1 "$RC"
check_eq "no dot program: the message names the package" \
    "verifier graph: cannot run Graphviz's /nonexistent/dot (Debian package graphviz): No such file or directory" "$OUT"
run_capture "$VERIFIER" graph "${opts[@]}" --format gif
check_eq "--format gif: exit 2" 2 "$RC"
check_contains "--format gif: the usage error" \
    "verifier graph: --format 'gif': expected dot, svg or png" "$OUT"

# --around TABLE --depth N.
run_capture "$VERIFIER" graph "${opts[@]}" --around order_lines --depth 1
check_eq "--around order_lines: exit 0" 0 "$RC"
nodes=$(printf '%s\n' "$OUT" | grep -o '^  "[^"]*" \[' | tr -d '[ ' | tr '\n' ' ')
check_eq "--depth 1 keeps the table, its neighbours" \
    '"table:order_lines" "table:orders" "domain:cents" ' "$nodes"
run_capture "$VERIFIER" graph "${opts[@]}" --around order_lines --depth 2
check_contains "--depth 2 reaches customers" '"table:customers" [' "$OUT"
check_contains "--depth 2 reaches the trigger" '"trigger:orders.orders_touch" [' "$OUT"
case "$OUT" in
*'"policy:customers.own_rows" ['*) fail "--depth 2 leaves the policy out" ;;
*) pass "--depth 2 leaves the policy out" ;;
esac
run_capture "$VERIFIER" graph "${opts[@]}" --around nosuch
check_eq "--around an unknown table: exit 2" 2 "$RC"
check_eq "--around an unknown table: the message" \
    "verifier graph: --around 'nosuch': schema gshop has no such table" "$OUT"

# --from-db: the migrated models draw as the models.
run_capture "$VERIFIER" draft "${opts[@]}" --migrations "$W/mig/gshop" --msg base
check_eq "draft the model" 0 "$RC"
run_capture "$VERIFIER" migrate --schema gshop --migrations "$W/mig/gshop" --db "$URL"
check_eq "migrate it" 0 "$RC"
run_capture "$VERIFIER" graph --schema gshop --from-db --db "$URL"
check_eq "--from-db: exit 0" 0 "$RC"
check_eq "--from-db draws the live schema as the models" "$dot1" "$OUT"
run_capture "$VERIFIER" graph --schema gshop --migrations "$W/mig/gshop" --db "$URL"
check_eq "--migrations DIR draws the replay as the models" "$dot1" "$OUT"

# --change: a column dropped, a table added, a view changed.
python3 - "$W/models/gshop.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
s = s.replace("      total: cents\n      updated_at:", "      updated_at:")
s = s.replace("SELECT o.id, c.email, o.total", "SELECT o.id, c.email")
s = s.replace("SELECT customer_id, sum(total) AS total", "SELECT customer_id, count(*) AS total")
s = s.replace("  audit:\n", "  refunds:\n    columns:\n      id: bigint\n  audit:\n")
open(p, "w").write(s)
PY
run_capture "$VERIFIER" graph "${opts[@]}" --migrations "$W/mig/gshop" --change
check_eq "--change: exit 0" 0 "$RC"
chg=$OUT
[ -n "${UPDATE_GOLDEN:-}" ] && printf '%s\n' "$chg" > "$G/gshop_change.dot"
if d=$(diff -u "$G/gshop_change.dot" <(printf '%s\n' "$chg")); then
	pass "the --change DOT equals the golden tests/graph/gshop_change.dot"
else
	fail "the --change DOT equals the golden tests/graph/gshop_change.dot" "$d"
fi
check_contains "--change: the new table is created (green)" \
    '"table:refunds" [color="#2e7d32"' "$chg"
check_contains "--change: the table losing a column is altered, destructive" \
    '"table:orders" [color="#c66a00", penwidth=3' "$chg"
check_contains "--change: the view is dropped and re-created" \
    '<I>dropped and re-created</I>' "$chg"
check_contains "--change: untouched neighbours are grey context" \
    '"table:customers" [color="#9e9e9e"' "$chg"
case "$chg" in
*'"table:audit" ['*) fail "--change leaves untouched far objects out" ;;
*) pass "--change leaves untouched far objects out" ;;
esac
dot_parses "dot -Tsvg parses the --change DOT" "$chg"
run_capture "$VERIFIER" graph --schema gshop --models "$G" --db "$URL" \
    --migrations "$W/mig/gshop" --change
check_contains "--change with nothing to do says so" \
    'label="schema gshop: the draft changes nothing"' "$OUT"

# --check: current, stale (exact message, exit 1), unstamped.
"$VERIFIER" graph --schema gshop --models "$G" --db "$URL" --format svg -o "$W/cur.svg"
run_capture "$VERIFIER" graph --schema gshop --models "$G" --db "$URL" --check "$W/cur.svg"
check_eq "--check a current picture: exit 0" 0 "$RC"
check_eq "--check a current picture: says so" "graph: $W/cur.svg is current" "$OUT"
run_capture "$VERIFIER" graph "${opts[@]}" --check "$W/cur.svg"
check_eq "--check a stale picture: exit 1" 1 "$RC"
check_eq "--check a stale picture: the message names the file" \
    "verifier graph: $W/cur.svg is stale: it no longer matches $W/models/gshop.yaml; run 'make graph' and commit it" "$OUT"
printf '<svg/>\n' > "$W/plain.svg"
run_capture "$VERIFIER" graph "${opts[@]}" --check "$W/plain.svg"
check_eq "--check an unstamped SVG: exit 1" 1 "$RC"
check_eq "--check an unstamped SVG: the message" \
    "verifier graph: $W/plain.svg: no verifier-graph stamp: it was not drawn by 'verifier graph --format svg'; run 'make graph'" "$OUT"
run_capture "$VERIFIER" graph "${opts[@]}" --check "$W/missing.svg"
check_eq "--check a missing file: exit 2" 2 "$RC"

# The project's committed pictures are current (what `make check` runs).
for s in auth billing; do
	run_capture "$VERIFIER" graph --schema $s --db "$URL" --check "$TOP/docs/schema/$s.svg"
	check_eq "docs/schema/$s.svg is current" 0 "$RC"
	[ $RC -eq 0 ] || echo "$OUT" | sed 's/^/#   /'
done
