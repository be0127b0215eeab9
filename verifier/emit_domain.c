/*
 * emit_domain.c: the statements of domains and composite types: created
 * (each after the types it uses, step 1) and changed in place (ALTER
 * DOMAIN SET/DROP DEFAULT, SET/DROP NOT NULL, DROP CONSTRAINT, ALTER TYPE
 * ADD ATTRIBUTE, comments, step 1); recreated when PostgreSQL cannot
 * change them in place (a domain's base type or collation, a new check
 * or NOT NULL while a column holds an array of it; an attribute's type
 * while a column uses its type, attributes in a new order: a new type,
 * the columns converted, the old one dropped and the new one renamed,
 * step 6);
 * dropped (step 7, after the columns that used them); new checks (step
 * 8, after the columns are converted).
 */
#include <stdlib.h>
#include <string.h>

#include "emit_int.h"

/* Suffix of a type while it is being recreated. */
#define NEW_TYPE_SUFFIX	"__vf_new"

/* "schema"."name" into b. */
static void
qualified(struct emitter *e, struct vbuf *b, const char *name)
{
	vf_quote_ident(b, e->schema);
	vbuf_putc(b, '.');
	vf_quote_ident(b, name);
}

/* Whether type (as the catalog prints it) is name of the schema, or an
   array of it. */
static int
type_is(struct emitter *e, const char *type, const char *name)
{
	struct vbuf	q;
	int		is;

	vbuf_init(&q);
	qualified(e, &q, name);
	is = type != NULL && strncmp(type, q.data, q.len) == 0 &&
	    (type[q.len] == '\0' || type[q.len] == '[');
	vbuf_free(&q);
	return (is);
}

/*
 * The type (of kind whole) that c, a change of one of its parts (of kind
 * part) or an alter of it, is about; NULL for any other change.
 */
static const char *
about(const struct diff_change *c, const char *part, const char *whole)
{
	if (emit_is(c, part, NULL))
		return (c->tbl);
	if (emit_is(c, whole, "alter"))
		return (c->name);
	return (NULL);
}

static const char *composite_of(const struct diff_change *);

/* The domain a change of it or of its checks is about. */
static const char *
domain_of(const struct diff_change *c)
{
	return (about(c, "domain check", "domain"));
}

/*
 * Whether a column of the target side uses the type name (arrays: only
 * as an array of it).
 */
static int
type_used(struct emitter *e, const char *name, int arrays)
{
	sqlite3_stmt	*st;
	const char	*type;
	int		 used = 0;

	st = emit_query(e, "SELECT type FROM columns WHERE side = ?1",
	    e->to, NULL, NULL);
	while (st != NULL && !used && sqlite3_step(st) == SQLITE_ROW) {
		type = emit_text(st, 0);
		used = type_is(e, type, name) && (!arrays ||
		    type[strlen(type) - 1] == ']');
	}
	sqlite3_finalize(st);
	return (used);
}

/*
 * A domain recreated: its base type or its collation changes, or it gets
 * a new check or NOT NULL while a column holds an array of it (PostgreSQL
 * cannot check those in place and refuses).
 */
static int
domain_recreated(struct emitter *e, const char *name)
{
	const struct diff_change	*c;
	size_t				 i;

	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (domain_of(c) == NULL || strcmp(domain_of(c), name) != 0)
			continue;
		if (emit_field_is(c, "type") || emit_field_is(c, "collation"))
			return (1);
		if ((emit_is(c, "domain check", "add") ||
		    emit_is(c, "domain check", "alter") ||
		    (emit_field_is(c, "not_null") &&
		    strcmp(c->to_val, "t") == 0)) && type_used(e, name, 1))
			return (1);
	}
	return (0);
}

/*
 * A composite type recreated: its attributes cannot keep the target's
 * order in place (ADD ATTRIBUTE appends), or an attribute's type changes
 * while a column uses the type (PostgreSQL refuses ALTER ATTRIBUTE ...
 * TYPE then).
 */
static int
composite_recreated(struct emitter *e, const char *name)
{
	size_t	i;

	for (i = 0; i < e->d.n; i++)
		if (emit_is(&e->d.v[i], "composite type", "alter") &&
		    emit_field_is(&e->d.v[i], "attributes") &&
		    strcmp(e->d.v[i].name, name) == 0)
			return (1);
	for (i = 0; i < e->d.n; i++)
		if (emit_is(&e->d.v[i], "attribute", "alter") &&
		    strcmp(e->d.v[i].tbl, name) == 0)
			return (type_used(e, name, 0));
	return (0);
}

