/*
 * unit_diff.c: the snapshot store, diff and emit without a server:
 * catalogs written by hand as PostgreSQL's printers would give them,
 * loaded on both sides, and the exact differences and DDL checked.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "catalog.h"
#include "diff.h"
#include "emit.h"
#include "snapshot.h"

/* Column lists of the sets, as catalog.c's queries name them. */
static const char *const cols[CATALOG_NSETS] = {
	"enum pos label",
	"name comment",
	"tbl name pos type not_null default_expr identity generated comment "
	    "identity_opts",
	"tbl name kind def ref_table is_deferrable is_deferred on_update "
	    "on_delete check_expr comment",
	"tbl con pos col refcol expr op opclass",
	"tbl name uniq method body where_expr",
	"tbl idx pos col expr descending nulls_first included",
	"name type start increment min max cache cycle owned_tbl owned_col",
	"name type default_expr not_null collation comment",
	"domain name def check_expr",
	"name comment",
	"composite pos name type",
	"name parent bound partkey",
	"on_kind name col grantee privilege grantable",
	"name used",
	"name kind populated def cols reloptions comment colcomments",
	"tbl name cmd permissive roles qual with_check comment deps",
	"name fname kind identity args result rettype language body volatility "
	    "strict secdef config parallel cost rows def comment",
	"tbl name def body enabled",
	"kind name col deptype ref_kind ref_name ref_col",
	"kind name",
};

/* Replaces set id of cat by nrows rows of the columns names. */
static void
replace_set(struct catalog *cat, enum catalog_set_id id, const char *names,
    size_t nrows, const char *const *cells)
{
	struct catalog_set	*st = &cat->sets[id];
	char			*copy, *p, *save = NULL;
	size_t			 i;

	for (i = 0; i < st->ncols * st->nrows; i++)
		free(st->cells[i]);
	for (i = 0; i < st->ncols; i++)
		free(st->colnames[i]);
	free(st->colnames);
	free(st->cells);
	memset(st, 0, sizeof(*st));
	copy = xstrdup(names);
	for (p = strtok_r(copy, " ", &save); p != NULL;
	    p = strtok_r(NULL, " ", &save)) {
		st->colnames = xrealloc(st->colnames, (st->ncols + 1) *
		    sizeof(char *));
		st->colnames[st->ncols++] = xstrdup(p);
	}
	free(copy);
	st->nrows = nrows;
	st->cells = xcalloc(nrows * st->ncols + 1, sizeof(char *));
	for (i = 0; i < nrows * st->ncols; i++)
		st->cells[i] = cells[i] != NULL ? xstrdup(cells[i]) : NULL;
}

/* Fills one set of cat (zeroed) from nrows rows of cells (NULL for SQL
   NULL). */
static void
set_rows(struct catalog *cat, enum catalog_set_id id, size_t nrows,
    const char *const *cells)
{
	replace_set(cat, id, cols[id], nrows, cells);
}

static void
empty_catalog(struct catalog *cat)
{
	int	i;

	memset(cat, 0, sizeof(*cat));
	cat->schema = xstrdup("shop");
	for (i = 0; i < CATALOG_NSETS; i++)
		set_rows(cat, i, 0, NULL);
}

/* The base: enum status, table customers (id, email). */
static void
base_catalog(struct catalog *cat)
{
	static const char *const enums[] = {
		"status", "1", "new",
		"status", "2", "paid",
	};
	static const char *const tables[] = {
		"customers", NULL,
	};
	static const char *const columns[] = {
		"customers", "id", "1", "bigint", "t", NULL, "always", NULL,
		NULL, NULL,
		"customers", "email", "2", "character varying(100)", "f", NULL,
		NULL, NULL, NULL, NULL,
	};
	static const char *const cons[] = {
		"customers", "customers_pkey", "p", "PRIMARY KEY (id)", NULL,
		"f", "f", NULL, NULL, NULL, NULL,
	};
	const char *const	*cells[CATALOG_NSETS] = {
		[CATALOG_ENUMS] = enums,
		[CATALOG_TABLES] = tables,
		[CATALOG_COLUMNS] = columns,
		[CATALOG_CONSTRAINTS] = cons,
	};
	const size_t		 nrows[CATALOG_NSETS] = {
		[CATALOG_ENUMS] = 2,
		[CATALOG_TABLES] = 1,
		[CATALOG_COLUMNS] = 2,
		[CATALOG_CONSTRAINTS] = 1,
	};
	int			 i;

	memset(cat, 0, sizeof(*cat));
	cat->schema = xstrdup("shop");
	for (i = 0; i < CATALOG_NSETS; i++)
		set_rows(cat, i, nrows[i], cells[i]);
}

