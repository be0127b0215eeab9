/*
 * model_load.c: reading a model file.  libyaml's document API, the checks
 * every value goes through (kind, keys, names, booleans, words,
 * expressions), errors at file:line:col saying what was expected, and
 * the checks across objects once all are read (foreign keys, renames);
 * each object kind's reader is in model_objects.c.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_load.h"
#include "model_names.h"

int
ld_at(struct loader *ld, const yaml_node_t *n, const char *fmt, ...)
{
	char	msg[sizeof(ld->err->msg)];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return (vf_error_set(ld->err, VF_EXIT_USAGE, ld->path,
	    n != NULL ? (int)n->start_mark.line + 1 : 0,
	    n != NULL ? (int)n->start_mark.column + 1 : 0, "%s", msg));
}

yaml_node_t *
ld_node(struct loader *ld, int idx)
{
	return (yaml_document_get_node(ld->doc, idx));
}

const char *
ld_kind(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_MAPPING_NODE:
		return ("a mapping");
	case YAML_SEQUENCE_NODE:
		return ("a sequence");
	case YAML_SCALAR_NODE:
		if (n->data.scalar.length == 0 &&
		    n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
			return ("nothing");
		return ("a scalar");
	default:
		return ("nothing");
	}
}

const char *
ld_rel_kind(const struct model_table *t)
{
	if (t->open_columns)
		return ("materialized view");
	return (t->partition ? "partition" : "table");
}

int
ld_want(struct loader *ld, const yaml_node_t *n, yaml_node_type_t type,
    const char *what)
{
	const char	*k = type == YAML_MAPPING_NODE ? "a mapping" :
	    type == YAML_SEQUENCE_NODE ? "a sequence" : "a string";

	if (n->type == type && !(type == YAML_SCALAR_NODE &&
	    n->data.scalar.length == 0 &&
	    n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE))
		return (0);
	return (ld_at(ld, n, "expected %s for %s, found %s", k, what,
	    ld_kind(n)));
}

const char *
ld_scalar(const yaml_node_t *n)
{
	return ((const char *)n->data.scalar.value);
}

/* A string value: any non-empty scalar, without NUL bytes. */
int
ld_str(struct loader *ld, yaml_node_t *n, const char *what, char **out)
{
	if (ld_want(ld, n, YAML_SCALAR_NODE, what) == -1)
		return (-1);
	if (strlen(ld_scalar(n)) != n->data.scalar.length)
		return (ld_at(ld, n, "%s contains a NUL character", what));
	*out = xstrdup(ld_scalar(n));
	return (0);
}

/* A name: a non-empty string of at most MODEL_NAME_MAX bytes. */
int
ld_name(struct loader *ld, yaml_node_t *n, const char *what, char **out)
{
	if (ld_want(ld, n, YAML_SCALAR_NODE, what) == -1)
		return (-1);
	if (strlen(ld_scalar(n)) != n->data.scalar.length)
		return (ld_at(ld, n, "%s contains a NUL character", what));
	if (n->data.scalar.length == 0)
		return (ld_at(ld, n, "expected a name for %s, found an empty "
		    "string", what));
	if (n->data.scalar.length > MODEL_NAME_MAX)
		return (ld_at(ld, n, "%s \"%s\" is longer than %d bytes", what,
		    ld_scalar(n), MODEL_NAME_MAX));
	*out = xstrdup(ld_scalar(n));
	return (0);
}

int
ld_bool(struct loader *ld, yaml_node_t *n, const char *what, int *out)
{
	if (n->type == YAML_SCALAR_NODE &&
	    n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
		if (strcmp(ld_scalar(n), "true") == 0) {
			*out = 1;
			return (0);
		}
		if (strcmp(ld_scalar(n), "false") == 0) {
			*out = 0;
			return (0);
		}
	}
	return (ld_at(ld, n, "expected true or false for %s, found %s%s%s%s",
	    what, ld_kind(n), n->type == YAML_SCALAR_NODE &&
	    n->data.scalar.length > 0 ? " \"" : "",
	    n->type == YAML_SCALAR_NODE ? ld_scalar(n) : "",
	    n->type == YAML_SCALAR_NODE && n->data.scalar.length > 0 ?
	    "\"" : ""));
}

