/*
 * dump_trigger.c: the triggers of the catalog back into the model: timing,
 * events and FOR EACH from tgtype, UPDATE OF columns, the function and its
 * arguments (tgargs), transition tables, constraint options, enabled
 * state and comment from their columns; WHEN as pg_get_triggerdef()
 * prints it, without its outer parentheses.
 */
#include <stdlib.h>
#include <string.h>

#include "dump_int.h"

/* pg_trigger.tgtype's bits. */
#define TGTYPE_ROW	(1 << 0)
#define TGTYPE_BEFORE	(1 << 1)
#define TGTYPE_INSERT	(1 << 2)
#define TGTYPE_DELETE	(1 << 3)
#define TGTYPE_UPDATE	(1 << 4)
#define TGTYPE_TRUNCATE	(1 << 5)
#define TGTYPE_INSTEAD	(1 << 6)

/* "a\nb" as a new array of strings. */
static char **
split_lines(const char *s, size_t *n)
{
	char	**v = NULL;
	size_t	  len;

	*n = 0;
	while (s != NULL && *s != '\0') {
		len = strcspn(s, "\n");
		v = xrealloc(v, (*n + 1) * sizeof(*v));
		v[(*n)++] = xstrndup(s, len);
		s += len + (s[len] == '\n');
	}
	return (v);
}

/*
 * tgargs in bytea's escape format ("a\000b\000", "\\" for a backslash,
 * "\ooo" for other bytes) as nargs strings.
 */
static char **
split_args(const char *s, size_t nargs)
{
	char	**v;
	struct vbuf b;
	size_t	  i = 0;

	v = xcalloc(nargs + 1, sizeof(*v));
	vbuf_init(&b);
	vbuf_puts(&b, "");
	while (s != NULL && *s != '\0' && i < nargs) {
		if (s[0] == '\\' && s[1] == '\\') {
			vbuf_putc(&b, '\\');
			s += 2;
		} else if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' &&
		    s[2] >= '0' && s[2] <= '7' && s[3] >= '0' && s[3] <= '7') {
			char	c = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 +
			    (s[3] - '0'));

			s += 4;
			if (c != '\0') {
				vbuf_putc(&b, c);
				continue;
			}
			v[i++] = xstrdup(b.data);
			vbuf_reset(&b);
			vbuf_puts(&b, "");
		} else
			vbuf_putc(&b, *s++);
	}
	for (; i < nargs; i++)
		v[i] = xstrdup("");
	vbuf_free(&b);
	return (v);
}

/*
 * The WHEN of def (pg_get_triggerdef()): between " WHEN (" after FOR
 * EACH and the last " EXECUTE FUNCTION " before the arguments' tail (its
 * last argslen bytes), without the parentheses.  NULL when it has none.
 */
static char *
when_of(const char *def, size_t argslen)
{
	const char	*w, *x, *p, *end;
	char		*s, *r;

	if ((w = strstr(def, " FOR EACH ROW WHEN (")) != NULL)
		w += strlen(" FOR EACH ROW WHEN (") - 1;
	else if ((w = strstr(def, " FOR EACH STATEMENT WHEN (")) != NULL)
		w += strlen(" FOR EACH STATEMENT WHEN (") - 1;
	else
		return (NULL);
	end = def + strlen(def) - (argslen < strlen(def) ? argslen : 0);
	x = NULL;
	for (p = w; (p = strstr(p, " EXECUTE FUNCTION ")) != NULL &&
	    p < end; p++)
		x = p;
	if (x == NULL || x <= w)
		return (NULL);
	/* WHEN's own parentheses, then those PostgreSQL prints around
	   the expression. */
	s = xstrndup(w, (size_t)(x - w));
	r = dump_unparen(s);
	free(s);
	s = dump_unparen(r);
	free(r);
	return (s);
}

/* The length of args as pg_get_triggerdef() prints them: "('a', 'b')". */
static size_t
args_len(char *const *args, size_t n)
{
	const char	*p;
	size_t		 i, len = 2;

	for (i = 0; i < n; i++) {
		len += (i > 0 ? 2 : 0) + 2;
		for (p = args[i]; *p != '\0'; p++)
			len += *p == '\'' ? 2 : 1;
	}
	return (len);
}

/* Trigger row i of CATALOG_TRIGGERS, appended to m->triggers. */
static void
dump_trigger(const struct catalog *cat, size_t i, struct model *m)
{
	struct model_trigger	*g;
	const char		*x;
	long			 type;
	size_t			 k;

#define COL(name)	catalog_get(cat, CATALOG_TRIGGERS, i, name)
	m->triggers = xrealloc(m->triggers, (m->ntriggers + 1) *
	    sizeof(*m->triggers));
	g = &m->triggers[m->ntriggers++];
	memset(g, 0, sizeof(*g));
	g->table = xstrdup(COL("tbl"));
	for (k = 0; k < m->nviews; k++)
		if (strcmp(m->views[k].name, g->table) == 0)
			g->on_view = 1;
	g->name = xstrdup(COL("name"));
	type = strtol(COL("tgtype"), NULL, 10);
	g->timing = (type & TGTYPE_INSTEAD) ? 2 : (type & TGTYPE_BEFORE) ?
	    0 : 1;
	g->for_each_row = (type & TGTYPE_ROW) != 0;
	if (type & TGTYPE_INSERT)
		g->events |= MODEL_TRG_INSERT;
	if (type & TGTYPE_UPDATE)
		g->events |= MODEL_TRG_UPDATE;
	if (type & TGTYPE_DELETE)
		g->events |= MODEL_TRG_DELETE;
	if (type & TGTYPE_TRUNCATE)
		g->events |= MODEL_TRG_TRUNCATE;
	g->update_of = split_lines(COL("update_of"), &g->nupdate_of);
	g->function = xstrdup(COL("function"));
	g->nargs = (size_t)strtoul(COL("nargs"), NULL, 10);
	g->args = split_args(COL("args"), g->nargs);
	g->when = when_of(COL("def"), args_len(g->args, g->nargs));
	if ((x = COL("old_table")) != NULL)
		g->old_table = xstrdup(x);
	if ((x = COL("new_table")) != NULL)
		g->new_table = xstrdup(x);
	g->constraint = strcmp(COL("is_constraint"), "t") == 0;
	g->deferrable = strcmp(COL("is_deferrable"), "t") == 0;
	g->initially_deferred = strcmp(COL("is_deferred"), "t") == 0;
	x = COL("enabled");
	for (k = 0; model_trg_enabled[k] != NULL; k++)
		if (strcmp(model_trg_enabled[k], x) == 0)
			g->enabled = (int)k;
	if ((x = COL("comment")) != NULL)
		g->comment = xstrdup(x);
#undef COL
}

void
dump_triggers(const struct catalog *cat, struct model *m)
{
	size_t	i;

	for (i = 0; i < cat->sets[CATALOG_TRIGGERS].nrows; i++)
		dump_trigger(cat, i, m);
}
