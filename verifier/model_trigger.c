/*
 * model_trigger.c: triggers in the model (`triggers:` under a table, or
 * under a view for INSTEAD OF, docs/models.md): read and checked (errors
 * at the line and column of the file), rendered as CREATE [CONSTRAINT]
 * TRIGGER with its enabled state and comment, written back as YAML under
 * their table.  What PostgreSQL itself refuses (INSTEAD OF on a table,
 * transition tables with several events) it reports at the trigger's line
 * when the model is built.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model_load.h"

const char *const model_trg_timings[] = { "before", "after", "instead of",
	NULL };
const char *const model_trg_enabled[] = { "origin", "disabled", "replica",
	"always", NULL };

static const char *const trigger_keys[] = {
	"name", "timing", "events", "for_each", "when", "function", "args",
	"referencing", "constraint", "deferrable", "initially_deferred",
	"enabled", "comment", NULL
};
static const char *const event_words[] = { "insert", "update", "delete",
	"truncate", NULL };
static const char *const for_each_words[] = { "row", "statement", NULL };
static const char *const referencing_keys[] = { "old_table", "new_table",
	NULL };
static const char *const update_of_keys[] = { "update of", NULL };

/* One element of events: a word, or {update of: [columns]}. */
static int
load_event(struct loader *ld, yaml_node_t *n, const struct model_table *t,
    struct model_trigger *g, const char *what)
{
	yaml_node_t	*cols;
	unsigned	 bit;
	int		 w;

	if (n->type == YAML_MAPPING_NODE) {
		if (ld_check_keys(ld, n, "event", update_of_keys) == -1)
			return (-1);
		if ((cols = ld_map_get(ld, n, "update of")) == NULL)
			return (ld_at(ld, n, "expected {update of: [columns]} "
			    "for an event of %s", what));
		if (g->events & MODEL_TRG_UPDATE)
			return (ld_at(ld, n, "duplicate event \"update\" in "
			    "%s", what));
		g->events |= MODEL_TRG_UPDATE;
		if (t == NULL)
			return (ld_at(ld, n, "%s is on a view: update of "
			    "[columns] is for a table's triggers", what));
		return (ld_columns(ld, cols, t, "update of", &g->update_of,
		    &g->nupdate_of));
	}
	if (ld_word(ld, n, "trigger event", event_words, &w) == -1)
		return (-1);
	bit = 1u << w;
	if (g->events & bit)
		return (ld_at(ld, n, "duplicate event \"%s\" in %s",
		    event_words[w], what));
	g->events |= bit;
	return (0);
}

/* function: a function of the schema by bare name, or pg_catalog.name. */
static int
load_function(struct loader *ld, yaml_node_t *n, struct model_trigger *g,
    const char *what)
{
	const char	*s, *dot;

	if (ld_str(ld, n, "function", &g->function) == -1)
		return (-1);
	g->fline = (int)n->start_mark.line + 1;
	g->fcol = (int)n->start_mark.column + 1;
	s = g->function;
	dot = strchr(s, '.');
	if (dot != NULL && (strncmp(s, "pg_catalog.", 11) != 0 ||
	    strchr(dot + 1, '.') != NULL))
		return (ld_at(ld, n, "function of %s must be a function of "
		    "the schema (its bare name) or of pg_catalog "
		    "(pg_catalog.name), found \"%s\"", what, s));
	s = dot != NULL ? dot + 1 : s;
	if (*s == '\0' || strlen(s) > MODEL_NAME_MAX || strchr(s, '(') != NULL)
		return (ld_at(ld, n, "function of %s must be a function's "
		    "name without arguments (they go in args), found \"%s\"",
		    what, g->function));
	return (0);
}

/* args: a sequence of strings, passed to the function as literals. */
static int
load_args(struct loader *ld, yaml_node_t *seq, struct model_trigger *g)
{
	yaml_node_item_t	*it;
	yaml_node_t		*a;

	if (ld_want(ld, seq, YAML_SEQUENCE_NODE, "trigger args") == -1)
		return (-1);
	for (it = seq->data.sequence.items.start;
	    it < seq->data.sequence.items.top; it++) {
		a = ld_node(ld, *it);
		if (a->type != YAML_SCALAR_NODE)
			return (ld_at(ld, a, "expected a string for a trigger "
			    "argument, found %s", ld_kind(a)));
		if (strlen(ld_scalar(a)) != a->data.scalar.length)
			return (ld_at(ld, a, "trigger argument contains a NUL "
			    "character"));
		g->args = xrealloc(g->args, (g->nargs + 1) *
		    sizeof(*g->args));
		g->args[g->nargs++] = xstrdup(ld_scalar(a));
	}
	return (0);
}