const char *
emit_type_recreated(struct emitter *e, const struct diff_change *c,
    const char **kind)
{
	const char	*name;

	if ((name = domain_of(c)) != NULL && domain_recreated(e, name)) {
		*kind = "domain";
		return (name);
	}
	if ((name = composite_of(c)) != NULL && composite_recreated(e, name)) {
		*kind = "composite type";
		return (name);
	}
	return (NULL);
}

/*
 * CREATE DOMAIN as the target side has it, under the name as (the
 * domain's own name, or a temporary one).
 */
static void
create_domain(struct emitter *e, const char *name, const char *as)
{
	sqlite3_stmt	*st;

	st = emit_query(e, "SELECT type, collation, default_expr, not_null "
	    "FROM domains WHERE side = ?1 AND name = ?2", e->to, name, NULL);
	if (st == NULL)
		return;
	if (sqlite3_step(st) == SQLITE_ROW) {
		vbuf_puts(e->out, "CREATE DOMAIN ");
		emit_qname(e, as);
		vbuf_appendf(e->out, " AS %s", emit_text(st, 0));
		if (emit_text(st, 1) != NULL) {
			vbuf_puts(e->out, " COLLATE ");
			vf_quote_ident(e->out, emit_text(st, 1));
		}
		if (emit_text(st, 2) != NULL)
			vbuf_appendf(e->out, " DEFAULT %s", emit_text(st, 2));
		if (strcmp(emit_text(st, 3), "t") == 0)
			vbuf_puts(e->out, " NOT NULL");
	}
	sqlite3_finalize(st);
	st = emit_query(e, "SELECT name, def FROM domchecks WHERE side = ?1 "
	    "AND domain = ?2 ORDER BY name", e->to, name, NULL);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		vbuf_puts(e->out, "\n\tCONSTRAINT ");
		vf_quote_ident(e->out, emit_text(st, 0));
		vbuf_appendf(e->out, " %s", emit_text(st, 1));
	}
	sqlite3_finalize(st);
	vbuf_puts(e->out, ";\n");
}

/* CREATE TYPE ... AS (...) as the target side has it, under as. */
static void
create_composite(struct emitter *e, const char *name, const char *as)
{
	sqlite3_stmt	*st;
	int		 n = 0;

	vbuf_puts(e->out, "CREATE TYPE ");
	emit_qname(e, as);
	vbuf_puts(e->out, " AS (");
	st = emit_query(e, "SELECT name, type FROM compattrs WHERE side = ?1 "
	    "AND composite = ?2 ORDER BY CAST(pos AS INTEGER)", e->to, name,
	    NULL);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		vbuf_puts(e->out, n++ > 0 ? ", " : "");
		vf_quote_ident(e->out, emit_text(st, 0));
		vbuf_appendf(e->out, " %s", emit_text(st, 1));
	}
	sqlite3_finalize(st);
	vbuf_puts(e->out, ");\n");
}

