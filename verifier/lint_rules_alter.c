/*
 * lint_rules_alter.c: the rules of `verifier lint` for ALTER TABLE, one
 * subcommand at a time: columns added (NOT NULL without a default, a
 * volatile default, a key), SET NOT NULL, constraints added without NOT
 * VALID or USING INDEX, type changes that rewrite, columns dropped; and
 * what each changes in the tables lint keeps (columns, types, checks).
 */
#include <stdio.h>
#include <string.h>

#include "lint_int.h"

#define FIX_NOT_VALID	"ADD CONSTRAINT ... NOT VALID (a short lock), then " \
	"ALTER TABLE ... VALIDATE CONSTRAINT in a later file " \
	"(SHARE UPDATE EXCLUSIVE: reads and writes go on)"
#define FIX_INLINE	"ADD COLUMN without the constraint, then ADD " \
	"CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT in a later file"
#define FIX_SET_NOT_NULL "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT " \
	"VALID, then VALIDATE CONSTRAINT c (reads and writes go on): SET NOT " \
	"NULL then skips the scan (PostgreSQL 12+); DROP CONSTRAINT c after"
#define FIX_NOT_NULL_ADD "add it with a constant DEFAULT (no rewrite since " \
	"PostgreSQL 11), or nullable, backfill in batches, then SET NOT NULL " \
	"through a validated CHECK (col IS NOT NULL)"
#define FIX_VOLATILE	"add the column without a default (or with a " \
	"constant one), then ALTER COLUMN ... SET DEFAULT for new rows, and " \
	"fill the existing rows in batches"
#define FIX_REWRITE	"add a column of the new type, fill it in batches " \
	"(and keep it filled by a trigger), then swap the names in one short " \
	"transaction; widening varchar(n), varchar to text and a numeric of " \
	"more precision at the same scale do not rewrite"

/* The first volatile function a default calls. */
struct volatile_walk {
	struct lint_state	*s;
	const char		*found;
};

static void
volatile_node(const PgQuery__Node *n, void *arg)
{
	struct volatile_walk	*w = arg;
	const PgQuery__FuncCall	*fc;
	const char		*name;

	if (w->found != NULL || n->node_case != PG_QUERY__NODE__NODE_FUNC_CALL)
		return;
	fc = n->func_call;
	if (fc->n_funcname > 0 &&
	    (name = lint_str(fc->funcname[fc->n_funcname - 1])) != NULL &&
	    lint_func_volatile(w->s, name))
		w->found = name;
}

static const char *
volatile_call(struct lint_state *s, const PgQuery__Node *expr)
{
	struct volatile_walk	w;

	w.s = s;
	w.found = NULL;
	if (expr != NULL) {
		volatile_node(expr, &w);
		pgtree_walk(&expr->base, volatile_node, &w);
	}
	return (w.found);
}

static int
is_serial_type(const PgQuery__TypeName *tn)
{
	struct lint_type	t;

	lint_type_of(tn, &t);
	return (t.known && strstr(t.base, "serial") != NULL);
}

