#!/usr/bin/env bash
# 30_diff_dump.sh: for every object kind the models cover, a schema made
# by hand-written SQL is dumped (`verifier dump`), and `diff` of the dump
# against the database shows nothing; `check` accepts the dump against the
# same SQL as a migration.  Object kinds the models do not cover are
# reported as "unsupported: <kind> <schema>.<name>", never passed over.
. "$TOP/tests/lib.sh"
# Expected catalogs are cached per test run, not in $HOME.
export VERIFIER_CACHE=$TEST_TMP/cache
SCHEMA=shop
DB=d30dump
fresh_db $DB || { fail "create database"; exit 1; }
URL=$(dburl $DB)
W=$TEST_TMP/w
mkdir -p "$W/models" "$W/migrations/$SCHEMA"

reset_schema() {
	q $DB "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $SCHEMA CASCADE;
	    CREATE SCHEMA $SCHEMA" >/dev/null
}

# kind NAME SQL: the schema holds SQL only; dump then diff shows nothing.
kind() {
	local name=$1 sql=$2
	reset_schema
	if ! out=$(psql -X -q -d $DB -v ON_ERROR_STOP=1 -c "SET search_path = $SCHEMA" -c "$sql" 2>&1); then
		fail "$name: fixture SQL" "$out"; return
	fi
	run_capture "$VERIFIER" dump --schema $SCHEMA --db "$URL" --output "$W/models/$SCHEMA.yaml"
	if [ $RC -ne 0 ]; then fail "$name: dump" "$OUT"; return; fi
	run_capture "$VERIFIER" diff --schema $SCHEMA --models "$W/models" --db "$URL"
	if [ $RC -eq 0 ]; then pass "$name: dump then diff shows nothing"
	else fail "$name: dump then diff shows nothing" "$OUT
$(cat "$W/models/$SCHEMA.yaml")"; fi
}

kind "enum" "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'it''s');
    CREATE TYPE \"Odd Enum\" AS ENUM ('a b');
    CREATE TABLE t (id int PRIMARY KEY, m mood NOT NULL DEFAULT 'ok', ms mood[], o \"Odd Enum\")"
kind "table and comments" "CREATE TABLE t (id int PRIMARY KEY, c text);
    COMMENT ON TABLE t IS 'A table: with \"quotes\" and ''apostrophes''';
    COMMENT ON COLUMN t.c IS 'line one
line two'; CREATE TABLE empty_ish (x int)"
kind "table without columns" "CREATE TABLE t (); CREATE TABLE c (CHECK (true));
    COMMENT ON TABLE t IS 'Nothing yet'"
if grep -q '^    columns: {}$' "$W/models/$SCHEMA.yaml"; then
	pass "table without columns: dump writes columns: {}"
else
	fail "table without columns: dump writes columns: {}" "$(cat "$W/models/$SCHEMA.yaml")"
fi
kind "column types" "CREATE TABLE t (a smallint, b integer NOT NULL, c bigint,
    d numeric(10,2), e numeric, f real, g double precision, h text, i varchar(20),
    j char(3), k boolean, l date, m timestamp, n timestamptz, o timestamp(3) with time zone,
    p time, q interval, r uuid, s jsonb, t json, u bytea, v inet, w int[], x text[][],
    y bit(8), z bit varying(8), aa money, ab cidr, ac macaddr, ad tsvector, ae xml, af varchar)"
kind "defaults" "CREATE TABLE t (a int DEFAULT 1, b text NOT NULL DEFAULT 'x', c char(3) DEFAULT 'EUR',
    d timestamptz DEFAULT now(), e timestamptz DEFAULT CURRENT_TIMESTAMP, f date DEFAULT CURRENT_DATE,
    g numeric DEFAULT 1.5, h boolean DEFAULT true, i int[] DEFAULT '{}', j jsonb DEFAULT '{}'::jsonb,
    k text DEFAULT ('a' || 'b'), l uuid DEFAULT gen_random_uuid(), m text DEFAULT E'back\\\\slash')"
kind "views" "CREATE TYPE mood AS ENUM ('sad', 'ok');
    CREATE TABLE t (id int PRIMARY KEY, m mood, note text);
    CREATE VIEW v AS SELECT id, m FROM t WHERE m = 'ok';
    CREATE VIEW \"Odd View\" (a, b) WITH (security_barrier) AS SELECT v.id, count(*) FROM v
      JOIN t USING (id) GROUP BY v.id;
    CREATE VIEW checked WITH (security_invoker = true) AS SELECT id, note FROM t
      WHERE note <> '' WITH LOCAL CHECK OPTION;
    COMMENT ON VIEW checked IS 'Notes: not empty'"
