/*
 * picture.c: the picture of a schema built from one side of a snapshot
 * store: a node per object, with its HTML rows, an edge per foreign key
 * and per dependency (the deps set); the --around and --change
 * selections.  picture_dot.c writes it out and renders it.
 */
#include <stdlib.h>
#include <string.h>

#include "picture.h"

void
picture_html(struct vbuf *out, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '&')
			vbuf_puts(out, "&amp;");
		else if (*s == '<')
			vbuf_puts(out, "&lt;");
		else if (*s == '>')
			vbuf_puts(out, "&gt;");
		else if (*s == '"')
			vbuf_puts(out, "&quot;");
		else if (*s == '\n')
			vbuf_puts(out, "<BR ALIGN=\"LEFT\"/>");
		else
			vbuf_putc(out, *s);
	}
}

/* Appends a row of cells (NULL ends them), the last one a port when
   port >= 0: an edge leaves from its east side, the record's border. */
static void
row(struct vbuf *out, long port, ...)
{
	va_list		 ap;
	const char	*cell, *next;

	vbuf_puts(out, "<TR>");
	va_start(ap, port);
	for (cell = va_arg(ap, const char *); cell != NULL; cell = next) {
		next = va_arg(ap, const char *);
		if (next == NULL && port >= 0)
			vbuf_appendf(out, "<TD PORT=\"c%ld\" ALIGN=\"LEFT\">",
			    port);
		else
			vbuf_puts(out, "<TD ALIGN=\"LEFT\">");
		picture_html(out, cell);
		vbuf_puts(out, "</TD>");
	}
	va_end(ap);
	vbuf_puts(out, "</TR>");
}

size_t
picture_find(const struct picture *pic, const char *kind, const char *name)
{
	size_t	i;

	for (i = 0; i < pic->n; i++)
		if (strcmp(pic->nodes[i].name, name) == 0 &&
		    strcmp(pic->nodes[i].kind, kind) == 0)
			return (i);
	return ((size_t)-1);
}

static struct picture_node *
add_node(struct picture *pic, const char *kind, const char *name,
    const char *title)
{
	struct picture_node	*nd;

	pic->nodes = xrealloc(pic->nodes, (pic->n + 1) * sizeof(*pic->nodes));
	nd = &pic->nodes[pic->n++];
	memset(nd, 0, sizeof(*nd));
	nd->kind = xstrdup(kind);
	nd->name = xstrdup(name);
	nd->title = xstrdup(title);
	vbuf_init(&nd->rows);
	return (nd);
}

static void
add_edge(struct picture *pic, size_t from, size_t to, long port,
    const char *label)
{
	struct picture_edge	*e;
	size_t			 i;

	if (from == (size_t)-1 || to == (size_t)-1 || from == to)
		return;
	for (i = 0; i < pic->ne; i++) {
		e = &pic->edges[i];
		if (e->from == from && e->to == to && e->port == port &&
		    e->label == NULL && label == NULL)
			return;
	}
	pic->edges = xrealloc(pic->edges, (pic->ne + 1) * sizeof(*pic->edges));
	e = &pic->edges[pic->ne++];
	e->from = from;
	e->to = to;
	e->port = port;
	e->label = label != NULL ? xstrdup(label) : NULL;
}

/* The text of column i of the current row, "" for NULL. */
static const char *
col(sqlite3_stmt *st, int i)
{
	const unsigned char	*s = sqlite3_column_text(st, i);

	return (s != NULL ? (const char *)s : "");
}