static int
load_referencing(struct loader *ld, yaml_node_t *map, struct model_trigger *g,
    const char *what)
{
	yaml_node_t	*n;

	if (ld_want(ld, map, YAML_MAPPING_NODE, "referencing") == -1 ||
	    ld_check_keys(ld, map, "referencing", referencing_keys) == -1)
		return (-1);
	if ((n = ld_map_get(ld, map, "old_table")) != NULL &&
	    ld_name(ld, n, "old_table", &g->old_table) == -1)
		return (-1);
	if ((n = ld_map_get(ld, map, "new_table")) != NULL &&
	    ld_name(ld, n, "new_table", &g->new_table) == -1)
		return (-1);
	if (g->old_table == NULL && g->new_table == NULL)
		return (ld_at(ld, map, "expected old_table or new_table in "
		    "referencing of %s", what));
	return (0);
}

/* The keys of one trigger, into g (its name read already). */
static int
load_trigger(struct loader *ld, yaml_node_t *in, const struct model_table *t,
    struct model_trigger *g, const char *what)
{
	yaml_node_item_t	*it;
	yaml_node_t		*n;
	int			 w;

	if ((n = ld_map_get(ld, in, "timing")) == NULL)
		return (ld_at(ld, in, "missing key \"timing\" in %s", what));
	if (ld_word(ld, n, "timing", model_trg_timings, &g->timing) == -1)
		return (-1);
	if ((n = ld_map_get(ld, in, "events")) == NULL)
		return (ld_at(ld, in, "missing key \"events\" in %s", what));
	if (ld_want(ld, n, YAML_SEQUENCE_NODE, "trigger events") == -1)
		return (-1);
	if (n->data.sequence.items.start == n->data.sequence.items.top)
		return (ld_at(ld, n, "expected at least one event for %s",
		    what));
	for (it = n->data.sequence.items.start;
	    it < n->data.sequence.items.top; it++)
		if (load_event(ld, ld_node(ld, *it), t, g, what) == -1)
			return (-1);
	if ((n = ld_map_get(ld, in, "for_each")) == NULL)
		return (ld_at(ld, in, "missing key \"for_each\" in %s (row "
		    "or statement)", what));
	if (ld_word(ld, n, "for_each", for_each_words, &w) == -1)
		return (-1);
	g->for_each_row = w == 0;
	if ((n = ld_map_get(ld, in, "when")) != NULL &&
	    ld_expr(ld, n, "trigger when", &g->when, NULL) == -1)
		return (-1);
	if ((n = ld_map_get(ld, in, "function")) == NULL)
		return (ld_at(ld, in, "missing key \"function\" in %s", what));
	if (load_function(ld, n, g, what) == -1)
		return (-1);
	if ((n = ld_map_get(ld, in, "args")) != NULL &&
	    load_args(ld, n, g) == -1)
		return (-1);
	if ((n = ld_map_get(ld, in, "referencing")) != NULL &&
	    load_referencing(ld, n, g, what) == -1)
		return (-1);
	if ((n = ld_map_get(ld, in, "constraint")) != NULL &&
	    ld_bool(ld, n, "constraint", &g->constraint) == -1)
		return (-1);
	if ((n = ld_map_get(ld, in, "deferrable")) != NULL) {
		if (ld_bool(ld, n, "deferrable", &g->deferrable) == -1)
			return (-1);
		if (g->deferrable && !g->constraint)
			return (ld_at(ld, n, "deferrable needs constraint: "
			    "true in %s (only a constraint trigger is "
			    "deferred)", what));
	}
	if ((n = ld_map_get(ld, in, "initially_deferred")) != NULL) {
		if (ld_bool(ld, n, "initially_deferred",
		    &g->initially_deferred) == -1)
			return (-1);
		if (g->initially_deferred && !g->deferrable)
			return (ld_at(ld, n, "initially_deferred needs "
			    "deferrable: true in %s", what));
	}
	if (g->constraint && (g->timing != 1 || !g->for_each_row))
		return (ld_at(ld, ld_map_get(ld, in, "constraint"), "%s is a "
		    "constraint trigger: it must be timing: after and "
		    "for_each: row", what));
	if ((n = ld_map_get(ld, in, "enabled")) != NULL) {
		if (ld_word(ld, n, "enabled", model_trg_enabled,
		    &g->enabled) == -1)
			return (-1);
		if (g->enabled != 0 && t == NULL)
			return (ld_at(ld, n, "%s is on a view: PostgreSQL "
			    "cannot disable a view's trigger (enabled: origin "
			    "only)", what));
	}
	if ((n = ld_map_get(ld, in, "comment")) != NULL &&
	    ld_str(ld, n, "comment", &g->comment) == -1)
		return (-1);
	return (0);
}

