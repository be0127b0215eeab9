/*
 * unit_model.c: the YAML model loader (verifier/model*.c): what lands in
 * struct model, the names generated for unnamed objects, the DDL, and
 * errors with their position; pgtree.c's walker of other schemas.  The
 * exact error messages of every kind of bad file are pinned by
 * tests/models/bad/ (tests/integration/20_models.sh).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model.h"
#include "pgtree.h"

static int
parse(const char *text, struct model *m, struct vf_error *err)
{
	vf_error_clear(err);
	return (model_parse("m.yaml", text, strlen(text), m, err));
}

/* Parses text, which must be valid, into m. */
static void
parse_ok(const char *text, struct model *m)
{
	struct vf_error	err;
	char		buf[4096];

	if (parse(text, m, &err) != 0)
		fail_msg("%s", vf_error_str(&err, buf, sizeof(buf)));
}

/* Parses text, which must fail, and returns "line:col: msg". */
static const char *
parse_err(const char *text)
{
	static char	buf[4096];
	struct model	m;
	struct vf_error	err;

	assert_int_equal(parse(text, &m, &err), -1);
	assert_int_equal(err.code, VF_EXIT_USAGE);
	assert_string_equal(err.file, "m.yaml");
	/* A failed load leaves nothing behind. */
	assert_null(m.tables);
	assert_null(m.schema);
	snprintf(buf, sizeof(buf), "%d:%d: %s", err.line, err.col, err.msg);
	return (buf);
}

static const struct model_constraint *
con(const struct model_table *t, size_t i)
{
	assert_true(i < t->nconstraints);
	return (&t->constraints[i]);
}

static const char *const billing =
    "schema: billing\n"
    "enums:\n"
    "  invoice_status: [draft, open, paid, void]\n"
    "tables:\n"
    "  customers:\n"
    "    comment: People we bill\n"
    "    columns:\n"
    "      id:\n"
    "        type: bigint\n"
    "        identity: always\n"
    "        primary_key: true\n"
    "      name: TEXT\n"
    "      email:\n"
    "        type: text\n"
    "        nullable: true\n"
    "        unique: true\n"
    "  invoices:\n"
    "    renamed_from: bills\n"
    "    columns:\n"
    "      id:\n"
    "        type: bigint\n"
    "        identity: by default\n"
    "        primary_key: true\n"
    "      customer_id: bigint\n"
    "      amount: numeric( 10 , 2 )\n"
    "      seen: Timestamp(3)  With Time Zone\n"
    "      status:\n"
    "        type: invoice_status\n"
    "        default: \"'open'::invoice_status\"\n"
    "      tags: text [] [3]\n"
    "      ref:\n"
    "        type: varchar(20)\n"
    "        renamed_from: number\n"
    "        comment: Shown\n"
    "    foreign_keys:\n"
    "      - columns: [customer_id]\n"
    "        references: {table: customers}\n"
    "        on_delete: set null\n"
    "        on_update: cascade\n"
    "        deferrable: true\n"
    "        initially_deferred: true\n"
    "    checks:\n"
    "      - expression: amount >= 0\n"
    "      - name: ok\n"
    "        expression: status <> 'void' OR amount = 0\n"
    "    indexes:\n"
    "      - columns: [status, id]\n"
    "      - unique: true\n"
    "        method: btree\n"
    "        columns:\n"
    "          - expression: lower(ref)\n"
    "            desc: true\n"
    "            nulls: last\n"
    "          - column: id\n"
    "        include: [amount]\n"
    "        where: status = 'open'\n";