/* Runs sql (?1 the side) and calls fn on each row; 0 or -1. */
static int
each_row(struct snapshot *snap, const char *side, const char *sql,
    void (*fn)(struct picture *, sqlite3_stmt *), struct picture *pic,
    struct vf_error *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (snapshot_prepare(snap, sql, &st, err) == -1)
		return (-1);
	sqlite3_bind_text(st, 1, side, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(pic, st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return (vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0,
		    "cannot read the snapshot store for the picture"));
	return (0);
}

/* The node for kind and name of the current row's columns, made with its
   title when it is not the last one made. */
static struct picture_node *
node_of(struct picture *pic, const char *kind, const char *name,
    const char *title)
{
	if (pic->n > 0 && strcmp(pic->nodes[pic->n - 1].kind, kind) == 0 &&
	    strcmp(pic->nodes[pic->n - 1].name, name) == 0)
		return (&pic->nodes[pic->n - 1]);
	return (add_node(pic, kind, name, title));
}

/* tables LEFT JOIN columns: tbl, col, type, not_null, pk, fk, uq. */
static const char tables_sql[] =
    "WITH marks AS (SELECT cc.tbl, cc.col, MAX(k.kind = 'p') AS pk, "
    "MAX(k.kind = 'f') AS fk, MAX(k.kind = 'u') AS uq FROM concols cc "
    "JOIN constraints k ON k.side = cc.side AND k.tbl = cc.tbl AND "
    "k.name = cc.con WHERE cc.side = ?1 AND cc.col IS NOT NULL "
    "GROUP BY cc.tbl, cc.col) "
    "SELECT t.name, c.name, c.type, c.not_null, m.pk, m.fk, m.uq "
    "FROM tables t LEFT JOIN columns c ON c.side = t.side AND "
    "c.tbl = t.name LEFT JOIN marks m ON m.tbl = t.name AND "
    "m.col = c.name WHERE t.side = ?1 "
    "ORDER BY t.name, CAST(c.pos AS INTEGER)";

static void
table_row(struct picture *pic, sqlite3_stmt *st)
{
	struct picture_node	*nd;
	struct vbuf		 marks;

	nd = node_of(pic, "table", col(st, 0), col(st, 0));
	if (sqlite3_column_type(st, 1) == SQLITE_NULL)
		return;
	vbuf_init(&marks);
	if (sqlite3_column_int(st, 4))
		vbuf_puts(&marks, "PK ");
	if (sqlite3_column_int(st, 5))
		vbuf_puts(&marks, "FK ");
	if (sqlite3_column_int(st, 6))
		vbuf_puts(&marks, "UQ ");
	if (marks.len > 0)
		marks.data[--marks.len] = '\0';
	row(&nd->rows, (long)nd->ncols, col(st, 1), col(st, 2),
	    marks.len > 0 ? marks.data : " ",
	    strcmp(col(st, 3), "t") == 0 ? "not null" : "null", NULL);
	vbuf_free(&marks);
	nd->cols = xrealloc(nd->cols, (nd->ncols + 1) * sizeof(*nd->cols));
	nd->cols[nd->ncols++] = xstrdup(col(st, 1));
}

static const char views_sql[] =
    "SELECT name, kind, cols FROM views WHERE side = ?1 ORDER BY name";

static void
view_row(struct picture *pic, sqlite3_stmt *st)
{
	struct picture_node	*nd;
	const char		*p, *sp, *nl;
	char			*line;

	nd = add_node(pic, strcmp(col(st, 1), "m") == 0 ?
	    "materialized view" : "view", col(st, 0), col(st, 0));
	/* cols: "name type\n" a line. */
	for (p = col(st, 2); *p != '\0'; p = *nl != '\0' ? nl + 1 : nl) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		line = xstrndup(p, (size_t)(nl - p));
		if ((sp = strchr(line, ' ')) != NULL) {
			line[sp - line] = '\0';
			row(&nd->rows, -1, line, sp + 1, NULL);
		} else
			row(&nd->rows, -1, line, "", NULL);
		free(line);
	}
}

static const char enums_sql[] =
    "SELECT enum, label FROM enums WHERE side = ?1 "
    "ORDER BY enum, CAST(pos AS INTEGER)";

static void
enum_row(struct picture *pic, sqlite3_stmt *st)
{
	struct picture_node	*nd;

	nd = node_of(pic, "enum", col(st, 0), col(st, 0));
	row(&nd->rows, -1, col(st, 1), NULL);
}

static const char domains_sql[] =
    "SELECT d.name, d.type, d.not_null, c.check_expr FROM domains d "
    "LEFT JOIN domchecks c ON c.side = d.side AND c.domain = d.name "
    "WHERE d.side = ?1 ORDER BY d.name, c.name";

