/*
 * emit.c: migration DDL from the differences of a snapshot.  The steps
 * run in a fixed order (see emit_migration); each walks the list of
 * differences and asks the store for what a statement needs (the target
 * side's columns of a new table, the columns that use an enum, ...).
 * Tables, columns, constraints and indexes are written here; every other
 * kind in its own emit_<kind>.c, as steps that emit_migration() calls.
 *
 * The order of the draft is not the order of the steps: every statement
 * is written under a node (kind, name, action) with emit_stmt_begin(),
 * and emit_order.c sorts the nodes by the dependencies of both sides
 * (pg_depend, the store's deps set) before they are written out; the
 * steps' order only breaks ties.
 *
 * How a kind plugs in (functions, triggers, policies, ...):
 *   1. its statements, in emit_<kind>.c, each after
 *      emit_stmt_begin(e, "<kind>", name, "drop" | "create" | "alter" |
 *      "finish"), kind and name as CATALOG_DEPS names them (per-table
 *      objects with emit_stmt_begin_on(e, kind, tbl, name, action));
 *      its steps called from emit_migration() where they fit best;
 *   2. when its objects must be dropped and created again around a
 *      change of what they depend on (a column's type, a table or a
 *      function recreated), a line in emit_kinds[] below: the function
 *      that writes its drop, the one that writes its create from the
 *      target side, and (or NULL) the one that says whether a change of
 *      its own recreates it.  The closure (emit_order.c) finds them, the
 *      graph orders them; the kind's own steps skip what
 *      emit_recreated() says is done.
 */
#include <stdlib.h>
#include <string.h>

#include "emit_int.h"

const struct emit_kind emit_kinds[] = {
	{ "view", 0, emit_view_drop, emit_view_create, emit_view_recreated },
	{ "materialized view", 0, emit_view_drop, emit_view_create,
	    emit_view_recreated },
	{ "policy", 1, emit_policy_drop, emit_policy_create,
	    emit_policy_recreated },
	{ "trigger", 1, emit_trigger_drop, emit_trigger_create,
	    emit_trigger_recreated },
	{ "function", 0, emit_function_drop_early, emit_function_create_none,
	    emit_function_recreated },
	{ "procedure", 0, emit_function_drop_early, emit_function_create_none,
	    emit_function_recreated },
	{ NULL, 0, NULL, NULL, NULL }
};

int
emit_is(const struct diff_change *c, const char *kind, const char *action)
{
	return (strcmp(c->kind, kind) == 0 &&
	    (action == NULL || strcmp(c->action, action) == 0));
}

int
emit_field_is(const struct diff_change *c, const char *field)
{
	return (c->field != NULL && strcmp(c->field, field) == 0);
}

void
emit_qname(struct emitter *e, const char *name)
{
	vf_quote_ident(e->out, e->schema);
	vbuf_putc(e->out, '.');
	vf_quote_ident(e->out, name);
}

void
emit_alter_table(struct emitter *e, const char *tbl)
{
	vbuf_puts(e->out, "ALTER TABLE ");
	emit_qname(e, tbl);
	vbuf_putc(e->out, ' ');
}

void
emit_alter_column(struct emitter *e, const char *tbl, const char *col)
{
	emit_alter_table(e, tbl);
	vbuf_puts(e->out, "ALTER COLUMN ");
	vf_quote_ident(e->out, col);
	vbuf_putc(e->out, ' ');
}

void
emit_destructive(struct emitter *e, const char *why, const char *what)
{
	vbuf_appendf(e->out, "-- destructive: %s (%s.%s)\n", why, e->schema,
	    what);
	if (e->destructive != NULL)
		vbuf_appendf(e->destructive, "  %s.%s: %s\n", e->schema, what,
		    why);
}

/* Prepares sql on the store and binds ?1.. to the strings given. */
sqlite3_stmt *
emit_query(struct emitter *e, const char *sql, const char *p1, const char *p2,
    const char *p3)
{
	sqlite3_stmt	*st;

	if (snapshot_prepare(e->snap, sql, &st, e->failed ? NULL : e->err) ==
	    -1) {
		e->failed = 1;
		return (NULL);
	}
	if (p1 != NULL)
		sqlite3_bind_text(st, 1, p1, -1, SQLITE_STATIC);
	if (p2 != NULL)
		sqlite3_bind_text(st, 2, p2, -1, SQLITE_STATIC);
	if (p3 != NULL)
		sqlite3_bind_text(st, 3, p3, -1, SQLITE_STATIC);
	return (st);
}