static void
add_column(struct lint_state *s, struct lint_table *t,
    const PgQuery__ColumnDef *cd)
{
	const PgQuery__Constraint	*k;
	const PgQuery__Node		*dflt = cd->raw_default;
	const char			*vol, *key = NULL, *gen = NULL;
	const char			*fk = NULL;
	struct lint_col			*c;
	size_t				 i;
	int				 notnull = cd->is_not_null, check = 0;

	lint_hygiene_type(s, t->name, cd->colname, cd->type_name);
	for (i = 0; i < cd->n_constraints; i++) {
		if (cd->constraints[i]->node_case !=
		    PG_QUERY__NODE__NODE_CONSTRAINT)
			continue;
		k = cd->constraints[i]->constraint;
		switch (k->contype) {
		case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
			dflt = k->raw_expr;
			break;
		case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
			notnull = 1;
			break;
		case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
			notnull = 1;
			key = "PRIMARY KEY";
			break;
		case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
			key = "UNIQUE";
			break;
		case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
			gen = "GENERATED AS IDENTITY";
			break;
		case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
			gen = "GENERATED ALWAYS AS (...) STORED";
			break;
		case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
			if (!k->skip_validation)
				fk = k->pktable != NULL &&
				    k->pktable->relname != NULL ?
				    k->pktable->relname : "?";
			break;
		case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
			if (!k->skip_validation)
				check = 1;
			break;
		default:
			break;
		}
	}
	/*
	 * Inline constraints are validated by a scan of the whole table (a
	 * CHECK always; a foreign key only when a DEFAULT fills the column:
	 * PostgreSQL 15 skips the scan of a column that is all NULL, 3 ms
	 * against 489 ms with DEFAULT 1 on 3,000,000 rows).
	 */
	if (fk != NULL && dflt != NULL)
		lint_report(s, "constraint-not-valid", t, LINT_ERROR,
		    FIX_INLINE, "ADD COLUMN %s.%s.%s with a DEFAULT and "
		    "REFERENCES %s checks every row of %s.%s against %s under "
		    "the ACCESS EXCLUSIVE lock of ADD COLUMN (and SHARE ROW "
		    "EXCLUSIVE on %s): reads and writes wait for the whole "
		    "scan", s->schema, t->name, cd->colname, fk, s->schema,
		    t->name, fk, fk);
	if (check)
		lint_report(s, "constraint-not-valid", t, LINT_ERROR,
		    FIX_INLINE, "ADD COLUMN %s.%s.%s with a CHECK scans every "
		    "row under the ACCESS EXCLUSIVE lock of ADD COLUMN: reads "
		    "and writes wait for the whole scan", s->schema, t->name,
		    cd->colname);
	if (gen == NULL && is_serial_type(cd->type_name))
		gen = "serial";
	if (gen != NULL)
		lint_report(s, "volatile-default", t, LINT_ERROR, FIX_VOLATILE,
		    "ADD COLUMN %s.%s.%s %s computes a value for every "
		    "existing row: the table is rewritten under an ACCESS "
		    "EXCLUSIVE lock, reads and writes wait for the whole "
		    "rewrite", s->schema, t->name, cd->colname, gen);
	else if ((vol = volatile_call(s, dflt)) != NULL)
		lint_report(s, "volatile-default", t, LINT_ERROR, FIX_VOLATILE,
		    "ADD COLUMN %s.%s.%s with the volatile default %s() "
		    "computes a value for every existing row: the table is "
		    "rewritten under an ACCESS EXCLUSIVE lock, reads and writes "
		    "wait for the whole rewrite", s->schema, t->name,
		    cd->colname, vol);
	else if (notnull && dflt == NULL)
		lint_report(s, "add-column-not-null", t, LINT_ERROR,
		    FIX_NOT_NULL_ADD, "ADD COLUMN %s.%s.%s NOT NULL without a "
		    "DEFAULT fails on a table that has rows (column contains "
		    "null values), after waiting for an ACCESS EXCLUSIVE lock",
		    s->schema, t->name, cd->colname);
	if (key != NULL)
		lint_report(s, "unique-without-index", t, LINT_ERROR,
		    "add the column, CREATE UNIQUE INDEX CONCURRENTLY in a "
		    "transaction:false file, then ADD CONSTRAINT ... USING INDEX",
		    "ADD COLUMN %s.%s.%s %s builds its index under an ACCESS "
		    "EXCLUSIVE lock: reads and writes wait for the whole build",
		    s->schema, t->name, cd->colname, key);
	c = lint_col_add(t, cd->colname, cd->type_name);
	c->notnull = notnull;
}

static void
add_constraint(struct lint_state *s, struct lint_table *t,
    const PgQuery__Constraint *k)
{
	struct lint_col	*c;
	const char	*col, *kind;
	size_t		 i;

	switch (k->contype) {
	case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
		if (!k->skip_validation)
			lint_report(s, "constraint-not-valid", t, LINT_ERROR,
			    FIX_NOT_VALID, "ADD CONSTRAINT %s CHECK on the "
			    "existing table %s.%s scans every row under an "
			    "ACCESS EXCLUSIVE lock: reads and writes wait for "
			    "the whole scan", k->conname[0] ? k->conname :
			    "...", s->schema, t->name);
		if ((col = lint_not_null_col(k->raw_expr)) == NULL)
			break;
		if (k->conname[0] != '\0')
			lint_named_add(&s->checks, &s->nchecks, k->conname,
			    t->name, col, !k->skip_validation);
		if (!k->skip_validation && (c = lint_col_find(t, col)) != NULL)
			c->checked = 1;
		break;
	case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
		if (!k->skip_validation)
			lint_report(s, "constraint-not-valid", t, LINT_ERROR,
			    FIX_NOT_VALID, "ADD FOREIGN KEY on the existing "
			    "table %s.%s takes SHARE ROW EXCLUSIVE locks on it "
			    "and on %s and scans every row: writes to both "
			    "wait for the whole scan", s->schema, t->name,
			    k->pktable != NULL ? k->pktable->relname : "?");
		break;
	case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
	case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
		kind = k->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY ?
		    "PRIMARY KEY" : "UNIQUE";
		if (k->indexname == NULL || k->indexname[0] == '\0')
			lint_report(s, "unique-without-index", t, LINT_ERROR,
			    "CREATE UNIQUE INDEX CONCURRENTLY in a "
			    "transaction:false file, then ADD CONSTRAINT ... "
			    "USING INDEX (a short lock)", "ADD %s on the "
			    "existing table %s.%s builds its index under an "
			    "ACCESS EXCLUSIVE lock: reads and writes wait for "
			    "the whole build", kind, s->schema, t->name);
		if (k->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY)
			for (i = 0; i < k->n_keys; i++)
				if ((c = lint_col_find(t,
				    lint_str(k->keys[i]) ? lint_str(k->keys[i]) :
				    "")) != NULL)
					c->notnull = 1;
		break;
	default:
		break;
	}
	/* VALIDATE in the same transaction: validate-in-transaction. */
	if (k->skip_validation && k->conname[0] != '\0')
		lint_named_add(&s->not_valid, &s->nnot_valid, k->conname,
		    t->name, NULL, 0);
}