static void
domain_row(struct picture *pic, sqlite3_stmt *st)
{
	struct picture_node	*nd;
	struct vbuf		 chk;

	if (pic->n == 0 || strcmp(pic->nodes[pic->n - 1].kind,
	    "domain") != 0 || strcmp(pic->nodes[pic->n - 1].name,
	    col(st, 0)) != 0) {
		nd = add_node(pic, "domain", col(st, 0), col(st, 0));
		row(&nd->rows, -1, col(st, 1), strcmp(col(st, 2), "t") == 0 ?
		    "not null" : "null", NULL);
	} else
		nd = &pic->nodes[pic->n - 1];
	if (sqlite3_column_type(st, 3) != SQLITE_NULL) {
		vbuf_init(&chk);
		vbuf_appendf(&chk, "CHECK (%s)", col(st, 3));
		row(&nd->rows, -1, chk.data, "", NULL);
		vbuf_free(&chk);
	}
}

static const char composites_sql[] =
    "SELECT c.name, a.name, a.type FROM composites c LEFT JOIN compattrs "
    "a ON a.side = c.side AND a.composite = c.name WHERE c.side = ?1 "
    "ORDER BY c.name, CAST(a.pos AS INTEGER)";

static void
composite_row(struct picture *pic, sqlite3_stmt *st)
{
	struct picture_node	*nd;

	nd = node_of(pic, "composite type", col(st, 0), col(st, 0));
	if (sqlite3_column_type(st, 1) != SQLITE_NULL)
		row(&nd->rows, -1, col(st, 1), col(st, 2), NULL);
}

static const char functions_sql[] =
    "SELECT name, kind, result, language, volatility FROM functions "
    "WHERE side = ?1 ORDER BY name";

static void
function_row(struct picture *pic, sqlite3_stmt *st)
{
	struct picture_node	*nd;
	struct vbuf		 what;

	nd = add_node(pic, strcmp(col(st, 1), "p") == 0 ? "procedure" :
	    "function", col(st, 0), col(st, 0));
	vbuf_init(&what);
	if (*col(st, 2) != '\0')
		vbuf_appendf(&what, "returns %s, ", col(st, 2));
	vbuf_appendf(&what, "%s", col(st, 3));
	if (strcmp(col(st, 4), "i") == 0)
		vbuf_puts(&what, ", immutable");
	else if (strcmp(col(st, 4), "s") == 0)
		vbuf_puts(&what, ", stable");
	row(&nd->rows, -1, what.data, NULL);
	vbuf_free(&what);
}

static const char triggers_sql[] =
    "SELECT tbl, name, def FROM triggers WHERE side = ?1 "
    "ORDER BY tbl, name";

static void
trigger_row(struct picture *pic, sqlite3_stmt *st)
{
	struct picture_node	*nd;
	struct vbuf		 name;
	const char		*def = col(st, 2), *p;

	vbuf_init(&name);
	vbuf_appendf(&name, "%s.%s", col(st, 0), col(st, 1));
	nd = add_node(pic, "trigger", name.data, col(st, 1));
	/* "CREATE [CONSTRAINT] TRIGGER name " goes: the title says it. */
	if (strncmp(def, "CREATE ", 7) == 0 && (p = strstr(def,
	    col(st, 1))) != NULL && p[strlen(col(st, 1))] == ' ')
		def = p + strlen(col(st, 1)) + 1;
	row(&nd->rows, -1, def, NULL);
	vbuf_free(&name);
}

static const char policies_sql[] =
    "SELECT tbl, name, cmd, permissive, roles FROM policies "
    "WHERE side = ?1 ORDER BY tbl, name";