const char *
emit_text(sqlite3_stmt *st, int col)
{
	return ((const char *)sqlite3_column_text(st, col));
}

/*
 * An identity's options (catalog.h: "start increment min max cache cycle",
 * min/max "-" at the type's bound) in its six fields; 0, or -1 when opts
 * is not of that form.
 */
static int
split_identity_opts(const char *opts, char f[6][24])
{
	size_t	i, n;

	for (i = 0; i < 6; i++) {
		n = strcspn(opts, " ");
		if (n == 0 || n >= sizeof(f[i]))
			return (-1);
		memcpy(f[i], opts, n);
		f[i][n] = '\0';
		opts += n;
		if (*opts == ' ')
			opts++;
	}
	return (0);
}

/*
 * The options of an identity: with from NULL, " (START WITH ...)" for what
 * differs from PostgreSQL's defaults (nothing when all are); else " SET
 * START WITH ..." for what differs from from.
 */
static void
identity_opts_sql(struct vbuf *out, const char *from, const char *to)
{
	static const char *const words[] = { "START WITH", "INCREMENT BY",
	    "MINVALUE", "MAXVALUE", "CACHE", "CYCLE" };
	char		 t[6][24], f[6][24];
	struct vbuf	 b;
	int		 asc, i;

	if (to == NULL || split_identity_opts(to, t) == -1)
		return;
	asc = t[1][0] != '-';
	if (from == NULL || split_identity_opts(from, f) == -1) {
		/* PostgreSQL's defaults. */
		snprintf(f[0], sizeof(f[0]), "%s", asc ? t[2] : t[3]);
		snprintf(f[1], sizeof(f[1]), "1");
		snprintf(f[2], sizeof(f[2]), "%s", asc ? "1" : "-");
		snprintf(f[3], sizeof(f[3]), "%s", asc ? "-" : "-1");
		snprintf(f[4], sizeof(f[4]), "1");
		snprintf(f[5], sizeof(f[5]), "f");
		from = NULL;
	}
	vbuf_init(&b);
	for (i = 0; i < 6; i++) {
		if (strcmp(f[i], t[i]) == 0)
			continue;
		vbuf_puts(&b, from != NULL ? " SET " : " ");
		if (i == 5)
			vbuf_puts(&b, t[5][0] == 't' ? "CYCLE" : "NO CYCLE");
		else if (t[i][0] == '-' && t[i][1] == '\0')
			vbuf_appendf(&b, "NO %s", words[i]);
		else
			vbuf_appendf(&b, "%s %s", words[i], t[i]);
	}
	if (from == NULL && b.len > 0)
		vbuf_appendf(out, " (%s)", b.data + 1);
	else
		vbuf_puts(out, b.data);
	vbuf_free(&b);
}

/* name type [identity | generated | default] [NOT NULL] of the target. */
static void
column_spec(struct emitter *e, sqlite3_stmt *st)
{
	const char	*type = emit_text(st, 1), *def = emit_text(st, 3),
			*ident = emit_text(st, 4), *gen = emit_text(st, 5);

	vf_quote_ident(e->out, emit_text(st, 0));
	vbuf_appendf(e->out, " %s", type);
	if (ident != NULL) {
		vbuf_appendf(e->out, " GENERATED %s AS IDENTITY",
		    strcmp(ident, "always") == 0 ? "ALWAYS" : "BY DEFAULT");
		identity_opts_sql(e->out, NULL, emit_text(st, 7));
	}
	if (gen != NULL)
		vbuf_appendf(e->out, " GENERATED ALWAYS AS (%s) STORED", gen);
	if (def != NULL)
		vbuf_appendf(e->out, " DEFAULT %s", def);
	if (strcmp(emit_text(st, 2), "t") == 0)
		vbuf_puts(e->out, " NOT NULL");
}

#define COLUMN_SQL \
	"SELECT name, type, not_null, default_expr, identity, generated, " \
	"comment, identity_opts FROM columns WHERE side = ?1 AND tbl = ?2 "

static void
add_column(struct emitter *e, const char *tbl, const char *col)
{
	sqlite3_stmt	*st;

	st = emit_query(e, COLUMN_SQL "AND name = ?3", e->to, tbl, col);
	if (st == NULL)
		return;
	if (sqlite3_step(st) == SQLITE_ROW) {
		emit_stmt_begin(e, "table", tbl, "alter");
		emit_alter_table(e, tbl);
		vbuf_puts(e->out, "ADD COLUMN ");
		column_spec(e, st);
		vbuf_puts(e->out, ";\n");
	}
	sqlite3_finalize(st);
}

