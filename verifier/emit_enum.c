/*
 * emit_enum.c: the statements of enums: created, labels added or renamed
 * in place, recreated (renamed away, created again, columns converted
 * through text) when labels are removed or reordered, dropped.
 */
#include <stdlib.h>
#include <string.h>

#include "emit_int.h"

/* Suffix of an enum while it is being recreated. */
#define OLD_ENUM_SUFFIX	"__vf_old"

/* Splits newline-joined labels into a NULL-terminated vector. */
static char **
split_labels(const char *s, size_t *n)
{
	char	**v;
	char	 *copy, *p, *nl;

	*n = 0;
	v = xcalloc(1, sizeof(char *));
	if (s == NULL)
		return (v);
	copy = xstrdup(s);
	for (p = copy; p != NULL; p = nl) {
		nl = strchr(p, '\n');
		if (nl != NULL)
			*nl++ = '\0';
		v = xrealloc(v, (*n + 2) * sizeof(char *));
		v[(*n)++] = xstrdup(p);
		v[*n] = NULL;
	}
	free(copy);
	return (v);
}

static void
free_labels(char **v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static long
label_index(char **v, size_t n, const char *label)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], label) == 0)
			return ((long)i);
	return (-1);
}

static void
create_enum(struct emitter *e, const char *name, const char *labels)
{
	char	**v;
	size_t	  n, i;

	v = split_labels(labels, &n);
	vbuf_puts(e->out, "CREATE TYPE ");
	emit_qname(e, name);
	vbuf_puts(e->out, " AS ENUM (");
	for (i = 0; i < n; i++) {
		if (i > 0)
			vbuf_puts(e->out, ", ");
		vf_quote_literal(e->out, v[i]);
	}
	vbuf_puts(e->out, ");\n");
	free_labels(v, n);
}

/*
 * Whether the labels of an enum can change in place: every old label is
 * kept in the same relative order (new ones are added with ADD VALUE), or
 * the count is the same and labels are renamed in place.  Emits the
 * statements when so and returns 1; returns 0 when the type must be
 * recreated.
 */
static int
enum_in_place(struct emitter *e, const struct diff_change *c)
{
	char	**f, **t;
	size_t	  nf, nt, i, j;
	long	  prev = -1, k;
	int	  ok = 1;

	f = split_labels(c->from_val, &nf);
	t = split_labels(c->to_val, &nt);
	for (i = 0; i < nf && ok; i++) {
		k = label_index(t, nt, f[i]);
		if (k < 0 || k < prev)
			ok = 0;
		prev = k;
	}
	if (ok) {
		/* Add each new label next to its neighbour. */
		for (j = 0; j < nt; j++) {
			if (label_index(f, nf, t[j]) >= 0)
				continue;
			vbuf_puts(e->out, "ALTER TYPE ");
			emit_qname(e, c->name);
			vbuf_puts(e->out, " ADD VALUE ");
			vf_quote_literal(e->out, t[j]);
			for (k = (long)j + 1; k < (long)nt; k++)
				if (label_index(f, nf, t[k]) >= 0)
					break;
			if (k < (long)nt) {
				vbuf_puts(e->out, " BEFORE ");
				vf_quote_literal(e->out, t[k]);
			}
			vbuf_puts(e->out, ";\n");
		}
	} else if (nf == nt) {
		/* Renamed in place: same count, positions kept. */
		ok = 1;
		for (i = 0; i < nf; i++) {
			if (strcmp(f[i], t[i]) == 0)
				continue;
			if (label_index(f, nf, t[i]) >= 0)
				ok = 0;
		}
		for (i = 0; i < nf && ok; i++) {
			if (strcmp(f[i], t[i]) == 0)
				continue;
			vbuf_puts(e->out, "ALTER TYPE ");
			emit_qname(e, c->name);
			vbuf_puts(e->out, " RENAME VALUE ");
			vf_quote_literal(e->out, f[i]);
			vbuf_puts(e->out, " TO ");
			vf_quote_literal(e->out, t[i]);
			vbuf_puts(e->out, ";\n");
		}
	}
	free_labels(f, nf);
	free_labels(t, nt);
	return (ok);
}

/*
 * Recreates an enum whose labels were removed or reordered: the old type
 * is renamed, the new one created, every column of the target that uses
 * it converted through text, and the old type dropped.
 */
