#!/usr/bin/env bash
# 25_expected_expr.sh: expected_expr.c's printed defaults and checks are
# PostgreSQL's own, byte for byte.  Each case is created in a scratch
# database (a column with a default, or a table with a check); the server's
# pg_get_expr() / pg_get_constraintdef() under search_path = pg_catalog
# must equal what xp_default() / xp_check() / xp_check_def() print, or
# these must decline.  A case the server refuses must be declined too.
# Prints how many were printed and how many declined.
. "$TOP/tests/lib.sh"
XP="$BUILD/tests/xp_print"
DB=xp_expr
T="$TEST_TMP"
mkdir -p "$T"

# Cases, one a line:
#   D<TAB>column type<TAB>kind<TAB>default
#     (kind -: xp_default(); s: xp_default_col() in the model schema s;
#     e: the same, the type an enum)
#   C<TAB>name:type[:e];...<TAB>check
#   W<TAB>name:type[:e];...<TAB>predicate of an index on the first column
#   X<TAB>name:type[:e];...<TAB>index key expression
#   M<TAB>type<TAB>kind<TAB>default of a domain over type
#   V<TAB>type<TAB>kind<TAB>check of a domain over type
# The types are written as format_type() prints them.
cat > "$T/cases" <<'CASES'
D	integer	-	0
D	integer	-	42
D	integer	-	-1
D	integer	-	1.5
D	integer	-	'5'
D	integer	-	3000000000
D	integer	-	1e3
D	integer	-	'05'
D	integer	-	'x'
D	bigint	-	0
D	bigint	-	-1
D	bigint	-	'5'
D	bigint	-	3000000000
D	bigint	-	nextval('s.q')
D	bigint	-	nextval('s.q'::regclass)
D	bigint	-	nextval('S.Q')
D	bigint	-	nextval('q')
D	bigint	s	nextval('q')
D	bigint	s	nextval('"Q"')
D	bigint	s	nextval('Q')
D	bigint	s	nextval('q'::regclass)
D	integer	s	nextval('s.q')
D	bigint	-	nextval('"s"."q"')
D	bigint	-	nextval('S."Q"')
D	bigint	-	nextval('s."Q"'::regclass)
D	integer	-	nextval('s.q')
D	smallint	-	0
D	smallint	-	'7'
D	smallint	-	-3
D	numeric(12,2)	-	0
D	numeric(12,2)	-	0.00
D	numeric(12,2)	-	1.5
D	numeric(12,2)	-	-1.5
D	numeric(12,2)	-	'5'
D	numeric(12,2)	-	'5.25'
D	numeric	-	0
D	numeric	-	10.0
D	numeric	-	.5
D	numeric	-	'-2'
D	real	-	0
D	real	-	'1.5'
D	real	-	'0.1'
D	real	-	1.5
D	double precision	-	0
D	double precision	-	'2.25'
D	double precision	-	'1.0'
D	text	-	''
D	text	-	'x'
D	text	-	'it''s'
D	text	-	'a\b'
D	text	-	'x'::text
D	text	-	0
D	character varying(20)	-	''
D	character varying(20)	-	'pending'
D	character varying(20)	-	'pending'::character varying
D	character varying(20)	-	'pending'::varchar
D	character varying	-	'x'
D	character(3)	-	'abc'
D	character(1)	-	'N'
D	boolean	-	true
D	boolean	-	false
D	boolean	-	TRUE
D	boolean	-	'true'
D	boolean	-	'f'
D	boolean	-	'yes'
D	boolean	-	0
D	boolean	-	'maybe'
D	s.st	e	'a'
D	s.st	e	'b'::s.st
D	s.st	e	'b'::st
D	s.st	e	'b'::"st"
D	s.st	-	'b'::st
D	text	s	'b'::text
D	text	s	'b'::pg_catalog.text
D	s.st	-	'a'
D	s.dm	-	'a'
D	uuid	-	gen_random_uuid()
D	uuid	-	'00000000-0000-0000-0000-000000000000'
D	uuid	-	'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'
D	jsonb	-	'{}'
D	jsonb	-	'[]'
D	jsonb	-	'{}'::jsonb
D	jsonb	-	'{"a":1}'
D	json	-	'{}'
D	text[]	-	'{}'
D	text[]	-	'{}'::text[]
D	text[]	-	'{a,b}'
D	text[]	-	'{a, b}'
D	text[]	-	'{NULL}'
D	timestamp with time zone	-	now()
D	timestamp with time zone	-	pg_catalog.now()
D	timestamp with time zone	-	CURRENT_TIMESTAMP
D	timestamp with time zone	-	current_timestamp
D	timestamp with time zone	-	CURRENT_TIMESTAMP(3)
D	timestamp with time zone	-	clock_timestamp()
D	timestamp with time zone	-	statement_timestamp()
D	timestamp with time zone	-	transaction_timestamp()
D	timestamp with time zone	-	LOCALTIMESTAMP
D	timestamp with time zone	-	CURRENT_DATE
D	timestamp with time zone	-	'infinity'
D	timestamp with time zone	-	'2020-01-01'
D	timestamp with time zone	-	now() + interval '1 day'
D	timestamp with time zone	-	(now() AT TIME ZONE 'utc')
D	timestamp(3) with time zone	-	now()
D	timestamp without time zone	-	now()
D	timestamp without time zone	-	LOCALTIMESTAMP
D	timestamp without time zone	-	LOCALTIMESTAMP(0)
D	timestamp without time zone	-	'-infinity'
D	timestamp(6) without time zone	-	CURRENT_TIMESTAMP
D	date	-	CURRENT_DATE
D	date	-	now()
D	date	-	'infinity'
D	date	-	'2020-01-01'
D	time without time zone	-	now()
D	interval	-	'1 day'
D	integer	-	NULL
D	bigint	-	0::bigint
D	numeric	-	0::numeric
D	integer	-	0::integer
D	integer	-	(-1)::integer
D	real	-	1.5::real
D	smallint	-	0::smallint
D	numeric(12,2)	-	0::numeric(12,2)
D	date	-	now()::date
D	timestamp with time zone	-	now()::timestamp with time zone
D	timestamp with time zone	-	now()::timestamptz
D	text[]	-	'{}'::text[]
D	text[]	-	ARRAY[]::text[]
D	text	-	'x'::varchar::text
D	integer	-	-2147483648
D	integer	-	2147483648
D	bigint	-	-9223372036854775808
D	bigint	-	9223372036854775808
D	numeric	-	-0.0
D	numeric	-	-0.50
D	real	-	'-0.0'
D	real	-	'-0.5'
D	character varying(20)	-	'x'::text
D	text	-	'x'::varchar
D	character(2)	-	'x'::text
D	bigint	-	'5'::integer
D	integer	-	'5'::bigint
D	numeric	-	'1'::integer
D	jsonb	-	'{}'::json
D	text	-	true
D	boolean	-	'x'::boolean
D	int	-	-7
D	int4	-	7
D	int8	-	'8'
D	int2	-	'2'
D	decimal(10,2)	-	'1.50'
D	decimal	-	2
D	float4	-	'0.5'
D	float8	-	'0.25'
D	varchar(20)	-	'x'
D	varchar	-	'x'
D	char(2)	-	'FR'
D	character	-	'x'
D	bpchar	-	'x'
D	bool	-	'on'
D	timestamptz	-	now()
D	timestamptz(0)	-	CURRENT_TIMESTAMP(0)
D	timestamp	-	LOCALTIMESTAMP
D	timestamp(3)	-	now()
D	integer	-	(1)
D	integer	-	1 + 1
D	numeric	-	1 + 1.5
D	bigint	-	2 * 3
D	text	-	'a' || 'b'
D	integer	-	-(1)
C	a:integer	a >= 0
C	a:int	a >= 0
C	a:int8;b:int2	a >= b
C	a:decimal(10,2)	a >= 0
C	a:varchar(10)	a IN ('x', 'y')
C	a:char(2)	a <> 'x'
C	a:timestamptz;b:timestamptz	a < b
C	a:bool	a IS NOT TRUE
C	a:integer	a > 0
C	a:integer	(a > 0)
C	a:integer	a >= 0.5
C	a:integer	a > -1
C	a:integer	a <> '5'
C	a:integer	0 <= a
C	a:bigint	a >= 0
C	a:bigint	a > -1
C	a:bigint	a <= 3000000000
C	a:smallint	a >= 0
C	a:numeric(12,2)	a >= 0
C	a:numeric(12,2)	a > 0
C	a:numeric(12,2)	a >= 0.01
C	a:numeric	a > -1
C	a:numeric	a > -1.5
C	a:numeric	a <> '0'
C	a:real	a >= 0
C	a:real	a > 0.5
C	a:double precision	a >= 0
C	a:double precision	a < 1.5
C	a:text	a <> ''
C	a:text	a <> 'it''s'
C	a:character varying(10)	a <> ''
C	a:character(3)	a <> ''
C	a:s.st:e	a <> 'a'
C	a:s.st:e	a = 'a'::s.st
C	a:s.st	a <> 'a'
C	a:s.dm	a <> 'a'
C	a:text	a IN ('x', 'y')
C	a:text	a in ('x')
C	a:text	a NOT IN ('x', 'y', 'z')
C	a:character varying(10)	a IN ('x', 'y')
C	a:character varying(10)	a NOT IN ('x', 'y')
C	a:character(3)	a IN ('x', 'y')
C	a:s.st:e	a IN ('a', 'b')
C	a:integer	a IN (1, 2, 3)
C	a:integer	a NOT IN (1, 2)
C	a:integer	a IN (1)
C	a:integer	a IN (1, 2.5)
C	a:bigint	a IN (1, 2)
C	a:smallint	a IN (1, 2)
C	a:numeric	a IN (1, 2.5)
C	a:text	a IN ('x', a)
C	a:integer	a BETWEEN 1 AND 10
C	a:integer	a > -2147483648
C	a:character varying(5)	a BETWEEN 'a' AND 'b'
C	a:text	a NOT BETWEEN 'a' AND 'b'
C	a:integer	(a > 0) IS NOT NULL
C	a:integer	NOT a IN (1, 2)
C	a:integer	a IN (1, '5')
C	a:integer	a IN (1, 3000000000)
C	a:integer	a IN (1, NULL)
C	a:text	a IN (1, 2)
C	a:text	a = 5
C	a:boolean	a = 1
C	a:integer	a NOT BETWEEN 1 AND 10
C	a:numeric	a BETWEEN 0 AND 1
C	a:integer	a BETWEEN SYMMETRIC 1 AND 10
C	a:integer;b:integer	a BETWEEN 1 AND 10 AND b > 0
C	a:integer;b:integer	a > 0 AND b > 0
C	a:integer;b:integer	a > 0 AND b > 0 AND a < b
C	a:integer;b:integer	a > 0 OR b > 0 AND a < 5
C	a:integer;b:integer	(a > 0 OR b > 0) AND a < 5
C	a:integer;b:integer	NOT (a > 0 AND b > 0)
C	a:integer;b:boolean	a > 0 or a < -5 and b
C	a:real	a >= '123456'
C	a:double precision	a <> '0.125'
C	a:integer;b:integer	a <= b
C	a:integer;b:bigint	a <= b
C	a:integer;b:numeric	a <= b
C	a:real;b:integer	a <= b
C	a:text;b:character varying(5)	a = b
C	a:character varying(5);b:character varying(5)	a = b
C	a:timestamp with time zone;b:timestamp with time zone	a < b
C	a:timestamp with time zone;b:timestamp with time zone	b IS NULL OR b > a
C	a:date;b:date	b >= a
C	a:timestamp with time zone	a <= now()
C	a:timestamp without time zone	a <= now()
C	a:date	a <= CURRENT_DATE
C	a:text	a IS NOT NULL
C	a:text	a IS NULL
C	a:text;b:text	a IS NOT NULL OR b IS NOT NULL
C	a:boolean	a
C	a:boolean	NOT a
C	a:boolean	a = true
C	a:boolean	a IS TRUE
C	a:boolean	a IS NOT FALSE
C	a:boolean	a IS UNKNOWN
C	a:text	length(a) > 0
C	a:text	length(a) <= 255
C	a:character varying(5)	length(a) > 0
C	a:character(3)	length(a) = 3
C	a:text	char_length(a) <= 100
C	a:character varying(100)	char_length(a) <= 100
C	a:text	length(btrim(a)) > 0
C	a:text	btrim(a) <> ''
C	a:text	lower(a) = a
C	a:character varying(5)	lower(a) = a
C	a:text	upper(a) = a
C	a:text	a ~ '^[a-z]+$'
C	a:text	a ~* '^x'
C	a:text	a !~ 'x'
C	a:character varying(20)	a ~ '^[a-z]+$'
C	a:text	a ~ '\d'
C	a:text	a LIKE 'x%'
C	a:text	a NOT LIKE 'x%'
C	a:text	a ILIKE 'x%'
C	a:text	a LIKE 'x%' ESCAPE '!'
C	a:text	a SIMILAR TO 'x'
C	a:text	a = 'x'::text
C	a:text	a = lower(a) COLLATE "C"
C	a:integer	-a < 0
C	a:integer	a + 1 > 0
C	a:integer	a > 0::integer
C	a:integer	a IS DISTINCT FROM 1
C	a:integer;b:integer	a + b <= 100
C	a:smallint;b:integer	a * b > 0
C	a:integer;b:bigint	a - b > 0
C	a:integer;b:numeric	a * b > 0
C	a:numeric;b:numeric	a * b >= 0
C	a:real;b:integer	a + b > 0
C	a:real;b:real	a + b > 0
C	a:real;b:double precision	a + b > 0
C	a:integer	a % 2 = 0
C	a:integer	a / 2 > 1
C	a:integer	-a < 0
C	a:integer	+a > 0
C	a:real	-a < 0
C	a:numeric	-a < 0
C	a:smallint	-a < 0
C	a:numeric	a + 1 > 0
C	a:integer	a + 1.5 > 0
C	a:integer	a + '1' > 0
C	a:text;b:text	a || b <> ''
C	a:text;b:character varying(3)	a || b <> ''
C	a:character varying(3)	a || 'x' <> ''
C	a:text	a || ' ' || a <> ''
C	a:text	'x' || a <> ''
C	a:text;b:integer	a || b <> ''
C	a:integer;b:integer;c:integer	a + b * c > 0
C	a:integer;b:integer;c:integer	(a + b) * c > 0
C	a:integer;b:integer	a - -b > 0
C	a:smallint;b:smallint	a + b > 0
C	a:smallint	a + 1 > 0
C	a:numeric	a * 100 > 0
C	a:bigint	a % 2 = 0
C	a:numeric	a % 2 = 0
C	a:smallint	a % 2 = 0
C	a:smallint;b:bigint	a % b = 0
C	a:integer;b:smallint	a % b = 0
C	a:integer	a / 2.0 > 1
C	a:real;b:real	a * b > 1.5
C	a:double precision;b:integer	a / b > 1
C	a:real	a % 2 = 0
C	a:integer;b:integer	a + b BETWEEN 1 AND 10
C	a:integer;b:integer	a + b IN (1, 2)
C	a:timestamp with time zone	a + interval '1 day' > now()
C	a:date	a + 1 > CURRENT_DATE
C	a:integer	a ^ 2 > 0
C	a:integer	1 + 1 = a
C	a:integer	'1' + '2' = a
C	a:text	'a' || 'b' = a
C	a:integer	a::integer > 0
C	a:character varying(5)	a::text <> ''
C	a:character varying(5)	a::varchar <> ''
C	a:numeric(12,2)	a::numeric > 0
C	a:numeric	a::numeric > 0
C	a:integer	a::numeric > 0.5
C	a:integer	a::bigint > 0
C	a:integer	(a)::smallint > 0
C	a:real	a::double precision > 0
C	a:character(3)	a::text <> ''
C	a:character(3)	a::bpchar <> ''
C	a:text	a::varchar(3) <> ''
C	a:integer	0.5::integer < a
C	a:integer	'5'::integer < a
C	a:numeric	a >= 0::numeric
C	a:bigint	a >= 0::bigint
C	a:timestamp with time zone	a::date <= now()::date
C	a:timestamp(3) without time zone	a::timestamp <= LOCALTIMESTAMP
C	a:timestamp with time zone	a <= now()::timestamp with time zone
C	a:text	a = ANY (ARRAY['x', 'y'])
C	a:character varying(4)	a = ANY (ARRAY['x', 'y'])
C	a:character varying(4)	a = ANY (ARRAY['x'::varchar, 'y'::varchar])
C	a:numeric	a = ANY (ARRAY[1, 2])
C	a:integer	a = ANY (ARRAY[1.5, 2])
C	a:bigint	a = ANY (ARRAY[1, 2])
C	a:integer	a <> ALL (ARRAY[1, 2])
C	a:integer	a < ANY (ARRAY[1, 2])
C	a:integer	a = ANY (ARRAY[a, 2])
C	a:text	a = ANY (ARRAY['x'::text, 'y'::text]::text[])
C	a:character varying(4)	a::text = ANY (ARRAY['x'::varchar, 'y'::varchar]::text[])
C	a:integer	a = ANY (ARRAY[(1)::bigint, 2])
C	a:s.st:e	a = ANY (ARRAY['a'::s.st, 'b'])
C	a:s.st:e	a = ANY (ARRAY['a', 'b'])
C	a:real	a = ANY (ARRAY[1, 2])
C	a:integer	a = ANY ('{1,2}')
C	a:integer	a = ANY (ARRAY[]::integer[])
C	a:text	a ~~ 'x%'
C	a:text	a !~~* 'x%'
C	"A":integer	"A" > 0
C	"user":integer	"user" > 0
C	a:uuid	a <> '00000000-0000-0000-0000-000000000000'
C	a:jsonb	a <> '{}'
C	a:jsonb;b:jsonb	a <> b
C	a:uuid;b:uuid	a <> b
C	a:json	a::text <> '{}'
C	a:text[]	a <> '{}'
C	a:smallint	a IN (1, 100000)
C	a:smallint	a IN (1, 3000000000)
C	a:bigint	a IN (1, 3000000000)
C	a:integer	a IN (-1, 2)
C	a:numeric(12,2)	a IN (0, 1.5, -2)
C	a:character varying(10)	a IN ('x', 'y'::text)
C	a:character varying(10)	a IN ('x'::text, 'y'::text)
C	a:text	a IN ('x'::character varying, 'y')
C	a:s.st:e	a NOT IN ('a')
C	a:boolean;b:integer	a OR b > 0
C	a:boolean;b:integer	NOT a AND b > 0
C	a:integer;b:integer;c:integer	(a > 0 AND b > 0) OR (c > 0 AND a < 0)
C	a:integer;b:integer;c:integer	a > 0 AND (b > 0 AND c > 0)
C	a:integer;b:integer;c:integer	a > 0 OR (b > 0 OR c > 0)
C	a:integer	a NOT BETWEEN 1 AND 10 OR a IS NULL
C	a:text	NOT (a IS NULL)
C	a:text	a <> '' AND a IS NOT NULL
C	a:character varying(3)	a NOT LIKE '%x'
C	a:character(3)	char_length(a) = 3
C	a:character(3)	lower(a) = a
C	a:integer	true
C	a:integer	a = NULL
C	a:text	a <> 'é'
C	a:text	a <> ' x '
C	a:numeric	a >= 0.10
C	a:numeric	a >= 1e3
C	a:integer	a >= 05
C	a:integer	a BETWEEN -5 AND 5
C	a:date	a > '2020-01-01'
C	a:boolean	a = 'true'
C	a:boolean	a <> 'yes'
C	a:integer	b > 0
W	a:integer	a > 0
W	a:text;b:timestamp with time zone	b IS NULL
W	a:text;b:integer	b > 0 AND a <> ''
W	a:text;b:integer	(b > 0 AND b < 5) AND a <> ''
W	a:text;b:integer	b > 0 AND (b < 5 AND a <> '')
W	a:integer;b:boolean	NOT (a = 1)
W	a:integer;b:boolean	b = true
W	a:integer;b:boolean	b
W	a:integer;b:boolean	NOT b
W	a:text	a IN ('x', 'y')
W	a:character varying(4)	a IN ('x', 'y')
W	a:integer;b:integer	a BETWEEN 1 AND 5 AND b > 0
W	a:integer	true
W	a:integer	a > 0 AND true
W	a:s.st:e	a <> 'b'
X	e:text	lower(e)
X	e:character varying(20)	lower(e)
X	e:character varying(20)	upper(e)
X	e:text	btrim(e)
X	e:character(3)	length(e)
X	e:character varying(5)	length(e)
X	"E":text	lower("E")
X	d:jsonb	d->>'k'
X	d:jsonb	d->'k'
X	d:json	d->>'k'
X	d:jsonb	d->>0
X	d:jsonb	d->>'it''s'
X	d:jsonb	(d->>'n')::integer
X	e:text	e || 'x'
X	e:text;f:text	lower(e || f)
M	integer	-	0
M	character varying(10)	-	'x'
M	numeric	-	0
M	s.st	e	'a'
M	timestamp with time zone	-	now()
M	text	-	NULL
V	integer	-	VALUE > 0
V	integer	-	value > 0
V	integer	-	"value" > 0
V	integer	-	"VALUE" > 0
V	text	-	VALUE ~ '^[a-z]+$'
V	character varying(10)	-	VALUE <> ''
V	numeric	-	VALUE >= 0
V	text	-	VALUE IN ('a', 'b')
V	text	-	length(VALUE) < 5
V	integer	-	VALUE IS NOT NULL
V	integer	-	VALUE BETWEEN 1 AND 10
V	s.st	e	VALUE <> 'a'
V	s.st	-	VALUE <> 'a'
V	integer	-	VALUE > 0 AND x > 0
V	character(2)	-	char_length(VALUE) = 2
CASES