static void
create_table(struct emitter *e, const char *tbl)
{
	sqlite3_stmt	*st;
	int		 n = 0;

	st = emit_query(e, COLUMN_SQL "ORDER BY CAST(pos AS INTEGER)", e->to,
	    tbl, NULL);
	if (st == NULL)
		return;
	emit_stmt_begin(e, "table", tbl, "create");
	emit_create_table_head(e, tbl);
	emit_qname(e, tbl);
	vbuf_puts(e->out, " (");
	while (sqlite3_step(st) == SQLITE_ROW) {
		vbuf_puts(e->out, n++ > 0 ? ",\n\t" : "\n\t");
		column_spec(e, st);
	}
	vbuf_puts(e->out, n > 0 ? "\n)" : ")");
	emit_partition_by(e, tbl);
	emit_create_table_with(e, tbl);
	vbuf_puts(e->out, ";\n");
	sqlite3_finalize(st);
}

void
emit_comment_on(struct emitter *e, const char *what, const char *tbl,
    const char *col, const char *comment)
{
	vbuf_appendf(e->out, "COMMENT ON %s ", what);
	emit_qname(e, tbl);
	if (col != NULL) {
		vbuf_putc(e->out, '.');
		vf_quote_ident(e->out, col);
	}
	vbuf_puts(e->out, " IS ");
	if (comment != NULL)
		vf_quote_literal(e->out, comment);
	else
		vbuf_puts(e->out, "NULL");
	vbuf_puts(e->out, ";\n");
}

void
emit_comment_on_member(struct emitter *e, const char *kind, const char *tbl,
    const char *name, const char *comment)
{
	struct vbuf	what;

	vbuf_init(&what);
	vbuf_appendf(&what, "%s ", kind);
	vf_quote_ident(&what, name);
	vbuf_puts(&what, " ON");
	emit_comment_on(e, what.data, tbl, NULL, comment);
	vbuf_free(&what);
}

/* Comments of a new table and its columns. */
static void
new_table_comments(struct emitter *e, const char *tbl)
{
	sqlite3_stmt	*st;

	emit_stmt_begin(e, "table", tbl, "finish");
	st = emit_query(e, "SELECT comment FROM tables WHERE side = ?1 AND "
	    "name = ?2 AND comment IS NOT NULL", e->to, tbl, NULL);
	if (st == NULL)
		return;
	if (sqlite3_step(st) == SQLITE_ROW)
		emit_comment_on(e, "TABLE", tbl, NULL, emit_text(st, 0));
	sqlite3_finalize(st);
	st = emit_query(e, COLUMN_SQL "AND comment IS NOT NULL ORDER BY "
	    "CAST(pos AS INTEGER)", e->to, tbl, NULL);
	if (st == NULL)
		return;
	while (sqlite3_step(st) == SQLITE_ROW)
		emit_comment_on(e, "COLUMN", tbl, emit_text(st, 0),
		    emit_text(st, 6));
	sqlite3_finalize(st);
}

static void
add_constraint(struct emitter *e, const struct diff_change *c)
{
	const char	*def = c->to_val, *p;
	static const char refs[] = " REFERENCES (";

	int		 online;

	online = emit_online_constraint(e, c->tbl, c->name);
	if (online == EMIT_ONLINE_LATER)
		return;
	emit_stmt_begin_on(e, "constraint", c->tbl, c->name, "create");
	emit_alter_table(e, c->tbl);
	vbuf_puts(e->out, "ADD CONSTRAINT ");
	vf_quote_ident(e->out, c->name);
	vbuf_putc(e->out, ' ');
	if (c->ckind != NULL && strcmp(c->ckind, "f") == 0 &&
	    (p = strstr(def, refs)) != NULL && c->extra != NULL) {
		vbuf_append(e->out, def, (size_t)(p - def));
		vbuf_puts(e->out, " REFERENCES ");
		emit_qname(e, c->extra);
		vbuf_puts(e->out, p + sizeof(refs) - 2);
	} else
		vbuf_puts(e->out, def);
	vbuf_puts(e->out, online == EMIT_ONLINE_NOT_VALID ? " NOT VALID;\n" :
	    ";\n");
}

static void
drop_constraint(struct emitter *e, const char *tbl, const char *name)
{
	emit_stmt_begin_on(e, "constraint", tbl, name, "drop");
	emit_alter_table(e, tbl);
	vbuf_puts(e->out, "DROP CONSTRAINT ");
	vf_quote_ident(e->out, name);
	vbuf_puts(e->out, ";\n");
}