/* The comment of a domain or composite type on the target side. */
static void
type_comment(struct emitter *e, const char *name, int domain)
{
	sqlite3_stmt	*st;

	st = emit_query(e, domain ? "SELECT comment FROM domains WHERE "
	    "side = ?1 AND name = ?2 AND comment IS NOT NULL" :
	    "SELECT comment FROM composites WHERE side = ?1 AND name = ?2 "
	    "AND comment IS NOT NULL", e->to, name, NULL);
	if (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		emit_comment_on(e, domain ? "DOMAIN" : "TYPE", name, NULL,
		    emit_text(st, 0));
	sqlite3_finalize(st);
}

/*
 * Whether the new type name (a domain or composite type of the target
 * side) uses one of the new types still to create, listed in todo.
 */
static int
waits(struct emitter *e, const char *name, int domain, char **todo,
    size_t n)
{
	sqlite3_stmt	*st;
	size_t		 i;
	int		 w = 0;

	st = emit_query(e, domain ? "SELECT type FROM domains WHERE "
	    "side = ?1 AND name = ?2" : "SELECT type FROM compattrs "
	    "WHERE side = ?1 AND composite = ?2", e->to, name, NULL);
	while (st != NULL && !w && sqlite3_step(st) == SQLITE_ROW)
		for (i = 0; i < n && !w; i++)
			w = todo[i] != NULL && strcmp(todo[i], name) != 0 &&
			    type_is(e, emit_text(st, 0), todo[i]);
	sqlite3_finalize(st);
	return (w);
}

/* Creates the new type name with its comment. */
static void
create_one(struct emitter *e, const char *name, int domain)
{
	emit_stmt_begin(e, domain ? "domain" : "composite type", name,
	    "create");
	if (domain)
		create_domain(e, name, name);
	else
		create_composite(e, name, name);
	type_comment(e, name, domain);
}

/* Drops the type name. */
/* "type.attribute" of an attribute's change c, for its destructive mark. */
static void
destructive_attr(struct emitter *e, const struct diff_change *c)
{
	struct vbuf	what;

	vbuf_init(&what);
	vbuf_appendf(&what, "%s.%s", c->tbl, c->name);
	emit_destructive(e, c->destructive, what.data);
	vbuf_free(&what);
}

static void
drop_one(struct emitter *e, const char *name, int domain)
{
	emit_stmt_begin(e, domain ? "domain" : "composite type", name,
	    "drop");
	vbuf_appendf(e->out, "DROP %s ", domain ? "DOMAIN" : "TYPE");
	emit_qname(e, name);
	vbuf_puts(e->out, ";\n");
}

/*
 * act() on every domain and composite type with a change of action, each
 * once no other still to do blocks it (blocked(e, name, domain, todo,
 * n)); what a circle leaves (the server refuses it) in list order.
 */
static void
in_order(struct emitter *e, const char *action,
    int (*blocked)(struct emitter *, const char *, int, char **, size_t),
    void (*act)(struct emitter *, const char *, int))
{
	const struct diff_change	*c;
	char				**todo;
	int				 *dom, progress = 1, pass;
	size_t				  i, n = 0;

	todo = xcalloc(e->d.n + 1, sizeof(*todo));
	dom = xcalloc(e->d.n + 1, sizeof(*dom));
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (emit_is(c, "domain", action) ||
		    emit_is(c, "composite type", action)) {
			dom[n] = emit_is(c, "domain", NULL);
			todo[n++] = c->name;
		}
	}
	for (pass = 0; pass < 2; pass++) {
		while (progress) {
			progress = 0;
			for (i = 0; i < n; i++) {
				if (todo[i] == NULL || (pass == 0 &&
				    blocked(e, todo[i], dom[i], todo, n)))
					continue;
				act(e, todo[i], dom[i]);
				todo[i] = NULL;
				progress = 1;
			}
		}
		progress = 1;
	}
	free(todo);
	free(dom);
}

void
emit_types_create(struct emitter *e)
{
	const struct diff_change	*c;
	size_t				 i;

	in_order(e, "add", waits, create_one);
	/* Changes in place. */
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (emit_is(c, "domain check", "drop") ||
		    emit_is(c, "domain check", "alter")) {
			emit_stmt_begin(e, "domain", c->tbl, "alter");
			vbuf_puts(e->out, "ALTER DOMAIN ");
			emit_qname(e, c->tbl);
			vbuf_puts(e->out, " DROP CONSTRAINT ");
			vf_quote_ident(e->out, c->name);
			vbuf_puts(e->out, ";\n");
		} else if (emit_is(c, "domain", "alter") &&
		    !domain_recreated(e, c->name)) {
			emit_stmt_begin(e, "domain", c->name, "alter");
			if (emit_field_is(c, "comment")) {
				emit_comment_on(e, "DOMAIN", c->name, NULL,
				    c->to_val);
				continue;
			}
			vbuf_puts(e->out, "ALTER DOMAIN ");
			emit_qname(e, c->name);
			if (emit_field_is(c, "default") && c->to_val != NULL)
				vbuf_appendf(e->out, " SET DEFAULT %s;\n",
				    c->to_val);
			else if (emit_field_is(c, "default"))
				vbuf_puts(e->out, " DROP DEFAULT;\n");
			else if (emit_field_is(c, "not_null"))
				vbuf_puts(e->out, strcmp(c->to_val, "t") == 0 ?
				    " SET NOT NULL;\n" : " DROP NOT NULL;\n");
		} else if (emit_is(c, "composite type", "alter") &&
		    emit_field_is(c, "comment")) {
			emit_stmt_begin(e, "composite type", c->name, "alter");
			emit_comment_on(e, "TYPE", c->name, NULL, c->to_val);
		} else if (emit_is(c, "attribute", "add") &&
		    !composite_recreated(e, c->tbl)) {
			emit_stmt_begin(e, "composite type", c->tbl, "alter");
			vbuf_puts(e->out, "ALTER TYPE ");
			emit_qname(e, c->tbl);
			vbuf_puts(e->out, " ADD ATTRIBUTE ");
			vf_quote_ident(e->out, c->name);
			vbuf_appendf(e->out, " %s;\n", c->to_val);
		}
	}
}

