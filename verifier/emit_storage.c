/*
 * emit_storage.c: the statements of a table's persistence (UNLOGGED),
 * the storage parameters of tables and indexes (WITH, SET, RESET), and
 * the comments on enums, sequences and indexes.
 */
#include <stdlib.h>
#include <string.h>

#include "emit_int.h"
#include "model.h"

/* Whether line (up to its '\n' or end) is one of the lines of list. */
static int
has_line(const char *list, const char *line, size_t len)
{
	const char	*p = list;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, line, len) == 0 &&
		    (p[len] == '\n' || p[len] == '\0'))
			return (1);
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
	return (0);
}

/*
 * The lines "name=value" of list as "name = 'value', ..." (names only
 * when names_only), skipping those whose name (names_only) or line is in
 * other.  Returns how many were written.
 */
static int
put_params(struct vbuf *out, const char *list, const char *other,
    int names_only)
{
	const char	*p = list, *nl, *eq;
	char		*name, *value;
	size_t		 len, klen;
	int		 n = 0;

	while (p != NULL && *p != '\0') {
		nl = p + strcspn(p, "\n");
		len = (size_t)(nl - p);
		eq = memchr(p, '=', len);
		klen = eq != NULL ? (size_t)(eq - p) : len;
		name = xstrndup(p, klen);
		value = eq != NULL ? xstrndup(eq + 1, len - klen - 1) : NULL;
		if (names_only) {
			struct vbuf	key;
			int		found = 0;
			const char	*q = other;

			/* A name still set on the other side is not reset. */
			vbuf_init(&key);
			vbuf_appendf(&key, "%s=", name);
			while (q != NULL && *q != '\0') {
				if (strncmp(q, key.data, key.len) == 0)
					found = 1;
				q = strchr(q, '\n');
				if (q != NULL)
					q++;
			}
			vbuf_free(&key);
			if (!found) {
				vbuf_puts(out, n++ > 0 ? ", " : "");
				model_put_param(out, name, NULL);
			}
		} else if (!has_line(other, p, len)) {
			vbuf_puts(out, n++ > 0 ? ", " : "");
			model_put_param(out, name, value);
		}
		free(name);
		free(value);
		p = *nl != '\0' ? nl + 1 : nl;
	}
	return (n);
}

/* "ALTER what schema.name RESET (...);" and "... SET (...);". */
static void
alter_params(struct emitter *e, const char *what, const char *name,
    const char *from, const char *to)
{
	struct vbuf	b;

	vbuf_init(&b);
	vbuf_puts(&b, "");
	if (put_params(&b, from, to, 1) > 0) {
		vbuf_appendf(e->out, "ALTER %s ", what);
		emit_qname(e, name);
		vbuf_appendf(e->out, " RESET (%s);\n", b.data);
	}
	vbuf_reset(&b);
	if (put_params(&b, to, from, 0) > 0) {
		vbuf_appendf(e->out, "ALTER %s ", what);
		emit_qname(e, name);
		vbuf_appendf(e->out, " SET (%s);\n", b.data);
	}
	vbuf_free(&b);
}