void
emit_create_index(struct emitter *e, const struct diff_change *c)
{
	emit_stmt_begin(e, "index", c->name, "create");
	vbuf_appendf(e->out, "CREATE %sINDEX ",
	    c->extra != NULL && strcmp(c->extra, "t") == 0 ? "UNIQUE " : "");
	vf_quote_ident(e->out, c->name);
	vbuf_puts(e->out, " ON ");
	emit_qname(e, c->tbl);
	vbuf_appendf(e->out, " USING %s;\n", c->to_val);
}

static int
is_fk(const struct diff_change *c)
{
	return (emit_is(c, "constraint", NULL) && c->ckind != NULL &&
	    strcmp(c->ckind, "f") == 0);
}

/*
 * Field i of COLUMN_SQL of the column's target (3: its default, for
 * re-setting it after a type change; 7: its identity options), or NULL.
 */
static char *
target_field(struct emitter *e, const char *tbl, const char *col, int i)
{
	sqlite3_stmt	*st;
	char		*v = NULL;

	st = emit_query(e, COLUMN_SQL "AND name = ?3", e->to, tbl, col);
	if (st == NULL)
		return (NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = snapshot_col(st, i);
	sqlite3_finalize(st);
	return (v);
}

/* Whether column col of table tbl has an alter of field in the diff. */
static const struct diff_change *
find_alter(struct emitter *e, const char *tbl, const char *col,
    const char *field)
{
	size_t	i;

	for (i = 0; i < e->d.n; i++) {
		const struct diff_change *c = &e->d.v[i];

		if (emit_is(c, "column", "alter") && emit_field_is(c, field) &&
		    strcmp(c->tbl, tbl) == 0 && strcmp(c->name, col) == 0)
			return (c);
	}
	return (NULL);
}

/*
 * The argument of a default that is a sequence's nextval as PostgreSQL
 * prints it ("'shop.t_id_seq'::regclass"), a new string; NULL for any
 * other default.
 */
static char *
nextval_arg(const char *def)
{
	static const char	pre[] = "nextval('", post[] = "'::regclass)";
	size_t			n, i;

	if (def == NULL || (n = strlen(def)) < sizeof(pre) + sizeof(post) - 1 ||
	    strncmp(def, pre, sizeof(pre) - 1) != 0)
		return (NULL);
	/* One literal, then the cast: nothing else. */
	for (i = sizeof(pre) - 1; def[i] != '\0'; i++)
		if (def[i] == '\'' && def[i + 1] == '\'')
			i++;
		else if (def[i] == '\'')
			break;
	if (strcmp(def + i, post) != 0)
		return (NULL);
	return (xstrndup(def + sizeof(pre) - 2, n - sizeof(pre) + 1));
}

/*
 * A column that turns from serial (a default that is a sequence's nextval)
 * into an identity, or back, in this migration: the new sequence goes on
 * from the next value of the old one, which is still there, so that no
 * value is handed out twice.  to_identity: the identity is added (after
 * it), else dropped (before it).
 */
static void
carry_sequence(struct emitter *e, const struct diff_change *c,
    int to_identity)
{
	const struct diff_change *d;
	struct vbuf		 tbl;
	char			*arg;
	const char		*p;

	d = find_alter(e, c->tbl, c->name, "default");
	if (d == NULL || (to_identity ? d->to_val : d->from_val) != NULL ||
	    (arg = nextval_arg(to_identity ? d->from_val : d->to_val)) ==
	    NULL)
		return;
	if (to_identity) {
		/* pg_get_serial_sequence() would find the old one first. */
		vbuf_puts(e->out, "ALTER SEQUENCE ");
		for (p = arg + 1; p[0] != '\0' && !(p[0] == '\'' &&
		    p[1] != '\''); p++) {
			if (p[0] == '\'')
				p++;
			vbuf_putc(e->out, *p);
		}
		vbuf_puts(e->out, " OWNED BY NONE;\n");
	}
	vbuf_init(&tbl);
	vf_quote_ident(&tbl, e->schema);
	vbuf_putc(&tbl, '.');
	vf_quote_ident(&tbl, c->tbl);
	vbuf_puts(e->out, "SELECT pg_catalog.setval(");
	if (!to_identity)
		vbuf_appendf(e->out, "%s, pg_catalog.nextval(", arg);
	vbuf_puts(e->out, "pg_catalog.pg_get_serial_sequence(");
	vf_quote_literal(e->out, tbl.data);
	vbuf_puts(e->out, ", ");
	vf_quote_literal(e->out, c->name);
	vbuf_putc(e->out, ')');
	if (to_identity)
		vbuf_appendf(e->out, ", pg_catalog.nextval(%s)", arg);
	else
		vbuf_putc(e->out, ')');
	vbuf_puts(e->out, ", false);\n");
	vbuf_free(&tbl);
	free(arg);
}

static void
step_columns(struct emitter *e)
{
	const struct diff_change	*c, *t;
	struct vbuf			 what;
	char				*def;
	size_t				 i;
	int				 pass;

	vbuf_init(&what);
	for (i = 0; i < e->d.n; i++)
		if (emit_is(&e->d.v[i], "column", "add"))
			add_column(e, e->d.v[i].tbl, e->d.v[i].name);
	/* Pass 0 removes, 1 changes types, 2 nullability, 3 adds back. */
	for (pass = 0; pass < 4; pass++) {
		for (i = 0; i < e->d.n; i++) {
			c = &e->d.v[i];
			if (!emit_is(c, "column", "alter"))
				continue;
			emit_stmt_begin(e, "table", c->tbl, "alter");
			vbuf_reset(&what);
			vbuf_appendf(&what, "%s.%s", c->tbl, c->name);
			/* An old default is dropped before a type change
			   too: it may not cast to the new type. */
			if (pass == 0 && emit_field_is(c, "default") &&
			    (c->to_val == NULL || (c->from_val != NULL &&
			    find_alter(e, c->tbl, c->name, "type") != NULL))) {
				emit_alter_column(e, c->tbl, c->name);
				vbuf_puts(e->out, "DROP DEFAULT;\n");
			} else if (pass == 0 && emit_field_is(c, "identity") &&
			    c->to_val == NULL) {
				carry_sequence(e, c, 0);
				emit_alter_column(e, c->tbl, c->name);
				vbuf_puts(e->out, "DROP IDENTITY;\n");
			} else if (pass == 0 && emit_field_is(c, "generated") &&
			    c->to_val == NULL) {
				emit_alter_column(e, c->tbl, c->name);
				vbuf_puts(e->out, "DROP EXPRESSION;\n");
			} else if (pass == 1 && emit_field_is(c, "type")) {
				t = find_alter(e, c->tbl, c->name, "default");
				def = target_field(e, c->tbl, c->name, 3);
				/* A default may not cast on its own. */
				if (t == NULL && def != NULL) {
					emit_alter_column(e, c->tbl, c->name);
					vbuf_puts(e->out, "DROP DEFAULT;\n");
				}
				if (c->destructive != NULL)
					emit_destructive(e, c->destructive,
					    what.data);
				emit_alter_column(e, c->tbl, c->name);
				vbuf_appendf(e->out, "TYPE %s USING ",
				    c->to_val);
				vf_quote_ident(e->out, c->name);
				vbuf_appendf(e->out, "::%s;\n", c->to_val);
				if (t == NULL && def != NULL) {
					emit_alter_column(e, c->tbl, c->name);
					vbuf_appendf(e->out,
					    "SET DEFAULT %s;\n", def);
				}
				free(def);
			} else if (pass == 1 && emit_field_is(c, "generated") &&
			    c->to_val != NULL) {
				/* PostgreSQL 15 cannot add or change a
				   generation expression in place. */
				if (c->from_val == NULL)
					emit_destructive(e, "replaces a "
					    "column by a generated one",
					    what.data);
				emit_alter_table(e, c->tbl);
				vbuf_puts(e->out, "DROP COLUMN ");
				vf_quote_ident(e->out, c->name);
				vbuf_puts(e->out, ";\n");
				add_column(e, c->tbl, c->name);
			} else if (pass == 2 && emit_field_is(c, "not_null") &&
			    !emit_online_not_null(e, c->tbl, c->name)) {
				emit_alter_column(e, c->tbl, c->name);
				vbuf_puts(e->out, strcmp(c->to_val, "t") == 0 ?
				    "SET NOT NULL;\n" : "DROP NOT NULL;\n");
			} else if (pass == 3 && emit_field_is(c, "identity") &&
			    c->to_val != NULL) {
				emit_alter_column(e, c->tbl, c->name);
				if (c->from_val == NULL) {
					vbuf_appendf(e->out, "ADD GENERATED %s "
					    "AS IDENTITY",
					    strcmp(c->to_val, "always") == 0 ?
					    "ALWAYS" : "BY DEFAULT");
					def = target_field(e, c->tbl, c->name,
					    7);
					identity_opts_sql(e->out, NULL, def);
					free(def);
					vbuf_puts(e->out, ";\n");
					carry_sequence(e, c, 1);
				} else
					vbuf_appendf(e->out, "SET GENERATED "
					    "%s;\n",
					    strcmp(c->to_val, "always") == 0 ?
					    "ALWAYS" : "BY DEFAULT");
			} else if (pass == 3 &&
			    emit_field_is(c, "identity_options")) {
				emit_alter_column(e, c->tbl, c->name);
				/* " SET ..." follows the column's name. */
				e->out->data[--e->out->len] = '\0';
				identity_opts_sql(e->out, c->from_val,
				    c->to_val);
				vbuf_puts(e->out, ";\n");
			} else if (pass == 3 && emit_field_is(c, "default") &&
			    c->to_val != NULL) {
				emit_alter_column(e, c->tbl, c->name);
				vbuf_appendf(e->out, "SET DEFAULT %s;\n",
				    c->to_val);
			}
		}
	}
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (!emit_is(c, "column", "drop"))
			continue;
		emit_stmt_begin(e, "table", c->tbl, "alter");
		vbuf_reset(&what);
		vbuf_appendf(&what, "%s.%s", c->tbl, c->name);
		emit_destructive(e, c->destructive, what.data);
		emit_alter_table(e, c->tbl);
		vbuf_puts(e->out, "DROP COLUMN ");
		vf_quote_ident(e->out, c->name);
		vbuf_puts(e->out, ";\n");
	}
	vbuf_free(&what);
}

