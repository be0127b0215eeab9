/*
 * lint_rules.c: the rules of `verifier lint` for every statement but
 * ALTER TABLE (lint_rules_alter.c): indexes, drops, renames, VACUUM FULL,
 * CLUSTER, REINDEX, TRUNCATE, enum values, lock_timeout, and the hygiene
 * rules (serial, int keys, timestamp, char(n), long names).  Each reads
 * the statement's parse tree and the tables of lint_int.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lint_int.h"

#define FIX_CREATE_INDEX	"CREATE INDEX CONCURRENTLY, alone in a file " \
	"whose marker is '-- migrate:up transaction:false' (a failed build " \
	"leaves an invalid index: DROP INDEX CONCURRENTLY IF EXISTS it " \
	"before retrying)"
#define FIX_DROP_INDEX		"DROP INDEX CONCURRENTLY, alone in a file " \
	"whose marker is '-- migrate:up transaction:false'"
#define FIX_CONCURRENT_TX	"put it alone in a file whose marker is " \
	"'-- migrate:up transaction:false'"
#define FIX_RENAME_TABLE	"create the new table name as a view of " \
	"the old one (or the reverse) while both names are in use, switch " \
	"the code, then rename or drop in a later migration"
#define FIX_RENAME_COLUMN	"add the new column, write both and backfill " \
	"in batches, switch the reads, then drop the old column in a later " \
	"migration"
#define FIX_REWRITE_TABLE	"plain VACUUM (no lock on reads and " \
	"writes), or pg_repack outside the migrations"
#define FIX_REINDEX		"REINDEX ... CONCURRENTLY, alone in a file " \
	"whose marker is '-- migrate:up transaction:false'"
#define FIX_TRUNCATE		"name every table to empty and leave out " \
	"CASCADE (RESTRICT then refuses when another table refers to them)"
#define FIX_ENUM		"add the value in a file of its own (or one " \
	"marked transaction:false) and use it in a later file"
#define FIX_TIMEOUT		"make the file's first statement SET LOCAL " \
	"lock_timeout = '2s' (SET lock_timeout in a transaction:false file) " \
	"and migrate again when it gives up"

/* The column that expr says IS NOT NULL: "c IS NOT NULL" alone. */
const char *
lint_not_null_col(const PgQuery__Node *expr)
{
	const PgQuery__NullTest	*nt;
	const PgQuery__ColumnRef *cr;

	if (expr == NULL || expr->node_case != PG_QUERY__NODE__NODE_NULL_TEST)
		return (NULL);
	nt = expr->null_test;
	if (nt->nulltesttype != PG_QUERY__NULL_TEST_TYPE__IS_NOT_NULL ||
	    nt->arg == NULL ||
	    nt->arg->node_case != PG_QUERY__NODE__NODE_COLUMN_REF)
		return (NULL);
	cr = nt->arg->column_ref;
	return (cr->n_fields == 1 ? lint_str(cr->fields[0]) : NULL);
}

/* The last name of a List node of String nodes, and its schema. */
static const char *
list_name(const PgQuery__Node *n, const char **schema)
{
	const PgQuery__List	*l;

	*schema = NULL;
	if (n == NULL || n->node_case != PG_QUERY__NODE__NODE_LIST)
		return (NULL);
	l = n->list;
	if (l->n_items == 0)
		return (NULL);
	if (l->n_items >= 2)
		*schema = lint_str(l->items[l->n_items - 2]);
	return (lint_str(l->items[l->n_items - 1]));
}

static int
ours(const struct lint_state *s, const char *schema)
{
	return (schema == NULL || strcmp(schema, s->schema) == 0);
}

void
lint_blocks(struct lint_state *s, const struct lint_table *t, const char *lock)
{
	if (t != NULL && t->origin != LINT_NEW && s->blocks == NULL) {
		s->blocks = t;
		s->blocks_lock = lock;
	}
}

