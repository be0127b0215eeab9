/*
 * emit_trigger.c: the statements of triggers.  Dropped first (step 0,
 * before views and before anything a trigger needs goes): triggers the
 * target lacks, constraint triggers whose definition changes, and triggers
 * that read a column (UPDATE OF, WHEN) that is dropped, changes type or
 * becomes generated (PostgreSQL refuses those changes under a trigger),
 * or whose enum is recreated (emit_enum.c converts it), and triggers that
 * call a function that is dropped (the trigger then calls another) or
 * dropped and created again (emit_function.c).
 * Created last (step 8, after tables, columns, views and functions):
 * new triggers, the dropped ones the target keeps, and those of views
 * that emit_view.c drops and creates again (a trigger goes with its
 * view); each with its enabled state and comment.  A trigger whose
 * definition changes otherwise is CREATE OR REPLACE TRIGGER, which keeps
 * its comment but sets it enabled on origin again.  The triggers' order:
 * by table and name, as the store lists them.
 */
#include <stdlib.h>
#include <string.h>

#include "emit_int.h"

/* Triggers to drop and create again: source table, target table, name. */
struct tset {
	char	**f_tbl, **t_tbl, **name;
	size_t	  n;
};

static int
tset_has(const struct tset *s, const char *t_tbl, const char *name)
{
	size_t	i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->t_tbl[i], t_tbl) == 0 &&
		    strcmp(s->name[i], name) == 0)
			return (1);
	return (0);
}

static void
tset_add(struct tset *s, const char *f_tbl, const char *t_tbl,
    const char *name)
{
	if (tset_has(s, t_tbl, name))
		return;
	s->f_tbl = xrealloc(s->f_tbl, (s->n + 1) * sizeof(*s->f_tbl));
	s->t_tbl = xrealloc(s->t_tbl, (s->n + 1) * sizeof(*s->t_tbl));
	s->name = xrealloc(s->name, (s->n + 1) * sizeof(*s->name));
	s->f_tbl[s->n] = xstrdup(f_tbl);
	s->t_tbl[s->n] = xstrdup(t_tbl);
	s->name[s->n] = xstrdup(name);
	s->n++;
}

static void
tset_free(struct tset *s)
{
	size_t	i;

	for (i = 0; i < s->n; i++) {
		free(s->f_tbl[i]);
		free(s->t_tbl[i]);
		free(s->name[i]);
	}
	free(s->f_tbl);
	free(s->t_tbl);
	free(s->name);
	memset(s, 0, sizeof(*s));
}

/*
 * The source triggers of table f_tbl that read its column col (its
 * source name, or the one its target name col comes from) and that the
 * target keeps, added to s.
 */
static void
col_readers(struct emitter *e, struct tset *s, const char *f_tbl,
    const char *col)
{
	sqlite3_stmt	*st;

	st = emit_query(e, "SELECT g.tbl, COALESCE((SELECT x.t_name "
	    "FROM temp.tmap x WHERE x.f_name = g.tbl), g.tbl), g.name "
	    "FROM triggers g WHERE g.side = ?1 AND g.tbl = ?2 "
	    "AND (instr(char(10) || g.cols || char(10), "
	    "char(10) || ?3 || char(10)) > 0 OR EXISTS (SELECT 1 "
	    "FROM temp.cmap m WHERE m.f_tbl = g.tbl AND m.t_name = ?3 "
	    "AND instr(char(10) || g.cols || char(10), "
	    "char(10) || m.f_name || char(10)) > 0)) ORDER BY g.name",
	    e->from, f_tbl, col);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		tset_add(s, emit_text(st, 0), emit_text(st, 1),
		    emit_text(st, 2));
	sqlite3_finalize(st);
}

/*
 * The source triggers that read a column of enum name (or of an array of
 * it), whose recreation converts the column, to s.
 */
static void
enum_readers(struct emitter *e, struct tset *s, const char *name)
{
	struct vbuf	 qual;
	sqlite3_stmt	*st;

	vbuf_init(&qual);
	vf_quote_ident(&qual, e->schema);
	vbuf_putc(&qual, '.');
	vf_quote_ident(&qual, name);
	st = emit_query(e, "SELECT tbl, name FROM columns WHERE side = ?1 "
	    "AND (type = ?2 OR type = ?2 || '[]') ORDER BY tbl, name",
	    e->from, qual.data, NULL);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		col_readers(e, s, emit_text(st, 0), emit_text(st, 1));
	sqlite3_finalize(st);
	vbuf_free(&qual);
}

/* The source triggers that call function name (fname(identity)), to s. */
static void
func_readers(struct emitter *e, struct tset *s, const char *name)
{
	sqlite3_stmt	*st;

	st = emit_query(e, "SELECT g.tbl, COALESCE((SELECT x.t_name "
	    "FROM temp.tmap x WHERE x.f_name = g.tbl), g.tbl), g.name "
	    "FROM triggers g WHERE g.side = ?1 AND g.func = ?2 "
	    "ORDER BY g.tbl, g.name", e->from, name, NULL);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		tset_add(s, emit_text(st, 0), emit_text(st, 1),
		    emit_text(st, 2));
	sqlite3_finalize(st);
}