kind "row level security" "CREATE TABLE t (id int PRIMARY KEY, tenant text, owner name);
    CREATE TABLE \"Odd T\" (id int); ALTER TABLE \"Odd T\" ENABLE ROW LEVEL SECURITY;
    ALTER TABLE t ENABLE ROW LEVEL SECURITY; ALTER TABLE t FORCE ROW LEVEL SECURITY;
    CREATE POLICY tenant ON t USING (tenant = current_setting('app.tenant', true));
    CREATE POLICY \"Own rows\" ON t AS RESTRICTIVE FOR UPDATE TO billing_svc, auth_svc
      USING (owner = current_user) WITH CHECK (owner = current_user AND tenant IS NOT NULL);
    CREATE POLICY ins ON t FOR INSERT TO public WITH CHECK (EXISTS (SELECT 1 FROM t x WHERE x.id > 0));
    CREATE POLICY del ON t FOR DELETE USING (id IN (SELECT id FROM \"Odd T\"));
    CREATE POLICY nothing ON \"Odd T\";
    COMMENT ON POLICY tenant ON t IS 'One tenant''s rows'"
kind "materialized views" "CREATE TABLE t (id int PRIMARY KEY, note text);
    CREATE VIEW v AS SELECT id FROM t;
    CREATE MATERIALIZED VIEW mv AS SELECT v.id, count(*) AS n FROM v JOIN t USING (id) GROUP BY v.id;
    CREATE MATERIALIZED VIEW empty (a) AS SELECT note FROM t WITH NO DATA;
    COMMENT ON MATERIALIZED VIEW mv IS 'Counts'"
kind "materialized view indexes and storage" "CREATE TABLE t (id int PRIMARY KEY, note text);
    CREATE MATERIALIZED VIEW mv WITH (fillfactor = 70, autovacuum_enabled = false,
      toast.autovacuum_enabled = false) AS
      SELECT id, note, count(*) AS n FROM t GROUP BY id, note;
    CREATE UNIQUE INDEX ON mv (id); CREATE INDEX mv_note ON mv (lower(note) DESC) WHERE n > 1;
    CREATE INDEX ON mv USING hash (note) WITH (fillfactor = 90);
    COMMENT ON INDEX mv_note IS 'Lower notes'"
check_contains "a materialized view's indexes are dumped" "$(printf '    indexes:\n      - unique: true\n        columns: [id]')" "$(cat "$W/models/$SCHEMA.yaml")"
kind "privileges on views" "CREATE TABLE t (id int PRIMARY KEY, note text);
    CREATE VIEW v AS SELECT id FROM t; CREATE MATERIALIZED VIEW mv AS SELECT note FROM t;
    GRANT SELECT, INSERT ON v TO auth_svc WITH GRANT OPTION; GRANT SELECT ON v TO PUBLIC;
    GRANT SELECT ON mv TO billing_svc"
check_contains "privileges on a view are dumped" "$(printf '    grants:\n      - to: billing_svc\n        privileges: [SELECT]')" "$(cat "$W/models/$SCHEMA.yaml")"
kind "comments on view columns" "CREATE TABLE t (id int PRIMARY KEY, note text);
    CREATE VIEW v AS SELECT id, note AS \"Odd: note\" FROM t; CREATE MATERIALIZED VIEW mv AS SELECT note FROM t;
    COMMENT ON COLUMN v.id IS 'The id'; COMMENT ON COLUMN v.\"Odd: note\" IS 'it''s: odd
two lines'; COMMENT ON COLUMN mv.note IS 'A note'"
check_contains "comments on view columns are dumped" "$(printf '    column_comments:\n      id: The id')" "$(cat "$W/models/$SCHEMA.yaml")"
kind "functions and procedures" "CREATE TYPE mood AS ENUM ('sad', 'ok');
    CREATE TABLE t (id int PRIMARY KEY, m mood, note text, updated_at timestamptz);
    CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS \$\$
    BEGIN
      NEW.updated_at := now();
      RETURN NEW;
    END \$\$;
    COMMENT ON FUNCTION touch() IS 'Sets updated_at';
    CREATE FUNCTION total(x int, y int DEFAULT 2) RETURNS int LANGUAGE sql IMMUTABLE STRICT
      PARALLEL SAFE COST 5 AS 'SELECT x + y';
    CREATE FUNCTION total(x bigint) RETURNS bigint LANGUAGE sql RETURN x * 2;
    CREATE FUNCTION notes(VARIADIC ids int[]) RETURNS SETOF text LANGUAGE sql STABLE ROWS 10
      BEGIN ATOMIC SELECT note FROM $SCHEMA.t WHERE id = ANY (ids); END;
    CREATE FUNCTION moods(OUT id int, OUT m mood) RETURNS SETOF record LANGUAGE sql
      AS 'SELECT id, m FROM $SCHEMA.t';
    CREATE FUNCTION by_mood(want mood) RETURNS TABLE (id int, note text) LANGUAGE sql
      SECURITY DEFINER SET search_path = pg_catalog, $SCHEMA AS 'SELECT id, note FROM t WHERE m = want';
    CREATE PROCEDURE bump(INOUT n int, step int DEFAULT 1) LANGUAGE plpgsql
      AS 'BEGIN n := n + step; END';
    CREATE VIEW v AS SELECT id, total(id) AS t2 FROM t"
kind "triggers" "CREATE TABLE t (id int PRIMARY KEY, note text, n int);
    CREATE VIEW v AS SELECT id, note FROM t;
    CREATE TRIGGER t_noop BEFORE UPDATE ON t FOR EACH ROW
      EXECUTE FUNCTION suppress_redundant_updates_trigger();
    CREATE TRIGGER \"Odd Trigger\" AFTER INSERT OR UPDATE OF note, n ON t FOR EACH ROW
      WHEN (NEW.note IS DISTINCT FROM 'x) EXECUTE FUNCTION y') EXECUTE FUNCTION suppress_redundant_updates_trigger('a', 'it''s', 'x) EXECUTE FUNCTION z');
    CREATE TRIGGER t_bulk AFTER INSERT ON t REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
      EXECUTE FUNCTION suppress_redundant_updates_trigger();
    CREATE TRIGGER t_truncate BEFORE TRUNCATE ON t EXECUTE FUNCTION suppress_redundant_updates_trigger();
    CREATE CONSTRAINT TRIGGER t_check AFTER UPDATE ON t DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
      EXECUTE FUNCTION suppress_redundant_updates_trigger();
    CREATE TRIGGER v_insert INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();
    ALTER TABLE t DISABLE TRIGGER t_truncate; ALTER TABLE t ENABLE REPLICA TRIGGER t_bulk;
    ALTER TABLE t ENABLE ALWAYS TRIGGER t_check;
    COMMENT ON TRIGGER t_noop ON t IS 'Skips updates that change nothing'"
kind "trigger of a partitioned table" "CREATE TABLE pt (id int, at date) PARTITION BY RANGE (at);
    CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
    CREATE TRIGGER pt_noop BEFORE UPDATE ON pt FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger()"
kind "identity" "CREATE TABLE t (a bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    b int GENERATED BY DEFAULT AS IDENTITY, c smallint GENERATED ALWAYS AS IDENTITY)"
kind "identity options" "CREATE TABLE t (a bigint GENERATED ALWAYS AS IDENTITY (START WITH 1000 INCREMENT BY 10
    CACHE 5) PRIMARY KEY, b int GENERATED BY DEFAULT AS IDENTITY (INCREMENT BY -1 MAXVALUE -10 CYCLE),
    c smallint GENERATED ALWAYS AS IDENTITY (MINVALUE 5 MAXVALUE 500))"