/* Loads actual and expected, emits up, checks the DDL and the count. */
static void
check_up(struct catalog *actual, struct catalog *expected,
    const char *renames_sql, size_t want_n, const char *want_ddl,
    const char *want_destructive)
{
	struct snapshot	 snap;
	struct vf_error	 err;
	struct vbuf	 out, destr;
	size_t		 n = 99;

	vf_error_clear(&err);
	vbuf_init(&out);
	vbuf_init(&destr);
	vbuf_puts(&out, "");
	vbuf_puts(&destr, "");
	assert_int_equal(snapshot_open(&snap, NULL, &err), 0);
	assert_int_equal(snapshot_load(&snap, SNAPSHOT_ACTUAL, actual, &err),
	    0);
	assert_int_equal(snapshot_load(&snap, SNAPSHOT_EXPECTED, expected,
	    &err), 0);
	if (renames_sql != NULL)
		assert_int_equal(snapshot_exec(&snap, renames_sql, &err), 0);
	assert_int_equal(emit_migration(&snap, "shop", SNAPSHOT_ACTUAL,
	    SNAPSHOT_EXPECTED, &out, &n, &destr, &err), 0);
	assert_int_equal(n, want_n);
	assert_string_equal(out.data, want_ddl);
	assert_string_equal(destr.data, want_destructive);
	snapshot_close(&snap);
	vbuf_free(&out);
	vbuf_free(&destr);
	catalog_free(actual);
	catalog_free(expected);
}

static void
test_equal(void **state)
{
	struct catalog	a, e;

	base_catalog(&a);
	base_catalog(&e);
	check_up(&a, &e, NULL, 0, "", "");
}

static void
test_new_table_from_empty(void **state)
{
	struct catalog	a, e;

	empty_catalog(&a);
	base_catalog(&e);
	check_up(&a, &e, NULL, 3,
	    "CREATE TYPE shop.status AS ENUM ('new', 'paid');\n"
	    "CREATE TABLE shop.customers (\n"
	    "\tid bigint GENERATED ALWAYS AS IDENTITY NOT NULL,\n"
	    "\temail character varying(100)\n"
	    ");\n"
	    "ALTER TABLE shop.customers ADD CONSTRAINT customers_pkey "
	    "PRIMARY KEY (id);\n", "");
}

static void
test_drop_everything_is_destructive(void **state)
{
	struct catalog	a, e;

	base_catalog(&a);
	empty_catalog(&e);
	check_up(&a, &e, NULL, 2,
	    "-- destructive: drops a table and its rows (shop.customers)\n"
	    "DROP TABLE shop.customers;\n"
	    "DROP TYPE shop.status;\n",
	    "  shop.customers: drops a table and its rows\n");
}