void
emit_create_table_head(struct emitter *e, const char *tbl)
{
	sqlite3_stmt	*st;
	int		 unlogged = 0;

	st = emit_query(e, "SELECT unlogged FROM tables WHERE side = ?1 "
	    "AND name = ?2", e->to, tbl, NULL);
	if (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		unlogged = emit_text(st, 0) != NULL &&
		    strcmp(emit_text(st, 0), "t") == 0;
	sqlite3_finalize(st);
	vbuf_puts(e->out, unlogged ? "CREATE UNLOGGED TABLE " :
	    "CREATE TABLE ");
}

void
emit_create_table_with(struct emitter *e, const char *tbl)
{
	sqlite3_stmt	*st;

	st = emit_query(e, "SELECT reloptions FROM tables WHERE side = ?1 "
	    "AND name = ?2 AND reloptions IS NOT NULL", e->to, tbl, NULL);
	if (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		vbuf_puts(e->out, " WITH (");
		put_params(e->out, emit_text(st, 0), NULL, 0);
		vbuf_putc(e->out, ')');
	}
	sqlite3_finalize(st);
}

void
emit_storage_alter(struct emitter *e)
{
	const struct diff_change	*c;
	size_t				 i;

	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		/* Nothing waits for these: "finish". */
		if (emit_is(c, "table", "alter") &&
		    emit_field_is(c, "unlogged")) {
			emit_stmt_begin(e, "table", c->name, "finish");
			emit_alter_table(e, c->name);
			vbuf_puts(e->out, c->to_val != NULL &&
			    strcmp(c->to_val, "t") == 0 ? "SET UNLOGGED;\n" :
			    "SET LOGGED;\n");
		} else if (emit_is(c, "table", "alter") &&
		    emit_field_is(c, "with")) {
			emit_stmt_begin(e, "table", c->name, "finish");
			alter_params(e, "TABLE", c->name, c->from_val,
			    c->to_val);
		} else if (emit_is(c, "index", "alter") &&
		    emit_field_is(c, "with") &&
		    !emit_view_dropped(e, c->old_tbl)) {
			emit_stmt_begin(e, "index", c->name, "finish");
			alter_params(e, "INDEX", c->name, c->from_val,
			    c->to_val);
		}
	}
}

/* ALTER TABLE tbl REPLICA IDENTITY for v (catalog.h's replident). */
static void
put_replident(struct emitter *e, const char *tbl, const char *v)
{
	emit_stmt_begin(e, "table", tbl, "finish");
	emit_alter_table(e, tbl);
	vbuf_puts(e->out, "REPLICA IDENTITY ");
	if (v == NULL)
		vbuf_puts(e->out, "DEFAULT");
	else if (strncmp(v, "index:", 6) == 0) {
		vbuf_puts(e->out, "USING INDEX ");
		vf_quote_ident(e->out, v + 6);
	} else
		vbuf_puts(e->out, strcmp(v, "full") == 0 ? "FULL" : "NOTHING");
	vbuf_puts(e->out, ";\n");
}

static int
is_index_ri(const char *v)
{
	return (v != NULL && strncmp(v, "index:", 6) == 0);
}

void
emit_replident_reset(struct emitter *e)
{
	const struct diff_change	*c;
	size_t				 i;

	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (emit_is(c, "table", "alter") &&
		    emit_field_is(c, "replica_identity") &&
		    is_index_ri(c->from_val))
			put_replident(e, c->old_tbl != NULL ? c->old_tbl :
			    c->name, NULL);
	}
}

/* Whether the replica identity of table tbl changes. */
static int
replident_changes(struct emitter *e, const char *tbl)
{
	size_t	i;

	for (i = 0; i < e->d.n; i++)
		if (emit_is(&e->d.v[i], "table", "alter") &&
		    emit_field_is(&e->d.v[i], "replica_identity") &&
		    strcmp(e->d.v[i].name, tbl) == 0)
			return (1);
	return (0);
}

/* Whether the target replica identity of table tbl is index idx. */
static int
replident_on(struct emitter *e, const char *tbl, const char *idx)
{
	sqlite3_stmt	*st;
	int		 on;

	st = emit_query(e, "SELECT 1 FROM tables WHERE side = ?1 AND "
	    "name = ?2 AND replident = 'index:' || ?3", e->to, tbl, idx);
	on = st != NULL && sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return (on);
}