static void
test_load(void **state)
{
	struct model			 m;
	const struct model_table	*t;
	const struct model_column	*c;

	parse_ok(billing, &m);
	assert_string_equal(m.path, "m.yaml");
	assert_string_equal(m.schema, "billing");
	assert_int_equal(m.nenums, 1);
	assert_string_equal(m.enums[0].name, "invoice_status");
	assert_int_equal(m.enums[0].nvalues, 4);
	assert_string_equal(m.enums[0].values[3], "void");
	assert_int_equal(m.enums[0].line, 3);
	assert_int_equal(m.enums[0].col, 3);
	assert_int_equal(m.ntables, 2);

	t = model_find_table(&m, "customers");
	assert_non_null(t);
	assert_int_equal(t->line, 5);
	assert_int_equal(t->col, 3);
	assert_string_equal(t->comment, "People we bill");
	assert_null(t->renamed_from);
	assert_int_equal(t->ncolumns, 3);
	c = model_find_column(t, "id");
	assert_int_equal(c->identity, MODEL_IDENTITY_ALWAYS);
	assert_int_equal(c->nullable, 0);
	assert_int_equal(c->line, 8);
	assert_int_equal(c->col, 7);
	c = model_find_column(t, "name");
	assert_string_equal(c->type, "text");
	assert_int_equal(c->nullable, 0);
	assert_int_equal(c->enum_index, -1);
	assert_int_equal(model_find_column(t, "email")->nullable, 1);
	assert_int_equal(t->nconstraints, 2);
	assert_int_equal(con(t, 0)->kind, MODEL_CON_PRIMARY);
	assert_string_equal(con(t, 0)->name, "customers_pkey");
	assert_int_equal(con(t, 0)->name_given, 0);
	assert_int_equal(con(t, 1)->kind, MODEL_CON_UNIQUE);
	assert_string_equal(con(t, 1)->name, "customers_email_key");

	t = model_find_table(&m, "invoices");
	assert_string_equal(t->renamed_from, "bills");
	assert_int_equal(model_find_column(t, "id")->identity,
	    MODEL_IDENTITY_BY_DEFAULT);
	assert_string_equal(model_find_column(t, "amount")->type,
	    "numeric(10,2)");
	assert_string_equal(model_find_column(t, "seen")->type,
	    "timestamp(3) with time zone");
	assert_string_equal(model_find_column(t, "tags")->type, "text[][3]");
	c = model_find_column(t, "status");
	assert_int_equal(c->enum_index, 0);
	assert_string_equal(c->type, "invoice_status");
	assert_string_equal(c->default_expr, "'open'::invoice_status");
	c = model_find_column(t, "ref");
	assert_string_equal(c->renamed_from, "number");
	assert_string_equal(c->comment, "Shown");

	assert_int_equal(t->nconstraints, 4);
	assert_int_equal(con(t, 1)->kind, MODEL_CON_FOREIGN);
	assert_string_equal(con(t, 1)->name, "invoices_customer_id_fkey");
	assert_string_equal(con(t, 1)->ref_table, "customers");
	assert_int_equal(con(t, 1)->nref_columns, 1);
	assert_string_equal(con(t, 1)->ref_columns[0], "id");
	assert_int_equal(con(t, 1)->on_delete, MODEL_FK_SET_NULL);
	assert_int_equal(con(t, 1)->on_update, MODEL_FK_CASCADE);
	assert_int_equal(con(t, 1)->deferrable, 1);
	assert_int_equal(con(t, 1)->initially_deferred, 1);
	assert_int_equal(con(t, 2)->kind, MODEL_CON_CHECK);
	assert_string_equal(con(t, 2)->name, "invoices_amount_check");
	assert_string_equal(con(t, 2)->expression, "amount >= 0");
	assert_string_equal(con(t, 3)->name, "ok");
	assert_int_equal(con(t, 3)->name_given, 1);

	assert_int_equal(t->nindexes, 2);
	assert_string_equal(t->indexes[0].name, "invoices_status_id_idx");
	assert_string_equal(t->indexes[0].method, "btree");
	assert_string_equal(t->indexes[1].name, "invoices_lower_id_amount_idx");
	assert_int_equal(t->indexes[1].unique, 1);
	assert_int_equal(t->indexes[1].nkeys, 2);
	assert_string_equal(t->indexes[1].keys[0].expression, "lower(ref)");
	assert_int_equal(t->indexes[1].keys[0].desc, 1);
	assert_int_equal(t->indexes[1].keys[0].nulls, MODEL_NULLS_LAST);
	assert_string_equal(t->indexes[1].keys[1].column, "id");
	assert_string_equal(t->indexes[1].include[0], "amount");
	assert_string_equal(t->indexes[1].where, "status = 'open'");
	model_free(&m);
	assert_null(m.tables);
	model_free(&m);
}

static void
test_make_name(void **state)
{
	char	out[MODEL_NAME_MAX + 1], a[80], b[80];

	model_make_name(out, "t", NULL, "pkey");
	assert_string_equal(out, "t_pkey");
	model_make_name(out, "t", "a_b", "key");
	assert_string_equal(out, "t_a_b_key");
	model_make_name(out, "t", NULL, NULL);
	assert_string_equal(out, "t");
	/* 61 + 43 bytes: the longer part is cut first, down to 29 + 29. */
	memset(a, 'a', 61);
	a[61] = '\0';
	memset(b, 'b', 43);
	b[43] = '\0';
	model_make_name(out, a, b, "key");
	assert_int_equal(strlen(out), 63);
	assert_memory_equal(out, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbb_key",
	    63);
	model_make_name(out, a, NULL, "pkey");
	assert_int_equal(strlen(out), 63);
	assert_string_equal(out + 58, "_pkey");
	/* A two-byte character at the cut is dropped whole. */
	memset(a, 'a', 57);
	strcpy(a + 57, "\xc3\xa9zz");
	model_make_name(out, a, NULL, "pkey");
	assert_int_equal(strlen(out), 57 + 5);
	assert_string_equal(out + 57, "_pkey");
}

static void
test_expr_colname(void **state)
{
	/* An expression and its column name; NULL: not one expression. */
	static const struct {
		const char	*expr, *name;
	} cases[] = {
		{ "lower(email)", "lower" },
		{ "pg_catalog.upper(x)", "upper" },
		{ "a + b", "expr" },
		{ "c::text", "c" },
		{ "'x'::text", "text" },
		{ "CASE WHEN a THEN 1 END", "case" },
		{ "COALESCE(a, 0)", "coalesce" },
		{ "least(a, b)", "least" },
		{ "\"Weird Col\"", "Weird Col" },
		{ "a +", NULL },
		{ "1); SELECT (2", NULL },
		{ "1) FROM pg_class WHERE (true", NULL },
		{ "a -- comment", NULL },
	};
	char	out[MODEL_NAME_MAX + 1];
	size_t	i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (cases[i].name == NULL) {
			assert_int_equal(model_expr_colname(cases[i].expr, out),
			    -1);
			continue;
		}
		assert_int_equal(model_expr_colname(cases[i].expr, out), 0);
		assert_string_equal(out, cases[i].name);
	}
}