static void
test_narrowing_and_widening(void **state)
{
	struct catalog	a, e;

	base_catalog(&a);
	base_catalog(&e);
	free(e.sets[CATALOG_COLUMNS].cells[1 * 10 + 3]);
	e.sets[CATALOG_COLUMNS].cells[1 * 10 + 3] =
	    xstrdup("character varying(50)");
	check_up(&a, &e, NULL, 1,
	    "-- destructive: changes a column's type to one that may not "
	    "hold every value (shop.customers.email)\n"
	    "ALTER TABLE shop.customers ALTER COLUMN email TYPE "
	    "character varying(50) USING email::character varying(50);\n",
	    "  shop.customers.email: changes a column's type to one that may "
	    "not hold every value\n");

	base_catalog(&a);
	base_catalog(&e);
	free(e.sets[CATALOG_COLUMNS].cells[1 * 10 + 3]);
	e.sets[CATALOG_COLUMNS].cells[1 * 10 + 3] = xstrdup("text");
	check_up(&a, &e, NULL, 1,
	    "ALTER TABLE shop.customers ALTER COLUMN email TYPE text "
	    "USING email::text;\n", "");
}

static void
test_enum_value_added_in_place(void **state)
{
	static const char *const enums[] = {
		"status", "1", "new",
		"status", "2", "sent",
		"status", "3", "paid",
		"status", "4", "void",
	};
	struct catalog	a, e;

	base_catalog(&a);
	base_catalog(&e);
	catalog_free(&e);
	base_catalog(&e);
	for (size_t i = 0; i < e.sets[CATALOG_ENUMS].ncols *
	    e.sets[CATALOG_ENUMS].nrows; i++)
		free(e.sets[CATALOG_ENUMS].cells[i]);
	for (size_t i = 0; i < e.sets[CATALOG_ENUMS].ncols; i++)
		free(e.sets[CATALOG_ENUMS].colnames[i]);
	free(e.sets[CATALOG_ENUMS].colnames);
	free(e.sets[CATALOG_ENUMS].cells);
	memset(&e.sets[CATALOG_ENUMS], 0, sizeof(e.sets[CATALOG_ENUMS]));
	set_rows(&e, CATALOG_ENUMS, 4, enums);
	check_up(&a, &e, NULL, 1,
	    "ALTER TYPE shop.status ADD VALUE 'sent' BEFORE 'paid';\n"
	    "ALTER TYPE shop.status ADD VALUE 'void';\n", "");
}

static void
test_rename_table_keeps_data(void **state)
{
	struct catalog	a, e;
	int		i;

	base_catalog(&a);
	base_catalog(&e);
	/* Expected: the table is "clients", its key "clients_pkey". */
	free(e.sets[CATALOG_TABLES].cells[0]);
	e.sets[CATALOG_TABLES].cells[0] = xstrdup("clients");
	for (i = 0; i < 2; i++) {
		free(e.sets[CATALOG_COLUMNS].cells[i * 10]);
		e.sets[CATALOG_COLUMNS].cells[i * 10] = xstrdup("clients");
	}
	free(e.sets[CATALOG_CONSTRAINTS].cells[0]);
	e.sets[CATALOG_CONSTRAINTS].cells[0] = xstrdup("clients");
	free(e.sets[CATALOG_CONSTRAINTS].cells[1]);
	e.sets[CATALOG_CONSTRAINTS].cells[1] = xstrdup("clients_pkey");
	check_up(&a, &e, "INSERT INTO renames VALUES ('table', NULL, NULL, "
	    "'clients', 'customers')", 2,
	    "ALTER TABLE shop.customers RENAME TO clients;\n"
	    "ALTER TABLE shop.clients RENAME CONSTRAINT customers_pkey TO "
	    "clients_pkey;\n", "");
}

static void
test_quoted_names(void **state)
{
	static const char *const tables[] = { "Order Lines", "it's" };
	static const char *const columns[] = {
		"Order Lines", "select", "1", "integer", "t", NULL, NULL, NULL,
		NULL, NULL,
	};
	struct catalog	a, e;

	empty_catalog(&a);
	empty_catalog(&e);
	catalog_free(&e);
	memset(&e, 0, sizeof(e));
	e.schema = xstrdup("shop");
	for (int i = 0; i < CATALOG_NSETS; i++) {
		if (i == CATALOG_TABLES)
			set_rows(&e, i, 1, tables);
		else if (i == CATALOG_COLUMNS)
			set_rows(&e, i, 1, columns);
		else
			set_rows(&e, i, 0, NULL);
	}
	check_up(&a, &e, NULL, 1,
	    "CREATE TABLE shop.\"Order Lines\" (\n"
	    "\t\"select\" integer NOT NULL\n"
	    ");\n"
	    "COMMENT ON TABLE shop.\"Order Lines\" IS 'it''s';\n", "");
}

