#!/usr/bin/env bash
# 30_diff_psd.sh: the pg-schema-diff conformance fixtures (../shared/
# conformance/pg-schema-diff/<topic>/<case>/, see its README).  Per case:
# create the roles of its meta.json, load a.sql and b.sql in two databases
# and, per schema either touches (public always), the round trip of
# tests/conformance-lib.sh: dump b, draft from a (`draft --from-db`),
# migrate, compare pg_dump with b (or with expected_state.sql where the
# case has one: b's columns in the order pg-schema-diff reaches, as b's may
# be out of a migration's reach), down, compare with a.
# A case whose meta.json says expect_empty_plan must draft nothing, and
# after up, drafting again must give nothing (both as pg-schema-diff's own
# test asserts).
# Results as in 30_diff_migra.sh: passed, unsupported (said clearly) or
# failed; failures understood are listed with their reason in
# tests/schema/psd_known.txt (counted as failed, the suite still passes).
# A case's result is its worst schema's.  The hazards of meta.json are read
# (in $hazards) but not checked: they are for a migration linter.
#
# The whole corpus takes too long for every run: by default every
# $PSD_EVERY-th case (in path order, starting with the first) runs.
# PSD_EVERY=1 runs all of them; PSD_ONLY=regex picks cases by
# <topic>/<case> instead.
. "$TOP/tests/lib.sh"
. "$TOP/tests/conformance-lib.sh"
FIX=${PSD_FIXTURES:-$TOP/../shared/conformance/pg-schema-diff}
CONF_KNOWN=$TOP/tests/schema/psd_known.txt
EVERY=${PSD_EVERY:-6}
ONLY_CASES=${PSD_ONLY:-}
if [ ! -d "$FIX" ]; then
	pass "pg-schema-diff fixtures not present at $FIX: nothing to run"
	exit 0
fi
CONF_DBA=d30psd_a
CONF_DBB=d30psd_b
DBE=d30psd_e
CONF_REDRAFT=1
roles_before=$(q postgres "SELECT string_agg(oid::text, ',') FROM pg_roles")
available=" $(q postgres "SELECT string_agg(name, ' ') FROM pg_available_extensions") "

# Per case, one line of fields separated by \x1e: topic/case, its roles
# (separated by \x1f, each an SQL identifier as written), extensions
# (\x1f), schemas (\x1f), 1 when the plan must be empty, and the hazards
# pg-schema-diff flags (\x1f; unused here, kept for a linter's test).
cases() {
	python3 - "$FIX" <<'PY'
import json, os, sys
top = sys.argv[1]
for topic in sorted(os.listdir(top)):
    if not os.path.isdir(os.path.join(top, topic)):
        continue
    for case in sorted(os.listdir(os.path.join(top, topic))):
        p = os.path.join(top, topic, case, "meta.json")
        if not os.path.isfile(p):
            continue
        m = json.load(open(p))
        print("\x1e".join([topic + "/" + case, "\x1f".join(m.get("roles", [])),
                         "\x1f".join(m.get("extensions", [])),
                         "\x1f".join(m.get("schemas", [])),
                         "1" if m.get("expect_empty_plan") else "",
                         "\x1f".join(m.get("hazards", []))]))
PY
}

declare -A BYTOPIC=()	# topic -> "passed unsupported failed known" (cases)
cpass=0; cunsup=0; cfail=0; cknown=0; i=0
# tally TOPIC INDEX: one more case in field INDEX (as in BYTOPIC).
tally() {
	local c
	read -r -a c <<<"${BYTOPIC[$1]:-0 0 0 0}"
	c[$2]=$((c[$2] + 1))
	BYTOPIC[$1]="${c[*]}"
}

while IFS=$'\x1e' read -r -u 3 id roles exts schemas empty hazards; do
	i=$((i + 1))
	if [ -n "$ONLY_CASES" ]; then
		[[ $id =~ $ONLY_CASES ]] || continue
	elif [ $(((i - 1) % EVERY)) -ne 0 ]; then
		continue
	fi
	dir=$FIX/$id
	topic=${id%%/*}
	p0=$npass; u0=$nunsup; f0=$nfail; k0=$nknown
	IFS=$'\x1f' read -r -a rl <<<"$roles"
	for r in "${rl[@]}"; do
		# Written as an SQL identifier, quoted where needed: run as is.
		q postgres "DO \$psd\$ BEGIN CREATE ROLE $r; EXCEPTION WHEN duplicate_object
		    THEN NULL; END \$psd\$" >/dev/null
	done
	missing=""
	IFS=$'\x1f' read -r -a el <<<"$exts"
	for e in "${el[@]}"; do
		[[ $available == *" $e "* ]] || missing="$missing $e"
	done
	CONF_SCHEMAS=$(printf 'public\n%s\n' "${schemas//$'\x1f'/$'\n'}")
	CONF_EMPTY=$empty
	CONF_DBT=""
	if [ -n "$missing" ]; then
		conf_result "$id" failed "extensions not available on this server:$missing"
	elif [ -f "$dir/expected_state.sql" ] && ! conf_load $DBE "$dir/expected_state.sql"; then
		conf_result "$id" failed "expected_state.sql does not load"
	else
		[ -f "$dir/expected_state.sql" ] && CONF_DBT=$DBE
		conf_case "$id" "$dir"
	fi
	if [ $nfail -gt $f0 ]; then
		cfail=$((cfail + 1)); tally "$topic" 2
		if [ $((nknown - k0)) -eq $((nfail - f0)) ]; then
			cknown=$((cknown + 1)); tally "$topic" 3
		fi
	elif [ $nunsup -gt $u0 ]; then
		cunsup=$((cunsup + 1)); tally "$topic" 1
	elif [ $npass -gt $p0 ]; then
		cpass=$((cpass + 1)); tally "$topic" 0
	fi
done 3< <(cases)
conf_drop $CONF_DBA $CONF_DBB $DBE
q postgres "SELECT format('DROP ROLE %I;', rolname) FROM pg_roles
    WHERE oid NOT IN ($roles_before)" | psql -X -q -d postgres >/dev/null
[ -n "$ONLY_CASES" ] || [ "$EVERY" -eq 1 ] ||
    echo "# summary: every ${EVERY}th case of $i (PSD_EVERY=1 runs all of them), ${SECONDS} s"
echo "# summary: pg-schema-diff: $cpass passed, $cunsup unsupported, $cfail failed ($cknown known) [cases; by case/schema: $npass passed, $nunsup unsupported, $nfail failed ($nknown known)]"
for t in $(printf '%s\n' "${!BYTOPIC[@]}" | sort); do
	read -r -a c <<<"${BYTOPIC[$t]}"
	printf '# summary:   %-24s %3d passed, %3d unsupported, %3d failed (%d known)\n' \
	    "$t" "${c[0]}" "${c[1]}" "${c[2]}" "${c[3]}"
done