static void
test_names(void **state)
{
	struct model			 m;
	const struct model_table	*t;
	char				 out[MODEL_NAME_MAX + 1];

	parse_ok("schema: s\n"
	    "tables:\n"
	    "  t:\n"
	    "    columns:\n"
	    "      a: int\n"
	    "      b: int\n"
	    "    checks:\n"
	    "      - expression: a > 0\n"
	    "      - expression: t.a < 10 AND a <> 5\n"
	    "      - expression: a > b\n"
	    "      - {name: positive, expression: b > 0}\n"
	    "    indexes:\n"
	    "      - {name: t_a_idx, columns: [b]}\n"
	    "      - columns: [a]\n"
	    "      - columns: [a, a]\n"
	    "  u:\n"
	    "    columns:\n"
	    "      b: int\n"
	    "    checks:\n"
	    "      - {name: positive, expression: b > 0}\n", &m);
	t = &m.tables[0];
	assert_string_equal(con(t, 0)->name, "t_a_check");
	assert_string_equal(con(t, 1)->name, "t_a_check1");
	assert_string_equal(con(t, 2)->name, "t_check");
	assert_string_equal(con(t, 3)->name, "positive");
	assert_string_equal(t->indexes[0].name, "t_a_idx");
	assert_string_equal(t->indexes[1].name, "t_a_idx1");
	assert_string_equal(t->indexes[2].name, "t_a_a1_idx");
	/* The default name is the one before numbering. */
	model_constraint_default_name(t, con(t, 1), out);
	assert_string_equal(out, "t_a_check");
	model_index_default_name(t, &t->indexes[1], out);
	assert_string_equal(out, "t_a_idx");
	model_index_default_name(t, &t->indexes[0], out);
	assert_string_equal(out, "t_b_idx");
	/* Check names belong to their table: "positive" twice is fine. */
	assert_string_equal(con(&m.tables[1], 0)->name, "positive");
	model_free(&m);
}

static void
test_render(void **state)
{
	struct model	m;
	struct vbuf	out;
	struct vf_error	err;

	parse_ok("schema: My Schema\n"
	    "enums:\n"
	    "  mood: [\"it's\", ok]\n"
	    "tables:\n"
	    "  \"x\\\"; DROP TABLE y; --\":\n"
	    "    comment: it's\n"
	    "    columns:\n"
	    "      select:\n"
	    "        type: mood[]\n"
	    "        nullable: true\n"
	    "      id:\n"
	    "        type: int\n"
	    "        primary_key: true\n", &m);
	vbuf_init(&out);
	vf_error_clear(&err);
	assert_int_equal(model_render_sql(&m, &out, &err), 0);
	assert_string_equal(out.data,
	    "SET standard_conforming_strings = on;\n"
	    "SET search_path TO \"My Schema\";\n"
	    "CREATE TYPE \"My Schema\".mood AS ENUM ('it''s', 'ok');\n"
	    "CREATE TABLE \"My Schema\".\"x\"\"; DROP TABLE y; --\" (\n"
	    "\t\"select\" \"My Schema\".mood[],\n"
	    "\tid int NOT NULL,\n"
	    "\tCONSTRAINT \"x\"\"; DROP TABLE y; --_pkey\" PRIMARY KEY (id)\n"
	    ");\n"
	    "COMMENT ON TABLE \"My Schema\".\"x\"\"; DROP TABLE y; --\" IS "
	    "'it''s';\n");
	vbuf_free(&out);
	model_free(&m);
}

/*
 * Domains and composite types: loaded with generated check names, each
 * created after the types it uses (whatever the file's order), with its
 * comment; columns name them qualified.
 */
static void
test_user_types(void **state)
{
	struct model	m;
	struct vbuf	out;
	struct vf_error	err;

	parse_ok("schema: shop\n"
	    "enums:\n"
	    "  mood: [sad, ok]\n"
	    "domains:\n"
	    "  amounts: cents[]\n"
	    "  cents:\n"
	    "    type: INT\n"
	    "    default: \"0\"\n"
	    "    not_null: true\n"
	    "    checks:\n"
	    "      - expression: VALUE >= 0\n"
	    "      - expression: VALUE < 100\n"
	    "    comment: it's money\n"
	    "composite_types:\n"
	    "  \"Odd Pair\":\n"
	    "    attributes:\n"
	    "      a: amounts\n"
	    "      m: mood[]\n"
	    "tables:\n"
	    "  t:\n"
	    "    columns:\n"
	    "      p: Odd Pair[]\n", &m);
	assert_int_equal(m.ndomains, 2);
	assert_string_equal(m.domains[1].type, "int");
	assert_string_equal(m.domains[1].checks[0].name, "cents_check");
	assert_string_equal(m.domains[1].checks[1].name, "cents_check1");
	assert_int_equal(m.ncomposites, 1);
	assert_string_equal(m.composites[0].attrs[1].type, "mood[]");
	vbuf_init(&out);
	vf_error_clear(&err);
	assert_int_equal(model_render_sql(&m, &out, &err), 0);
	assert_string_equal(out.data,
	    "SET standard_conforming_strings = on;\n"
	    "SET search_path TO shop;\n"
	    "CREATE TYPE shop.mood AS ENUM ('sad', 'ok');\n"
	    "CREATE DOMAIN shop.cents AS int DEFAULT (0) NOT NULL "
	    "CONSTRAINT cents_check CHECK (VALUE >= 0) "
	    "CONSTRAINT cents_check1 CHECK (VALUE < 100);\n"
	    "COMMENT ON DOMAIN shop.cents IS 'it''s money';\n"
	    "CREATE DOMAIN shop.amounts AS shop.cents[];\n"
	    "CREATE TYPE shop.\"Odd Pair\" AS (a shop.amounts, "
	    "m shop.mood[]);\n"
	    "CREATE TABLE shop.t (\n"
	    "\tp shop.\"Odd Pair\"[] NOT NULL\n"
	    ");\n");
	vbuf_free(&out);
	model_free(&m);
}