/* Persistence and storage parameters are altered in place; a comment
   of two lines on an enum is not a change of its labels. */
static void
test_storage_and_comments(void **state)
{
	static const char *const tables[] = {
		"customers", NULL, "t",
		"fillfactor=70\ntoast.autovacuum_enabled=false",
	};
	static const char *const before[] = {
		"customers", NULL, "f", "autovacuum_enabled=off\nfillfactor=50",
	};
	static const char *const enums[] = {
		"status", "1", "new", "line one\nline two",
		"status", "2", "paid", "line one\nline two",
	};
	struct catalog	a, e;

	base_catalog(&a);
	base_catalog(&e);
	replace_set(&a, CATALOG_TABLES, "name comment unlogged reloptions", 1,
	    before);
	replace_set(&e, CATALOG_TABLES, "name comment unlogged reloptions", 1,
	    tables);
	replace_set(&e, CATALOG_ENUMS, "enum pos label comment", 2, enums);
	check_up(&a, &e, NULL, 3,
	    "ALTER TABLE shop.customers SET UNLOGGED;\n"
	    "ALTER TABLE shop.customers RESET (autovacuum_enabled);\n"
	    "ALTER TABLE shop.customers SET (fillfactor = '70', "
	    "toast.autovacuum_enabled = 'false');\n"
	    "COMMENT ON TYPE shop.status IS 'line one\nline two';\n", "");
}

/* A new label and a new comment: the comment is written once. */
static void
test_enum_labels_and_comment(void **state)
{
	static const char *const enums[] = {
		"status", "1", "new", "x",
		"status", "2", "paid", "x",
		"status", "3", "void", "x",
	};
	struct catalog	a, e;

	base_catalog(&a);
	base_catalog(&e);
	replace_set(&e, CATALOG_ENUMS, "enum pos label comment", 3, enums);
	check_up(&a, &e, NULL, 2,
	    "ALTER TYPE shop.status ADD VALUE 'void';\n"
	    "COMMENT ON TYPE shop.status IS 'x';\n", "");
}

/* A domain on each side: its changes in place, in their steps. */
static void
test_domain_changes_in_place(void **state)
{
	static const char *const dom_a[] = {
		"cents", "integer", "0", "t", NULL, NULL,
	};
	static const char *const dom_e[] = {
		"cents", "integer", NULL, "f", NULL, "Money",
	};
	static const char *const chk_a[] = {
		"cents", "cents_check", "CHECK ((VALUE >= 0))", "(VALUE >= 0)",
	};
	static const char *const chk_e[] = {
		"cents", "cents_check", "CHECK ((VALUE > 0))", "(VALUE > 0)",
	};
	struct catalog	a, e;

	empty_catalog(&a);
	empty_catalog(&e);
	catalog_free(&a);
	catalog_free(&e);
	memset(&a, 0, sizeof(a));
	memset(&e, 0, sizeof(e));
	a.schema = xstrdup("shop");
	e.schema = xstrdup("shop");
	for (int i = 0; i < CATALOG_NSETS; i++) {
		set_rows(&a, i, i == CATALOG_DOMAINS || i == CATALOG_DOMCHECKS,
		    i == CATALOG_DOMAINS ? dom_a : i == CATALOG_DOMCHECKS ?
		    chk_a : NULL);
		set_rows(&e, i, i == CATALOG_DOMAINS || i == CATALOG_DOMCHECKS,
		    i == CATALOG_DOMAINS ? dom_e : i == CATALOG_DOMCHECKS ?
		    chk_e : NULL);
	}
	check_up(&a, &e, NULL, 4,
	    "ALTER DOMAIN shop.cents DROP DEFAULT;\n"
	    "ALTER DOMAIN shop.cents DROP NOT NULL;\n"
	    "COMMENT ON DOMAIN shop.cents IS 'Money';\n"
	    "ALTER DOMAIN shop.cents DROP CONSTRAINT cents_check;\n"
	    "ALTER DOMAIN shop.cents ADD CONSTRAINT cents_check "
	    "CHECK ((VALUE > 0));\n", "");
}