static void
recreate_enum(struct emitter *e, const struct diff_change *c)
{
	struct vbuf	 qual, old;
	sqlite3_stmt	*st;
	const char	*def;
	int		 array;

	emit_destructive(e, "removes enum values; rows holding them make this "
	    "fail", c->name);
	vbuf_init(&qual);
	vbuf_init(&old);
	vf_quote_ident(&qual, e->schema);
	vbuf_putc(&qual, '.');
	vf_quote_ident(&qual, c->name);
	vbuf_puts(&old, c->name);
	vbuf_puts(&old, OLD_ENUM_SUFFIX);
	vbuf_puts(e->out, "ALTER TYPE ");
	emit_qname(e, c->name);
	vbuf_puts(e->out, " RENAME TO ");
	vf_quote_ident(e->out, old.data);
	vbuf_puts(e->out, ";\n");
	create_enum(e, c->name, c->to_val);
	st = emit_query(e, "SELECT tbl, name, default_expr, type = ?2 || '[]' "
	    "FROM columns WHERE side = ?1 AND (type = ?2 OR type = ?2 || '[]') "
	    "ORDER BY tbl, CAST(pos AS INTEGER)", e->to, qual.data, NULL);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		def = emit_text(st, 2);
		array = sqlite3_column_int(st, 3);
		if (def != NULL) {
			emit_alter_column(e, emit_text(st, 0),
			    emit_text(st, 1));
			vbuf_puts(e->out, "DROP DEFAULT;\n");
		}
		emit_alter_column(e, emit_text(st, 0), emit_text(st, 1));
		vbuf_appendf(e->out, "TYPE %s%s USING ", qual.data,
		    array ? "[]" : "");
		vf_quote_ident(e->out, emit_text(st, 1));
		vbuf_appendf(e->out, "::text%s::%s%s;\n", array ? "[]" : "",
		    qual.data, array ? "[]" : "");
		if (def != NULL) {
			emit_alter_column(e, emit_text(st, 0),
			    emit_text(st, 1));
			vbuf_appendf(e->out, "SET DEFAULT %s;\n", def);
		}
	}
	sqlite3_finalize(st);
	/* The old type goes in emit_enums_drop(), after the tables that are
	   dropped, whose columns may still use it. */
	emit_object_grants(e, "type", c->name);
	vbuf_free(&qual);
	vbuf_free(&old);
}

void
emit_enums_create(struct emitter *e)
{
	const struct diff_change	*c;
	size_t				 i;

	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (emit_is(c, "enum", "add")) {
			emit_stmt_begin(e, "enum", c->name, "create");
			create_enum(e, c->name, c->to_val);
		}
	}
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (emit_is(c, "enum", "alter") &&
		    emit_field_is(c, "labels") && c->destructive == NULL) {
			emit_stmt_begin(e, "enum", c->name, "alter");
			(void)enum_in_place(e, c);
		}
	}
}

int
emit_enum_recreated(struct emitter *e, const struct diff_change *c)
{
	struct vbuf	 probe;
	struct vbuf	*keep = e->out;
	int		 in_place;

	if (!emit_is(c, "enum", "alter") || !emit_field_is(c, "labels"))
		return (0);
	if (c->destructive != NULL)
		return (1);
	/* Reordered without loss: also recreated. */
	vbuf_init(&probe);
	e->out = &probe;
	in_place = enum_in_place(e, c);
	e->out = keep;
	vbuf_free(&probe);
	return (!in_place);
}

void
emit_enums_recreate(struct emitter *e)
{
	size_t	i;

	for (i = 0; i < e->d.n; i++)
		if (emit_enum_recreated(e, &e->d.v[i])) {
			/* An alter: it converts its columns itself. */
			emit_stmt_begin(e, "enum", e->d.v[i].name, "alter");
			recreate_enum(e, &e->d.v[i]);
		}
}

void
emit_enums_drop(struct emitter *e)
{
	const struct diff_change	*c;
	struct vbuf			 old;
	size_t				 i;

	vbuf_init(&old);
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (emit_is(c, "enum", "drop")) {
			emit_stmt_begin(e, "enum", c->name, "drop");
			vbuf_puts(e->out, "DROP TYPE ");
			emit_qname(e, c->name);
			vbuf_puts(e->out, ";\n");
		} else if (emit_enum_recreated(e, c)) {
			/* The old type of an enum recreate_enum() made. */
			vbuf_reset(&old);
			vbuf_puts(&old, c->name);
			vbuf_puts(&old, OLD_ENUM_SUFFIX);
			emit_stmt_begin(e, "enum", c->name, "alter");
			vbuf_puts(e->out, "DROP TYPE ");
			emit_qname(e, old.data);
			vbuf_puts(e->out, ";\n");
		}
	}
	vbuf_free(&old);
}