/* One of words (NULL-terminated); *out gets its index. */
int
ld_word(struct loader *ld, yaml_node_t *n, const char *what,
    const char *const *words, int *out)
{
	struct vbuf	b;
	int		i;

	if (ld_want(ld, n, YAML_SCALAR_NODE, what) == -1)
		return (-1);
	for (i = 0; words[i] != NULL; i++)
		if (strcmp(ld_scalar(n), words[i]) == 0) {
			*out = i;
			return (0);
		}
	vbuf_init(&b);
	for (i = 0; words[i] != NULL; i++) {
		vbuf_puts(&b, i > 0 ? ", " : "");
		vbuf_puts(&b, words[i]);
	}
	ld_at(ld, n, "unknown %s \"%s\" (expected one of: %s)", what,
	    ld_scalar(n),
	    b.data);
	vbuf_free(&b);
	return (-1);
}

/*
 * Checks that map (a mapping, already checked) has only keys of allowed
 * (NULL-terminated), each once.
 */
int
ld_check_keys(struct loader *ld, yaml_node_t *map, const char *what,
    const char *const *allowed)
{
	yaml_node_pair_t	*p, *q;
	yaml_node_t		*k, *k2;
	struct vbuf		 b;
	int			 i, ok;

	for (p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		k = ld_node(ld, p->key);
		if (k->type != YAML_SCALAR_NODE)
			return (ld_at(ld, k, "expected a key for %s, found %s",
			    what, ld_kind(k)));
		ok = 0;
		for (i = 0; allowed[i] != NULL; i++)
			if (strcmp(ld_scalar(k), allowed[i]) == 0)
				ok = 1;
		if (!ok) {
			vbuf_init(&b);
			for (i = 0; allowed[i] != NULL; i++) {
				vbuf_puts(&b, i > 0 ? ", " : "");
				vbuf_puts(&b, allowed[i]);
			}
			ld_at(ld, k,
			    "unknown key \"%s\" in %s (expected one of: "
			    "%s)", ld_scalar(k), what, b.data);
			vbuf_free(&b);
			return (-1);
		}
		for (q = map->data.mapping.pairs.start; q < p; q++) {
			k2 = ld_node(ld, q->key);
			if (strcmp(ld_scalar(k2), ld_scalar(k)) == 0)
				return (ld_at(ld, k,
				    "duplicate key \"%s\" in %s "
				    "(first at line %d)", ld_scalar(k), what,
				    (int)k2->start_mark.line + 1));
		}
	}
	return (0);
}

/* The value of key in map, or NULL. */
yaml_node_t *
ld_map_get(struct loader *ld, yaml_node_t *map, const char *key)
{
	yaml_node_pair_t	*p;
	yaml_node_t		*k;

	for (p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		k = ld_node(ld, p->key);
		if (k->type == YAML_SCALAR_NODE && strcmp(ld_scalar(k),
		    key) == 0)
			return (ld_node(ld, p->value));
	}
	return (NULL);
}

/*
 * The keys of a name -> value mapping, which must be distinct names:
 * checks them and reports a repeated one as "duplicate <what>".
 */
int
ld_check_names(struct loader *ld, yaml_node_t *map, const char *what,
    const char *in)
{
	yaml_node_pair_t		*p;
	yaml_node_t			*k;
	const struct model_name_entry	*e;
	struct model_names		 seen;
	char				*name;
	int				 rc = 0;

	/* The names so far by hash: thousands of tables stay linear. */
	memset(&seen, 0, sizeof(seen));
	for (p = map->data.mapping.pairs.start;
	    rc == 0 && p < map->data.mapping.pairs.top; p++) {
		k = ld_node(ld, p->key);
		if (k->type != YAML_SCALAR_NODE) {
			rc = ld_at(ld, k, "expected a %s name%s, found %s",
			    what, in, ld_kind(k));
			break;
		}
		if ((rc = ld_name(ld, k, what, &name)) == -1)
			break;
		free(name);
		if ((e = model_names_find(&seen, ld_scalar(k), 1, 0,
		    NULL)) != NULL)
			rc = ld_at(ld, k, "duplicate %s \"%s\"%s (first at "
			    "line %d)", what, ld_scalar(k), in, e->line);
		else
			model_names_add(&seen, ld_scalar(k), 1, 0, 0,
			    (int)k->start_mark.line + 1);
	}
	model_names_free(&seen);
	return (rc);
}