check_contains "identity options are dumped" "$(printf '        identity:\n          kind: by default\n          increment: -1\n          max: -10\n          cycle: true')" "$(cat "$W/models/$SCHEMA.yaml")"
kind "exclusion constraints" "CREATE TABLE t (id int, r tstzrange, s int4range, c boolean,
      EXCLUDE USING gist (r WITH &&) WHERE (NOT c), EXCLUDE USING btree (id WITH =),
      CONSTRAINT s_excl EXCLUDE USING gist (int4range(lower(s), upper(s)) WITH &&) INCLUDE (id)
      DEFERRABLE INITIALLY DEFERRED);
    COMMENT ON CONSTRAINT s_excl ON t IS 'No overlap'"
check_contains "an exclusion constraint is dumped" "$(printf '      - elements:\n          - column: r\n            with: \"&&\"\n        where: NOT c')" "$(cat "$W/models/$SCHEMA.yaml")"
kind "deferrable, not valid, nulls not distinct, constraint comments" "CREATE TABLE p (
      id int PRIMARY KEY DEFERRABLE INITIALLY DEFERRED, a int UNIQUE DEFERRABLE, b int, c int,
      UNIQUE NULLS NOT DISTINCT (b));
    CREATE UNIQUE INDEX ON p (c) NULLS NOT DISTINCT;
    CREATE TABLE q (id int PRIMARY KEY, p_b int, n int);
    ALTER TABLE q ADD CONSTRAINT q_b_fkey FOREIGN KEY (p_b) REFERENCES p (b) NOT VALID;
    ALTER TABLE q ADD CONSTRAINT q_n_check CHECK (n > 0) NOT VALID;
    COMMENT ON CONSTRAINT q_n_check ON q IS 'Positive, checked later';
    COMMENT ON CONSTRAINT p_pkey ON p IS 'The key'"
check_contains "a NOT VALID check is dumped" "$(printf '      - expression: n > 0\n        validated: false\n        comment: Positive, checked later')" "$(cat "$W/models/$SCHEMA.yaml")"
kind "partitioned tables" "CREATE TABLE e (id bigint, at date NOT NULL, region text,
    PRIMARY KEY (id, at, region), CHECK (id > 0)) PARTITION BY RANGE (at);
    CREATE INDEX ON e (region); CREATE TABLE r (id bigint, at date, region text,
    FOREIGN KEY (id, at, region) REFERENCES e);
    CREATE TABLE e1 PARTITION OF e FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
    CREATE TABLE e2 PARTITION OF e FOR VALUES FROM ('2024-02-01') TO (MAXVALUE) PARTITION BY LIST (region);
    CREATE TABLE e2a PARTITION OF e2 FOR VALUES IN ('eu', 'uk'); CREATE TABLE e2z PARTITION OF e2 DEFAULT;
    CREATE TABLE ed PARTITION OF e DEFAULT;
    CREATE TABLE h (id int, v text) PARTITION BY HASH (id);
    CREATE TABLE h0 PARTITION OF h FOR VALUES WITH (MODULUS 2, REMAINDER 0);
    CREATE TABLE h1 (v text, id int); ALTER TABLE h ATTACH PARTITION h1 FOR VALUES WITH (MODULUS 2, REMAINDER 1);
    CREATE TABLE empty_p (a int) PARTITION BY LIST (abs(a))"