fresh_db "$DB" || { fail "expected_expr: scratch database"; exit 0; }
q "$DB" "CREATE SCHEMA s; CREATE TYPE s.st AS ENUM ('a', 'b');
    CREATE DOMAIN s.dm AS text; CREATE SEQUENCE s.q;
    CREATE SEQUENCE s.\"Q\"; CREATE SCHEMA r" >/dev/null

# run_cases CASES SCHEMA: builds each case in SCHEMA (tables t<N>, w<N>,
# x<N> for line N, each statement on its own so that a refused one does
# not stop the rest), reads the server's printed forms into CASES.server
# ("N<TAB>printed...", NONE: nothing stored), runs xp_print on the cases
# into CASES.ours, compares them into CASES.result and sets PRINTED,
# DECLINED and BAD.
run_cases() {
	local cases=$1 sch=$2 rc
	awk -F'\t' -v sch="$sch" '
	function sqlcols(s,   n, i, p, out, k) {
		n = split(s, p, ";")
		for (i = 1; i <= n; i++) {
			k = p[i]; sub(/:e$/, "", k); sub(/:/, " ", k)
			out = out (i > 1 ? ", " : "") k
		}
		return out
	}
	$1 == "D" { printf "CREATE TABLE %s.t%d (c %s DEFAULT (%s));\n", sch, NR, $2, $4 }
	$1 == "C" { printf "CREATE TABLE %s.t%d (%s, CONSTRAINT k CHECK (%s));\n", sch, NR, sqlcols($2), $3 }
	$1 == "W" || $1 == "X" { printf "CREATE TABLE %s.%s%d (%s);\n", sch, tolower($1), NR, sqlcols($2) }
	$1 == "W" { k = $2; sub(/:.*/, "", k); printf "CREATE INDEX ON %s.w%d (%s) WHERE %s;\n", sch, NR, k, $3 }
	$1 == "X" { printf "CREATE INDEX ON %s.x%d ((%s));\n", sch, NR, $3 }
	$1 == "M" { printf "CREATE DOMAIN %s.m%d AS %s DEFAULT (%s);\n", sch, NR, $2, $4 }
	$1 == "V" { printf "CREATE DOMAIN %s.v%d AS %s CHECK (%s);\n", sch, NR, $2, $4 }
	' "$cases" > "$cases.sql"
	# As the model's DDL runs: its schema first on the search_path.
	sed -i '1i SET search_path TO s;' "$cases.sql"
	psql -X -q -d "$DB" -f "$cases.sql" >/dev/null 2>"$cases.err"
	q "$DB" "SET search_path = pg_catalog;
	SELECT substr(c.relname, 2) || E'\t' || pg_get_expr(d.adbin, d.adrelid)
	FROM pg_attrdef d JOIN pg_class c ON c.oid = d.adrelid
	JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '$sch'
	UNION ALL
	SELECT substr(c.relname, 2) || E'\t' || pg_get_expr(k.conbin, k.conrelid)
	    || E'\t' || pg_get_constraintdef(k.oid)
	FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
	JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE n.nspname = '$sch' AND k.contype = 'c'
	UNION ALL
	SELECT substr(c.relname, 2) || E'\tNONE'
	FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE n.nspname = '$sch' AND c.relkind = 'r' AND c.relname LIKE 't%'
	    AND NOT EXISTS (SELECT FROM pg_attrdef d WHERE d.adrelid = c.oid)
	    AND NOT EXISTS (SELECT FROM pg_constraint k
		WHERE k.conrelid = c.oid AND k.contype = 'c')
	UNION ALL
	SELECT substr(c.relname, 2) || E'\t' || CASE WHEN c.relname LIKE 'w%'
	    THEN COALESCE(pg_get_expr(x.indpred, x.indrelid), 'NONE')
	    ELSE pg_get_indexdef(x.indexrelid, 1, true) || E'\t' ||
	    regexp_replace(pg_get_indexdef(x.indexrelid),
		'^.* USING btree \\((.*)\\)$', '\\1') END
	FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid
	JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE n.nspname = '$sch' AND c.relname ~ '^[wx]'
	UNION ALL
	SELECT substr(t.typname, 2) || E'\t' ||
	    COALESCE(pg_get_expr(t.typdefaultbin, 0), 'NONE')
	FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
	WHERE n.nspname = '$sch' AND t.typname ~ '^m[0-9]'
	UNION ALL
	SELECT substr(t.typname, 2) || E'\t' || pg_get_expr(k.conbin, 0) ||
	    E'\t' || pg_get_constraintdef(k.oid)
	FROM pg_constraint k JOIN pg_type t ON t.oid = k.contypid
	JOIN pg_namespace n ON n.oid = t.typnamespace
	WHERE n.nspname = '$sch' AND t.typname ~ '^v[0-9]'" > "$cases.server"

	awk -F'\t' '$1 ~ /^[DMV]$/ { k = $3 == "-" ? "" : $3; print $1 "\t" $2 "\t" k "\t" $4; next }
	    { print $1 "\t" $2 "\t" $3 }' "$cases" | "$XP" > "$cases.ours"
	rc=$?
	if [ $rc -ne 0 ] || [ "$(wc -l < "$cases.ours")" -ne "$(wc -l < "$cases")" ]; then
		BAD="xp_print failed (exit $rc)"
		return
	fi

	# Line N of the cases and of ours against the server's row N
	# (absent: refused).
	awk -F'\t' -v OFS='\t' '
	FILENAME == ARGV[1] { srv[$1] = $0; sub(/^[0-9]+\t/, "", srv[$1]); next }
	FILENAME == ARGV[2] { c[FNR] = $0; next }
	{
		n = FNR; s = (n in srv) ? srv[n] : "REFUSED"
		ours = $0
		if (ours == "-") { declined++; print "declined", c[n], s; next }
		sub(/^\+\t/, "", ours)
		if (s == "REFUSED" || s == "NONE" || ours != s) {
			bad++; print "WRONG", c[n], "server: " s, "ours: " ours; next
		}
		printed++
	}
	END { printf "# totals\t%d\t%d\t%d\n", printed, declined, bad }
	' "$cases.server" "$cases" "$cases.ours" > "$cases.result"
	read -r _ _ PRINTED DECLINED BAD < <(grep '^# totals' "$cases.result" | tr '\t' ' ')
}