/*
 * The error of an expression at n, at its 1-based character position pos
 * in the scalar when the scalar is written on one line as it reads
 * (plain, or quoted without escapes), else at the scalar.
 */
int
ld_expr_error(struct loader *ld, yaml_node_t *n, const char *expr, int pos,
    const char *fmt, ...)
{
	char	msg[sizeof(ld->err->msg)];
	va_list	ap;
	int	line, col, quoted, nchars;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	line = (int)n->start_mark.line + 1;
	col = (int)n->start_mark.column + 1;
	quoted = n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
	nchars = pgtree_char_pos(expr, strlen(expr)) - 1;
	if (pos > 0 && n->start_mark.line == n->end_mark.line &&
	    (n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE ||
	    n->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
	    n->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE) &&
	    n->end_mark.index - n->start_mark.index ==
	    (size_t)nchars + (quoted ? 2 : 0))
		col += pos - 1 + quoted;
	return (vf_error_set(ld->err, VF_EXIT_USAGE, ld->path, line, col,
	    "%s", msg));
}

/* The slot of expr in ld->good: where it is, or the free one to fill. */
static size_t
good_slot(const struct loader *ld, const char *expr)
{
	uint32_t	h = 2166136261u;
	const char	*p;

	for (p = expr; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	for (h &= (uint32_t)(ld->nslots - 1); ld->good[h] != NULL &&
	    strcmp(ld->good[h], expr) != 0; h = (h + 1) & (ld->nslots - 1))
		;
	return (h);
}

static int
good_has(const struct loader *ld, const char *expr)
{
	return (ld->nslots > 0 && ld->good[good_slot(ld, expr)] != NULL);
}

static void
good_add(struct loader *ld, const char *expr)
{
	char	**old = ld->good;
	size_t	  i, n = ld->nslots;

	/* Twice the same expression (read again for its tree): kept once. */
	if (good_has(ld, expr))
		return;
	if ((ld->ngood + 1) * 2 > ld->nslots) {
		ld->nslots = n == 0 ? 64 : n * 2;
		ld->good = xcalloc(ld->nslots, sizeof(*ld->good));
		for (i = 0; i < n; i++)
			if (old[i] != NULL)
				ld->good[good_slot(ld, old[i])] = old[i];
		free(old);
	}
	ld->good[good_slot(ld, expr)] = xstrdup(expr);
	ld->ngood++;
}

/*
 * An expression: a string that PostgreSQL parses as one expression and
 * that names no schema but the model's own and pg_catalog.
 */
int
ld_expr(struct loader *ld, yaml_node_t *n, const char *what, char **out,
    struct model_expr *e)
{
	struct model_expr	 t;
	char			*other, msg[512];
	int			 pos, rc;

	if (ld_str(ld, n, what, out) == -1)
		return (-1);
	if (e == NULL && good_has(ld, *out))
		return (0);
	if (model_expr_parse(*out, &t, msg, sizeof(msg), &pos) == -1) {
		rc = ld_expr_error(ld, n, *out, pos, "%s is not one SQL "
		    "expression: %s", what, msg);
		free(*out);
		*out = NULL;
		return (rc);
	}
	other = model_expr_foreign_schema(&t, *out, ld->m->schema, &pos);
	if (other != NULL) {
		rc = ld_expr_error(ld, n, *out, pos, "%s refers to schema "
		    "\"%s\" (a model uses only its own schema, pg_catalog "
		    "and " VF_EXTENSIONS_SCHEMA ")", what, other);
		free(other);
		model_expr_free(&t);
		free(*out);
		*out = NULL;
		return (rc);
	}
	good_add(ld, *out);
	if (e != NULL)
		*e = t;
	else
		model_expr_free(&t);
	return (0);
}

/* A sequence of names of the table's columns, at least one. */
int
ld_columns(struct loader *ld, yaml_node_t *seq, const struct model_table *t,
    const char *what, char ***out, size_t *n)
{
	yaml_node_item_t	*it, *it2;
	yaml_node_t		*c, *c2;
	char			**cols = NULL;
	size_t			  nc = 0;

	if (ld_want(ld, seq, YAML_SEQUENCE_NODE, what) == -1)
		return (-1);
	if (seq->data.sequence.items.start == seq->data.sequence.items.top)
		return (ld_at(ld, seq, "expected at least one column for %s",
		    what));
	for (it = seq->data.sequence.items.start;
	    it < seq->data.sequence.items.top; it++) {
		c = ld_node(ld, *it);
		if (ld_want(ld, c, YAML_SCALAR_NODE, what) == -1)
			goto bad;
		if (!t->open_columns &&
		    model_find_column(t, ld_scalar(c)) == NULL) {
			ld_at(ld, c, "%s refers to missing column \"%s\" of "
			    "%s \"%s\"", what, ld_scalar(c), ld_rel_kind(t),
			    t->name);
			goto bad;
		}
		for (it2 = seq->data.sequence.items.start; it2 < it; it2++) {
			c2 = ld_node(ld, *it2);
			if (strcmp(ld_scalar(c2), ld_scalar(c)) == 0) {
				ld_at(ld, c,
				    "column \"%s\" appears twice in %s",
				    ld_scalar(c), what);
				goto bad;
			}
		}
		cols = xrealloc(cols, (nc + 1) * sizeof(*cols));
		cols[nc++] = xstrdup(ld_scalar(c));
	}
	*out = cols;
	*n = nc;
	return (0);
bad:
	model_strv_free(cols, nc);
	return (-1);
}

/* Whether set a (n names) holds the same names as set b (nb names). */
static int
same_set(char *const *a, size_t n, char *const *b, size_t nb)
{
	size_t	i, j;

	if (n != nb)
		return (0);
	for (i = 0; i < n; i++) {
		for (j = 0; j < nb; j++)
			if (strcmp(a[i], b[j]) == 0)
				break;
		if (j == nb)
			return (0);
	}
	return (1);
}

/*
 * Whether cols of t may be referenced by a foreign key: PostgreSQL wants
 * them to be, as a set, the primary key, a unique constraint, or the key
 * columns of a unique index without expressions and without WHERE.
 */
/* Whether cols of t are, as a set, a deferrable key of t. */
static int
deferrable_key(const struct model_table *t, char *const *cols, size_t n)
{
	size_t	i;

	for (i = 0; i < t->nconstraints; i++)
		if ((t->constraints[i].kind == MODEL_CON_PRIMARY ||
		    t->constraints[i].kind == MODEL_CON_UNIQUE) &&
		    t->constraints[i].deferrable &&
		    same_set(cols, n, t->constraints[i].columns,
		    t->constraints[i].ncolumns))
			return (1);
	return (0);
}

static int
unique_key(const struct model_table *t, char *const *cols, size_t n)
{
	const struct model_index	*ix;
	size_t				 i, j;
	int				 ok;

	for (i = 0; i < t->nconstraints; i++)
		if ((t->constraints[i].kind == MODEL_CON_PRIMARY ||
		    t->constraints[i].kind == MODEL_CON_UNIQUE) &&
		    !t->constraints[i].deferrable &&
		    same_set(cols, n, t->constraints[i].columns,
		    t->constraints[i].ncolumns))
			return (1);
	for (i = 0; i < t->nindexes; i++) {
		ix = &t->indexes[i];
		if (!ix->unique || ix->where != NULL || ix->nkeys != n)
			continue;
		ok = 1;
		for (j = 0; j < ix->nkeys && ok; j++)
			if (ix->keys[j].column == NULL)
				ok = 0;
		for (j = 0; j < n && ok; j++) {
			size_t	k;

			for (k = 0; k < ix->nkeys; k++)
				if (strcmp(ix->keys[k].column, cols[j]) == 0)
					break;
			if (k == ix->nkeys)
				ok = 0;
		}
		if (ok)
			return (1);
	}
	return (0);
}

static int
fks_resolve(struct loader *ld, const struct model_names *tables)
{
	struct pending_fk	*pf;
	struct model_table	*t;
	const struct model_table *rt;
	struct model_constraint	*c;
	const struct model_constraint *pk;
	const struct model_name_entry *e;
	char			 what[128];
	size_t			 i, j;

	for (i = 0; i < ld->nfks; i++) {
		pf = &ld->fks[i];
		t = &ld->m->tables[pf->table];
		c = &t->constraints[pf->con];
		snprintf(what, sizeof(what), "foreign key of table \"%s\"",
		    t->name);
		e = strlen(c->ref_table) > MODEL_NAME_MAX ? NULL :
		    model_names_find(tables, c->ref_table, 1, 0, NULL);
		if (e == NULL)
			return (ld_at(ld, pf->ref_table,
			    "%s references missing "
			    "table \"%s\"", what, c->ref_table));
		rt = &ld->m->tables[e->table];
		if (pf->ref_columns != NULL) {
			if (ld_columns(ld, pf->ref_columns, rt, what,
			    &c->ref_columns, &c->nref_columns) == -1)
				return (-1);
		} else {
			pk = NULL;
			for (j = 0; j < rt->nconstraints; j++)
				if (rt->constraints[j].kind ==
				    MODEL_CON_PRIMARY)
					pk = &rt->constraints[j];
			if (pk == NULL)
				return (ld_at(ld, pf->ref_table,
				    "%s references "
				    "table \"%s\", which has no primary key "
				    "(expected references.columns)", what,
				    rt->name));
			c->ref_columns = xcalloc(pk->ncolumns,
			    sizeof(*c->ref_columns));
			for (j = 0; j < pk->ncolumns; j++)
				c->ref_columns[j] = xstrdup(pk->columns[j]);
			c->nref_columns = pk->ncolumns;
		}
		if (c->nref_columns != c->ncolumns)
			return (ld_at(ld, pf->ref_columns != NULL ?
			    pf->ref_columns : pf->ref_table, "%s has %zu "
			    "column%s but references %zu", what, c->ncolumns,
			    c->ncolumns == 1 ? "" : "s", c->nref_columns));
		if (!unique_key(rt, c->ref_columns, c->nref_columns) &&
		    deferrable_key(rt, c->ref_columns, c->nref_columns))
			return (ld_at(ld, pf->ref_columns != NULL ?
			    pf->ref_columns : pf->ref_table, "%s references "
			    "a deferrable key of table \"%s\" (PostgreSQL "
			    "refuses it: a foreign key needs a key that is "
			    "never deferred)", what, rt->name));
		if (!unique_key(rt, c->ref_columns, c->nref_columns))
			return (ld_at(ld, pf->ref_columns != NULL ?
			    pf->ref_columns : pf->ref_table, "%s references "
			    "columns of table \"%s\" that are not its primary "
			    "key, a unique constraint or a plain unique index",
			    what, rt->name));
	}
	return (0);
}

/* The tables by name, for thousands of keys: fks_resolve(). */
static int
resolve_fks(struct loader *ld)
{
	struct model_names	tables;
	size_t			i;
	int			rc;

	if (ld->nfks == 0)
		return (0);
	memset(&tables, 0, sizeof(tables));
	for (i = 0; i < ld->m->ntables; i++)
		model_names_add(&tables, ld->m->tables[i].name, 1, 0, i, 0);
	rc = fks_resolve(ld, &tables);
	model_names_free(&tables);
	return (rc);
}

/* renamed_from must not name an object that is still in the model. */
static int
check_renames(struct loader *ld)
{
	const struct model	*m = ld->m;
	const struct model_table *t, *t2;
	const struct model_column *c, *c2;
	size_t			 i, j, k;

	for (i = 0; i < m->ntables; i++) {
		t = &m->tables[i];
		if (t->renamed_from != NULL) {
			if (model_find_table(m, t->renamed_from) != NULL)
				return (vf_error_set(ld->err, VF_EXIT_USAGE,
				    ld->path, t->line, t->col, "table \"%s\" "
				    "is renamed_from \"%s\", which is still a "
				    "table of the model", t->name,
				    t->renamed_from));
			for (j = 0; j < i; j++) {
				t2 = &m->tables[j];
				if (t2->renamed_from != NULL &&
				    strcmp(t2->renamed_from,
				    t->renamed_from) == 0)
					return (vf_error_set(ld->err,
					    VF_EXIT_USAGE, ld->path, t->line,
					    t->col, "tables \"%s\" and \"%s\" "
					    "are both renamed_from \"%s\"",
					    t2->name, t->name,
					    t->renamed_from));
			}
		}
		for (j = 0; j < t->ncolumns; j++) {
			c = &t->columns[j];
			if (c->renamed_from == NULL)
				continue;
			if (model_find_column(t, c->renamed_from) != NULL)
				return (vf_error_set(ld->err, VF_EXIT_USAGE,
				    ld->path, c->line, c->col, "column \"%s\" "
				    "of table \"%s\" is renamed_from \"%s\", "
				    "which is still a column of the table",
				    c->name, t->name, c->renamed_from));
			for (k = 0; k < j; k++) {
				c2 = &t->columns[k];
				if (c2->renamed_from != NULL &&
				    strcmp(c2->renamed_from,
				    c->renamed_from) == 0)
					return (vf_error_set(ld->err,
					    VF_EXIT_USAGE, ld->path, c->line,
					    c->col, "columns \"%s\" and \"%s\" "
					    "of table \"%s\" are both "
					    "renamed_from \"%s\"", c2->name,
					    c->name, t->name,
					    c->renamed_from));
			}
		}
	}
	for (i = 0; i < m->nenums; i++)
		if ((t = model_find_table(m, m->enums[i].name)) != NULL)
			return (vf_error_set(ld->err, VF_EXIT_USAGE, ld->path,
			    m->enums[i].line, m->enums[i].col, "enum \"%s\" "
			    "has the name of a table (line %d): both are "
			    "types", m->enums[i].name, t->line));
	return (0);
}

/* A replica identity's error at its replica_identity key. */
static int
replident_error(struct loader *ld, const struct model_table *t,
    const char *why, const char *name)
{
	if (name != NULL)
		return (vf_error_set(ld->err, VF_EXIT_USAGE, ld->path,
		    t->replident_line, t->replident_col, "replica_identity of "
		    "table \"%s\": index \"%s\" %s \"%s\"", t->name,
		    t->replident_index, why, name));
	return (vf_error_set(ld->err, VF_EXIT_USAGE, ld->path,
	    t->replident_line, t->replident_col, "replica_identity of table "
	    "\"%s\": index \"%s\" %s", t->name, t->replident_index, why));
}

/*
 * Each replica_identity: {index: name} names a primary key, a unique
 * constraint or a unique index of its table that PostgreSQL takes: not
 * deferrable, not partial, no expression, every column NOT NULL.  After
 * model_names_assign(): the name may be a generated one.
 */
static int
check_replidents(struct loader *ld)
{
	const struct model_table	*t;
	const struct model_constraint	*k;
	const struct model_index	*x;
	const struct model_column	*c;
	char				**cols;
	size_t				 i, j, n;
	int				 found;

	for (i = 0; i < ld->m->ntables; i++) {
		t = &ld->m->tables[i];
		if (t->replident != 'i')
			continue;
		found = 0;
		cols = NULL;
		n = 0;
		for (j = 0; j < t->nconstraints && !found; j++) {
			k = &t->constraints[j];
			if ((k->kind != MODEL_CON_PRIMARY &&
			    k->kind != MODEL_CON_UNIQUE) ||
			    strcmp(k->name, t->replident_index) != 0)
				continue;
			if (k->deferrable)
				return (replident_error(ld, t,
				    "is deferrable", NULL));
			found = 1;
			cols = k->columns;
			n = k->ncolumns;
		}
		for (j = 0; j < t->nindexes && !found; j++) {
			x = &t->indexes[j];
			if (strcmp(x->name, t->replident_index) != 0)
				continue;
			if (!x->unique)
				return (replident_error(ld, t,
				    "is not unique", NULL));
			if (x->where != NULL)
				return (replident_error(ld, t,
				    "is partial (where)", NULL));
			found = 1;
			for (n = 0; n < x->nkeys; n++)
				if (x->keys[n].column == NULL)
					return (replident_error(ld, t,
					    "has an expression", NULL));
				else if ((c = model_find_column(t,
				    x->keys[n].column)) != NULL &&
				    c->nullable)
					return (replident_error(ld, t,
					    "has a nullable column",
					    c->name));
			n = 0;
		}
		if (!found)
			return (replident_error(ld, t, "is not a primary key, "
			    "unique constraint or unique index of the table",
			    NULL));
		for (j = 0; j < n; j++)
			if ((c = model_find_column(t, cols[j])) != NULL &&
			    c->nullable)
				return (replident_error(ld, t,
				    "has a nullable column", c->name));
	}
	return (0);
}

static const char *const root_keys[] = { "schema", "extensions", "enums",
	"domains", "composite_types", "sequences", "tables", "views",
	"materialized_views", "functions", "grants", NULL };

static int
load_root(struct loader *ld, yaml_node_t *root)
{
	yaml_node_t		*n, *tables;
	yaml_node_pair_t	*p;

	if (ld_want(ld, root, YAML_MAPPING_NODE, "the model") == -1 ||
	    ld_check_keys(ld, root, "the model", root_keys) == -1)
		return (-1);
	if ((n = ld_map_get(ld, root, "schema")) == NULL)
		return (ld_at(ld, root, "missing key \"schema\" in the model"));
	if (ld_name(ld, n, "schema", &ld->m->schema) == -1)
		return (-1);
	if ((n = ld_map_get(ld, root, "extensions")) != NULL &&
	    ld_extensions(ld, n) == -1)
		return (-1);
	if ((n = ld_map_get(ld, root, "enums")) != NULL &&
	    ld_enums(ld, n) == -1)
		return (-1);
	if (ld_user_types(ld, ld_map_get(ld, root, "domains"),
	    ld_map_get(ld, root, "composite_types")) == -1)
		return (-1);
	if ((tables = ld_map_get(ld, root, "tables")) != NULL) {
		if (ld_want(ld, tables, YAML_MAPPING_NODE, "tables") == -1 ||
		    ld_check_names(ld, tables, "table", "") == -1)
			return (-1);
		for (p = tables->data.mapping.pairs.start;
		    p < tables->data.mapping.pairs.top; p++)
			if (ld_table(ld, ld_node(ld, p->key),
			    ld_node(ld, p->value)) == -1)
				return (-1);
	}
	if ((n = ld_map_get(ld, root, "sequences")) != NULL &&
	    ld_sequences(ld, n) == -1)
		return (-1);
	if ((n = ld_map_get(ld, root, "grants")) != NULL &&
	    ld_grants(ld, n, MODEL_GRANT_SCHEMA, "the schema", NULL,
	    &ld->m->grants, &ld->m->ngrants) == -1)
		return (-1);
	if ((n = ld_map_get(ld, root, "views")) != NULL &&
	    ld_views(ld, n, 0) == -1)
		return (-1);
	if ((n = ld_map_get(ld, root, "materialized_views")) != NULL &&
	    ld_views(ld, n, 1) == -1)
		return (-1);
	if ((n = ld_map_get(ld, root, "functions")) != NULL &&
	    ld_functions(ld, n) == -1)
		return (-1);
	if (ld_trigger_functions(ld) == -1)
		return (-1);
	if (resolve_fks(ld) == -1 || check_renames(ld) == -1 ||
	    ld_user_types_names(ld) == -1 ||
	    model_names_assign(ld->m, ld->path, ld->err) == -1 ||
	    check_replidents(ld) == -1)
		return (-1);
	return (0);
}

/* The byte at 0-based line and character column of text, or 0. */
static char
char_at(const char *text, size_t len, size_t line, size_t col)
{
	size_t	i = 0;

	while (line > 0 && i < len) {
		if (text[i++] == '\n')
			line--;
	}
	while (col > 0 && i < len) {
		i++;
		while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
			i++;
		col--;
	}
	return (i < len ? text[i] : 0);
}

static int
yaml_error(struct loader *ld, yaml_parser_t *yp, const char *text,
    size_t len)
{
	size_t	off, k;
	int	line, col;

	if (yp->error == YAML_READER_ERROR) {
		off = yp->problem_offset < len ? yp->problem_offset : len;
		/* libyaml names the bad continuation byte: show its lead. */
		for (k = 1; k <= 3 && k <= off; k++)
			if ((unsigned char)text[off - k] >= 0xC0) {
				off -= k;
				break;
			}
		vf_offset_to_linecol(text, off, &line, &col);
		return (vf_error_set(ld->err, VF_EXIT_USAGE, ld->path, line,
		    col, "invalid YAML: %s (expected UTF-8 text)",
		    yp->problem ? yp->problem : "unreadable input"));
	}
	line = (int)yp->problem_mark.line + 1;
	col = (int)yp->problem_mark.column + 1;
	if (yp->problem != NULL && char_at(text, len, yp->problem_mark.line,
	    yp->problem_mark.column) == '\t')
		return (vf_error_set(ld->err, VF_EXIT_USAGE, ld->path, line,
		    col, "invalid YAML: a tab character (indent with "
		    "spaces)"));
	if (yp->context != NULL)
		return (vf_error_set(ld->err, VF_EXIT_USAGE, ld->path, line,
		    col, "invalid YAML: %s %s (line %d, column %d)",
		    yp->problem ? yp->problem : "error", yp->context,
		    (int)yp->context_mark.line + 1,
		    (int)yp->context_mark.column + 1));
	return (vf_error_set(ld->err, VF_EXIT_USAGE, ld->path, line, col,
	    "invalid YAML: %s", yp->problem ? yp->problem : "error"));
}

int
model_parse(const char *path, const char *text, size_t len, struct model *m,
    struct vf_error *err)
{
	yaml_parser_t	 yp;
	yaml_document_t	 doc, extra;
	yaml_node_t	*root;
	struct loader	 ld;
	size_t		 i;
	int		 rc = -1, have_doc = 0, have_extra = 0;

	memset(m, 0, sizeof(*m));
	memset(&ld, 0, sizeof(ld));
	ld.path = path;
	ld.text = text;
	ld.len = len;
	ld.doc = &doc;
	ld.m = m;
	ld.err = err;
	if (!yaml_parser_initialize(&yp)) {
		vf_error_set(err, VF_EXIT_USAGE, path, 0, 0,
		    "cannot start the YAML parser");
		return (-1);
	}
	yaml_parser_set_input_string(&yp, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&yp, YAML_UTF8_ENCODING);
	if (!yaml_parser_load(&yp, &doc)) {
		yaml_error(&ld, &yp, text, len);
		goto done;
	}
	have_doc = 1;
	if ((root = yaml_document_get_root_node(&doc)) == NULL) {
		vf_error_set(err, VF_EXIT_USAGE, path, 1, 1, "empty model "
		    "(expected a mapping with schema and tables)");
		goto done;
	}
	if (!yaml_parser_load(&yp, &extra)) {
		yaml_error(&ld, &yp, text, len);
		goto done;
	}
	have_extra = 1;
	if (yaml_document_get_root_node(&extra) != NULL) {
		ld_at(&ld, yaml_document_get_root_node(&extra),
		    "expected one YAML document, found a second one");
		goto done;
	}
	m->path = xstrdup(path);
	rc = load_root(&ld, root);
done:
	if (rc == -1)
		model_free(m);
	free(ld.fks);
	for (i = 0; i < ld.nslots; i++)
		free(ld.good[i]);
	free(ld.good);
	if (have_extra)
		yaml_document_delete(&extra);
	if (have_doc)
		yaml_document_delete(&doc);
	yaml_parser_delete(&yp);
	return (rc);
}

int
model_load(const char *path, struct model *m, struct vf_error *err)
{
	char	*text = NULL;
	size_t	 len;
	int	 rc;

	memset(m, 0, sizeof(*m));
	if (vf_read_file(path, &text, &len, err) == -1)
		return (-1);
	rc = model_parse(path, text, len, m, err);
	free(text);
	return (rc);
}