int
ld_triggers(struct loader *ld, const char *tbl, const struct model_table *t,
    yaml_node_t *seq)
{
	struct model		*m = ld->m;
	struct model_trigger	*g;
	yaml_node_item_t	*it;
	yaml_node_t		*in, *n;
	char			 what[256];
	size_t			 i;

	snprintf(what, sizeof(what), "trigger of %s \"%s\"",
	    t != NULL ? "table" : "view", tbl);
	if (ld_want(ld, seq, YAML_SEQUENCE_NODE, "triggers") == -1)
		return (-1);
	for (it = seq->data.sequence.items.start;
	    it < seq->data.sequence.items.top; it++) {
		in = ld_node(ld, *it);
		if (ld_want(ld, in, YAML_MAPPING_NODE, what) == -1 ||
		    ld_check_keys(ld, in, what, trigger_keys) == -1)
			return (-1);
		if ((n = ld_map_get(ld, in, "name")) == NULL)
			return (ld_at(ld, in, "missing key \"name\" in %s",
			    what));
		m->triggers = xrealloc(m->triggers, (m->ntriggers + 1) *
		    sizeof(*m->triggers));
		g = &m->triggers[m->ntriggers++];
		memset(g, 0, sizeof(*g));
		g->table = xstrdup(tbl);
		g->on_view = t == NULL;
		g->line = (int)in->start_mark.line + 1;
		g->col = (int)in->start_mark.column + 1;
		if (ld_name(ld, n, "trigger name", &g->name) == -1)
			return (-1);
		for (i = 0; i + 1 < m->ntriggers; i++)
			if (strcmp(m->triggers[i].table, tbl) == 0 &&
			    strcmp(m->triggers[i].name, g->name) == 0)
				return (ld_at(ld, n, "duplicate trigger \"%s\" "
				    "on \"%s\" (line %d)", g->name, tbl,
				    m->triggers[i].line));
		snprintf(what, sizeof(what), "trigger \"%s\" of %s \"%s\"",
		    g->name, t != NULL ? "table" : "view", tbl);
		if (load_trigger(ld, in, t, g, what) == -1)
			return (-1);
		snprintf(what, sizeof(what), "trigger of %s \"%s\"",
		    t != NULL ? "table" : "view", tbl);
	}
	return (0);
}

int
ld_trigger_functions(struct loader *ld)
{
	const struct model		*m = ld->m;
	const struct model_trigger	*g;
	const struct model_function	*f;
	size_t				 i, j, k;
	int				 found, ok;

	for (i = 0; i < m->ntriggers; i++) {
		g = &m->triggers[i];
		if (strncmp(g->function, "pg_catalog.", 11) == 0)
			continue;
		found = ok = 0;
		for (j = 0; j < m->nfunctions && !ok; j++) {
			f = &m->functions[j];
			if (strcmp(f->name, g->function) != 0 || f->procedure)
				continue;
			found = 1;
			ok = f->returns != NULL &&
			    strcasecmp(f->returns, "trigger") == 0;
			for (k = 0; k < f->nargs && ok; k++)
				if (f->args[k].mode == NULL ||
				    strcmp(f->args[k].mode, "out") != 0)
					ok = 0;
		}
		if (!found)
			return (vf_error_set(ld->err, VF_EXIT_USAGE, ld->path,
			    g->fline, g->fcol, "trigger \"%s\" on \"%s\" calls "
			    "function \"%s\", which is not a function of the "
			    "model (under functions:)", g->name, g->table,
			    g->function));
		if (!ok)
			return (vf_error_set(ld->err, VF_EXIT_USAGE, ld->path,
			    g->fline, g->fcol, "trigger \"%s\" on \"%s\" calls "
			    "function \"%s\", which must take no arguments and "
			    "return trigger (arguments go in args)", g->name,
			    g->table, g->function));
	}
	return (0);
}

