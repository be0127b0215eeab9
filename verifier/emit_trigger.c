/*
 * emit_trigger.c: the statements of triggers.  Triggers are a kind of
 * emit_kinds[] (named "table.name" as the deps set names them): the
 * dependents closure (emit_order.c) drops, before, and creates again,
 * after, the triggers that read a column (UPDATE OF, WHEN) that is
 * dropped, changes type or becomes generated (PostgreSQL refuses those
 * changes under a trigger), or of an enum or type that is recreated, that
 * call a function that is dropped or recreated, and those of a view
 * dropped and created again (the view takes them with it: no DROP TRIGGER
 * of their own); so is a constraint trigger whose definition changes.
 * A trigger whose definition changes otherwise is CREATE OR REPLACE
 * TRIGGER, which keeps its comment but sets it enabled on origin again.
 * New triggers, replaced ones, enabled states and comments are step 8,
 * last; the graph orders them after what they need.
 */
#include <stdlib.h>
#include <string.h>

#include "emit_int.h"

int
emit_trigger_recreated(struct emitter *e, const struct diff_change *c)
{
	return (emit_is(c, "trigger", "alter") &&
	    emit_field_is(c, "definition") && c->ckind != NULL);
}

void
emit_trigger_drop(struct emitter *e, const char *name)
{
	sqlite3_stmt	*st;

	/* name is "tbl.name": the source's trigger of that whole name. */
	st = emit_query(e, "SELECT tbl, name FROM triggers WHERE side = ?1 "
	    "AND tbl || '.' || name = ?2", e->from, name, NULL);
	/* A view's triggers go with it. */
	if (st != NULL && sqlite3_step(st) == SQLITE_ROW &&
	    !emit_view_dropped(e, emit_text(st, 0))) {
		emit_stmt_begin(e, "trigger", name, "drop");
		vbuf_puts(e->out, "DROP TRIGGER ");
		vf_quote_ident(e->out, emit_text(st, 1));
		vbuf_puts(e->out, " ON ");
		emit_qname(e, emit_text(st, 0));
		vbuf_puts(e->out, ";\n");
	}
	sqlite3_finalize(st);
}

/* Whether trigger name on tbl has a change of its definition. */
static int
definition_changed(struct emitter *e, const char *tbl, const char *name)
{
	const struct diff_change	*c;
	size_t				 i;

	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (emit_is(c, "trigger", "alter") &&
		    emit_field_is(c, "definition") &&
		    strcmp(c->tbl, tbl) == 0 && strcmp(c->name, name) == 0)
			return (1);
	}
	return (0);
}

/* "ALTER TABLE schema.tbl ENABLE|DISABLE ... TRIGGER name;" for enabled. */
static void
set_enabled(struct emitter *e, const char *tbl, const char *name,
    const char *enabled)
{
	const char	*how = "ENABLE";

	if (enabled != NULL && strcmp(enabled, "disabled") == 0)
		how = "DISABLE";
	else if (enabled != NULL && strcmp(enabled, "replica") == 0)
		how = "ENABLE REPLICA";
	else if (enabled != NULL && strcmp(enabled, "always") == 0)
		how = "ENABLE ALWAYS";
	emit_alter_table(e, tbl);
	vbuf_appendf(e->out, "%s TRIGGER ", how);
	vf_quote_ident(e->out, name);
	vbuf_puts(e->out, ";\n");
}

/*
 * The target's trigger name on tbl: created (replace: CREATE OR REPLACE),
 * set enabled as the target has it when not on origin, and given its
 * comment (comment set; a replaced trigger keeps its own).
 */
static void
create_trigger(struct emitter *e, const char *tbl, const char *name,
    int replace, int comment)
{
	static const char	 head[] = "CREATE TRIGGER ";
	sqlite3_stmt		*st;
	const char		*def, *en;

	st = emit_query(e, "SELECT def, enabled, comment FROM triggers "
	    "WHERE side = ?1 AND tbl = ?2 AND name = ?3", e->to, tbl, name);
	if (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		emit_stmt_begin_on(e, "trigger", tbl, name, "create");
		def = emit_text(st, 0);
		en = emit_text(st, 1);
		if (replace && strncmp(def, head, sizeof(head) - 1) == 0) {
			vbuf_puts(e->out, "CREATE OR REPLACE TRIGGER ");
			def += sizeof(head) - 1;
		}
		vbuf_puts(e->out, def);
		vbuf_puts(e->out, ";\n");
		if (en != NULL && strcmp(en, "origin") != 0)
			set_enabled(e, tbl, name, en);
		if (comment && emit_text(st, 2) != NULL)
			emit_comment_on_member(e, "TRIGGER", tbl,
			    name, emit_text(st, 2));
	}
	sqlite3_finalize(st);
}

void
emit_trigger_create(struct emitter *e, const char *name)
{
	sqlite3_stmt	*st;

	/* name is the source's "tbl.name"; its table may take a new name. */
	st = emit_query(e, "SELECT COALESCE((SELECT x.t_name FROM temp.tmap x "
	    "WHERE x.f_name = g.tbl), g.tbl), g.name FROM triggers g "
	    "WHERE g.side = ?1 AND g.tbl || '.' || g.name = ?2", e->from,
	    name, NULL);
	if (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		create_trigger(e, emit_text(st, 0), emit_text(st, 1), 0, 1);
	sqlite3_finalize(st);
}

void
emit_triggers_create(struct emitter *e)
{
	const struct diff_change	*c;
	size_t				 i;

	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (!emit_is(c, "trigger", NULL))
			continue;
		if (emit_is(c, "trigger", "add")) {
			create_trigger(e, c->tbl, c->name, 0, 1);
			continue;
		}
		if (!emit_is(c, "trigger", "alter") ||
		    emit_recreated_on(e, "trigger", c->old_tbl != NULL ?
		    c->old_tbl : c->tbl, c->name))
			continue;
		if (emit_field_is(c, "definition"))
			create_trigger(e, c->tbl, c->name, 1, 0);
		else if (emit_field_is(c, "enabled") && !definition_changed(e,
		    c->tbl, c->name)) {
			emit_stmt_begin_on(e, "trigger", c->tbl, c->name,
			    "finish");
			set_enabled(e, c->tbl, c->name, c->to_val);
		} else if (emit_field_is(c, "comment")) {
			emit_stmt_begin_on(e, "trigger", c->tbl, c->name,
			    "finish");
			emit_comment_on_member(e, "TRIGGER", c->tbl,
			    c->name, c->to_val);
		}
	}
}