/* Foreign keys of the source side on tables that are dropped. */
static void
drop_fks_of_dropped_tables(struct emitter *e)
{
	sqlite3_stmt	*st;

	st = emit_query(e, "SELECT tbl, name FROM constraints WHERE side = ?1 "
	    "AND kind = 'f' AND tbl IN (SELECT name FROM temp.changes "
	    "WHERE kind = 'table' AND action = 'drop') ORDER BY tbl, name",
	    e->from, NULL, NULL);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		drop_constraint(e, emit_text(st, 0), emit_text(st, 1));
	sqlite3_finalize(st);
}

/*
 * Step 8's indexes, parents first: a table's before its partitions', a
 * partition's before those of its own partitions (an index made on a
 * parent takes an identical one of a partition as its copy).
 */
static void
create_indexes(struct emitter *e)
{
	const struct diff_change	*c;
	size_t				 i;
	int				 level, deepest = 0, *depth;

	depth = xcalloc(e->d.n + 1, sizeof(*depth));
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		depth[i] = -1;
		if ((emit_is(c, "index", "add") || (emit_is(c, "index",
		    "alter") && c->field == NULL)) &&
		    !emit_view_whole(e, c->tbl) &&
		    !emit_view_became_table(e, c->tbl) &&
		    !emit_online_index(e, c->name)) {
			depth[i] = emit_partition_depth(e, c->tbl);
			if (depth[i] > deepest)
				deepest = depth[i];
		}
	}
	for (level = 0; level <= deepest; level++)
		for (i = 0; i < e->d.n; i++)
			if (depth[i] == level)
				emit_create_index(e, &e->d.v[i]);
	free(depth);
}