/* Collations, operator classes, parameters and comments: quoted. */
static void
test_render_storage(void **state)
{
	struct model	m;
	struct vbuf	out;
	struct vf_error	err;

	parse_ok("schema: s\n"
	    "enums:\n"
	    "  mood: {values: [ok], comment: \"it's\"}\n"
	    "sequences:\n"
	    "  n: {comment: count}\n"
	    "tables:\n"
	    "  t:\n"
	    "    unlogged: true\n"
	    "    with: {fillfactor: \"7'0\", toast.autovacuum_enabled: false}\n"
	    "    columns:\n"
	    "      a: {type: text, collation: \"C\\\"x\"}\n"
	    "    indexes:\n"
	    "      - columns:\n"
	    "          - {column: a, collation: C, opclass: text_pattern_ops}\n"
	    "        with: {fillfactor: 50}\n"
	    "        comment: idx\n", &m);
	vbuf_init(&out);
	vf_error_clear(&err);
	assert_int_equal(model_render_sql(&m, &out, &err), 0);
	assert_string_equal(out.data,
	    "SET standard_conforming_strings = on;\n"
	    "SET search_path TO s;\n"
	    "CREATE TYPE s.mood AS ENUM ('ok');\n"
	    "CREATE SEQUENCE s.n AS bigint;\n"
	    "CREATE UNLOGGED TABLE s.t (\n"
	    "\ta text COLLATE \"C\"\"x\" NOT NULL\n"
	    ") WITH (fillfactor = '7''0', toast.autovacuum_enabled = 'false');\n"
	    "CREATE INDEX t_a_idx ON s.t USING btree (a COLLATE \"C\" "
	    "text_pattern_ops) WITH (fillfactor = '50');\n"
	    "COMMENT ON TYPE s.mood IS 'it''s';\n"
	    "COMMENT ON SEQUENCE s.n IS 'count';\n"
	    "COMMENT ON INDEX s.t_a_idx IS 'idx';\n");
	vbuf_free(&out);
	model_free(&m);
}

/* Triggers: one flat list, each with its table; rendered last, each
   statement at the trigger's line. */
static void
test_triggers(void **state)
{
	struct model			 m;
	struct model_stmt		*st;
	const struct model_trigger	*g;
	struct vf_error			 err;
	size_t				 n, i;

	parse_ok("schema: s\n"
	    "tables:\n"
	    "  t:\n"
	    "    columns:\n"
	    "      a: int\n"
	    "      b: text\n"
	    "    triggers:\n"
	    "      - name: t_a\n"
	    "        timing: after\n"
	    "        events: [delete, {update of: [b, a]}, insert]\n"
	    "        for_each: row\n"
	    "        when: NEW.a > 0\n"
	    "        function: f\n"
	    "        args: [x, \"y'z\"]\n"
	    "        constraint: true\n"
	    "        deferrable: true\n"
	    "        enabled: disabled\n"
	    "views:\n"
	    "  v:\n"
	    "    query: SELECT a FROM t\n"
	    "    triggers:\n"
	    "      - {name: v_i, timing: instead of, events: [insert],\n"
	    "         for_each: row, function: pg_catalog.g, comment: c}\n"
	    "functions:\n"
	    "  - {name: f, returns: trigger, language: plpgsql,\n"
	    "     body: BEGIN RETURN NULL; END}\n", &m);
	assert_int_equal(m.ntriggers, 2);
	g = &m.triggers[0];
	assert_string_equal(g->table, "t");
	assert_false(g->on_view);
	assert_int_equal(g->events, MODEL_TRG_INSERT | MODEL_TRG_UPDATE |
	    MODEL_TRG_DELETE);
	assert_int_equal(g->nupdate_of, 2);
	assert_string_equal(g->update_of[0], "b");
	assert_int_equal(g->nargs, 2);
	assert_string_equal(g->args[1], "y'z");
	assert_true(g->constraint && g->deferrable && !g->initially_deferred);
	assert_string_equal(model_trg_enabled[g->enabled], "disabled");
	assert_int_equal(g->line, 8);
	assert_int_equal(g->fline, 13);
	assert_true(m.triggers[1].on_view);
	assert_string_equal(model_trg_timings[m.triggers[1].timing],
	    "instead of");
	vf_error_clear(&err);
	assert_int_equal(model_render_stmts(&m, &st, &n, &err), 0);
	for (i = 0; i < n && strstr(st[i].sql, "TRIGGER") == NULL; i++)
		;
	assert_true(i + 4 <= n);
	assert_string_equal(st[i].sql, "CREATE CONSTRAINT TRIGGER t_a AFTER "
	    "INSERT OR UPDATE OF b, a OR DELETE ON s.t DEFERRABLE FOR EACH ROW "
	    "WHEN (NEW.a > 0) EXECUTE FUNCTION s.f('x', 'y''z');\n");
	assert_int_equal(st[i].line, 8);
	assert_string_equal(st[i + 1].sql,
	    "ALTER TABLE s.t DISABLE TRIGGER t_a;\n");
	assert_string_equal(st[i + 2].sql, "CREATE TRIGGER v_i INSTEAD OF "
	    "INSERT ON s.v FOR EACH ROW EXECUTE FUNCTION pg_catalog.g();\n");
	assert_string_equal(st[i + 3].sql,
	    "COMMENT ON TRIGGER v_i ON s.v IS 'c';\n");
	assert_int_equal(st[i + 3].line, 22);
	model_stmts_free(st, n);
	model_free(&m);
}