static void
policy_row(struct picture *pic, sqlite3_stmt *st)
{
	struct picture_node	*nd;
	struct vbuf		 name, what;
	char			*p;

	vbuf_init(&name);
	vbuf_init(&what);
	vbuf_appendf(&name, "%s.%s", col(st, 0), col(st, 1));
	nd = add_node(pic, "policy", name.data, col(st, 1));
	vbuf_appendf(&what, "%s %s to %s", col(st, 3), col(st, 2),
	    col(st, 4));
	for (p = what.data; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
	row(&nd->rows, -1, what.data, NULL);
	vbuf_free(&name);
	vbuf_free(&what);
}

/* Foreign keys: one row per column pair, grouped by constraint. */
static const char fks_sql[] =
    "SELECT k.tbl, k.name, k.ref_table, k.on_delete, k.on_update, "
    "cc.col, cc.refcol FROM constraints k JOIN concols cc ON "
    "cc.side = k.side AND cc.tbl = k.tbl AND cc.con = k.name "
    "WHERE k.side = ?1 AND k.kind = 'f' "
    "ORDER BY k.tbl, k.name, CAST(cc.pos AS INTEGER)";

/* The words of a foreign key action letter (pg_constraint). */
static const char *
fk_action(const char *a)
{
	switch (*a) {
	case 'r':
		return ("RESTRICT");
	case 'c':
		return ("CASCADE");
	case 'n':
		return ("SET NULL");
	case 'd':
		return ("SET DEFAULT");
	default:
		return (NULL);	/* NO ACTION, the default: not drawn */
	}
}

/* The foreign key being read: its rows are gathered, then drawn. */
struct fk_acc {
	char		*tbl, *name, *ref, *del, *upd;
	struct vbuf	 cols, refcols;
	long		 port;
};

static long
port_of(const struct picture *pic, size_t node, const char *name)
{
	size_t	i;

	if (node == (size_t)-1)
		return (-1);
	for (i = 0; i < pic->nodes[node].ncols; i++)
		if (strcmp(pic->nodes[node].cols[i], name) == 0)
			return ((long)i);
	return (-1);
}

static void
fk_flush(struct picture *pic, struct fk_acc *f)
{
	struct vbuf	 label;
	const char	*a;
	size_t		 from;

	if (f->tbl == NULL)
		return;
	vbuf_init(&label);
	vbuf_appendf(&label, "%s\n(%s) -> (%s)", f->name, f->cols.data,
	    f->refcols.data);
	if ((a = fk_action(f->del)) != NULL)
		vbuf_appendf(&label, "\nON DELETE %s", a);
	if ((a = fk_action(f->upd)) != NULL)
		vbuf_appendf(&label, "\nON UPDATE %s", a);
	from = picture_find(pic, "table", f->tbl);
	add_edge(pic, from, picture_find(pic, "table", f->ref), f->port,
	    label.data);
	vbuf_free(&label);
	free(f->tbl);
	free(f->name);
	free(f->ref);
	free(f->del);
	free(f->upd);
	vbuf_free(&f->cols);
	vbuf_free(&f->refcols);
	memset(f, 0, sizeof(*f));
}

static int
fks(struct snapshot *snap, const char *side, struct picture *pic,
    struct vf_error *err)
{
	struct fk_acc	 f;
	sqlite3_stmt	*st;
	int		 rc;

	memset(&f, 0, sizeof(f));
	if (snapshot_prepare(snap, fks_sql, &st, err) == -1)
		return (-1);
	sqlite3_bind_text(st, 1, side, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (f.tbl == NULL || strcmp(f.tbl, col(st, 0)) != 0 ||
		    strcmp(f.name, col(st, 1)) != 0) {
			fk_flush(pic, &f);
			f.tbl = xstrdup(col(st, 0));
			f.name = xstrdup(col(st, 1));
			f.ref = xstrdup(col(st, 2));
			f.del = xstrdup(col(st, 3));
			f.upd = xstrdup(col(st, 4));
			vbuf_init(&f.cols);
			vbuf_init(&f.refcols);
			f.port = port_of(pic, picture_find(pic, "table",
			    f.tbl), col(st, 5));
		} else {
			vbuf_puts(&f.cols, ", ");
			vbuf_puts(&f.refcols, ", ");
		}
		vbuf_puts(&f.cols, col(st, 5));
		vbuf_puts(&f.refcols, col(st, 6));
	}
	fk_flush(pic, &f);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return (vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0,
		    "cannot read the foreign keys for the picture"));
	return (0);
}

/* The dependencies between drawn objects; a column's from its port. */
static const char deps_sql[] =
    "SELECT DISTINCT kind, name, col, ref_kind, ref_name FROM deps "
    "WHERE side = ?1 ORDER BY kind, name, col, ref_kind, ref_name";