/* Whether a DefElem list holds name (a flag option, not set false). */
static int
has_option(PgQuery__Node **opts, size_t n, const char *name)
{
	const PgQuery__DefElem	*d;
	size_t			 i;

	for (i = 0; i < n; i++) {
		if (opts[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM)
			continue;
		d = opts[i]->def_elem;
		if (strcmp(d->defname, name) != 0)
			continue;
		if (d->arg != NULL && d->arg->node_case ==
		    PG_QUERY__NODE__NODE_BOOLEAN && !d->arg->boolean->boolval)
			return (0);
		return (1);
	}
	return (0);
}

/* ------------------------------------------------------------------ */
/* Hygiene.                                                             */

static int
is_serial(const char *b)
{
	return (strcmp(b, "serial") == 0 || strcmp(b, "serial4") == 0 ||
	    strcmp(b, "bigserial") == 0 || strcmp(b, "serial8") == 0 ||
	    strcmp(b, "smallserial") == 0 || strcmp(b, "serial2") == 0);
}

static int
is_small_int(const char *b)
{
	return (strcmp(b, "int4") == 0 || strcmp(b, "int2") == 0 ||
	    strcmp(b, "serial") == 0 || strcmp(b, "serial4") == 0 ||
	    strcmp(b, "smallserial") == 0 || strcmp(b, "serial2") == 0);
}

void
lint_hygiene_type(struct lint_state *s, const char *table, const char *col,
    const PgQuery__TypeName *tn)
{
	struct lint_type	t;

	lint_type_of(tn, &t);
	if (!t.known)
		return;
	if (is_serial(t.base))
		lint_report(s, "prefer-identity", NULL, LINT_WARNING,
		    "bigint GENERATED ALWAYS AS IDENTITY: the sequence belongs "
		    "to the column, and its grants and ownership follow it",
		    "column %s.%s.%s is %s: a serial is a sequence and a "
		    "default beside the column", s->schema, table, col,
		    t.base);
	else if (strcmp(t.base, "timestamp") == 0)
		lint_report(s, "prefer-timestamptz", NULL, LINT_WARNING,
		    "timestamptz (timestamp with time zone): an instant, "
		    "whatever the session's TimeZone",
		    "column %s.%s.%s is timestamp without time zone: its "
		    "values mean different instants to sessions with "
		    "different TimeZone settings", s->schema, table, col);
	else if (strcmp(t.base, "bpchar") == 0)
		lint_report(s, "prefer-text", NULL, LINT_WARNING,
		    "text (with a CHECK on its length if one is needed)",
		    "column %s.%s.%s is char(n): values are padded with "
		    "blanks, which comparisons and lengths then ignore or "
		    "count unevenly", s->schema, table, col);
}

static void
bigint_pk(struct lint_state *s, struct lint_table *t, const char *col)
{
	struct lint_col	*c = lint_col_find(t, col);
	struct vbuf	 type;

	if (c == NULL || !c->type.known || c->type.array ||
	    !is_small_int(c->type.base))
		return;
	vbuf_init(&type);
	lint_type_str(&c->type, &type);
	lint_report(s, "prefer-bigint-pk", NULL, LINT_WARNING,
	    "bigint (GENERATED ALWAYS AS IDENTITY): changing the type of a key "
	    "later rewrites the table and every table that refers to it",
	    "primary key %s.%s.%s is %s: it runs out at %s values", s->schema,
	    t->name, col, type.data, strstr(c->type.base, "2") ||
	    strstr(c->type.base, "small") ? "32,767" : "2,147,483,647");
	vbuf_free(&type);
}

/* The primary keys and not-null checks of a table's constraints. */
static void
table_constraint(struct lint_state *s, struct lint_table *t,
    const PgQuery__Constraint *k, const char *col)
{
	struct lint_col	*c;
	const char	*n;
	size_t		 i;

	switch (k->contype) {
	case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
		if (col != NULL) {
			if ((c = lint_col_find(t, col)) != NULL)
				c->notnull = 1;
			bigint_pk(s, t, col);
		}
		for (i = 0; i < k->n_keys; i++)
			if ((n = lint_str(k->keys[i])) != NULL) {
				if ((c = lint_col_find(t, n)) != NULL)
					c->notnull = 1;
				bigint_pk(s, t, n);
			}
		break;
	case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
		if (col != NULL && (c = lint_col_find(t, col)) != NULL)
			c->notnull = 1;
		break;
	case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
		if ((n = lint_not_null_col(k->raw_expr)) == NULL)
			break;
		if ((c = lint_col_find(t, n)) != NULL && !k->skip_validation)
			c->checked = 1;
		if (k->conname != NULL && k->conname[0] != '\0')
			lint_named_add(&s->checks, &s->nchecks, k->conname,
			    t->name, n, !k->skip_validation);
		break;
	default:
		break;
	}
}

static void
create_table(struct lint_state *s, const PgQuery__CreateStmt *cs)
{
	struct lint_table		*t;
	const PgQuery__ColumnDef	*cd;
	const PgQuery__Node		*e;
	size_t				 i, j;

	if (!lint_in_schema(s, cs->relation))
		return;
	t = lint_table_find(s, cs->relation->relname);
	/* An applied file's table: the live catalog knows it better. */
	if (t != NULL && ((cs->if_not_exists && !t->placeholder) ||
	    (t->origin == LINT_LIVE && !s->report)))
		return;
	/* Linting an applied file (--all): new in it, its size still known. */
	if (t != NULL && t->origin == LINT_LIVE) {
		t->origin = LINT_NEW;
		return;
	}
	if (t != NULL)
		lint_table_drop(s, t->name);
	t = lint_table_add(s, cs->relation->relname);
	for (i = 0; i < cs->n_table_elts; i++) {
		e = cs->table_elts[i];
		if (e->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF)
			continue;
		cd = e->column_def;
		lint_col_add(t, cd->colname, cd->type_name)->notnull =
		    cd->is_not_null;
		lint_hygiene_type(s, t->name, cd->colname, cd->type_name);
	}
	/* Keys after every column is known: PRIMARY KEY (a, b) of any. */
	for (i = 0; i < cs->n_table_elts; i++) {
		e = cs->table_elts[i];
		if (e->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
			table_constraint(s, t, e->constraint, NULL);
		if (e->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF)
			continue;
		cd = e->column_def;
		for (j = 0; j < cd->n_constraints; j++)
			if (cd->constraints[j]->node_case ==
			    PG_QUERY__NODE__NODE_CONSTRAINT)
				table_constraint(s, t,
				    cd->constraints[j]->constraint, cd->colname);
	}
	for (i = 0; i < cs->n_constraints; i++)
		if (cs->constraints[i]->node_case ==
		    PG_QUERY__NODE__NODE_CONSTRAINT)
			table_constraint(s, t, cs->constraints[i]->constraint,
			    NULL);
}

/* ------------------------------------------------------------------ */
/* Indexes, drops, renames, maintenance.                                */

static void
concurrent_in_tx(struct lint_state *s, const char *what)
{
	if (s->transactional)
		lint_report(s, "concurrent-in-transaction", NULL, LINT_ERROR,
		    FIX_CONCURRENT_TX, "%s cannot run inside a transaction "
		    "block, and the runner runs this file in one: it fails",
		    what);
}

static void
create_index(struct lint_state *s, const PgQuery__IndexStmt *ix)
{
	struct lint_table	*t;

	if ((t = lint_table_of(s, ix->relation)) == NULL)
		return;
	if (ix->idxname != NULL && ix->idxname[0] != '\0')
		lint_named_add(&s->indexes, &s->nindexes, ix->idxname, t->name,
		    NULL, 1);
	if (ix->concurrent) {
		concurrent_in_tx(s, "CREATE INDEX CONCURRENTLY");
		return;
	}
	lint_report(s, "index-not-concurrent", t, LINT_ERROR,
	    FIX_CREATE_INDEX, "CREATE %sINDEX on the existing table %s.%s "
	    "takes a SHARE lock for the whole build: every INSERT, UPDATE "
	    "and DELETE on it waits until the index is built",
	    ix->unique ? "UNIQUE " : "", s->schema, t->name);
	lint_blocks(s, t, "SHARE");
}

static void
drop_index(struct lint_state *s, const PgQuery__DropStmt *d,
    const char *name)
{
	struct lint_named	*ix;
	struct lint_table	*t;

	if (d->concurrent) {
		concurrent_in_tx(s, "DROP INDEX CONCURRENTLY");
		return;
	}
	ix = lint_named_find(s->indexes, s->nindexes, name);
	if (ix != NULL && ix->flag)
		return;		/* made in this file */
	t = ix != NULL ? lint_table_find(s, ix->table) : NULL;
	if (t != NULL)
		lint_report(s, "index-not-concurrent", t, LINT_ERROR,
		    FIX_DROP_INDEX, "DROP INDEX %s takes an ACCESS EXCLUSIVE "
		    "lock on the existing table %s.%s: every read and write of "
		    "it waits, also while the DROP queues behind a running "
		    "query", name, s->schema, t->name);
	else
		lint_report(s, "index-not-concurrent", NULL, LINT_ERROR,
		    FIX_DROP_INDEX, "DROP INDEX %s takes an ACCESS EXCLUSIVE "
		    "lock on its table (not known here: an existing one): "
		    "every read and write of it waits", name);
	lint_blocks(s, t, "ACCESS EXCLUSIVE");
}

static void
drop_stmt(struct lint_state *s, const PgQuery__DropStmt *d)
{
	struct lint_table	*t;
	const char		*name, *schema;
	char			 fix[512];
	size_t			 i;

	for (i = 0; i < d->n_objects; i++) {
		if ((name = list_name(d->objects[i], &schema)) == NULL ||
		    !ours(s, schema))
			continue;
		if (d->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX) {
			drop_index(s, d, name);
			lint_named_drop(s->indexes, &s->nindexes, name);
			continue;
		}
		if (d->remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE)
			continue;
		t = lint_table_find(s, name);
		if (t == NULL || t->origin != LINT_NEW) {
			snprintf(fix, sizeof(fix), LINT_FIX_DROP, "drop-table");
			lint_report(s, "drop-table", NULL, LINT_ERROR, fix,
			    "DROP TABLE %s.%s: running code that still reads "
			    "or writes the table fails once it is gone, and the "
			    "DROP waits for an ACCESS EXCLUSIVE lock", s->schema,
			    name);
			lint_blocks(s, t, "ACCESS EXCLUSIVE");
		}
		if (t != NULL)
			lint_table_drop(s, name);
	}
}

static void
rename_stmt(struct lint_state *s, const PgQuery__RenameStmt *r)
{
	struct lint_table	*t;
	struct lint_col		*c;
	struct lint_named	*ix;
	const char		*schema;

	switch (r->rename_type) {
	case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
		if ((t = lint_table_of(s, r->relation)) == NULL)
			return;
		if (t->origin != LINT_NEW) {
			lint_report(s, "rename-table", NULL, LINT_ERROR,
			    FIX_RENAME_TABLE, "ALTER TABLE %s.%s RENAME TO %s: "
			    "running code that uses the old name fails from "
			    "the moment this commits", s->schema, t->name,
			    r->newname);
			lint_blocks(s, t, "ACCESS EXCLUSIVE");
		}
		free(t->name);
		t->name = xstrdup(r->newname);
		return;
	case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
		if ((t = lint_table_of(s, r->relation)) == NULL)
			return;
		if (t->origin != LINT_NEW) {
			lint_report(s, "rename-column", NULL, LINT_ERROR,
			    FIX_RENAME_COLUMN, "RENAME COLUMN %s.%s.%s TO %s: "
			    "running code that uses the old name fails from "
			    "the moment this commits", s->schema, t->name,
			    r->subname, r->newname);
			lint_blocks(s, t, "ACCESS EXCLUSIVE");
		}
		if ((c = lint_col_find(t, r->subname)) != NULL) {
			free(c->name);
			c->name = xstrdup(r->newname);
		}
		return;
	case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
		if (r->relation == NULL || (schema = r->relation->schemaname,
		    !ours(s, schema[0] ? schema : NULL)))
			return;
		if ((ix = lint_named_find(s->indexes, s->nindexes,
		    r->relation->relname)) != NULL) {
			free(ix->name);
			ix->name = xstrdup(r->newname);
		}
		return;
	default:
		return;
	}
}

static void
vacuum_stmt(struct lint_state *s, const PgQuery__VacuumStmt *v)
{
	struct lint_table	*t;
	size_t			 i;

	if (!v->is_vacuumcmd || !has_option(v->options, v->n_options, "full"))
		return;
	if (v->n_rels == 0)
		lint_report(s, "vacuum-full", NULL, LINT_ERROR,
		    FIX_REWRITE_TABLE, "VACUUM FULL of every table rewrites "
		    "each under an ACCESS EXCLUSIVE lock: reads and writes "
		    "wait for each whole rewrite");
	for (i = 0; i < v->n_rels; i++) {
		if (v->rels[i]->node_case !=
		    PG_QUERY__NODE__NODE_VACUUM_RELATION ||
		    (t = lint_table_of(s,
		    v->rels[i]->vacuum_relation->relation)) == NULL)
			continue;
		lint_report(s, "vacuum-full", t, LINT_ERROR, FIX_REWRITE_TABLE,
		    "VACUUM FULL rewrites the existing table %s.%s under an "
		    "ACCESS EXCLUSIVE lock: reads and writes wait for the whole "
		    "rewrite", s->schema, t->name);
		lint_blocks(s, t, "ACCESS EXCLUSIVE");
	}
}

static void
cluster_stmt(struct lint_state *s, const PgQuery__ClusterStmt *c)
{
	struct lint_table	*t;

	if (c->relation == NULL) {
		lint_report(s, "cluster", NULL, LINT_ERROR, FIX_REWRITE_TABLE,
		    "CLUSTER of every clustered table rewrites each under an "
		    "ACCESS EXCLUSIVE lock: reads and writes wait for each "
		    "whole rewrite");
		return;
	}
	if ((t = lint_table_of(s, c->relation)) == NULL)
		return;
	lint_report(s, "cluster", t, LINT_ERROR, FIX_REWRITE_TABLE,
	    "CLUSTER rewrites the existing table %s.%s under an ACCESS "
	    "EXCLUSIVE lock: reads and writes wait for the whole rewrite",
	    s->schema, t->name);
	lint_blocks(s, t, "ACCESS EXCLUSIVE");
}

static void
reindex_stmt(struct lint_state *s, const PgQuery__ReindexStmt *r)
{
	struct lint_table	*t = NULL;
	struct lint_named	*ix;

	if (has_option(r->params, r->n_params, "concurrently")) {
		concurrent_in_tx(s, "REINDEX CONCURRENTLY");
		return;
	}
	if (r->kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX &&
	    lint_in_schema(s, r->relation)) {
		ix = lint_named_find(s->indexes, s->nindexes,
		    r->relation->relname);
		if (ix != NULL && ix->flag)
			return;
		t = ix != NULL ? lint_table_find(s, ix->table) : NULL;
	} else if (r->kind ==
	    PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_TABLE) {
		if ((t = lint_table_of(s, r->relation)) == NULL)
			return;
	}
	if (t != NULL) {
		lint_report(s, "reindex-not-concurrent", t, LINT_ERROR,
		    FIX_REINDEX, "REINDEX on the existing table %s.%s takes a "
		    "SHARE lock on it (writes wait) and an ACCESS EXCLUSIVE "
		    "lock on each index it rebuilds (reads that use it wait), "
		    "for the whole rebuild", s->schema, t->name);
		lint_blocks(s, t, "SHARE");
	} else
		lint_report(s, "reindex-not-concurrent", NULL, LINT_ERROR,
		    FIX_REINDEX, "REINDEX without CONCURRENTLY blocks the "
		    "writes of every table it rebuilds indexes of, and the "
		    "reads that use those indexes, for the whole rebuild");
}

static void
truncate_stmt(struct lint_state *s, const PgQuery__TruncateStmt *tr)
{
	struct lint_table	*t;
	size_t			 i;

	if (tr->behavior != PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
		return;
	for (i = 0; i < tr->n_relations; i++) {
		if (tr->relations[i]->node_case !=
		    PG_QUERY__NODE__NODE_RANGE_VAR ||
		    (t = lint_table_of(s, tr->relations[i]->range_var)) ==
		    NULL || t->origin == LINT_NEW)
			continue;
		lint_report(s, "truncate-cascade", NULL, LINT_ERROR,
		    FIX_TRUNCATE, "TRUNCATE %s.%s ... CASCADE also empties "
		    "every table with a foreign key to it, tables the "
		    "statement does not name, each under an ACCESS EXCLUSIVE "
		    "lock", s->schema, t->name);
		lint_blocks(s, t, "ACCESS EXCLUSIVE");
		return;
	}
}

/* ------------------------------------------------------------------ */
/* Enum values, lock_timeout, functions, names.                         */

struct enum_use {
	const struct pgtree_names	*values;
	const char			*used;
};

static void
enum_use_node(const PgQuery__Node *n, void *arg)
{
	struct enum_use	*u = arg;
	size_t		 i;

	if (u->used != NULL || n->node_case != PG_QUERY__NODE__NODE_A_CONST ||
	    n->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
		return;
	for (i = 0; i < u->values->n; i++)
		if (strcmp(u->values->v[i], n->a_const->sval->sval) == 0)
			u->used = u->values->v[i];
}

/* A lock_timeout value in milliseconds, -1 when it does not read. */
static long
timeout_ms(const PgQuery__Node *n)
{
	const char	*v;
	char		*end;
	double		 x;

	if (n == NULL || n->node_case != PG_QUERY__NODE__NODE_A_CONST)
		return (-1);
	if (n->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL)
		return (n->a_const->ival->ival);
	if (n->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
		return (-1);
	v = n->a_const->sval->sval;
	x = strtod(v, &end);
	while (*end == ' ')
		end++;
	if (end == v)
		return (-1);
	if (*end == '\0' || strcmp(end, "ms") == 0)
		return ((long)x);
	if (strcmp(end, "s") == 0)
		return ((long)(x * 1000));
	if (strcmp(end, "min") == 0)
		return ((long)(x * 60000));
	if (strcmp(end, "h") == 0)
		return ((long)(x * 3600000));
	if (strcmp(end, "d") == 0)
		return ((long)(x * 86400000));
	if (strcmp(end, "us") == 0)
		return ((long)(x / 1000));
	return (-1);
}

static void
set_timeout(struct lint_state *s, long ms)
{
	s->timeout_set = ms >= 0;
	s->timeout_ms = ms;
}

/* SELECT set_config('lock_timeout', '2s', ...). */
static void
set_config_node(const PgQuery__Node *n, void *arg)
{
	const PgQuery__FuncCall	*fc;
	const char		*name;

	if (n->node_case != PG_QUERY__NODE__NODE_FUNC_CALL)
		return;
	fc = n->func_call;
	if (fc->n_funcname == 0 || fc->n_args < 2 ||
	    (name = lint_str(fc->funcname[fc->n_funcname - 1])) == NULL ||
	    strcmp(name, "set_config") != 0 ||
	    fc->args[0]->node_case != PG_QUERY__NODE__NODE_A_CONST ||
	    fc->args[0]->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL ||
	    strcmp(fc->args[0]->a_const->sval->sval, "lock_timeout") != 0)
		return;
	set_timeout(arg, timeout_ms(fc->args[1]));
}

static void
variable_set(struct lint_state *s, const PgQuery__VariableSetStmt *v)
{
	if (v->name == NULL || strcmp(v->name, "lock_timeout") != 0)
		return;
	if (v->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE &&
	    v->n_args == 1)
		set_timeout(s, timeout_ms(v->args[0]));
	else
		s->timeout_set = 0;	/* DEFAULT, RESET: the runner's */
}

static void
create_function(struct lint_state *s, const PgQuery__CreateFunctionStmt *cf)
{
	const PgQuery__DefElem	*d;
	const char		*name, *vol = "volatile";
	size_t			 i;

	if (cf->n_funcname == 0 ||
	    (name = lint_str(cf->funcname[cf->n_funcname - 1])) == NULL)
		return;
	for (i = 0; i < cf->n_options; i++) {
		if (cf->options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM)
			continue;
		d = cf->options[i]->def_elem;
		if (strcmp(d->defname, "volatility") == 0 && lint_str(d->arg))
			vol = lint_str(d->arg);
	}
	lint_name_add(strcmp(vol, "volatile") == 0 ? &s->volatile_funcs :
	    &s->safe_funcs, name);
}

/*
 * Names over 63 bytes, from the scanner's tokens: the parser has already
 * cut them to 63 in the tree.  A quoted name counts without its quotes.
 */
static void
long_names(struct lint_state *s)
{
	struct pgtree_scan	 sc;
	const PgQuery__ScanToken *tok;
	const char		*v;
	size_t			 i, len;

	if (pgtree_scan(s->sql, &sc, NULL) == -1)
		return;
	for (i = 0; i < sc.scan->n_tokens; i++) {
		tok = sc.scan->tokens[i];
		if (tok->token != PG_QUERY__TOKEN__IDENT)
			continue;
		v = s->sql + tok->start;
		len = (size_t)(tok->end - tok->start);
		if (*v == '"' && len >= 2) {
			v++;
			len -= 2;
		}
		if (len > 63)
			lint_report(s, "identifier-too-long", NULL,
			    LINT_WARNING, "a name of 63 bytes at most",
			    "the name \"%.*s\" is %zu bytes: PostgreSQL cuts "
			    "it to its first 63, so the object is not called "
			    "what the file says", (int)len, v, len);
	}
	pgtree_scan_free(&sc);
}

static void
lock_timeout_rule(struct lint_state *s)
{
	const struct lint_table	*t = s->blocks;

	if (t == NULL || s->timeout_reported)
		return;
	s->timeout_reported = 1;
	if (!s->timeout_set)
		lint_report(s, "lock-timeout", NULL, LINT_WARNING, FIX_TIMEOUT,
		    "this takes an %s lock on the existing table %s.%s and "
		    "the file sets no lock_timeout: while it waits behind a "
		    "running query, every query of the table that conflicts "
		    "queues behind it, for up to the runner's lock_timeout "
		    "(10s unless migrate --lock-timeout)", s->blocks_lock,
		    s->schema, t->name);
	else if (s->timeout_ms == 0)
		lint_report(s, "lock-timeout", NULL, LINT_ERROR, FIX_TIMEOUT,
		    "this takes an %s lock on the existing table %s.%s and "
		    "the file sets lock_timeout to 0: while it waits behind a "
		    "running query, the queries of the table queue behind it "
		    "without end", s->blocks_lock, s->schema, t->name);
	else if (s->timeout_ms > LINT_LOCK_TIMEOUT_MAX_MS)
		lint_report(s, "lock-timeout", NULL, LINT_WARNING, FIX_TIMEOUT,
		    "this takes an %s lock on the existing table %s.%s and "
		    "the file sets lock_timeout to %ld ms, over %d ms: the "
		    "queries of the table may queue behind it that long",
		    s->blocks_lock, s->schema, t->name, s->timeout_ms,
		    LINT_LOCK_TIMEOUT_MAX_MS);
}

void
lint_rules_stmt(struct lint_state *s, const PgQuery__Node *stmt)
{
	struct enum_use	u;

	if (s->enum_values.n > 0) {
		u.values = &s->enum_values;
		u.used = NULL;
		pgtree_walk(&stmt->base, enum_use_node, &u);
		if (u.used != NULL)
			lint_report(s, "enum-value-in-transaction", NULL,
			    LINT_ERROR, FIX_ENUM, "'%s' was added to an enum "
			    "earlier in this transactional file: a new enum "
			    "value cannot be used before its transaction "
			    "commits, so this fails (unsafe use of new value)",
			    u.used);
	}
	switch (stmt->node_case) {
	case PG_QUERY__NODE__NODE_CREATE_STMT:
		create_table(s, stmt->create_stmt);
		break;
	case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
		if (stmt->create_table_as_stmt->into != NULL &&
		    lint_in_schema(s, stmt->create_table_as_stmt->into->rel))
			lint_table_add(s,
			    stmt->create_table_as_stmt->into->rel->relname);
		break;
	case PG_QUERY__NODE__NODE_INDEX_STMT:
		create_index(s, stmt->index_stmt);
		break;
	case PG_QUERY__NODE__NODE_DROP_STMT:
		drop_stmt(s, stmt->drop_stmt);
		break;
	case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
		if (stmt->alter_table_stmt->objtype ==
		    PG_QUERY__OBJECT_TYPE__OBJECT_TABLE)
			lint_rules_alter(s, stmt->alter_table_stmt);
		break;
	case PG_QUERY__NODE__NODE_RENAME_STMT:
		rename_stmt(s, stmt->rename_stmt);
		break;
	case PG_QUERY__NODE__NODE_VACUUM_STMT:
		vacuum_stmt(s, stmt->vacuum_stmt);
		break;
	case PG_QUERY__NODE__NODE_CLUSTER_STMT:
		cluster_stmt(s, stmt->cluster_stmt);
		break;
	case PG_QUERY__NODE__NODE_REINDEX_STMT:
		reindex_stmt(s, stmt->reindex_stmt);
		break;
	case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
		truncate_stmt(s, stmt->truncate_stmt);
		break;
	case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
		if (stmt->alter_enum_stmt->new_val != NULL &&
		    stmt->alter_enum_stmt->new_val[0] != '\0' &&
		    (stmt->alter_enum_stmt->old_val == NULL ||
		    stmt->alter_enum_stmt->old_val[0] == '\0') &&
		    s->transactional)
			lint_name_add(&s->enum_values,
			    stmt->alter_enum_stmt->new_val);
		break;
	case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
		variable_set(s, stmt->variable_set_stmt);
		break;
	case PG_QUERY__NODE__NODE_SELECT_STMT:
		pgtree_walk(&stmt->base, set_config_node, s);
		break;
	case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
		create_function(s, stmt->create_function_stmt);
		break;
	default:
		break;
	}
	long_names(s);
	lock_timeout_rule(s);
}