check_contains "partitions are dumped nested" "$(printf '      e2:\n        values: FROM (%s) TO (MAXVALUE)\n        partition_by: LIST (region)\n        partitions:' "'2024-02-01'")" "$(cat "$W/models/$SCHEMA.yaml")"
kind "local indexes of partitions" "CREATE TABLE e (id bigint, at date, region text) PARTITION BY RANGE (at);
    CREATE INDEX ON e (region);
    CREATE TABLE e1 PARTITION OF e FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
    CREATE TABLE e2 PARTITION OF e DEFAULT PARTITION BY LIST (region);
    CREATE TABLE e2a PARTITION OF e2 FOR VALUES IN ('eu');
    CREATE INDEX ON e1 (id); CREATE UNIQUE INDEX e1_at ON e1 (at DESC, id) WHERE id > 0;
    CREATE INDEX ON e2 (region, at); CREATE INDEX e2a_brin ON e2a USING brin (at);
    COMMENT ON INDEX e1_at IS 'local'"
check_contains "local indexes of partitions are dumped under them" "$(printf '      e1:\n        values: FROM (%s) TO (%s)\n        indexes:\n          - name: e1_at\n            unique: true\n            columns:\n              - column: at\n                desc: true\n              - id\n            where: id > 0\n            comment: local\n          - columns: [id]\n      e2:\n        default: true\n        indexes:\n          - columns: [region, at]' "'2024-01-01'" "'2024-02-01'")" "$(cat "$W/models/$SCHEMA.yaml")"
kind "privileges" "CREATE TABLE t (id int PRIMARY KEY, a text, b text, c text);
    CREATE SEQUENCE s; GRANT USAGE ON SCHEMA $SCHEMA TO billing_svc;
    GRANT SELECT, INSERT ON t TO billing_svc; GRANT DELETE ON t TO billing_svc WITH GRANT OPTION;
    GRANT SELECT ON t TO PUBLIC; GRANT UPDATE (a, c), SELECT (a, c) ON t TO auth_svc;
    GRANT REFERENCES (b) ON t TO auth_svc; GRANT USAGE ON SEQUENCE s TO auth_svc WITH GRANT OPTION;
    CREATE TYPE mood AS ENUM ('ok'); GRANT USAGE ON TYPE mood TO billing_svc"
check_contains "privileges are dumped" "$(printf '      - to: auth_svc\n        privileges: [SELECT, UPDATE]\n        columns: [a, c]')" "$(cat "$W/models/$SCHEMA.yaml")"
kind "privileges on serial and identity sequences" "CREATE TABLE t (id serial, b bigint GENERATED ALWAYS AS IDENTITY);
    GRANT SELECT, USAGE ON SEQUENCE t_id_seq TO auth_svc; GRANT UPDATE ON SEQUENCE t_b_seq TO billing_svc"
check_contains "privileges on a serial's sequence are dumped" "$(printf '        type: serial\n        sequence_grants:\n          - to: auth_svc\n            privileges: [SELECT, USAGE]')" "$(cat "$W/models/$SCHEMA.yaml")"
kind "owner's privileges" "CREATE TABLE t (id int); REVOKE ALL ON t FROM PUBLIC;
    GRANT SELECT ON t TO CURRENT_USER; REVOKE UPDATE ON t FROM CURRENT_USER"
check_eq "the owner's privileges are not dumped" "" "$(grep grants "$W/models/$SCHEMA.yaml")"
kind "extensions" "CREATE TABLE t (id int PRIMARY KEY, e extensions.citext, es extensions.citext[],
    s text CHECK (extensions.similarity(s, 'x') < 1)); CREATE INDEX ON t (extensions.word_similarity(s, 'y'))"
check_contains "the extensions used are dumped" "extensions: [citext, pg_trgm]" "$(cat "$W/models/$SCHEMA.yaml")"
kind "extensions in the schema" "CREATE EXTENSION hstore SCHEMA $SCHEMA; CREATE EXTENSION \"uuid-ossp\" SCHEMA $SCHEMA;
    CREATE TABLE t (id uuid PRIMARY KEY DEFAULT uuid_generate_v4(), h hstore, e extensions.citext)"
check_contains "the extensions of the schema are dumped" "extensions: [citext, {name: hstore, schema: own}, {name: uuid-ossp, schema: own}]" "$(cat "$W/models/$SCHEMA.yaml")"
kind "generated" "CREATE TABLE t (a int NOT NULL, b int GENERATED ALWAYS AS (a * 2) STORED,
    c text, d text GENERATED ALWAYS AS (upper(c) || '!') STORED)"
