#!/usr/bin/env bash
# bench_graph.sh: `verifier graph` on a generated model of BENCH_TABLES
# (default 1,000) tables, each with 6 columns, a primary key, a unique
# column, an enum column and a foreign key to the table before it,
# rendered to SVG; printed beside `verifier diff` of the same schema
# (the model drafted and migrated into a throwaway cluster first).  The
# graph time is split into the DOT (the verifier's own work) and the
# rendering by Graphviz's dot.  Medians of BENCH_RUNS runs (default 3).
set -eu
. "$(dirname "$0")/lib.sh"
N=${BENCH_TABLES:-1000}
RUNS=${BENCH_RUNS:-3}
V=${VERIFIER:-$TOP/build/verifier}
W=$BENCH_ROOT/graph
mkdir -p "$W/models" "$W/mig"
export VERIFIER_CACHE=off

# The model: an enum and N tables, t<i> referencing t<i-1>.
{
	echo "schema: bench"
	echo "enums:"
	echo "  state: [new, open, closed]"
	echo "tables:"
	for i in $(seq 1 "$N"); do
		p=$((i > 1 ? i - 1 : 1))
		cat <<YAML
  t$i:
    columns:
      id: {type: bigint, identity: always, primary_key: true}
      code: {type: text, unique: true}
      state: {type: state, default: "'new'"}
      amount: {type: "numeric(12,2)", nullable: true}
      created_at: {type: timestamptz, default: now()}
      parent_id: {type: bigint, nullable: true}
    foreign_keys:
      - columns: [parent_id]
        references: {table: t$p, columns: [id]}
        on_delete: set null
YAML
	done
} > "$W/models/bench.yaml"

DB=bench_graph
URL="postgresql://postgres:postgres@127.0.0.1:$PGPORT/$DB"
psql -X -q -c "CREATE DATABASE $DB" >/dev/null
psql -X -q -d $DB -c "CREATE SCHEMA bench" >/dev/null
opts=(--schema bench --models "$W/models" --db "$URL")
"$V" draft "${opts[@]}" --migrations "$W/mig" --msg tables >/dev/null
"$V" migrate --schema bench --migrations "$W/mig" --db "$URL" >/dev/null

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# ms OUT CMD...: runs CMD, appends its wall time in ms to OUT.
ms() {
	local out=$1 t0
	shift
	t0=$(now_ms)
	"$@" >/dev/null
	echo $(($(now_ms) - t0)) >> "$out"
}
rm -f "$W"/t.*
for i in $(seq 1 "$RUNS"); do
	ms "$W/t.diff" "$V" diff "${opts[@]}"
	ms "$W/t.dot" "$V" graph "${opts[@]}" -o "$W/bench.dot"
	ms "$W/t.svg" "$V" graph "${opts[@]}" --format svg -o "$W/bench.svg"
done
diff=$(median < "$W/t.diff"); dotms=$(median < "$W/t.dot")
svg=$(median < "$W/t.svg")
printf '%5d tables: verifier diff:                 %7d ms\n' "$N" "$diff"
printf '%5d tables: verifier graph, DOT:           %7d ms  (%d bytes)\n' \
    "$N" "$dotms" "$(wc -c < "$W/bench.dot")"
printf '%5d tables: verifier graph --format svg:   %7d ms  (%d bytes; dot renders %d ms of it)\n' \
    "$N" "$svg" "$(wc -c < "$W/bench.svg")" "$((svg - dotms))"
grep -q '<!-- verifier-graph sha256:' "$W/bench.svg" ||
    { echo "bench_graph: the SVG has no stamp" >&2; exit 1; }