/* Whether changing a column from type o to n keeps the table's rows. */
static int
keeps_rows(const struct lint_type *o, const struct lint_type *n)
{
	static const char *const widen[] = {
		"varchar", "varbit", "timestamp", "timestamptz", "time",
		"timetz", "interval", NULL
	};
	size_t	i;
	int	w = 0;

	if (!o->known || !n->known || o->array != n->array)
		return (0);
	for (i = 0; widen[i] != NULL; i++)
		if (strcmp(o->base, widen[i]) == 0)
			w = 1;
	if (strcmp(o->base, n->base) == 0) {
		if (o->nmods == n->nmods && (o->nmods < 1 ||
		    o->mods[0] == n->mods[0]) && (o->nmods < 2 ||
		    o->mods[1] == n->mods[1]))
			return (1);
		if (n->nmods == 0 && (w || strcmp(o->base, "numeric") == 0))
			return (1);
		if (w && o->nmods == 1 && n->nmods == 1)
			return (n->mods[0] >= o->mods[0]);
		if (strcmp(o->base, "numeric") == 0 && o->nmods > 0 &&
		    n->nmods > 0)
			return (n->mods[0] >= o->mods[0] &&
			    (o->nmods > 1 ? o->mods[1] : 0) ==
			    (n->nmods > 1 ? n->mods[1] : 0));
		return (0);
	}
	if (strcmp(o->base, "varchar") == 0 && strcmp(n->base, "text") == 0)
		return (1);
	if (strcmp(o->base, "text") == 0 && strcmp(n->base, "varchar") == 0 &&
	    n->nmods == 0)
		return (1);
	return (strcmp(o->base, "cidr") == 0 && strcmp(n->base, "inet") == 0);
}

/* USING col or USING col::type: the types decide. */
static int
plain_using(const PgQuery__Node *u, const char *col)
{
	const PgQuery__ColumnRef	*cr;

	if (u == NULL)
		return (1);
	if (u->node_case == PG_QUERY__NODE__NODE_TYPE_CAST)
		u = u->type_cast->arg;
	if (u == NULL || u->node_case != PG_QUERY__NODE__NODE_COLUMN_REF)
		return (0);
	cr = u->column_ref;
	return (cr->n_fields == 1 && lint_str(cr->fields[0]) != NULL &&
	    strcmp(lint_str(cr->fields[0]), col) == 0);
}

static void
alter_type(struct lint_state *s, struct lint_table *t, const char *col,
    const PgQuery__ColumnDef *cd)
{
	struct lint_col		*c = lint_col_find(t, col);
	struct lint_type	 nt;
	struct vbuf		 from, to;

	lint_hygiene_type(s, t->name, col, cd->type_name);
	lint_type_of(cd->type_name, &nt);
	vbuf_init(&from);
	vbuf_init(&to);
	lint_type_str(&nt, &to);
	if (c != NULL)
		lint_type_str(&c->type, &from);
	if (c == NULL || !c->type.known)
		lint_report(s, "type-rewrite", t, LINT_ERROR, FIX_REWRITE,
		    "ALTER COLUMN %s.%s.%s TYPE %s may rewrite the table and "
		    "rebuild its indexes under an ACCESS EXCLUSIVE lock (its "
		    "current type is not known here)", s->schema, t->name, col,
		    to.data);
	else if (!keeps_rows(&c->type, &nt) || !plain_using(cd->raw_default,
	    col))
		lint_report(s, "type-rewrite", t, LINT_ERROR, FIX_REWRITE,
		    "ALTER COLUMN %s.%s.%s TYPE %s (from %s) rewrites the table "
		    "and rebuilds its indexes under an ACCESS EXCLUSIVE lock: "
		    "reads and writes wait for the whole rewrite", s->schema,
		    t->name, col, to.data, from.data);
	if (c != NULL)
		c->type = nt;
	vbuf_free(&from);
	vbuf_free(&to);
}