kind "primary keys" "CREATE TABLE a (id int PRIMARY KEY);
    CREATE TABLE b (x int, y int, PRIMARY KEY (x, y));
    CREATE TABLE c (id int CONSTRAINT c_pk PRIMARY KEY)"
kind "unique" "CREATE TABLE t (a int UNIQUE, b int, c int, d int CONSTRAINT d_uq UNIQUE,
    UNIQUE (b, c), CONSTRAINT bc2 UNIQUE (c, b))"
kind "foreign keys" "CREATE TABLE p (id int PRIMARY KEY, k int UNIQUE, x int, y int, UNIQUE (x, y));
    CREATE TABLE c (id int PRIMARY KEY,
      p1 int REFERENCES p ON DELETE CASCADE,
      p2 int REFERENCES p (k) ON DELETE SET NULL ON UPDATE CASCADE,
      p3 int CONSTRAINT named_fk REFERENCES p ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED,
      p4 int REFERENCES p DEFERRABLE, x int, y int,
      FOREIGN KEY (x, y) REFERENCES p (x, y) ON DELETE SET DEFAULT);
    CREATE TABLE self (id int PRIMARY KEY, parent int REFERENCES self)"
kind "checks" "CREATE TABLE t (a int CHECK (a > 0), b int, c text,
    CHECK (a < b), CONSTRAINT c_len CHECK (length(c) < 10 AND c <> ''),
    CHECK (c IN ('x', 'y')), CHECK (b BETWEEN 1 AND 5))"
kind "indexes" "CREATE TABLE t (id int, a text, b int, c timestamptz, d int[], e jsonb);
    CREATE INDEX ON t (a); CREATE INDEX ON t (a, b);
    CREATE UNIQUE INDEX ON t (lower(a));
    CREATE INDEX t_desc ON t (b DESC, c NULLS FIRST, a DESC NULLS LAST);
    CREATE INDEX ON t (b) INCLUDE (c, id) WHERE b > 0 AND a IS NOT NULL;
    CREATE INDEX ON t USING hash (a); CREATE INDEX ON t USING gin (d);
    CREATE INDEX ON t USING brin (c);
    CREATE INDEX ON t ((a || 'x'), (b + 1))"