/*
 * The base with customers partitioned by RANGE (id) (key "RANGE (id)"
 * unless key says otherwise) and, with parts, partition z_parent of it,
 * itself partitioned, and a_child of z_parent (named so that the child
 * sorts first).
 */
static void
partitioned_catalog(struct catalog *cat, const char *key, int parts)
{
	const char *const rows[] = {
		"customers", NULL, NULL, key,
		"a_child", "z_parent", "FOR VALUES IN ('x')", NULL,
		"z_parent", "customers", "FOR VALUES FROM (1) TO (10)",
		"LIST (email)",
	};
	struct catalog_set	*s;

	base_catalog(cat);
	s = &cat->sets[CATALOG_PARTITIONS];
	for (size_t i = 0; i < s->ncols; i++)
		free(s->colnames[i]);
	free(s->colnames);
	free(s->cells);
	memset(s, 0, sizeof(*s));
	set_rows(cat, CATALOG_PARTITIONS, parts ? 3 : 1, rows);
}

static void
test_partitions_parents_first(void **state)
{
	struct catalog	a, e;

	partitioned_catalog(&a, "RANGE (id)", 0);
	partitioned_catalog(&e, "RANGE (id)", 1);
	check_up(&a, &e, NULL, 2,
	    "CREATE TABLE shop.z_parent PARTITION OF shop.customers FOR VALUES "
	    "FROM (1) TO (10) PARTITION BY LIST (email);\n"
	    "CREATE TABLE shop.a_child PARTITION OF shop.z_parent FOR VALUES "
	    "IN ('x');\n", "");
	/* Back: the child goes with its parent. */
	partitioned_catalog(&a, "RANGE (id)", 1);
	partitioned_catalog(&e, "RANGE (id)", 0);
	check_up(&a, &e, NULL, 2,
	    "-- destructive: drops a partition and its rows (shop.z_parent)\n"
	    "ALTER TABLE shop.customers DETACH PARTITION shop.z_parent;\n"
	    "DROP TABLE shop.z_parent;\n",
	    "  shop.z_parent: drops a partition and its rows\n");
}

/*
 * Loads actual a and expected e, and checks that emit_migration() refuses
 * with message want, writing nothing; frees both.
 */
static void
check_refused(struct catalog *a, struct catalog *e, const char *want)
{
	struct snapshot	 snap;
	struct vf_error	 err;
	struct vbuf	 out;
	size_t		 n = 0;

	vf_error_clear(&err);
	vbuf_init(&out);
	vbuf_puts(&out, "");
	assert_int_equal(snapshot_open(&snap, NULL, &err), 0);
	assert_int_equal(snapshot_load(&snap, SNAPSHOT_ACTUAL, a, &err), 0);
	assert_int_equal(snapshot_load(&snap, SNAPSHOT_EXPECTED, e, &err), 0);
	assert_int_equal(emit_migration(&snap, "shop", SNAPSHOT_ACTUAL,
	    SNAPSHOT_EXPECTED, &out, &n, NULL, &err), -1);
	assert_int_equal(err.code, VF_EXIT_FAIL);
	assert_string_equal(err.msg, want);
	assert_string_equal(out.data, "");
	snapshot_close(&snap);
	vbuf_free(&out);
	catalog_free(a);
	catalog_free(e);
}

static void
test_partition_key_change_refused(void **state)
{
	struct catalog	 a, e;

	partitioned_catalog(&a, "RANGE (id)", 0);
	partitioned_catalog(&e, "HASH (id)", 0);
	check_refused(&a, &e, "refusing to change the partition key "
	    "of shop.customers (RANGE (id) -> HASH (id)): PostgreSQL cannot "
	    "change a partition key in place; write this migration by hand "
	    "(a new table, the rows copied, the names swapped)");
}