/*
 * emit_migration(), emit_migration_online() when online is not NULL, or
 * emit_migration_plan() when plan is not NULL.
 */
static int
emit_run(struct snapshot *snap, const char *schema, const char *from,
    const char *to, struct emit_online *online, struct emit_plan *plan,
    struct vbuf *out, size_t *nchanges, struct vbuf *destr,
    struct vf_error *err)
{
	struct emitter			 e;
	const struct diff_change	*c;
	size_t				 i;
	int				 pass;

	memset(&e, 0, sizeof(e));
	e.plan = plan;
	e.snap = snap;
	e.schema = schema;
	e.from = from;
	e.to = to;
	e.destructive = destr;
	e.err = err;
	e.online = online;
	if (diff_compute(snap, from, to, &e.d, err) == -1)
		return (-1);
	*nchanges = e.d.n;
	if (e.d.n == 0)
		goto done;
	emit_online_begin(&e);
	/* Until a step says which object it writes about. */
	emit_stmt_begin(&e, "", "", "alter");
	if (emit_partitions_refused(&e) == -1)
		goto done;

	/* 0. Privileges that go, under the source names; objects dropped
	   or recreated, and what depends on them, before what they depend
	   on changes. */
	emit_dependents_find(&e);
	emit_grants_revoke(&e);
	emit_dependents_drop(&e);
	/* Extensions, before anything uses their types. */
	emit_extensions_create(&e);
	/* 1. New enums and labels changed in place; then domains and
	   composite types, which may use them. */
	emit_enums_create(&e);
	emit_types_create(&e);
	/* 2. Foreign keys go first, then other constraints and indexes,
	   under their source names. */
	drop_fks_of_dropped_tables(&e);
	emit_replident_reset(&e);
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < e.d.n; i++) {
			c = &e.d.v[i];
			if ((!emit_is(c, "constraint", "drop") &&
			    !emit_constraint_recreated(c)) ||
			    is_fk(c) != (pass == 0) ||
			    emit_online_constraint(&e, c->old_tbl,
			    c->name) == EMIT_ONLINE_LATER)
				continue;
			drop_constraint(&e, c->old_tbl,
			    c->old_name != NULL ? c->old_name : c->name);
		}
	}
	for (i = 0; i < e.d.n; i++) {
		c = &e.d.v[i];
		if ((emit_is(c, "index", "drop") ||
		    (emit_is(c, "index", "alter") && c->field == NULL)) &&
		    !emit_view_dropped(&e, c->old_tbl) &&
		    !emit_online_index(&e, c->name)) {
			emit_stmt_begin(&e, "index", c->name, "drop");
			vbuf_puts(e.out, "DROP INDEX ");
			emit_qname(&e, c->name);
			vbuf_puts(e.out, ";\n");
		}
	}
	/* 3. Renames: tables, then their columns, constraints, indexes. */
	for (i = 0; i < e.d.n; i++) {
		c = &e.d.v[i];
		if (emit_is(c, "table", "rename")) {
			emit_stmt_begin(&e, "table", c->name, "alter");
			emit_alter_table(&e, c->old_name);
			vbuf_puts(e.out, "RENAME TO ");
			vf_quote_ident(e.out, c->name);
			vbuf_puts(e.out, ";\n");
		}
	}
	for (i = 0; i < e.d.n; i++) {
		c = &e.d.v[i];
		if (emit_is(c, "column", "rename")) {
			emit_stmt_begin(&e, "table", c->tbl, "alter");
			emit_alter_table(&e, c->tbl);
			vbuf_puts(e.out, "RENAME COLUMN ");
			vf_quote_ident(e.out, c->old_name);
			vbuf_puts(e.out, " TO ");
			vf_quote_ident(e.out, c->name);
			vbuf_puts(e.out, ";\n");
		} else if (emit_is(c, "constraint", "rename")) {
			emit_stmt_begin_on(&e, "constraint", c->tbl, c->name,
			    "alter");
			emit_alter_table(&e, c->tbl);
			vbuf_puts(e.out, "RENAME CONSTRAINT ");
			vf_quote_ident(e.out, c->old_name);
			vbuf_puts(e.out, " TO ");
			vf_quote_ident(e.out, c->name);
			vbuf_puts(e.out, ";\n");
		} else if (emit_is(c, "index", "rename") &&
		    !emit_view_dropped(&e, c->old_tbl)) {
			emit_stmt_begin(&e, "index", c->name, "alter");
			vbuf_puts(e.out, "ALTER INDEX ");
			emit_qname(&e, c->old_name);
			vbuf_puts(e.out, " RENAME TO ");
			vf_quote_ident(e.out, c->name);
			vbuf_puts(e.out, ";\n");
		}
	}
	/* 4. Sequences that change owners are let go first: dropping the
	   column that owns one would drop it.  Then new sequences, then
	   tables (columns only). */
	emit_sequences_create(&e);
	emit_partitions_replaced(&e);
	for (i = 0; i < e.d.n; i++) {
		c = &e.d.v[i];
		if (emit_is(c, "table", "add"))
			create_table(&e, c->name);
	}
	/* 5. Columns of kept tables: add, change, drop. */
	step_columns(&e);
	/* 6. Enums that lost labels are recreated, columns converted; so
	   are domains and composite types PostgreSQL cannot alter. */
	emit_enums_recreate(&e);
	emit_types_recreate(&e);
	/* 7. Partitions detached; dropped tables, sequences, domains and
	   composite types, enums; partitions created and attached. */
	emit_partitions_detach(&e);
	for (i = 0; i < e.d.n; i++) {
		c = &e.d.v[i];
		if (emit_is(c, "table", "drop")) {
			emit_stmt_begin(&e, "table", c->name, "drop");
			emit_destructive(&e, c->destructive, c->name);
			vbuf_puts(e.out, "DROP TABLE ");
			emit_qname(&e, c->name);
			vbuf_puts(e.out, ";\n");
		}
	}
	emit_functions_drop(&e);
	emit_sequences_finish(&e);
	emit_types_drop(&e);
	emit_enums_drop(&e);
	emit_extensions_drop(&e);
	emit_partitions_create(&e);
	/* 8. Checks of domains; constraints: keys and checks, indexes,
	   then foreign keys (which may reference a unique index). */
	emit_types_finish(&e);
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1) {
			create_indexes(&e);
			emit_view_table_indexes(&e);
		}
		for (i = 0; i < e.d.n; i++) {
			c = &e.d.v[i];
			if (is_fk(c) != (pass == 1))
				continue;
			if (emit_is(c, "constraint", "add") ||
			    emit_constraint_recreated(c))
				add_constraint(&e, c);
			else if (emit_is(c, "constraint", "alter") &&
			    (emit_field_is(c, "validated") ||
			    emit_field_is(c, "deferrable"))) {
				emit_stmt_begin_on(&e, "constraint", c->tbl,
				    c->name, "alter");
				emit_constraint_alter(&e, c);
			}
		}
	}
	emit_storage_alter(&e);
	emit_replident_set(&e);
	emit_functions_create(&e, 0);
	emit_dependents_create(&e);
	emit_views_create(&e);
	emit_functions_create(&e, 1);
	emit_policies_create(&e);
	emit_triggers_create(&e);
	/* 9. Comments. */
	emit_constraint_comments(&e);
	for (i = 0; i < e.d.n; i++) {
		c = &e.d.v[i];
		if (emit_is(c, "table", "add"))
			new_table_comments(&e, c->name);
		else if (emit_is(c, "table", "alter") &&
		    emit_field_is(c, "comment")) {
			emit_stmt_begin(&e, "table", c->name, "finish");
			emit_comment_on(&e, "TABLE", c->name, NULL, c->to_val);
		} else if (emit_is(c, "column", "alter") &&
		    emit_field_is(c, "comment")) {
			emit_stmt_begin(&e, "table", c->tbl, "finish");
			emit_comment_on(&e, "COLUMN", c->tbl, c->name,
			    c->to_val);
		} else if (emit_is(c, "column", "add")) {
			sqlite3_stmt *st;

			emit_stmt_begin(&e, "table", c->tbl, "finish");
			st = emit_query(&e, COLUMN_SQL
			    "AND name = ?3 AND comment IS NOT NULL", e.to,
			    c->tbl, c->name);

			if (st != NULL && sqlite3_step(st) == SQLITE_ROW)
				emit_comment_on(&e, "COLUMN", c->tbl, c->name,
				    emit_text(st, 6));
			sqlite3_finalize(st);
		}
	}
	emit_object_comments(&e);
	/* 10. Privileges, on objects that all exist. */
	emit_grants_grant(&e);
	/* The groups in the order of the graph: every step above wrote
	   under the node of its object. */
	if (!e.failed && emit_order_write(&e, out) == -1)
		e.failed = 1;