# report CASES WHAT: one result line for what run_cases found.
report() {
	if [ "$BAD" = 0 ]; then
		pass "expected_expr: $2: $PRINTED printed exactly as PostgreSQL prints them, $DECLINED declined, none wrong"
	else
		fail "expected_expr: $2: $BAD printed differently from PostgreSQL" \
		    "$(grep '^WRONG' "$1.result")"
	fi
	[ -n "${VERBOSE:-}" ] && grep '^declined' "$1.result" | sed 's/^/# /'
	SUMMARY="$SUMMARY${SUMMARY:+; }$2: $PRINTED printed, $DECLINED declined, $BAD wrong"
}

SUMMARY=
run_cases "$T/cases" s
report "$T/cases" "the cases"

# Round trip: the server's own printed forms (what dump writes into a
# model) as the cases, but index keys, whose pretty form is another.
awk -F'\t' -v OFS='\t' '
FILENAME == ARGV[1] { srv[$1] = $2; next }
!(FNR in srv) || srv[FNR] == "NONE" || $1 == "X" { print "D", "integer", "-", "NULL"; next }
$1 ~ /^[DMV]$/ { $4 = srv[FNR]; print; next }
{ $3 = srv[FNR]; print }
' "$T/cases.server" "$T/cases" > "$T/again"
run_cases "$T/again" r
report "$T/again" "their printed forms"
echo "# summary: expected_expr: $SUMMARY"