/* The statements, joined, are the script; each knows its model line. */
static void
test_render_stmts(void **state)
{
	struct model		 m;
	struct model_stmt	*st;
	struct vbuf		 all, joined;
	struct vf_error		 err;
	size_t			 n, i;

	parse_ok(billing, &m);
	vbuf_init(&all);
	vbuf_init(&joined);
	vbuf_puts(&joined, "");
	vf_error_clear(&err);
	assert_int_equal(model_render_sql(&m, &all, &err), 0);
	assert_int_equal(model_render_stmts(&m, &st, &n, &err), 0);
	/*
	 * 2 SETs, enum, table, its unique constraint, table, 2 indexes,
	 * foreign key (after the indexes: it may reference a unique
	 * index), 2 comments.
	 */
	assert_int_equal(n, 11);
	for (i = 0; i < n; i++)
		vbuf_puts(&joined, st[i].sql);
	assert_string_equal(joined.data, all.data);
	assert_int_equal(st[0].line, 0);
	assert_true(strncmp(st[2].sql, "CREATE TYPE", 11) == 0);
	assert_int_equal(st[2].line, 3);
	assert_string_equal(st[4].sql, "ALTER TABLE billing.customers ADD "
	    "CONSTRAINT customers_email_key UNIQUE (email);\n");
	assert_int_equal(st[4].line, 16);
	assert_int_equal(st[4].col, 17);
	assert_true(strncmp(st[5].sql, "CREATE TABLE billing.invoices", 29) == 0);
	assert_int_equal(st[5].line, 17);
	assert_int_equal(st[5].col, 3);
	assert_true(strncmp(st[6].sql, "CREATE INDEX", 12) == 0);
	assert_true(strncmp(st[7].sql, "CREATE UNIQUE INDEX", 19) == 0);
	assert_int_equal(st[7].line, 48);
	assert_true(strncmp(st[8].sql, "ALTER TABLE", 11) == 0);
	assert_int_equal(st[8].line, 36);
	assert_int_equal(st[8].col, 9);
	assert_true(strncmp(st[10].sql, "COMMENT ON COLUMN", 17) == 0);
	assert_int_equal(st[10].line, 31);
	model_stmts_free(st, n);
	vbuf_free(&all);
	vbuf_free(&joined);
	model_free(&m);
}

static void
test_errors(void **state)
{
	assert_string_equal(parse_err("schema: s\ntables:\n  t:\n"
	    "    columns:\n      a: {type: int, nul: true}\n"),
	    "5:22: unknown key \"nul\" in column \"a\" of table \"t\" "
	    "(expected one of: type, nullable, default, identity, generated, "
	    "primary_key, unique, comment, renamed_from, collation, "
	    "sequence_grants)");
	assert_string_equal(parse_err("schema: s\ntables: [a]\n"),
	    "2:9: expected a mapping for tables, found a sequence");
	assert_string_equal(parse_err("schema: s\ntables:\n  t:\n"
	    "    columns:\n      a: int\n    indexes:\n"
	    "      - columns: [b]\n"),
	    "7:19: index of table \"t\" refers to missing column \"b\" of "
	    "table \"t\"");
	assert_string_equal(parse_err("schema: s\ntables:\n  t:\n"
	    "    columns:\n      a: int\n    foreign_keys:\n"
	    "      - {columns: [a], references: {table: u}}\n"),
	    "7:44: foreign key of table \"t\" references missing table \"u\"");
	assert_string_equal(parse_err("schema: s\ntables:\n  t:\n"
	    "    columns:\n      a: integr\n"),
	    "5:10: unknown type \"integr\" for column \"a\" of table \"t\"");
	assert_string_equal(parse_err("schema: s\nenums:\n  e: [x]\n"
	    "tables:\n  t:\n    columns:\n"
	    "      a: {type: e, default: \"'y'\"}\n"),
	    "7:29: default 'y' of column \"a\" of table \"t\" is not a label "
	    "of enum \"e\"");
	assert_string_equal(parse_err("schema: s\ntables: {t: {columns: "
	    "{a: int}}"),
	    "3:1: invalid YAML: did not find expected ',' or '}' while "
	    "parsing a flow mapping (line 2, column 9)");
	assert_string_equal(parse_err("schema: s\n\ttables: {}\n"),
	    "2:1: invalid YAML: a tab character (indent with spaces)");
	assert_string_equal(parse_err("schema: caf\xe9\n"),
	    "1:12: invalid YAML: incomplete UTF-8 octet sequence (expected "
	    "UTF-8 text)");
	assert_string_equal(parse_err(""),
	    "1:1: empty model (expected a mapping with schema and tables)");
}

/* Writing then loading gives the same model, whatever the strings hold. */
static void
test_write_roundtrip(void **state)
{
	static const char *const text =
	    "schema: \"true\"\n"
	    "enums:\n"
	    "  \"- e\": [\"a, b\", \"x: y\", \"#c\", \"no\", \"it's\"]\n"
	    "tables:\n"
	    "  \"t: 1\":\n"
	    "    comment: \"line one\\nline \\\"two\\\"\\ttab \\\\ back\"\n"
	    "    columns:\n"
	    "      \"[a]\": {type: int, primary_key: true}\n"
	    "      \"b #x\": {type: \"- e\", default: \"'x: y'\", nullable: true}\n"
	    "      c d: {type: text, unique: true, comment: \"\"}\n"
	    "    unique:\n"
	    "      - columns: [\"[a]\", c d]\n"
	    "    indexes:\n"
	    "      - columns: [\"b #x\"]\n";
	struct model	m, m2;
	struct vbuf	y1, y2, s1, s2;
	struct vf_error	err;
	char		buf[4096];

	parse_ok(text, &m);
	vbuf_init(&y1);
	vbuf_init(&y2);
	vbuf_init(&s1);
	vbuf_init(&s2);
	model_write_yaml(&m, &y1);
	vf_error_clear(&err);
	if (model_parse("w.yaml", y1.data, y1.len, &m2, &err) != 0)
		fail_msg("%s\n%s", vf_error_str(&err, buf, sizeof(buf)),
		    y1.data);
	model_write_yaml(&m2, &y2);
	assert_string_equal(y1.data, y2.data);
	assert_int_equal(model_render_sql(&m, &s1, &err), 0);
	assert_int_equal(model_render_sql(&m2, &s2, &err), 0);
	assert_string_equal(s1.data, s2.data);
	assert_string_equal(m2.schema, "true");
	assert_string_equal(m2.enums[0].values[1], "x: y");
	assert_string_equal(m2.tables[0].comment,
	    "line one\nline \"two\"\ttab \\ back");
	assert_string_equal(m2.tables[0].columns[2].comment, "");
	vbuf_free(&y1);
	vbuf_free(&y2);
	vbuf_free(&s1);
	vbuf_free(&s2);
	model_free(&m);
	model_free(&m2);
}