void
emit_replident_set(struct emitter *e)
{
	const struct diff_change	*c;
	sqlite3_stmt			*st;
	struct vbuf			 v;
	size_t				 i;

	vbuf_init(&v);
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (emit_is(c, "table", "alter") &&
		    emit_field_is(c, "replica_identity")) {
			/* Reset already, before its index went. */
			if (c->to_val == NULL && is_index_ri(c->from_val))
				continue;
			put_replident(e, c->name, c->to_val);
		} else if (emit_is(c, "table", "add")) {
			st = emit_query(e, "SELECT replident FROM tables "
			    "WHERE side = ?1 AND name = ?2 AND replident IS "
			    "NOT NULL", e->to, c->name, NULL);
			if (st != NULL && sqlite3_step(st) == SQLITE_ROW)
				put_replident(e, c->name, emit_text(st, 0));
			sqlite3_finalize(st);
		} else if (((emit_is(c, "index", "alter") &&
		    c->field == NULL) || emit_constraint_recreated(c)) &&
		    c->tbl != NULL && replident_on(e, c->tbl, c->name) &&
		    !replident_changes(e, c->tbl)) {
			/* Same identity, its index made again. */
			vbuf_reset(&v);
			vbuf_appendf(&v, "index:%s", c->name);
			put_replident(e, c->tbl, v.data);
		}
	}
	vbuf_free(&v);
}

/* The target comment of an object (sql: ?1 side, ?2 name), or none. */
static void
target_comment(struct emitter *e, const char *what, const char *sql,
    const char *name)
{
	sqlite3_stmt	*st;

	st = emit_query(e, sql, e->to, name, NULL);
	if (st != NULL && sqlite3_step(st) == SQLITE_ROW &&
	    emit_text(st, 0) != NULL)
		emit_comment_on(e, what, name, NULL, emit_text(st, 0));
	sqlite3_finalize(st);
}

/* Whether the diff changes the comment of the kind's object name. */
static int
comment_changes(struct emitter *e, const char *kind, const char *name)
{
	size_t	i;

	for (i = 0; i < e->d.n; i++)
		if (emit_is(&e->d.v[i], kind, "alter") &&
		    emit_field_is(&e->d.v[i], "comment") &&
		    strcmp(e->d.v[i].name, name) == 0)
			return (1);
	return (0);
}

void
emit_object_comments(struct emitter *e)
{
	static const char enum_sql[] = "SELECT comment FROM enums "
	    "WHERE side = ?1 AND enum = ?2 LIMIT 1";
	static const char seq_sql[] = "SELECT comment FROM sequences "
	    "WHERE side = ?1 AND name = ?2";
	static const char idx_sql[] = "SELECT comment FROM indexes "
	    "WHERE side = ?1 AND name = ?2";
	const struct diff_change	*c;
	size_t				 i;

	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		/* A materialized view made whole has its indexes' comments. */
		if (emit_is(c, "index", NULL) && (emit_view_whole(e, c->tbl) ||
		    emit_view_became_table(e, c->tbl)))
			continue;
		emit_stmt_begin(e, c->kind, c->name, "finish");
		if (c->field != NULL && strcmp(c->field, "comment") == 0 &&
		    strcmp(c->action, "alter") == 0 &&
		    (emit_is(c, "enum", NULL) || emit_is(c, "sequence", NULL) ||
		    emit_is(c, "index", NULL)))
			emit_comment_on(e, emit_is(c, "enum", NULL) ? "TYPE" :
			    emit_is(c, "sequence", NULL) ? "SEQUENCE" : "INDEX",
			    c->name, NULL, c->to_val);
		/* New or recreated: the comment goes with it. */
		else if (emit_is(c, "enum", "add") ||
		    (emit_is(c, "enum", "alter") &&
		    emit_field_is(c, "labels") &&
		    !comment_changes(e, "enum", c->name)))
			target_comment(e, "TYPE", enum_sql, c->name);
		else if (emit_is(c, "sequence", "add"))
			target_comment(e, "SEQUENCE", seq_sql, c->name);
		else if (emit_is(c, "index", "add") ||
		    (emit_is(c, "index", "alter") && c->field == NULL))
			target_comment(e, "INDEX", idx_sql, c->name);
	}
}
