#!/usr/bin/env bash
# 35_lint.sh: `verifier lint`.  Every rule has a failing example
# (tests/lint/<rule>_bad.sql, its exact output in <rule>_bad.err: message,
# file:line:col, severity, exit code) and a passing one (<rule>_ok.sql),
# both linted after tests/lint/base/, whose tables therefore exist; the
# three formats; exit codes 0, 1 and 2; silences with and without a
# reason; sizes from a live database ranking a finding (a small table: a
# warning, a big one: an error); the pending files by default; and check
# failing on an error-level finding with a clear line.
. "$TOP/tests/lib.sh"
BASE=tests/lint/base
lint() { "$VERIFIER" lint --schema lint --no-live --migrations $BASE "$@"; }

# Every rule of lint.c has its two examples.
rules=$(sed -n '/^const char \*const lint_rules/,/NULL/s/^\t"\(.*\)",$/\1/p' verifier/lint.c)
check_eq "lint.c lists 27 rules" 27 "$(echo "$rules" | wc -l)"
for r in $rules; do
	if [ -f tests/lint/${r}_bad.sql ] && [ -f tests/lint/${r}_bad.err ] &&
	    [ -f tests/lint/${r}_ok.sql ]; then
		pass "$r: a failing and a passing example"
	else
		fail "$r: a failing and a passing example" "missing tests/lint/${r}_{bad.sql,bad.err,ok.sql}"
	fi
done