done:
	emit_order_free(&e);
	diff_free(&e.d);
	return (e.failed ? -1 : 0);
}

int
emit_migration(struct snapshot *snap, const char *schema, const char *from,
    const char *to, struct vbuf *out, size_t *nchanges,
    struct vbuf *destr, struct vf_error *err)
{
	return (emit_run(snap, schema, from, to, NULL, NULL, out, nchanges,
	    destr, err));
}

int
emit_migration_online(struct snapshot *snap, const char *schema,
    const char *from, const char *to, struct emit_online *online,
    struct vbuf *out, size_t *nchanges, struct vbuf *destr,
    struct vf_error *err)
{
	return (emit_run(snap, schema, from, to, online, NULL, out, nchanges,
	    destr, err));
}

int
emit_migration_plan(struct snapshot *snap, const char *schema,
    const char *from, const char *to, struct emit_plan *plan,
    size_t *nchanges, struct vf_error *err)
{
	struct vbuf	out;
	int		rc;

	memset(plan, 0, sizeof(*plan));
	vbuf_init(&out);
	rc = emit_run(snap, schema, from, to, NULL, plan, &out, nchanges, NULL,
	    err);
	vbuf_free(&out);
	if (rc == -1)
		emit_plan_free(plan);
	return (rc);
}