static void
alter_cmd(struct lint_state *s, struct lint_table *t,
    const PgQuery__AlterTableCmd *cmd)
{
	struct lint_col		*c;
	struct lint_named	*k;
	char			 fix[512];
	const PgQuery__Node	*def = cmd->def;

	switch (cmd->subtype) {
	case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
		if (def != NULL &&
		    def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
			add_column(s, t, def->column_def);
		break;
	case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
		c = lint_col_find(t, cmd->name);
		if (c == NULL || (!c->notnull && !c->checked))
			lint_report(s, "set-not-null", t, LINT_ERROR,
			    FIX_SET_NOT_NULL, "SET NOT NULL on %s.%s.%s scans "
			    "every row under an ACCESS EXCLUSIVE lock (no "
			    "validated CHECK (%s IS NOT NULL) comes first): "
			    "reads and writes wait for the whole scan",
			    s->schema, t->name, cmd->name, cmd->name);
		if (c != NULL)
			c->notnull = 1;
		break;
	case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
		if ((c = lint_col_find(t, cmd->name)) != NULL)
			c->notnull = 0;
		break;
	case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
		if (t->origin != LINT_NEW) {
			snprintf(fix, sizeof(fix), LINT_FIX_DROP, "drop-column");
			lint_report(s, "drop-column", NULL, LINT_ERROR, fix,
			    "DROP COLUMN %s.%s.%s: running code that still "
			    "reads or writes the column fails once it is gone",
			    s->schema, t->name, cmd->name);
		}
		lint_col_drop(t, cmd->name);
		break;
	case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
		if (def != NULL &&
		    def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
			add_constraint(s, t, def->constraint);
		break;
	case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
		k = lint_named_find(s->not_valid, s->nnot_valid, cmd->name);
		if (s->transactional && k != NULL &&
		    strcmp(k->table, t->name) == 0)
			lint_report(s, "validate-in-transaction", t,
			    LINT_ERROR, "VALIDATE CONSTRAINT in a later file "
			    "(each file is one transaction)", "VALIDATE "
			    "CONSTRAINT %s in the transaction that added it "
			    "NOT VALID: the lock the ADD took on %s.%s (ACCESS "
			    "EXCLUSIVE for a check, SHARE ROW EXCLUSIVE for a "
			    "foreign key) is held through the whole scan, as if "
			    "NOT VALID had not been written", cmd->name,
			    s->schema, t->name);
		k = lint_named_find(s->checks, s->nchecks, cmd->name);
		if (k != NULL && strcmp(k->table, t->name) == 0) {
			k->flag = 1;
			if ((c = lint_col_find(t, k->col)) != NULL)
				c->checked = 1;
		}
		break;
	case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
		if (def != NULL &&
		    def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
			alter_type(s, t, cmd->name, def->column_def);
		break;
	default:
		break;
	}
}

void
lint_rules_alter(struct lint_state *s, const PgQuery__AlterTableStmt *a)
{
	struct lint_table		*t;
	const PgQuery__AlterTableCmd	*cmd;
	const char			*lock = NULL;
	size_t				 i;

	if ((t = lint_table_of(s, a->relation)) == NULL)
		return;
	for (i = 0; i < a->n_cmds; i++) {
		if (a->cmds[i]->node_case !=
		    PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
			continue;
		cmd = a->cmds[i]->alter_table_cmd;
		alter_cmd(s, t, cmd);
		if (cmd->subtype ==
		    PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint)
			continue;
		if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint &&
		    cmd->def != NULL && cmd->def->node_case ==
		    PG_QUERY__NODE__NODE_CONSTRAINT &&
		    cmd->def->constraint->contype ==
		    PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN) {
			if (lock == NULL)
				lock = "SHARE ROW EXCLUSIVE";
		} else
			lock = "ACCESS EXCLUSIVE";
	}
	if (lock != NULL)
		lint_blocks(s, t, lock);
}