/*
 * The columns of the target side of type name (or arrays of it) take the
 * type qnew (qualified), each through the cast using(col), their defaults
 * dropped first (using NULL: their defaults set again, once the new type
 * has the name they spell).
 */
static void
convert_columns(struct emitter *e, const char *name, const char *qnew,
    void (*using)(struct emitter *, const char *, const char *, int))
{
	sqlite3_stmt	*st;
	const char	*def, *type, *tbl, *col;
	int		 array;

	st = emit_query(e, "SELECT tbl, name, default_expr, type FROM columns "
	    "WHERE side = ?1 ORDER BY tbl, CAST(pos AS INTEGER)", e->to, NULL,
	    NULL);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		tbl = emit_text(st, 0);
		col = emit_text(st, 1);
		def = emit_text(st, 2);
		type = emit_text(st, 3);
		if (!type_is(e, type, name))
			continue;
		array = strchr(type, '[') != NULL &&
		    type[strlen(type) - 1] == ']';
		if (using == NULL) {
			if (def != NULL) {
				emit_alter_column(e, tbl, col);
				vbuf_appendf(e->out, "SET DEFAULT %s;\n", def);
			}
			continue;
		}
		if (def != NULL) {
			emit_alter_column(e, tbl, col);
			vbuf_puts(e->out, "DROP DEFAULT;\n");
		}
		emit_alter_column(e, tbl, col);
		vbuf_appendf(e->out, "TYPE %s%s USING ", qnew,
		    array ? "[]" : "");
		using(e, name, col, array);
		vbuf_appendf(e->out, "::%s%s;\n", qnew, array ? "[]" : "");
	}
	sqlite3_finalize(st);
}

/* A domain's values cast to the new domain through its base type. */
static void
using_value(struct emitter *e, const char *name, const char *col, int array)
{
	vf_quote_ident(e->out, col);
}

/*
 * A composite's values: a row of its kept attributes, each cast to its
 * new type (NULL for new ones); an array goes through text.
 */
static void
using_row(struct emitter *e, const char *name, const char *col, int array)
{
	sqlite3_stmt	*st;
	int		 n = 0;

	if (array) {
		vf_quote_ident(e->out, col);
		vbuf_puts(e->out, "::text");
		return;
	}
	vbuf_puts(e->out, "ROW(");
	st = emit_query(e, "SELECT t.name, t.type, f.name IS NOT NULL "
	    "FROM compattrs t LEFT JOIN compattrs f ON f.side = ?3 "
	    "AND f.composite = t.composite AND f.name = t.name "
	    "WHERE t.side = ?1 AND t.composite = ?2 "
	    "ORDER BY CAST(t.pos AS INTEGER)", e->to, name, e->from);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		vbuf_puts(e->out, n++ > 0 ? ", " : "");
		if (sqlite3_column_int(st, 2)) {
			vbuf_putc(e->out, '(');
			vf_quote_ident(e->out, col);
			vbuf_puts(e->out, ").");
			vf_quote_ident(e->out, emit_text(st, 0));
		} else
			vbuf_puts(e->out, "NULL");
		vbuf_appendf(e->out, "::%s", emit_text(st, 1));
	}
	sqlite3_finalize(st);
	vbuf_putc(e->out, ')');
}

/* A new type under a temporary name, columns converted, old dropped. */
static void
recreate(struct emitter *e, const char *name, int domain, const char *why)
{
	struct vbuf	tmp, qnew;

	/* An alter: it converts its columns itself. */
	emit_stmt_begin(e, domain ? "domain" : "composite type", name,
	    "alter");
	if (why != NULL)
		emit_destructive(e, why, name);
	vbuf_init(&tmp);
	vbuf_init(&qnew);
	vbuf_puts(&tmp, name);
	vbuf_puts(&tmp, NEW_TYPE_SUFFIX);
	qualified(e, &qnew, tmp.data);
	if (domain)
		create_domain(e, name, tmp.data);
	else
		create_composite(e, name, tmp.data);
	convert_columns(e, name, qnew.data, domain ? using_value : using_row);
	vbuf_appendf(e->out, "DROP %s ", domain ? "DOMAIN" : "TYPE");
	emit_qname(e, name);
	vbuf_puts(e->out, ";\n");
	vbuf_appendf(e->out, "ALTER %s %s RENAME TO ", domain ? "DOMAIN" :
	    "TYPE", qnew.data);
	vf_quote_ident(e->out, name);
	vbuf_puts(e->out, ";\n");
	convert_columns(e, name, qnew.data, NULL);
	type_comment(e, name, domain);
	vbuf_free(&tmp);
	vbuf_free(&qnew);
}