/* A name another object also has is written, even when it is the default. */
static void
test_write_shared_name(void **state)
{
	struct model	m, m2;
	struct vbuf	y;
	struct vf_error	err;

	parse_ok("schema: s\n"
	    "tables:\n"
	    "  t:\n"
	    "    columns: {a: int}\n"
	    "    checks: [{name: t_a_check, expression: a > 0}]\n"
	    "  u:\n"
	    "    columns: {a: int}\n"
	    "    checks: [{name: t_a_check, expression: a > 1}]\n", &m);
	vbuf_init(&y);
	model_write_yaml(&m, &y);
	assert_non_null(strstr(y.data, "  t:\n    columns:\n      a: int\n"
	    "    checks:\n      - name: t_a_check\n"));
	vf_error_clear(&err);
	assert_int_equal(model_parse("w.yaml", y.data, y.len, &m2, &err), 0);
	assert_string_equal(m2.tables[0].constraints[0].name, "t_a_check");
	assert_string_equal(m2.tables[1].constraints[0].name, "t_a_check");
	vbuf_free(&y);
	model_free(&m);
	model_free(&m2);
}

/* Partitions: nested in the file, flat in the model (parents first),
   written back nested, with each bound as values. */
static void
test_partitions(void **state)
{
	static const char *const text =
	    "schema: s\n"
	    "tables:\n"
	    "  e:\n"
	    "    columns: {at: date, r: text}\n"
	    "    partition_by: range (at)\n"
	    "    partitions:\n"
	    "      \"p: 1\":\n"
	    "        from: [MINVALUE]\n"
	    "        to: \"2024-01-01\"\n"
	    "        partition_by: list (r)\n"
	    "        partitions:\n"
	    "          p1a: {in: [\"it's\", null]}\n"
	    "          p1z: {default: true}\n"
	    "      p2: {values: FOR VALUES FROM ('2024-01-01') TO (MAXVALUE)}\n"
	    "  h:\n"
	    "    columns: {id: int}\n"
	    "    partition_by: hash (id)\n"
	    "    partitions:\n"
	    "      h0: {modulus: 2, remainder: 0}\n";
	struct model	m, m2;
	struct vbuf	y1, y2, s1;
	struct vf_error	err;

	parse_ok(text, &m);
	assert_int_equal(m.npartitions, 5);
	assert_string_equal(m.tables[0].partition_by, "range (at)");
	assert_string_equal(m.partitions[0].name, "p: 1");
	assert_string_equal(m.partitions[0].parent, "e");
	assert_string_equal(m.partitions[0].values,
	    "FROM (MINVALUE) TO ('2024-01-01')");
	assert_string_equal(m.partitions[0].partition_by, "list (r)");
	assert_string_equal(m.partitions[1].parent, "p: 1");
	assert_string_equal(m.partitions[1].values, "IN ('it''s', NULL)");
	assert_null(m.partitions[2].values);
	assert_string_equal(m.partitions[3].values,
	    "FROM ('2024-01-01') TO (MAXVALUE)");
	assert_string_equal(m.partitions[4].values,
	    "WITH (MODULUS 2, REMAINDER 0)");
	vbuf_init(&y1);
	vbuf_init(&y2);
	vbuf_init(&s1);
	model_write_yaml(&m, &y1);
	assert_non_null(strstr(y1.data, "    partition_by: range (at)\n"
	    "    partitions:\n"
	    "      \"p: 1\":\n"
	    "        values: FROM (MINVALUE) TO ('2024-01-01')\n"
	    "        partition_by: list (r)\n"
	    "        partitions:\n"
	    "          p1a:\n"
	    "            values: IN ('it''s', NULL)\n"
	    "          p1z:\n"
	    "            default: true\n"
	    "      p2:\n"));
	vf_error_clear(&err);
	assert_int_equal(model_parse("w.yaml", y1.data, y1.len, &m2, &err), 0);
	model_write_yaml(&m2, &y2);
	assert_string_equal(y1.data, y2.data);
	assert_int_equal(model_render_sql(&m2, &s1, &err), 0);
	assert_non_null(strstr(s1.data, "CREATE TABLE s.\"p: 1\" PARTITION OF "
	    "s.e FOR VALUES FROM (MINVALUE) TO ('2024-01-01') PARTITION BY "
	    "list (r);\nCREATE TABLE s.p1a PARTITION OF s.\"p: 1\" FOR VALUES "
	    "IN ('it''s', NULL);\nCREATE TABLE s.p1z PARTITION OF s.\"p: 1\" "
	    "DEFAULT;\n"));
	vbuf_free(&y1);
	vbuf_free(&y2);
	vbuf_free(&s1);
	model_free(&m);
	model_free(&m2);
}

static void
test_load_file(void **state)
{
	struct model	m;
	struct vf_error	err;

	vf_error_clear(&err);
	assert_int_equal(model_load("/nonexistent/x.yaml", &m, &err), -1);
	assert_int_equal(err.code, VF_EXIT_USAGE);
	assert_null(m.schema);
}