/* "schema.name" of m. */
static void
put_qualified(struct vbuf *out, const struct model *m, const char *name)
{
	vf_quote_ident(out, m->schema);
	vbuf_putc(out, '.');
	vf_quote_ident(out, name);
}

/* The CREATE TRIGGER statement of g. */
static void
render_create(const struct model *m, const struct model_trigger *g,
    struct vbuf *out)
{
	static const char *const ev[] = { "INSERT", "UPDATE", "DELETE",
	    "TRUNCATE" };
	size_t	i, k, n = 0;

	vbuf_puts(out, g->constraint ? "CREATE CONSTRAINT TRIGGER " :
	    "CREATE TRIGGER ");
	vf_quote_ident(out, g->name);
	vbuf_puts(out, g->timing == 0 ? " BEFORE" : g->timing == 1 ?
	    " AFTER" : " INSTEAD OF");
	for (k = 0; k < 4; k++) {
		if (!(g->events & (1u << k)))
			continue;
		vbuf_appendf(out, "%s%s", n++ > 0 ? " OR " : " ", ev[k]);
		if ((1u << k) == MODEL_TRG_UPDATE && g->nupdate_of > 0) {
			vbuf_puts(out, " OF ");
			for (i = 0; i < g->nupdate_of; i++) {
				if (i > 0)
					vbuf_puts(out, ", ");
				vf_quote_ident(out, g->update_of[i]);
			}
		}
	}
	vbuf_puts(out, " ON ");
	put_qualified(out, m, g->table);
	if (g->deferrable)
		vbuf_puts(out, g->initially_deferred ?
		    " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE");
	if (g->old_table != NULL || g->new_table != NULL) {
		vbuf_puts(out, " REFERENCING");
		if (g->old_table != NULL) {
			vbuf_puts(out, " OLD TABLE AS ");
			vf_quote_ident(out, g->old_table);
		}
		if (g->new_table != NULL) {
			vbuf_puts(out, " NEW TABLE AS ");
			vf_quote_ident(out, g->new_table);
		}
	}
	vbuf_puts(out, g->for_each_row ? " FOR EACH ROW" :
	    " FOR EACH STATEMENT");
	if (g->when != NULL) {
		vbuf_puts(out, " WHEN (");
		vbuf_puts(out, g->when);
		/* A WHEN that ends in a -- comment needs its own line. */
		vbuf_puts(out, strstr(g->when, "--") != NULL ? "\n)" : ")");
	}
	vbuf_puts(out, " EXECUTE FUNCTION ");
	if (strncmp(g->function, "pg_catalog.", 11) == 0) {
		vbuf_puts(out, "pg_catalog.");
		vf_quote_ident(out, g->function + 11);
	} else
		put_qualified(out, m, g->function);
	vbuf_putc(out, '(');
	for (i = 0; i < g->nargs; i++) {
		if (i > 0)
			vbuf_puts(out, ", ");
		vf_quote_literal(out, g->args[i]);
	}
	vbuf_puts(out, ");\n");
}