/* The source triggers of the views emit_view.c drops, to s. */
static void
view_triggers(struct emitter *e, struct tset *s)
{
	sqlite3_stmt	*st;

	st = emit_query(e, "SELECT g.tbl, g.name FROM triggers g "
	    "WHERE g.side = ?1 AND EXISTS (SELECT 1 FROM views v "
	    "WHERE v.side = ?1 AND v.name = g.tbl) ORDER BY g.tbl, g.name",
	    e->from, NULL, NULL);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		if (emit_view_dropped(e, emit_text(st, 0)))
			tset_add(s, emit_text(st, 0), emit_text(st, 0),
			    emit_text(st, 1));
	sqlite3_finalize(st);
}

/*
 * The kept triggers that are dropped and created again (r), and those
 * dropped without being created again (d, their source names).
 */
static void
dropped_triggers(struct emitter *e, struct tset *r, struct tset *d)
{
	const struct diff_change	*c;
	size_t				 i;

	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (emit_is(c, "trigger", "drop"))
			tset_add(d, c->old_tbl, c->tbl, c->name);
		else if (emit_is(c, "trigger", "alter") &&
		    emit_field_is(c, "definition") && c->ckind != NULL)
			tset_add(r, c->old_tbl, c->tbl, c->name);
		else if (emit_is(c, "column", "drop"))
			col_readers(e, r, c->old_tbl, c->name);
		else if (emit_is(c, "column", "alter") &&
		    (emit_field_is(c, "type") ||
		    emit_field_is(c, "generated")))
			col_readers(e, r, c->old_tbl, c->name);
		else if (emit_function_recreated(c))
			func_readers(e, r, c->name);
		else if (emit_enum_recreated(e, c))
			enum_readers(e, r, c->name);
	}
	view_triggers(e, r);
}

/* Whether the target has trigger name on table tbl. */
static int
target_has(struct emitter *e, const char *tbl, const char *name)
{
	sqlite3_stmt	*st;
	int		 found;

	st = emit_query(e, "SELECT 1 FROM triggers WHERE side = ?1 "
	    "AND tbl = ?2 AND name = ?3", e->to, tbl, name);
	found = st != NULL && sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return (found);
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

void
emit_triggers_drop(struct emitter *e)
{
	struct tset	r, d;
	size_t		i;

	memset(&r, 0, sizeof(r));
	memset(&d, 0, sizeof(d));
	dropped_triggers(e, &r, &d);
	for (i = 0; i < d.n + r.n; i++) {
		const char *tbl = i < d.n ? d.f_tbl[i] : r.f_tbl[i - d.n];
		const char *name = i < d.n ? d.name[i] : r.name[i - d.n];

		/* A view's triggers go with it; each trigger goes once. */
		if (emit_view_dropped(e, tbl) || (i >= d.n &&
		    tset_has(&d, r.t_tbl[i - d.n], name)))
			continue;
		vbuf_puts(e->out, "DROP TRIGGER ");
		vf_quote_ident(e->out, name);
		vbuf_puts(e->out, " ON ");
		emit_qname(e, tbl);
		vbuf_puts(e->out, ";\n");
	}
	tset_free(&r);
	tset_free(&d);
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

/* "COMMENT ON TRIGGER name ON schema.tbl IS ...;" */
static void
comment_on(struct emitter *e, const char *tbl, const char *name,
    const char *comment)
{
	struct vbuf	what;

	vbuf_init(&what);
	vbuf_puts(&what, "TRIGGER ");
	vf_quote_ident(&what, name);
	vbuf_puts(&what, " ON");
	emit_comment_on(e, what.data, tbl, NULL, comment);
	vbuf_free(&what);
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
			comment_on(e, tbl, name, emit_text(st, 2));
	}
	sqlite3_finalize(st);
}

void
emit_triggers_create(struct emitter *e)
{
	const struct diff_change	*c;
	struct tset			 r, d;
	size_t				 i;

	memset(&r, 0, sizeof(r));
	memset(&d, 0, sizeof(d));
	dropped_triggers(e, &r, &d);
	for (i = 0; i < r.n; i++)
		if (target_has(e, r.t_tbl[i], r.name[i]))
			create_trigger(e, r.t_tbl[i], r.name[i], 0, 1);
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (!emit_is(c, "trigger", NULL))
			continue;
		if (emit_is(c, "trigger", "add")) {
			create_trigger(e, c->tbl, c->name, 0, 1);
			continue;
		}
		if (!emit_is(c, "trigger", "alter") ||
		    tset_has(&r, c->tbl, c->name))
			continue;
		if (emit_field_is(c, "definition"))
			create_trigger(e, c->tbl, c->name, 1, 0);
		else if (emit_field_is(c, "enabled") && !definition_changed(e,
		    c->tbl, c->name))
			set_enabled(e, c->tbl, c->name, c->to_val);
		else if (emit_field_is(c, "comment"))
			comment_on(e, c->tbl, c->name, c->to_val);
	}
	tset_free(&r);
	tset_free(&d);
}
