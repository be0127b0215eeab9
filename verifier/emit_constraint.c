/*
 * emit_constraint.c: the statements of a constraint that are not a drop
 * and an add: VALIDATE CONSTRAINT for one that loses NOT VALID, ALTER
 * CONSTRAINT for a foreign key whose timing (DEFERRABLE ...) changes, and
 * COMMENT ON CONSTRAINT (a changed comment, or the comment of a
 * constraint added or added again).
 */
#include <string.h>

#include "emit_int.h"

int
emit_constraint_recreated(const struct diff_change *c)
{
	return (emit_is(c, "constraint", "alter") && c->field == NULL);
}

void
emit_constraint_alter(struct emitter *e, const struct diff_change *c)
{
	const char	*to = c->to_val != NULL ? c->to_val : "";

	emit_alter_table(e, c->tbl);
	if (emit_field_is(c, "validated")) {
		vbuf_puts(e->out, "VALIDATE CONSTRAINT ");
		vf_quote_ident(e->out, c->name);
		vbuf_puts(e->out, ";\n");
		return;
	}
	/* A foreign key's timing changes in place, no check of its rows. */
	vbuf_puts(e->out, "ALTER CONSTRAINT ");
	vf_quote_ident(e->out, c->name);
	if (strstr(to, " DEFERRABLE INITIALLY DEFERRED") != NULL)
		vbuf_puts(e->out, " DEFERRABLE INITIALLY DEFERRED;\n");
	else if (strstr(to, " DEFERRABLE") != NULL)
		vbuf_puts(e->out, " DEFERRABLE INITIALLY IMMEDIATE;\n");
	else
		vbuf_puts(e->out, " NOT DEFERRABLE;\n");
}

void
emit_constraint_comments(struct emitter *e)
{
	const struct diff_change	*c;
	sqlite3_stmt			*st;
	size_t				 i;

	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		emit_stmt_begin_on(e, "constraint", c->tbl, c->name,
		    "finish");
		if (emit_is(c, "constraint", "alter") &&
		    emit_field_is(c, "comment")) {
			emit_comment_on_member(e, "CONSTRAINT", c->tbl,
			    c->name, c->to_val);
			continue;
		}
		if (!emit_is(c, "constraint", "add") &&
		    !emit_constraint_recreated(c))
			continue;
		st = emit_query(e, "SELECT comment FROM constraints WHERE "
		    "side = ?1 AND tbl = ?2 AND name = ?3 AND comment IS NOT "
		    "NULL", e->to, c->tbl, c->name);
		if (st != NULL && sqlite3_step(st) == SQLITE_ROW)
			emit_comment_on_member(e, "CONSTRAINT", c->tbl,
			    c->name, emit_text(st, 0));
		sqlite3_finalize(st);
	}
}