void
model_render_triggers(const struct model *m, struct vbuf *out,
    void (*stmt)(void *arg, int line, int col), void *arg)
{
	static const char *const how[] = { "ENABLE", "DISABLE",
	    "ENABLE REPLICA", "ENABLE ALWAYS" };
	const struct model_trigger	*g;
	size_t				 i;

	for (i = 0; i < m->ntriggers; i++) {
		g = &m->triggers[i];
		render_create(m, g, out);
		stmt(arg, g->line, g->col);
		if (g->enabled != 0) {
			vbuf_puts(out, "ALTER TABLE ");
			put_qualified(out, m, g->table);
			vbuf_appendf(out, " %s TRIGGER ", how[g->enabled]);
			vf_quote_ident(out, g->name);
			vbuf_puts(out, ";\n");
			stmt(arg, g->line, g->col);
		}
		if (g->comment != NULL) {
			struct vbuf	what;

			vbuf_init(&what);
			vbuf_puts(&what, "TRIGGER ");
			vf_quote_ident(&what, g->name);
			vbuf_puts(&what, " ON");
			model_put_comment(m, out, what.data, g->table,
			    g->comment);
			vbuf_free(&what);
			stmt(arg, g->line, g->col);
		}
	}
}

void
model_write_triggers(const struct model *m, const char *tbl, int indent,
    struct vbuf *out)
{
	const struct model_trigger	*g;
	size_t				 i, j, k, n = 0;

	for (i = 0; i < m->ntriggers; i++) {
		g = &m->triggers[i];
		if (strcmp(g->table, tbl) != 0)
			continue;
		if (n++ == 0)
			vbuf_appendf(out, "%*striggers:\n", indent, "");
		vbuf_appendf(out, "%*s- name: ", indent + 2, "");
		yaml_scalar(out, g->name, 0);
		vbuf_putc(out, '\n');
		yaml_kv(out, indent + 4, "timing",
		    model_trg_timings[g->timing]);
		vbuf_appendf(out, "%*sevents: [", indent + 4, "");
		for (k = 0; k < 4; k++) {
			if (!(g->events & (1u << k)))
				continue;
			if (g->events & ((1u << k) - 1))
				vbuf_puts(out, ", ");
			if ((1u << k) == MODEL_TRG_UPDATE &&
			    g->nupdate_of > 0) {
				vbuf_puts(out, "{update of: [");
				for (j = 0; j < g->nupdate_of; j++) {
					if (j > 0)
						vbuf_puts(out, ", ");
					yaml_scalar(out, g->update_of[j], 1);
				}
				vbuf_puts(out, "]}");
			} else
				vbuf_puts(out, event_words[k]);
		}
		vbuf_puts(out, "]\n");
		yaml_kv(out, indent + 4, "for_each", g->for_each_row ? "row" :
		    "statement");
		if (g->when != NULL)
			yaml_kv(out, indent + 4, "when", g->when);
		yaml_kv(out, indent + 4, "function", g->function);
		if (g->nargs > 0) {
			vbuf_appendf(out, "%*sargs: [", indent + 4, "");
			for (k = 0; k < g->nargs; k++) {
				if (k > 0)
					vbuf_puts(out, ", ");
				yaml_scalar(out, g->args[k], 1);
			}
			vbuf_puts(out, "]\n");
		}
		if (g->old_table != NULL || g->new_table != NULL) {
			vbuf_appendf(out, "%*sreferencing:\n", indent + 4, "");
			if (g->old_table != NULL)
				yaml_kv(out, indent + 6, "old_table",
				    g->old_table);
			if (g->new_table != NULL)
				yaml_kv(out, indent + 6, "new_table",
				    g->new_table);
		}
		if (g->constraint)
			vbuf_appendf(out, "%*sconstraint: true\n", indent + 4,
			    "");
		if (g->deferrable)
			vbuf_appendf(out, "%*sdeferrable: true\n", indent + 4,
			    "");
		if (g->initially_deferred)
			vbuf_appendf(out, "%*sinitially_deferred: true\n",
			    indent + 4, "");
		if (g->enabled != 0)
			yaml_kv(out, indent + 4, "enabled",
			    model_trg_enabled[g->enabled]);
		if (g->comment != NULL)
			yaml_kv(out, indent + 4, "comment", g->comment);
	}
}

void
model_triggers_free(struct model_trigger *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].table);
		free(v[i].name);
		model_strv_free(v[i].update_of, v[i].nupdate_of);
		free(v[i].when);
		free(v[i].function);
		model_strv_free(v[i].args, v[i].nargs);
		free(v[i].old_table);
		free(v[i].new_table);
		free(v[i].comment);
	}
	free(v);
}