/* The composite type an alter of it or of its attributes is about. */
static const char *
composite_of(const struct diff_change *c)
{
	return (about(c, "attribute", "composite type"));
}

/* Whether change i is the first that of() says is about its type. */
static int
first_about(struct emitter *e, size_t i,
    const char *(*of)(const struct diff_change *))
{
	const char	*name = of(&e->d.v[i]), *o;
	size_t		 j;

	for (j = 0; j < i; j++)
		if ((o = of(&e->d.v[j])) != NULL && strcmp(o, name) == 0)
			return (0);
	return (1);
}

/* Why a change that of() says is about type name loses data, or NULL. */
static const char *
worst(struct emitter *e, const char *(*of)(const struct diff_change *),
    const char *name)
{
	const char	*why = NULL, *o;
	size_t		 j;

	for (j = 0; j < e->d.n; j++)
		if ((o = of(&e->d.v[j])) != NULL && strcmp(o, name) == 0 &&
		    e->d.v[j].destructive != NULL)
			why = e->d.v[j].destructive;
	return (why);
}

void
emit_types_recreate(struct emitter *e)
{
	const struct diff_change	*c;
	size_t				 i;
	const char			*name;

	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if ((name = domain_of(c)) != NULL) {
			if (first_about(e, i, domain_of) &&
			    domain_recreated(e, name))
				recreate(e, name, 1, worst(e, domain_of, name));
		} else if (emit_is(c, "attribute", "alter") &&
		    !composite_recreated(e, c->tbl)) {
			emit_stmt_begin(e, "composite type", c->tbl, "alter");
			if (c->destructive != NULL)
				destructive_attr(e, c);
			vbuf_puts(e->out, "ALTER TYPE ");
			emit_qname(e, c->tbl);
			vbuf_puts(e->out, " ALTER ATTRIBUTE ");
			vf_quote_ident(e->out, c->name);
			vbuf_appendf(e->out, " TYPE %s;\n", c->to_val);
		}
	}
	/* Composite types recreated, once each. */
	for (i = 0; i < e->d.n; i++)
		if ((name = composite_of(&e->d.v[i])) != NULL &&
		    first_about(e, i, composite_of) &&
		    composite_recreated(e, name))
			recreate(e, name, 0, worst(e, composite_of, name));
}

/*
 * Whether the dropped type name is used by another dropped type still
 * to drop (listed in todo): that one goes first.
 */
static int
still_used(struct emitter *e, const char *name, int domain, char **todo,
    size_t n)
{
	sqlite3_stmt	*st;
	size_t		 i;
	int		 used = 0;

	for (i = 0; i < n && !used; i++) {
		if (todo[i] == NULL || strcmp(todo[i], name) == 0)
			continue;
		st = emit_query(e, "SELECT type FROM domains WHERE side = ?1 "
		    "AND name = ?2 UNION ALL SELECT type FROM compattrs "
		    "WHERE side = ?1 AND composite = ?2", e->from, todo[i],
		    NULL);
		while (st != NULL && !used && sqlite3_step(st) == SQLITE_ROW)
			used = type_is(e, emit_text(st, 0), name);
		sqlite3_finalize(st);
	}
	return (used);
}

void
emit_types_drop(struct emitter *e)
{
	const struct diff_change	*c;
	size_t				 i;

	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (!emit_is(c, "attribute", "drop") ||
		    composite_recreated(e, c->tbl))
			continue;
		emit_stmt_begin(e, "composite type", c->tbl, "alter");
		destructive_attr(e, c);
		vbuf_puts(e->out, "ALTER TYPE ");
		emit_qname(e, c->tbl);
		vbuf_puts(e->out, " DROP ATTRIBUTE ");
		vf_quote_ident(e->out, c->name);
		vbuf_puts(e->out, ";\n");
	}
	/* Users first. */
	in_order(e, "drop", still_used, drop_one);
}

void
emit_types_finish(struct emitter *e)
{
	const struct diff_change	*c;
	size_t				 i;

	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if ((!emit_is(c, "domain check", "add") &&
		    !emit_is(c, "domain check", "alter")) ||
		    domain_recreated(e, c->tbl))
			continue;
		emit_stmt_begin(e, "domain", c->tbl, "alter");
		vbuf_puts(e->out, "ALTER DOMAIN ");
		emit_qname(e, c->tbl);
		vbuf_puts(e->out, " ADD CONSTRAINT ");
		vf_quote_ident(e->out, c->name);
		vbuf_appendf(e->out, " %s;\n", c->to_val);
	}
}