# The failing examples: exact output, exit 1 with an error, else 0.
for f in tests/lint/*_bad.sql; do
	n=$(basename "$f" .sql)
	run_capture lint "$f"
	check_eq "$n: exact findings" "$(cat "${f%.sql}.err")" "$OUT"
	want=0
	grep -q ': error: ' "${f%.sql}.err" && want=1
	check_eq "$n: exit $want" $want "$RC"
done
for f in tests/lint/*_ok.sql; do
	n=$(basename "$f" .sql)
	run_capture lint "$f"
	check_eq "$n: no finding" "lint lint: 1 file, 0 errors, 0 warnings (no live database: sizes unknown)" "$OUT"
	check_eq "$n: exit 0" 0 "$RC"
done

# Silences: the one with a reason silences; without one, it does not.
run_capture lint tests/lint/allow-without-reason_ok.sql
check_eq "a silence with a reason: exit 0" 0 "$RC"
run_capture lint tests/lint/allow-without-reason_bad.sql
check_contains "a silence without a reason is a finding at its comment" \
    "allow-without-reason_bad.sql:3:1: error: allow-without-reason: the silence of drop-table gives no reason: it silences nothing" "$OUT"
check_contains "... and silences nothing" "allow-without-reason_bad.sql:4:1: error: drop-table: " "$OUT"

# Positions: a statement after another on the same line, in a file with
# a header: line and column of its first token.
W=$TEST_TMP/w
rm -rf "$W"; mkdir -p "$W"
printf -- "-- a header\n-- migrate:up\nSET LOCAL lock_timeout = '1s';  CREATE INDEX i ON lint.orders (total);\n" > "$W/pos.sql"
run_capture lint "$W/pos.sql"
check_contains "the column of the second statement on a line" "$W/pos.sql:3:33: error: index-not-concurrent: " "$OUT"

# Formats.
run_capture lint --format json tests/lint/type-rewrite_bad.sql
check_eq "json: exit 1" 1 "$RC"
check "json: parses" python3 -c 'import json,sys; json.loads(sys.argv[1])' "$OUT"
check_contains "json: summary" '{"command": "lint", "schema": "lint", "ok": false, "live": false, "files": 1, "statements": 3, "errors": 2, "warnings": 0, "findings": [' "$OUT"
check_contains "json: a finding" '{"file": "tests/lint/type-rewrite_bad.sql", "line": 3, "col": 1, "rule": "type-rewrite", "severity": "error", "what": "ALTER COLUMN lint.orders.total TYPE bigint (from integer) rewrites the table' "$OUT"
check_contains "json: its fix" '"fix": "add a column of the new type, fill it in batches' "$OUT"
run_capture lint --format json tests/lint/type-rewrite_ok.sql
check_eq "json: clean" '{"command": "lint", "schema": "lint", "ok": true, "live": false, "files": 1, "statements": 5, "errors": 0, "warnings": 0, "findings": []}' "$OUT"
run_capture lint --format github tests/lint/type-rewrite_bad.sql
check_eq "github: exit 1" 1 "$RC"
check_contains "github: an error annotation with file, line, col" \
    '::error file=tests/lint/type-rewrite_bad.sql,line=3,col=1,title=type-rewrite::ALTER COLUMN lint.orders.total TYPE bigint (from integer) rewrites' "$OUT"
run_capture lint --format github tests/lint/prefer-text_bad.sql
check_eq "github: a warning annotation, exit 0" \
    "0 ::warning file=tests/lint/prefer-text_bad.sql,line=3,col=1,title=prefer-text::column lint.codes.code is char(n): values are padded with blanks, which comparisons and lengths then ignore or count unevenly; instead: text (with a CHECK on its length if one is needed)" \
    "$RC $OUT"

# Bad input: exit 2, file:line:col.
printf -- "-- migrate:up\nALTER TABLE lint.orders ADD COLUMN x text,;\n" > "$W/broken.sql"
run_capture lint "$W/broken.sql"
check_eq "an unparseable file: exit 2" 2 "$RC"
check_eq "an unparseable file: file:line:col" "verifier lint: $W/broken.sql:2:43: up section does not parse: syntax error at or near \";\"" "$OUT"
run_capture lint --format xml tests/lint/type-rewrite_ok.sql
check_eq "--format xml: exit 2" 2 "$RC"
run_capture "$VERIFIER" lint --schema lint --no-live --migrations "$W/none"
check_eq "no migrations folder: exit 2" 2 "$RC"

# The project's own files: no error-level finding.
for s in auth billing; do
	run_capture "$VERIFIER" lint --schema $s --no-live
	check_eq "$s: the project's migrations have no error-level finding" 0 "$RC"
done

# A live database: the base applied, accounts small, orders big.
DB=d35lint
fresh_db $DB || { fail "create database"; exit 1; }
URL=$(dburl $DB)
q $DB "CREATE SCHEMA lint" >/dev/null
run_capture "$VERIFIER" migrate --schema lint --migrations $BASE --db "$URL" --role ""
check_eq "the base migrates" 0 "$RC"
q $DB "INSERT INTO lint.accounts (email, name) SELECT 'a' || i || '@x', 'a' FROM generate_series(1, 100) i;
       INSERT INTO lint.orders (account_id, total) SELECT 1, i FROM generate_series(1, 20000) i;
       ANALYZE lint.accounts; ANALYZE lint.orders" >/dev/null
small=$(q $DB "SELECT pg_size_pretty(pg_relation_size('lint.accounts'))")
big=$(q $DB "SELECT pg_size_pretty(pg_relation_size('lint.orders'))")
printf -- "-- migrate:up\nSET LOCAL lock_timeout = '2s';\nCREATE INDEX accounts_name_idx ON lint.accounts (name);\n" > "$W/small.sql"
printf -- "-- migrate:up\nSET LOCAL lock_timeout = '2s';\nCREATE INDEX orders_total_idx ON lint.orders (total);\n" > "$W/big.sql"
live() { "$VERIFIER" lint --schema lint --migrations $BASE --db "$URL" "$@"; }
run_capture live "$W/small.sql"
check_eq "a small live table: a warning with its size, exit 0" \
    "0 $W/small.sql:3:1: warning: index-not-concurrent: CREATE INDEX on the existing table lint.accounts takes a SHARE lock for the whole build: every INSERT, UPDATE and DELETE on it waits until the index is built (about 100 rows, $small)" \
    "$RC ${OUT%%; instead*}"
run_capture live "$W/big.sql"
check_eq "a big live table: an error with its size, exit 1" \
    "1 $W/big.sql:3:1: error: index-not-concurrent: CREATE INDEX on the existing table lint.orders takes a SHARE lock for the whole build: every INSERT, UPDATE and DELETE on it waits until the index is built (about 20000 rows, $big)" \
    "$RC ${OUT%%; instead*}"
check_contains "live: the summary says nothing of unknown sizes" "lint lint: 1 file, 1 error, 0 warnings
" "$OUT
"
# A partitioned table: the rows and bytes of its partitions.
q $DB "CREATE TABLE lint.hits (id bigint, at date) PARTITION BY RANGE (at);
       CREATE TABLE lint.hits_1 PARTITION OF lint.hits FOR VALUES FROM ('2026-01-01') TO ('2026-07-01');
       CREATE TABLE lint.hits_2 PARTITION OF lint.hits FOR VALUES FROM ('2026-07-01') TO ('2027-01-01');
       INSERT INTO lint.hits SELECT i, date '2026-01-01' + i % 360 FROM generate_series(1, 30000) i;
       ANALYZE lint.hits" >/dev/null
parts=$(q $DB "SELECT pg_size_pretty(pg_relation_size('lint.hits_1') + pg_relation_size('lint.hits_2'))")
printf -- "-- migrate:up\nSET LOCAL lock_timeout = '2s';\nCREATE INDEX hits_at_idx ON lint.hits (at);\n" > "$W/parts.sql"
run_capture live "$W/parts.sql"
check_contains "a partitioned table is sized by its partitions" \
    "CREATE INDEX on the existing table lint.hits takes a SHARE lock for the whole build: every INSERT, UPDATE and DELETE on it waits until the index is built (about 30000 rows, $parts)" "$OUT"
run_capture live --format json "$W/small.sql"
check_contains "json: live true" '"live": true' "$OUT"
# A live type: SET NOT NULL of a column the live catalog has NOT NULL is
# no scan; a validated live check (col IS NOT NULL) lets SET NOT NULL pass.
q $DB "ALTER TABLE lint.accounts ADD CONSTRAINT accounts_email_nn CHECK (email IS NOT NULL)" >/dev/null
printf -- "-- migrate:up\nSET LOCAL lock_timeout = '2s';\nALTER TABLE lint.accounts ALTER COLUMN email SET NOT NULL;\nALTER TABLE lint.accounts ALTER COLUMN name SET NOT NULL;\nALTER TABLE lint.accounts ALTER COLUMN email TYPE varchar(300);\n" > "$W/nn.sql"
run_capture live "$W/nn.sql"
check_eq "live: a validated check and a live NOT NULL and a widening: nothing" "0 lint lint: 1 file, 0 errors, 0 warnings" "$RC $OUT"

# By default the files the live database has not applied.
cp -r $BASE "$W/mig"
cp "$W/big.sql" "$W/mig/20260102000000_orders_total_idx.sql"
printf -- "-- migrate:up\nSET LOCAL lock_timeout = '2s';\nCREATE TABLE lint.later (id bigint PRIMARY KEY, v text);\n" > "$W/mig/20260103000000_later.sql"
printf -- "-- migrate:up\nSET LOCAL lock_timeout = '2s';\nCREATE INDEX later_v_idx ON lint.later (v);\n" > "$W/mig/20260104000000_later_idx.sql"
run_capture "$VERIFIER" lint --schema lint --migrations "$W/mig" --db "$URL"
check_contains "default: the pending files only" "lint lint: 3 files, 2 errors, 0 warnings" "$OUT"
check_contains "a table of a pending file: size unknown" \
    "20260104000000_later_idx.sql:3:1: error: index-not-concurrent: CREATE INDEX on the existing table lint.later takes a SHARE lock for the whole build: every INSERT, UPDATE and DELETE on it waits until the index is built (size unknown: not in the live database)" "$OUT"
run_capture "$VERIFIER" lint --schema lint --migrations "$W/mig" --db "$URL" --all
check_contains "--all: every file" "lint lint: 4 files, 2 errors, 0 warnings" "$OUT"
run_capture "$VERIFIER" lint --schema lint --migrations "$W/mig" --db "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"
check_contains "no database reachable: said on stderr" "verifier lint: no live database (" "$OUT"
check_contains "no database reachable: every file" "lint lint: 4 files, 2 errors, 0 warnings (no live database: sizes unknown)" "$OUT"

# check runs the lint: warnings are reported and fail nothing; an
# error-level finding fails check with a clear line.
CDB=d35check
fresh_db $CDB || { fail "create database"; exit 1; }
CURL=$(dburl $CDB)
export VERIFIER_CACHE=$TEST_TMP/cache
run_capture "$VERIFIER" check --schema billing --no-live --db "$CURL"
check_eq "check --no-live of billing: exit 0" 0 "$RC"
check_contains "check --no-live: a lint warning, with its column" \
    "migrations/billing/20261125100000_create_customers_and_invoices.sql:14:1: lint warning prefer-text: column billing.invoices.currency is char(n)" "$OUT"
check_contains "check --no-live: ok, the warnings counted" "check billing: ok (3 warnings)" "$OUT"
run_capture "$VERIFIER" check --schema billing --no-live --db "$CURL" --format github
check_contains "check github: a lint warning annotation" \
    "::warning file=migrations/billing/20261125100000_create_customers_and_invoices.sql,line=14,col=1,title=verifier check::lint warning prefer-text: " "$OUT"
run_capture "$VERIFIER" check --schema billing --no-live --db "$CURL" --format json
check_contains "check json: ok with warnings" '"ok": true' "$OUT"
check_contains "check json: a warning's severity and column" '"col": 1, "severity": "warning"}' "$OUT"
run_capture "$VERIFIER" migrate --schema billing --db "$CURL"
run_capture "$VERIFIER" check --schema billing --db "$CURL"
check_eq "check live, every file applied: nothing to lint, ok" "0 check billing: ok" "$RC $(echo "$OUT" | tail -1)"
rm -rf "$W/bill"; cp -r migrations/billing "$W/bill"
cat > "$W/bill/20261203000000_amount_idx.sql" <<'SQL'
-- migrate:up
SET LOCAL lock_timeout = '2s';
CREATE INDEX invoices_amount_idx ON billing.invoices (amount_cents);
-- migrate:down
DROP INDEX billing.invoices_amount_idx;
SQL
run_capture "$VERIFIER" check --schema billing --db "$CURL" --migrations "$W/bill"
check_contains "check live, an empty table: a warning" \
    "lint warning index-not-concurrent: CREATE INDEX on the existing table billing.invoices takes a SHARE lock for the whole build: every INSERT, UPDATE and DELETE on it waits until the index is built (about 0 rows, 0 bytes)" "$OUT"
q $CDB "INSERT INTO billing.customers (name, owner_user_id) VALUES ('c', 1);
        INSERT INTO billing.invoices (customer_id, amount_cents) SELECT 1, i FROM generate_series(1, 20000) i;
        ANALYZE billing.invoices" >/dev/null
run_capture "$VERIFIER" check --schema billing --db "$CURL" --migrations "$W/bill"
check_eq "check live, a pending file with an error-level finding: exit 1" 1 "$RC"
check_contains "check: the finding, sized by the live database" \
    "$W/bill/20261203000000_amount_idx.sql:3:1: lint error index-not-concurrent: CREATE INDEX on the existing table billing.invoices takes a SHARE lock for the whole build: every INSERT, UPDATE and DELETE on it waits until the index is built (about " "$OUT"
check_contains "check: the clear line" \
    "lint: 1 error-level finding in the pending migrations (verifier lint --schema billing): rewrite each as told, or silence one statement with a comment '-- verifier:allow RULE reason' right before it" "$OUT"
case $OUT in
*"lint warning prefer-text"*) fail "check live: applied files are not linted" "$OUT" ;;
*) pass "check live: applied files are not linted" ;;
esac
sed -i 's/^CREATE INDEX/-- verifier:allow index-not-concurrent invoices holds a few rows in every deployment\nCREATE INDEX/' "$W/bill/20261203000000_amount_idx.sql"
run_capture "$VERIFIER" check --schema billing --db "$CURL" --migrations "$W/bill"
case $OUT in
*"index-not-concurrent"*|*"lint: "*) fail "check: a silenced finding is gone" "$OUT" ;;
*) pass "check: a silenced finding is gone" ;;
esac
