# ci/pg.sh: start and stop a PostgreSQL 15 cluster that belongs to the project.
# Sourced by ci/start-db.sh, ci/stop.sh and tests/run.sh.  initdb refuses to run
# as root, so as root the server runs as the `postgres` system user.
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

# pg_as CMD...: run a PostgreSQL server binary as the user that owns the data.
pg_as() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# pg_port_free PORT: true when nothing listens on 127.0.0.1:PORT.
pg_port_free() {
	! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# pg_free_port: prints a free local port, below Linux's ephemeral range
# (32768 and up): a port taken from that range can be handed to an outgoing
# connection between this check and the server's bind.
pg_free_port() {
	local p
	for _ in $(seq 1 200); do
		p=$(( 20000 + RANDOM % 12000 ))
		if pg_port_free "$p"; then echo "$p"; return 0; fi
	done
	return 1
}

# pg_init DATADIR PASSWORD: a new cluster with superuser postgres/PASSWORD,
# password login on 127.0.0.1 only.
pg_init() {
	local dir=$1 pw=$2 pwfile
	mkdir -p "$dir"
	if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
	chmod 700 "$dir"
	pwfile=$(mktemp)
	printf '%s\n' "$pw" > "$pwfile"
	if [ "$(id -u)" = 0 ]; then chown postgres: "$pwfile"; fi
	pg_as "$PGBIN/initdb" -D "$dir" -U postgres --pwfile="$pwfile" \
	    --auth-local=scram-sha-256 --auth-host=scram-sha-256 \
	    -E UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1
	local rc=$?
	rm -f "$pwfile"
	if [ $rc -ne 0 ]; then cat "$dir.initdb.log" >&2; return $rc; fi
	return 0
}

# pg_start DATADIR PORT LOGFILE: starts the server on 127.0.0.1:PORT and waits.
# PG_WAL_LEVEL (default replica, the server's own) sets wal_level: logical
# for a source of `verifier move` (make start-db's cluster has it).
pg_start() {
	local dir=$1 port=$2 log=$3 sock
	sock="$dir/sock"
	mkdir -p "$sock" "$(dirname "$log")"
	touch "$log"
	if [ "$(id -u)" = 0 ]; then chown postgres: "$sock" "$log"; fi
	pg_as "$PGBIN/pg_ctl" -D "$dir" -l "$log" -w -t 60 \
	    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$sock -c max_connections=200 -c fsync=${PG_FSYNC:-on} -c wal_level=${PG_WAL_LEVEL:-replica}" \
	    start >/dev/null
}

# pg_stop DATADIR [MODE]: stops the server (mode fast by default).
pg_stop() {
	local dir=$1 mode=${2:-fast}
	[ -f "$dir/postmaster.pid" ] || return 0
	pg_as "$PGBIN/pg_ctl" -D "$dir" -m "$mode" -w -t 60 stop >/dev/null
}

# pg_running DATADIR: true when the cluster at DATADIR is up.
pg_running() {
	[ -d "$1" ] && pg_as "$PGBIN/pg_ctl" -D "$1" status >/dev/null 2>&1
}