static void
dep_row(struct picture *pic, sqlite3_stmt *st)
{
	size_t	from;
	long	port = -1;

	from = picture_find(pic, col(st, 0), col(st, 1));
	if (from != (size_t)-1 && sqlite3_column_type(st, 2) != SQLITE_NULL)
		port = port_of(pic, from, col(st, 2));
	add_edge(pic, from, picture_find(pic, col(st, 3), col(st, 4)), port,
	    NULL);
}

int
picture_build(struct snapshot *snap, const char *side, const char *schema,
    struct picture *pic, struct vf_error *err)
{
	memset(pic, 0, sizeof(*pic));
	pic->schema = xstrdup(schema);
	if (each_row(snap, side, tables_sql, table_row, pic, err) == -1 ||
	    each_row(snap, side, views_sql, view_row, pic, err) == -1 ||
	    each_row(snap, side, enums_sql, enum_row, pic, err) == -1 ||
	    each_row(snap, side, domains_sql, domain_row, pic, err) == -1 ||
	    each_row(snap, side, composites_sql, composite_row, pic,
	    err) == -1 ||
	    each_row(snap, side, functions_sql, function_row, pic,
	    err) == -1 ||
	    each_row(snap, side, triggers_sql, trigger_row, pic, err) == -1 ||
	    each_row(snap, side, policies_sql, policy_row, pic, err) == -1 ||
	    fks(snap, side, pic, err) == -1 ||
	    each_row(snap, side, deps_sql, dep_row, pic, err) == -1) {
		picture_free(pic);
		return (-1);
	}
	return (0);
}

void
picture_free(struct picture *pic)
{
	size_t	i, j;

	for (i = 0; i < pic->n; i++) {
		free(pic->nodes[i].kind);
		free(pic->nodes[i].name);
		free(pic->nodes[i].title);
		vbuf_free(&pic->nodes[i].rows);
		for (j = 0; j < pic->nodes[i].ncols; j++)
			free(pic->nodes[i].cols[j]);
		free(pic->nodes[i].cols);
	}
	for (i = 0; i < pic->ne; i++)
		free(pic->edges[i].label);
	free(pic->nodes);
	free(pic->edges);
	free(pic->schema);
	memset(pic, 0, sizeof(*pic));
}

/* Drops the nodes not kept, renumbering the edges between kept ones. */
static void
prune(struct picture *pic)
{
	size_t	*to, i, n = 0, ne = 0;

	to = xcalloc(pic->n + 1, sizeof(*to));
	for (i = 0; i < pic->n; i++) {
		if (pic->nodes[i].keep) {
			to[i] = n;
			pic->nodes[n++] = pic->nodes[i];
			continue;
		}
		to[i] = (size_t)-1;
		free(pic->nodes[i].kind);
		free(pic->nodes[i].name);
		free(pic->nodes[i].title);
		vbuf_free(&pic->nodes[i].rows);
		while (pic->nodes[i].ncols > 0)
			free(pic->nodes[i].cols[--pic->nodes[i].ncols]);
		free(pic->nodes[i].cols);
	}
	for (i = 0; i < pic->ne; i++) {
		if (to[pic->edges[i].from] == (size_t)-1 ||
		    to[pic->edges[i].to] == (size_t)-1) {
			free(pic->edges[i].label);
			continue;
		}
		pic->edges[ne] = pic->edges[i];
		pic->edges[ne].from = to[pic->edges[i].from];
		pic->edges[ne].to = to[pic->edges[i].to];
		ne++;
	}
	pic->n = n;
	pic->ne = ne;
	free(to);
}

void
picture_keep_around(struct picture *pic, int depth)
{
	size_t	i;
	int	d, grown = 1;
	char	*was;

	was = xcalloc(pic->n + 1, 1);
	for (d = 0; d < depth && grown; d++) {
		for (i = 0; i < pic->n; i++)
			was[i] = (char)pic->nodes[i].keep;
		grown = 0;
		for (i = 0; i < pic->ne; i++) {
			if (was[pic->edges[i].from] &&
			    !pic->nodes[pic->edges[i].to].keep)
				pic->nodes[pic->edges[i].to].keep = grown = 1;
			if (was[pic->edges[i].to] &&
			    !pic->nodes[pic->edges[i].from].keep)
				pic->nodes[pic->edges[i].from].keep = grown = 1;
		}
	}
	free(was);
	prune(pic);
}