kind "collations and operator classes" "CREATE TABLE t (id int, a text COLLATE \"C\",
    b varchar(20) COLLATE \"POSIX\", c text, e jsonb, f text[] COLLATE \"C\");
    CREATE INDEX ON t (a text_pattern_ops); CREATE INDEX ON t (c COLLATE \"C\" DESC);
    CREATE INDEX ON t (b varchar_pattern_ops, lower(c) COLLATE \"POSIX\");
    CREATE INDEX ON t USING gin (e jsonb_path_ops)"
check_contains "collations and operator classes are dumped" "$(printf '          - column: b\n            opclass: varchar_pattern_ops\n          - expression: lower(c)\n            collation: POSIX')" "$(cat "$W/models/$SCHEMA.yaml")"
kind "storage parameters and unlogged tables" "CREATE UNLOGGED TABLE u (id int, t text)
    WITH (fillfactor = 70, autovacuum_enabled = off, toast.autovacuum_enabled = false);
    CREATE INDEX u_id ON u (id) WITH (fillfactor = 50, deduplicate_items = off);
    CREATE TABLE l (id int) WITH (autovacuum_vacuum_scale_factor = 0.05)"
check_contains "storage parameters are dumped" "$(printf '    unlogged: true\n    with:\n      autovacuum_enabled: "off"\n      fillfactor: 70\n      toast.autovacuum_enabled: false')" "$(cat "$W/models/$SCHEMA.yaml")"
kind "comments on enums, sequences and indexes" "CREATE TYPE mood AS ENUM ('ok');
    COMMENT ON TYPE mood IS 'How it feels'; CREATE SEQUENCE s; COMMENT ON SEQUENCE s IS 'numbers';
    CREATE TABLE t (id int, m mood); CREATE INDEX t_m ON t (m); COMMENT ON INDEX t_m IS 'by mood'"
check_contains "comments on enums are dumped" "$(printf '  mood:\n    values: [ok]\n    comment: How it feels')" "$(cat "$W/models/$SCHEMA.yaml")"
kind "serial columns" "CREATE TABLE t (id serial PRIMARY KEY, b bigserial, s smallserial,
    c serial4, d serial8, e int)"
check_contains "serial columns are dumped as serial types" "$(printf '      id:\n        type: serial\n        primary_key: true\n      b: bigserial\n      s: smallserial\n      c: serial\n      d: bigserial')" "$(cat "$W/models/$SCHEMA.yaml")"
kind "serial with options becomes a sequence" "CREATE TABLE t (id serial PRIMARY KEY, b bigserial);
    ALTER SEQUENCE t_b_seq INCREMENT BY 5 START WITH 100 RESTART 100 MINVALUE 10 CACHE 20 CYCLE"
kind "standalone sequences" "CREATE SEQUENCE s1; CREATE SEQUENCE s2 AS integer START 1000 INCREMENT -2
    MINVALUE -100000 MAXVALUE 5000 CACHE 3 CYCLE; CREATE SEQUENCE \"Odd Seq\" AS smallint;
    CREATE TABLE t (id bigint PRIMARY KEY DEFAULT nextval('s1'), n int DEFAULT nextval('\"Odd Seq\"'),
      o int NOT NULL);
    CREATE SEQUENCE owned_s OWNED BY t.o; ALTER TABLE t ALTER o SET DEFAULT nextval('owned_s');
    CREATE SEQUENCE t_n_seq OWNED BY t.n"
check_contains "standalone sequences are dumped with their options" "$(printf '  s2:\n    type: integer\n    start: 1000\n    increment: -2\n    min: -100000\n    max: 5000\n    cache: 3\n    cycle: true\n')" "$(cat "$W/models/$SCHEMA.yaml")"
kind "domains" "CREATE TYPE mood AS ENUM ('a', 'b');
    CREATE DOMAIN posint AS int CHECK (VALUE > 0);
    CREATE DOMAIN email AS varchar(200) COLLATE \"C\" NOT NULL DEFAULT 'x@y'
      CONSTRAINT has_at CHECK (VALUE LIKE '%@%') CHECK (length(VALUE) > 2);
    COMMENT ON DOMAIN email IS 'An address';
    CREATE DOMAIN moods AS mood[]; CREATE DOMAIN \"Odd Dom\" AS text;
    CREATE DOMAIN small AS posint DEFAULT 1 CHECK (VALUE < 10);
    CREATE TABLE t (id int PRIMARY KEY, p posint NOT NULL DEFAULT 5, e email, m moods,
      ps posint[], o \"Odd Dom\", s small)"
check_contains "a domain's one unnamed check is dumped without its name" "$(printf '  posint:\n    type: integer\n    checks:\n      - expression: VALUE > 0\n')" "$(cat "$W/models/$SCHEMA.yaml")"
kind "replica identity" "CREATE TABLE t (id int); ALTER TABLE t REPLICA IDENTITY FULL;
    CREATE TABLE nn (id int); ALTER TABLE nn REPLICA IDENTITY NOTHING;
    CREATE TABLE u (id int NOT NULL, \"Odd\" int NOT NULL, UNIQUE (\"Odd\"));
    CREATE UNIQUE INDEX u_id ON u (id); ALTER TABLE u REPLICA IDENTITY USING INDEX u_id;
    CREATE TABLE k (id int PRIMARY KEY); ALTER TABLE k REPLICA IDENTITY USING INDEX k_pkey;
    CREATE TABLE pt (id int) PARTITION BY RANGE (id); ALTER TABLE pt REPLICA IDENTITY FULL"
check_eq "replica identity: dump writes each but DEFAULT" "  k:
    replica_identity:
      index: k_pkey
  nn:
    replica_identity: nothing
  pt:
    replica_identity: full
  t:
    replica_identity: full
  u:
    replica_identity:
      index: u_id" "$(grep -e '^  [a-z]*:$' -e '^    replica_identity' -e '^      index:' "$W/models/$SCHEMA.yaml")"
kind "composite types" "CREATE DOMAIN posint AS int CHECK (VALUE > 0);
    CREATE TYPE pair AS (a int, b posint, \"c d\" varchar(10));
    COMMENT ON TYPE pair IS 'two'; CREATE TYPE empty AS ();
    CREATE TYPE nest AS (p pair, ps pair[]);
    CREATE TABLE t (id int PRIMARY KEY, pr pair, prs pair[] NOT NULL, n nest)"
kind "quoted names" "CREATE TABLE \"Order Lines\" (\"select\" int PRIMARY KEY, \"Qty\" numeric(10,2),
    \"we\"\"ird\" text, CONSTRAINT \"Odd \"\"uq\"\"\" UNIQUE (\"Qty\"));
    CREATE INDEX \"Idx Q\" ON \"Order Lines\" (\"we\"\"ird\");
    CREATE TABLE \"user\" (id int PRIMARY KEY REFERENCES \"Order Lines\")"
kind "long names" "CREATE TABLE $(printf 'a%.0s' $(seq 1 61)) ($(printf 'b%.0s' $(seq 1 43)) int UNIQUE,
    $(printf 'c%.0s' $(seq 1 50)) int, CHECK ($(printf 'c%.0s' $(seq 1 50)) > 0))"

# The dump of a whole schema, made by migrations, passes check.
reset_schema
cat > "$W/migrations/$SCHEMA/20260101000000_objects.sql" <<'SQL'
-- migrate:up
CREATE TYPE shop.state AS ENUM ('new', 'done');
CREATE DOMAIN shop.posint AS integer CHECK (VALUE > 0);
CREATE TYPE shop.dims AS (w shop.posint, h shop.posint);
CREATE TABLE shop.items (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name text NOT NULL UNIQUE,
	state shop.state NOT NULL DEFAULT 'new',
	price numeric(10,2) CHECK (price >= 0),
	size shop.dims
);
CREATE TABLE shop.parts (
	item_id bigint NOT NULL REFERENCES shop.items ON DELETE CASCADE,
	n int NOT NULL,
	label varchar(40),
	PRIMARY KEY (item_id, n)
);
CREATE INDEX ON shop.parts (lower(label)) WHERE label IS NOT NULL;
COMMENT ON TABLE shop.items IS 'Things';
CREATE SEQUENCE shop.ticket_no AS integer START 100;
CREATE TABLE shop.tickets (
	id bigserial PRIMARY KEY,
	no integer NOT NULL DEFAULT nextval('shop.ticket_no'),
	seat smallint GENERATED BY DEFAULT AS IDENTITY (START WITH 10 INCREMENT BY 2)
);
ALTER SEQUENCE shop.ticket_no OWNED BY shop.tickets.no;
CREATE UNLOGGED TABLE shop.scratch (k text COLLATE "C", v text) WITH (fillfactor = 70);
CREATE INDEX scratch_k ON shop.scratch (k text_pattern_ops) WITH (fillfactor = 80);
COMMENT ON INDEX shop.scratch_k IS 'Prefixes';
COMMENT ON TYPE shop.state IS 'Where it is';
COMMENT ON SEQUENCE shop.ticket_no IS 'Numbers';
CREATE TABLE shop.readings (
	item_id bigint NOT NULL REFERENCES shop.items,
	at date NOT NULL,
	value numeric,
	PRIMARY KEY (item_id, at)
) PARTITION BY RANGE (at);
CREATE INDEX ON shop.readings (value);
CREATE TABLE shop.readings_2024 PARTITION OF shop.readings
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY HASH (item_id);
CREATE TABLE shop.readings_2024_0 PARTITION OF shop.readings_2024
    FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE shop.readings_2024_1 PARTITION OF shop.readings_2024
    FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE TABLE shop.readings_rest PARTITION OF shop.readings DEFAULT;
-- migrate:down
DROP TABLE shop.readings;
DROP TABLE shop.scratch;
DROP TABLE shop.tickets;
DROP TABLE shop.parts;
DROP TABLE shop.items;
DROP TYPE shop.dims;
DROP DOMAIN shop.posint;
DROP TYPE shop.state;
SQL
run_capture "$VERIFIER" migrate --schema $SCHEMA --migrations "$W/migrations/$SCHEMA" --db "$URL"
check_eq "migrate the objects file" 0 "$RC"
run_capture "$VERIFIER" dump --schema $SCHEMA --db "$URL"
check_eq "dump to stdout exits 0" 0 "$RC"
printf '%s\n' "$OUT" > "$W/models/$SCHEMA.yaml"
run_capture "$VERIFIER" check --schema $SCHEMA --models "$W/models" --migrations "$W/migrations/$SCHEMA" --db "$URL"
check_eq "check accepts the dump (replay, models and live database agree)" 0 "$RC"
[ $RC -eq 0 ] || echo "$OUT" | sed 's/^/#   /'
check_contains "check says ok" "check $SCHEMA: ok" "$OUT"

# unsupported KIND NAME SQL: dump and diff both refuse with the message.
unsupported() {
	local kind=$1 name=$2 sql=$3
	reset_schema
	if ! out=$(psql -X -q -d $DB -v ON_ERROR_STOP=1 -c "SET search_path = $SCHEMA" -c "$sql" 2>&1); then
		fail "$kind: fixture SQL" "$out"; return
	fi
	run_capture "$VERIFIER" dump --schema $SCHEMA --db "$URL"
	if [ $RC -eq 1 ] && [[ $OUT == *"unsupported: $kind $SCHEMA.$name"* ]]; then
		pass "$kind: dump reports unsupported: $kind $SCHEMA.$name"
	else
		fail "$kind: dump reports unsupported: $kind $SCHEMA.$name" "rc=$RC $OUT"
	fi
	run_capture "$VERIFIER" diff --schema $SCHEMA --models "$TOP/tests/schema" --db "$URL"
	if [ $RC -eq 1 ] && [[ $OUT == *"unsupported: $kind $SCHEMA.$name"* ]]; then
		pass "$kind: diff reports it too"
	else
		fail "$kind: diff reports it too" "rc=$RC $OUT"
	fi
}
# (tests/schema/shop.yaml is the models for the diff above.)
unsupported "column privileges on a view" "v.x" "CREATE VIEW v AS SELECT 1 AS x;
    GRANT SELECT (x) ON v TO auth_svc"
unsupported "aggregate" "agg(integer)" "CREATE AGGREGATE agg(int) (SFUNC = int4pl, STYPE = int)"
unsupported "privileges on a function" "f(integer)" "CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x';
    REVOKE EXECUTE ON FUNCTION f(int) FROM PUBLIC"
unsupported "trigger calling a function of another schema" "t.trg (public.vf_trg)" "CREATE TABLE t (id int);
    CREATE FUNCTION public.vf_trg() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
    CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION public.vf_trg()"
unsupported "policy on a partition" "pt1.pol" "CREATE TABLE pt (id int) PARTITION BY RANGE (id);
    CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (1) TO (10); CREATE POLICY pol ON pt1 USING (id > 0)"
unsupported "row level security on a partition" "pt1" "CREATE TABLE pt (id int) PARTITION BY RANGE (id);
    CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (1) TO (10); ALTER TABLE pt1 ENABLE ROW LEVEL SECURITY"
unsupported "replica identity of a partition" "pt1" "CREATE TABLE pt (id int) PARTITION BY RANGE (id);
    CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (1) TO (10); ALTER TABLE pt1 REPLICA IDENTITY FULL"
unsupported "index on only a partitioned table" "pt.pt_x_idx" "CREATE TABLE pt (id int, x int) PARTITION BY RANGE (id);
    CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (1) TO (10); CREATE INDEX pt_x_idx ON ONLY pt (x)"
unsupported "constraint on a partition" "pt1.pt1_x_check" "CREATE TABLE pt (id int, x int) PARTITION BY RANGE (id);
    CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (1) TO (10); ALTER TABLE pt1 ADD CHECK (x > 0)"
unsupported "constraint trigger with FROM" "t.trg" "CREATE TABLE t (id int); CREATE TABLE u (id int);
    CREATE CONSTRAINT TRIGGER trg AFTER INSERT ON t FROM u FOR EACH ROW
      EXECUTE FUNCTION suppress_redundant_updates_trigger()"
unsupported "trigger on a partition" "pt1.trg" "CREATE TABLE pt (id int) PARTITION BY RANGE (id);
    CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (1) TO (10);
    CREATE TRIGGER trg BEFORE UPDATE ON pt1 FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger()"
unsupported "comment on a partition" "pt1" "CREATE TABLE pt (id int) PARTITION BY RANGE (id);
    CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (1) TO (10); COMMENT ON TABLE pt1 IS 'x'"
unsupported "privileges on a partition" "pt1" "CREATE TABLE pt (id int) PARTITION BY RANGE (id);
    CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (1) TO (10); GRANT SELECT ON pt1 TO auth_svc"
unsupported "partition of a table in another schema" "pt1" "DROP TABLE IF EXISTS public.vf_pt;
    CREATE TABLE public.vf_pt (id int) PARTITION BY RANGE (id);
    CREATE TABLE pt1 PARTITION OF public.vf_pt FOR VALUES FROM (1) TO (10)"
unsupported "inherited table" "child" "CREATE TABLE parent (id int); CREATE TABLE child (x int) INHERITS (parent)"
unsupported "collation" "mycoll" "CREATE COLLATION mycoll FROM \"C\""
unsupported "collation from another schema" "t.c (public.vf_coll)" "DROP COLLATION IF EXISTS public.vf_coll;
    CREATE COLLATION public.vf_coll FROM \"POSIX\"; CREATE TABLE t (c text COLLATE public.vf_coll)"
unsupported "collation of an attribute" "pair.b" "CREATE TYPE pair AS (a int, b text COLLATE \"C\")"
unsupported "range type" "floatrange" "CREATE TYPE floatrange AS RANGE (subtype = float8)"
unsupported "rule" "t.r" "CREATE TABLE t (id int); CREATE RULE r AS ON INSERT TO t DO INSTEAD NOTHING"
unsupported "type from another schema" "t.c (public.vf_mood)" "DROP TYPE IF EXISTS public.vf_mood;
    CREATE TYPE public.vf_mood AS ENUM ('a'); CREATE TABLE t (c public.vf_mood)"
unsupported "foreign key to another schema" "t.t_r_fkey" "DROP TABLE IF EXISTS public.vf_ref;
    CREATE TABLE public.vf_ref (id int PRIMARY KEY); CREATE TABLE t (r int REFERENCES public.vf_ref)"
unsupported "statistics" "st" "CREATE TABLE t (a int, b int); CREATE STATISTICS st ON a, b FROM t"

# Valid in PostgreSQL, not in a model: said by dump only (diff compares
# them fine).
dump_unsupported() {
	local what=$1 sql=$2
	reset_schema
	q $DB "SET search_path = $SCHEMA; $sql" >/dev/null
	run_capture "$VERIFIER" dump --schema $SCHEMA --db "$URL"
	if [ $RC -eq 1 ] && [[ $OUT == *"unsupported: $what"* ]]; then
		pass "dump reports unsupported: $what"
	else
		fail "dump reports unsupported: $what" "rc=$RC $OUT"
	fi
}
dump_unsupported "enum without labels $SCHEMA.e" "CREATE TYPE e AS ENUM ()"
dump_unsupported "empty label of enum $SCHEMA.e" "CREATE TYPE e AS ENUM ('')"

# What only the proof finds (an operator class's own parameters) is
# refused too.
reset_schema
q $DB "CREATE TABLE $SCHEMA.t (d tsvector); CREATE INDEX ON $SCHEMA.t USING gist (d tsvector_ops (siglen = 100))" >/dev/null
run_capture "$VERIFIER" dump --schema $SCHEMA --db "$URL"
check_eq "dump of an operator class with parameters exits 1" 1 "$RC"
check_contains "dump says a model cannot say it" "unsupported: a model cannot say this" "$OUT"
