/*
 * emit_sequence.c: the statements of standalone sequences: created with
 * all their options, altered, owned by a column (once the column exists)
 * or by none, dropped.
 */
#include <stdlib.h>
#include <string.h>

#include "emit_int.h"

static void
sequence_options(struct emitter *e, const char *name, int create)
{
	sqlite3_stmt	*st;

	st = emit_query(e, "SELECT type, start, increment, min, max, cache, "
	    "cycle FROM sequences WHERE side = ?1 AND name = ?2", e->to, name,
	    NULL);
	if (st == NULL)
		return;
	if (sqlite3_step(st) == SQLITE_ROW) {
		vbuf_puts(e->out, create ? "CREATE SEQUENCE " :
		    "ALTER SEQUENCE ");
		emit_qname(e, name);
		vbuf_appendf(e->out, " AS %s INCREMENT BY %s MINVALUE %s "
		    "MAXVALUE %s START WITH %s CACHE %s %s;\n",
		    emit_text(st, 0), emit_text(st, 2), emit_text(st, 3),
		    emit_text(st, 4), emit_text(st, 1), emit_text(st, 5),
		    strcmp(emit_text(st, 6), "t") == 0 ? "CYCLE" : "NO CYCLE");
	}
	sqlite3_finalize(st);
}

static void
sequence_owner(struct emitter *e, const char *name)
{
	sqlite3_stmt	*st;

	st = emit_query(e, "SELECT owned_tbl, owned_col FROM sequences "
	    "WHERE side = ?1 AND name = ?2 AND owned_tbl IS NOT NULL",
	    e->to, name, NULL);
	if (st == NULL)
		return;
	if (sqlite3_step(st) == SQLITE_ROW) {
		vbuf_puts(e->out, "ALTER SEQUENCE ");
		emit_qname(e, name);
		vbuf_puts(e->out, " OWNED BY ");
		emit_qname(e, emit_text(st, 0));
		vbuf_putc(e->out, '.');
		vf_quote_ident(e->out, emit_text(st, 1));
		vbuf_puts(e->out, ";\n");
	}
	sqlite3_finalize(st);
}

void
emit_sequences_create(struct emitter *e)
{
	const struct diff_change	*c;
	size_t				 i;

	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (emit_is(c, "sequence", "alter") &&
		    emit_field_is(c, "owned_by") && c->from_val != NULL) {
			emit_stmt_begin(e, "sequence", c->name, "alter");
			vbuf_puts(e->out, "ALTER SEQUENCE ");
			emit_qname(e, c->name);
			vbuf_puts(e->out, " OWNED BY NONE;\n");
		}
	}
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (emit_is(c, "sequence", "add")) {
			emit_stmt_begin(e, "sequence", c->name, "create");
			sequence_options(e, c->name, 1);
		}
	}
}

void
emit_sequences_finish(struct emitter *e)
{
	const struct diff_change	*c;
	size_t				 i;

	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (emit_is(c, "sequence", "drop")) {
			emit_stmt_begin(e, "sequence", c->name, "drop");
			vbuf_puts(e->out, "DROP SEQUENCE IF EXISTS ");
			emit_qname(e, c->name);
			vbuf_puts(e->out, ";\n");
		} else if (emit_is(c, "sequence", "alter") &&
		    emit_field_is(c, "definition")) {
			emit_stmt_begin(e, "sequence", c->name, "alter");
			sequence_options(e, c->name, 0);
		} else if (emit_is(c, "sequence", "add") ||
		    (emit_is(c, "sequence", "alter") &&
		    emit_field_is(c, "owned_by"))) {
			/* Once its column exists. */
			emit_stmt_begin(e, "sequence", c->name, "finish");
			sequence_owner(e, c->name);
		}
	}
}