/*
 * The schemas sql refers to besides billing, as pgtree_foreign_schemas()
 * reports them with flags: "name@location" joined by spaces, or
 * "error: message" (static buffer).
 */
static const char *
refs(const char *sql, int flags)
{
	static char		 buf[1024];
	struct pgtree_refs	 r;
	struct vf_error		 err;
	size_t			 i, o = 0;

	buf[0] = '\0';
	if (pgtree_foreign_schemas(sql, "billing", flags, &r, &err) == -1) {
		snprintf(buf, sizeof(buf), "error: %.900s (col %d)",
		    err.msg, err.col);
		return (buf);
	}
	for (i = 0; i < r.n; i++)
		o += (size_t)snprintf(buf + o, sizeof(buf) - o, "%s%s@%d",
		    i > 0 ? " " : "", r.v[i].schema, r.v[i].location);
	pgtree_refs_free(&r);
	return (buf);
}

/* The distinct names only, as check_refs() reports them. */
static const char *
names(const char *sql)
{
	static char		 buf[1024];
	struct pgtree_refs	 r;
	struct vf_error		 err;
	size_t			 i, o = 0;

	buf[0] = '\0';
	if (pgtree_foreign_schemas(sql, "billing", PGTREE_REFS_INFO_SCHEMA |
	    PGTREE_REFS_DISTINCT, &r, &err) == -1)
		return ("error");
	for (i = 0; i < r.n; i++)
		o += (size_t)snprintf(buf + o, sizeof(buf) - o, "%s%s",
		    i > 0 ? " " : "", r.v[i].schema);
	pgtree_refs_free(&r);
	return (buf);
}

static void
test_foreign_schemas(void **state)
{
	/* Relations (RangeVar.schemaname), with their locations. */
	assert_string_equal(refs("SELECT * FROM auth.users", 0),
	    "auth@14");
	assert_string_equal(refs("INSERT INTO auth.t VALUES (1)", 0),
	    "auth@12");
	assert_string_equal(refs("ALTER TABLE billing.invoices ADD FOREIGN "
	    "KEY (id) REFERENCES auth.users (id)", 0), "auth@61");
	/* Own schema and pg_catalog never; information_schema on request. */
	assert_string_equal(refs("SELECT pg_catalog.now() FROM billing.t", 0),
	    "");
	assert_string_equal(refs("SELECT * FROM information_schema.tables",
	    0), "information_schema@14");
	assert_string_equal(refs("SELECT * FROM information_schema.tables",
	    PGTREE_REFS_INFO_SCHEMA), "");
	/* Functions, type casts (TypeName.names), operators, collations. */
	assert_string_equal(refs("SELECT auth.f(1), 'a'::auth.t", 0),
	    "auth@7 auth@23");
	assert_string_equal(refs("SELECT 1 OPERATOR(auth.+) 2", 0),
	    "auth@9");
	assert_string_equal(names("SELECT a COLLATE auth.c FROM t"), "auth");
	assert_string_equal(names("SELECT x::auth.t[] FROM billing.t"),
	    "auth");
	assert_string_equal(names("CREATE INDEX ON billing.t (a auth.ops)"),
	    "auth");
	/* CREATE SCHEMA, ALTER ... SET SCHEMA. */
	assert_string_equal(names("CREATE SCHEMA auth"), "auth");
	assert_string_equal(names("ALTER TABLE billing.t SET SCHEMA auth"),
	    "auth");
	assert_string_equal(names("ALTER FUNCTION billing.f() SET SCHEMA "
	    "auth"), "auth");
	/* Type names of CREATE TYPE ... AS ENUM, ALTER TYPE, domains. */
	assert_string_equal(names("CREATE TYPE auth.s AS ENUM ('a')"),
	    "auth");
	assert_string_equal(names("ALTER TYPE auth.s ADD VALUE 'b'"), "auth");
	assert_string_equal(names("CREATE DOMAIN billing.d AS auth.t"),
	    "auth");
	/* Objects of DROP, COMMENT ON, GRANT ... ON FUNCTION. */
	assert_string_equal(names("DROP TABLE auth.u, billing.x, other.y"),
	    "auth other");
	assert_string_equal(names("DROP FUNCTION auth.f(int)"), "auth");
	assert_string_equal(names("COMMENT ON TABLE auth.users IS 'x'"),
	    "auth");
	assert_string_equal(names("COMMENT ON COLUMN auth.users.id IS 'x'"),
	    "auth");
	assert_string_equal(names("COMMENT ON COLUMN users.id IS 'x'"), "");
	assert_string_equal(names("GRANT EXECUTE ON FUNCTION auth.f(int) TO "
	    "public"), "auth");
	/* Schemas named as objects: DROP SCHEMA, GRANT ... ON SCHEMA. */
	assert_string_equal(names("DROP SCHEMA billing, zeta, auth CASCADE"),
	    "auth zeta");
	assert_string_equal(names("GRANT USAGE ON SCHEMA auth TO public"),
	    "auth");
	assert_string_equal(names("REVOKE USAGE ON SCHEMA auth FROM public"),
	    "auth");
	/* Every value of SET search_path, with its location. */
	assert_string_equal(refs("SET search_path = auth, billing", 0),
	    "auth@18");
	assert_string_equal(names("SET LOCAL search_path TO public"),
	    "public");
	assert_string_equal(names("SET search_path = \"$user\", public"),
	    "$user public");
	assert_string_equal(names("SET work_mem = 'auth'"), "");
	/* Several statements, repeated names: distinct and sorted. */
	assert_string_equal(refs("SELECT * FROM zeta.t; SELECT auth.f(); "
	    "SELECT * FROM zeta.u", 0), "zeta@14 auth@29 zeta@53");
	assert_string_equal(names("SELECT * FROM zeta.t; SELECT auth.f(); "
	    "SELECT * FROM zeta.u"), "auth zeta");
	/* A table.column is not a schema; unqualified names are not. */
	assert_string_equal(names("SELECT t.c FROM t"), "");
	/* PostgreSQL's message and position when sql does not parse. */
	assert_string_equal(refs("SELECT FROM WHERE", 0),
	    "error: syntax error at or near \"WHERE\" (col 13)");
}