/*
 * Two new views that each read the other (a catalog cannot hold this;
 * written by hand): the draft is refused with the cycle named, not
 * looped on, and nothing is written.
 */
static void
test_dependency_cycle_named(void **state)
{
	static const char *const views[] = {
		"a", "v", "t", "SELECT 1 FROM shop.b", "x integer\n", NULL, NULL,
		NULL,
		"b", "v", "t", "SELECT 1 FROM shop.a", "x integer\n", NULL, NULL,
		NULL,
	};
	static const char *const deps[] = {
		"view", "a", NULL, "n", "view", "b", "x",
		"view", "b", NULL, "n", "view", "a", "x",
	};
	struct catalog	 a, e;

	base_catalog(&a);
	base_catalog(&e);
	set_rows(&e, CATALOG_VIEWS, 2, views);
	set_rows(&e, CATALOG_DEPS, 2, deps);
	check_refused(&a, &e, "dependency cycle: create view shop.a "
	    "-> create view shop.b -> create view shop.a");
}

/* Row level security turned on; a policy added, one altered in place
   (roles, USING), in that order. */
static void
test_row_level_security(void **state)
{
	static const char *const before_t[] = { "customers", NULL, "f", "f" };
	static const char *const after_t[] = { "customers", NULL, "t", "t" };
	static const char *const before_p[] = {
		"customers", "p1", "ALL", "PERMISSIVE", "PUBLIC", "(id > 0)",
		NULL, NULL, "\ncustomers\t\ncustomers\tid\n",
	};
	static const char *const after_p[] = {
		"customers", "p1", "ALL", "PERMISSIVE", "billing_svc",
		"(id > 1)", NULL, NULL, "\ncustomers\t\ncustomers\tid\n",
		"customers", "p2", "SELECT", "RESTRICTIVE", "PUBLIC", "true",
		NULL, NULL, "\ncustomers\t\n",
	};
	struct catalog	a, e;

	base_catalog(&a);
	base_catalog(&e);
	replace_set(&a, CATALOG_TABLES, "name comment rls force_rls", 1,
	    before_t);
	replace_set(&e, CATALOG_TABLES, "name comment rls force_rls", 1,
	    after_t);
	replace_set(&a, CATALOG_POLICIES, cols[CATALOG_POLICIES], 1,
	    before_p);
	replace_set(&e, CATALOG_POLICIES, cols[CATALOG_POLICIES], 2,
	    after_p);
	check_up(&a, &e, NULL, 5,
	    "ALTER TABLE shop.customers ENABLE ROW LEVEL SECURITY;\n"
	    "ALTER TABLE shop.customers FORCE ROW LEVEL SECURITY;\n"
	    "CREATE POLICY p2 ON shop.customers AS RESTRICTIVE FOR SELECT\n"
	    "  USING (true);\n"
	    "ALTER POLICY p1 ON shop.customers TO billing_svc;\n"
	    "ALTER POLICY p1 ON shop.customers\n"
	    "  USING (id > 1);\n", "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_equal),
		cmocka_unit_test(test_new_table_from_empty),
		cmocka_unit_test(test_drop_everything_is_destructive),
		cmocka_unit_test(test_narrowing_and_widening),
		cmocka_unit_test(test_enum_value_added_in_place),
		cmocka_unit_test(test_rename_table_keeps_data),
		cmocka_unit_test(test_quoted_names),
		cmocka_unit_test(test_storage_and_comments),
		cmocka_unit_test(test_enum_labels_and_comment),
		cmocka_unit_test(test_domain_changes_in_place),
		cmocka_unit_test(test_partitions_parents_first),
		cmocka_unit_test(test_partition_key_change_refused),
		cmocka_unit_test(test_dependency_cycle_named),
		cmocka_unit_test(test_row_level_security),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