/* Expressions of a model naming another schema: the first, at its column. */
static void
test_expr_foreign_schema(void **state)
{
	struct model	m;
	struct vf_error	err;

	assert_int_equal(parse("schema: billing\ntables:\n  t:\n    columns:\n"
	    "      a:\n        type: text\n        default: lower(auth.f(x))\n",
	    &m, &err), -1);
	assert_string_equal(err.msg, "default refers to schema \"auth\" (a "
	    "model uses only its own schema, pg_catalog and extensions)");
	assert_int_equal(err.line, 7);
	assert_int_equal(err.col, 24);
	assert_int_equal(parse("schema: billing\ntables:\n  t:\n    columns:\n"
	    "      a:\n        type: text\n        default: "
	    "information_schema.f()\n", &m, &err), -1);
	assert_string_equal(err.msg, "default refers to schema "
	    "\"information_schema\" (a model uses only its own schema, "
	    "pg_catalog and extensions)");
	parse_ok("schema: billing\ntables:\n  t:\n    columns:\n      a:\n"
	    "        type: text\n        default: billing.f(pg_catalog.now())"
	    "\n", &m);
	model_free(&m);
}

/* Constraint options and exclusion constraints: read, named, rendered. */
static void
test_constraint_options(void **state)
{
	struct model			 m;
	const struct model_table	*t;
	const struct model_constraint	*c;
	struct vbuf			 sql;
	struct vf_error			 err;

	parse_ok("schema: s\ntables:\n  b:\n    columns:\n      id: int\n"
	    "      r: tstzrange\n      k:\n        type: int\n"
	    "        nullable: true\n"
	    "    primary_key: {columns: [id], deferrable: true,\n"
	    "      initially_deferred: true, comment: Key}\n"
	    "    unique:\n      - columns: [k]\n        nulls_not_distinct: true\n"
	    "    checks:\n      - expression: id > 0\n        validated: false\n"
	    "    exclude:\n      - elements:\n          - column: r\n"
	    "            with: \"&&\"\n"
	    "          - expression: lower(r)\n            opclass: timestamptz_ops\n"
	    "            with: \"<>\"\n        include: [k]\n"
	    "        where: k > 0\n"
	    "        comment: \"No overlap\"\n", &m);
	t = &m.tables[0];
	assert_int_equal(t->nconstraints, 4);
	c = con(t, 0);
	assert_int_equal(c->kind, MODEL_CON_PRIMARY);
	assert_int_equal(c->deferrable, 1);
	assert_int_equal(c->initially_deferred, 1);
	assert_string_equal(c->comment, "Key");
	assert_int_equal(con(t, 1)->nulls_not_distinct, 1);
	assert_int_equal(con(t, 2)->not_valid, 1);
	c = con(t, 3);
	assert_int_equal(c->kind, MODEL_CON_EXCLUDE);
	assert_string_equal(c->name, "b_r_lower_k_excl");
	assert_int_equal(c->line, 19);
	assert_int_equal(c->col, 9);
	assert_string_equal(c->method, "gist");
	assert_int_equal(c->nelems, 2);
	assert_string_equal(c->elems[0].column, "r");
	assert_string_equal(c->elems[0].op, "&&");
	assert_string_equal(c->elems[1].expression, "lower(r)");
	assert_string_equal(c->elems[1].opclass, "timestamptz_ops");
	assert_string_equal(c->include[0], "k");
	assert_string_equal(c->where, "k > 0");
	vbuf_init(&sql);
	assert_int_equal(model_render_sql(&m, &sql, &err), 0);
	assert_non_null(strstr(sql.data, "CONSTRAINT b_pkey PRIMARY KEY (id) "
	    "DEFERRABLE INITIALLY DEFERRED\n"));
	assert_non_null(strstr(sql.data, "ADD CONSTRAINT b_k_key UNIQUE NULLS "
	    "NOT DISTINCT (k);\n"));
	assert_non_null(strstr(sql.data, "ADD CONSTRAINT b_id_check CHECK "
	    "(id > 0) NOT VALID;\n"));
	assert_non_null(strstr(sql.data, "ADD CONSTRAINT b_r_lower_k_excl "
	    "EXCLUDE USING gist (r WITH &&, (lower(r)) timestamptz_ops WITH "
	    "<>) INCLUDE (k) WHERE (k > 0);\n"));
	assert_non_null(strstr(sql.data, "COMMENT ON CONSTRAINT b_r_lower_k_excl "
	    "ON s.b IS 'No overlap';\n"));
	vbuf_free(&sql);
	model_free(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_constraint_options),
		cmocka_unit_test(test_make_name),
		cmocka_unit_test(test_expr_colname),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_user_types),
		cmocka_unit_test(test_render_storage),
		cmocka_unit_test(test_render_stmts),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_write_roundtrip),
		cmocka_unit_test(test_write_shared_name),
		cmocka_unit_test(test_partitions),
		cmocka_unit_test(test_load_file),
		cmocka_unit_test(test_foreign_schemas),
		cmocka_unit_test(test_expr_foreign_schema),
		cmocka_unit_test(test_triggers),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
