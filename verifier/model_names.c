/*
 * model_names.c: names the way PostgreSQL makes them.  makeObjectName()
 * and the Choose*Name() rules, the default name of each constraint and
 * index kind, the set of names taken in a schema, and the naming of a
 * loaded model's unnamed objects.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_expr.h"
#include "model_names.h"

void
model_make_name(char out[MODEL_NAME_MAX + 1], const char *name1,
    const char *name2, const char *label)
{
	size_t	len1, len2 = 0, overhead = 0, avail, n1, n2, o = 0;

	len1 = strlen(name1);
	if (name2 != NULL) {
		len2 = strlen(name2);
		overhead++;
	}
	if (label != NULL)
		overhead += strlen(label) + 1;
	avail = MODEL_NAME_MAX > overhead ? MODEL_NAME_MAX - overhead : 0;
	n1 = len1;
	n2 = len2;
	/* Cut the longer part first, one byte at a time. */
	while (n1 + n2 > avail) {
		if (n1 > n2)
			n1--;
		else
			n2--;
	}
	n1 = vf_utf8_clip(name1, len1, n1);
	if (name2 != NULL)
		n2 = vf_utf8_clip(name2, len2, n2);
	memcpy(out, name1, n1);
	o = n1;
	if (name2 != NULL) {
		out[o++] = '_';
		memcpy(out + o, name2, n2);
		o += n2;
	}
	if (label != NULL) {
		out[o++] = '_';
		memcpy(out + o, label, strlen(label));
		o += strlen(label);
	}
	out[o] = '\0';
}

/*
 * The middle part of an index or foreign key name: the key names joined
 * with '_', stopping once it reaches NAMEDATALEN bytes, as PostgreSQL's
 * ChooseIndexNameAddition() does.  The caller frees the result.
 */
static char *
join_names(char *const *names, size_t n)
{
	struct vbuf	b;
	size_t		i;

	vbuf_init(&b);
	vbuf_puts(&b, "");
	for (i = 0; i < n; i++) {
		if (i > 0)
			vbuf_putc(&b, '_');
		vbuf_append(&b, names[i], vf_utf8_clip(names[i],
		    strlen(names[i]), MODEL_NAME_MAX));
		if (b.len >= MODEL_NAME_MAX + 1)
			break;
	}
	return (vbuf_steal(&b));
}

/*
 * The key names of an index, PostgreSQL's ChooseIndexColumnNames(): a
 * column's name, an expression's FigureColname, INCLUDE columns last, and
 * a repeated name numbered ("a", "a1").  Caller frees with model_strv_free().
 */
static char **
index_key_names(const struct model_index *ix, size_t *np)
{
	char	**names, buf[MODEL_NAME_MAX + 1], num[32];
	size_t	  n = ix->nkeys + ix->ninclude, i, j, k, len;
	int	  taken, pass;

	names = xcalloc(n, sizeof(*names));
	for (i = 0; i < n; i++) {
		const char *orig;

		if (i < ix->nkeys && ix->keys[i].expression != NULL) {
			(void)model_expr_colname(ix->keys[i].expression, buf);
			orig = buf;
		} else
			orig = i < ix->nkeys ? ix->keys[i].column :
			    ix->include[i - ix->nkeys];
		len = vf_utf8_clip(orig, strlen(orig), MODEL_NAME_MAX);
		names[i] = xstrndup(orig, len);
		for (pass = 1;; pass++) {
			taken = 0;
			for (j = 0; j < i; j++)
				if (strcmp(names[j], names[i]) == 0)
					taken = 1;
			if (!taken)
				break;
			snprintf(num, sizeof(num), "%d", pass);
			k = vf_utf8_clip(orig, strlen(orig),
			    MODEL_NAME_MAX - strlen(num));
			free(names[i]);
			names[i] = xmalloc(k + strlen(num) + 1);
			memcpy(names[i], orig, k);
			strcpy(names[i] + k, num);
		}
	}
	*np = n;
	return (names);
}

/* The key names of an exclusion constraint's index, joined. */
static char *
exclude_name2(const struct model_constraint *c)
{
	struct model_index	 ix;
	char			**names, *name2;
	size_t			 i, n;

	memset(&ix, 0, sizeof(ix));
	ix.keys = xcalloc(c->nelems + 1, sizeof(*ix.keys));
	ix.nkeys = c->nelems;
	for (i = 0; i < c->nelems; i++) {
		ix.keys[i].column = c->elems[i].column;
		ix.keys[i].expression = c->elems[i].expression;
	}
	ix.include = c->include;
	ix.ninclude = c->ninclude;
	names = index_key_names(&ix, &n);
	name2 = join_names(names, n);
	model_strv_free(names, n);
	free(ix.keys);
	return (name2);
}

/* The base name (name1, name2, label) of a constraint without a name. */
static void
constraint_name_parts(const struct model_table *t,
    const struct model_constraint *c, char **name2, const char **label)
{
	const char	*col;

	*name2 = NULL;
	switch (c->kind) {
	case MODEL_CON_PRIMARY:
		*label = "pkey";
		break;
	case MODEL_CON_UNIQUE:
		*label = "key";
		*name2 = join_names(c->columns, c->ncolumns);
		break;
	case MODEL_CON_FOREIGN:
		*label = "fkey";
		*name2 = join_names(c->columns, c->ncolumns);
		break;
	case MODEL_CON_EXCLUDE:
		/* An exclusion constraint's index names it: its keys. */
		*label = "excl";
		*name2 = exclude_name2(c);
		break;
	case MODEL_CON_CHECK:
	default:
		*label = "check";
		if ((col = model_expr_single_column(t, c->expression)) != NULL)
			*name2 = xstrdup(col);
		break;
	}
}

static void
index_name_parts(const struct model_index *ix, char **name2)
{
	char	**names;
	size_t	  n;

	names = index_key_names(ix, &n);
	*name2 = join_names(names, n);
	model_strv_free(names, n);
}

void
model_constraint_default_name(const struct model_table *t,
    const struct model_constraint *c, char out[MODEL_NAME_MAX + 1])
{
	char		*name2;
	const char	*label;

	constraint_name_parts(t, c, &name2, &label);
	model_make_name(out, t->name, name2, label);
	free(name2);
}

void
model_index_default_name(const struct model_table *t,
    const struct model_index *ix, char out[MODEL_NAME_MAX + 1])
{
	char	*name2;

	index_name_parts(ix, &name2);
	model_make_name(out, t->name, name2, "idx");
	free(name2);
}

static size_t
name_hash(const char *s)
{
	uint32_t	h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return (h);
}

/*
 * The first entry named name that is a relation (rel) or a constraint
 * (con) of table (any table when NULL), or NULL.  Linear probing keeps
 * entries of one name in the order they were added.
 */
const struct model_name_entry *
model_names_find(const struct model_names *ns, const char *name, int rel,
    int con, const size_t *table)
{
	const struct model_name_entry	*e;
	size_t			 h;

	if (ns->nslots == 0)
		return (NULL);
	for (h = name_hash(name) & (ns->nslots - 1); ns->slots[h] != 0;
	    h = (h + 1) & (ns->nslots - 1)) {
		e = &ns->v[ns->slots[h] - 1];
		if (strcmp(e->name, name) != 0)
			continue;
		if (rel && e->rel)
			return (e);
		if (con && e->con && (table == NULL || e->table == *table))
			return (e);
	}
	return (NULL);
}

static void
names_slot(struct model_names *ns, size_t idx)
{
	size_t	h;

	for (h = name_hash(ns->v[idx].name) & (ns->nslots - 1);
	    ns->slots[h] != 0; h = (h + 1) & (ns->nslots - 1))
		;
	ns->slots[h] = idx + 1;
}

void
model_names_add(struct model_names *ns, const char *name, int rel, int con,
    size_t table, int line)
{
	struct model_name_entry	*e;
	size_t			 i;

	if (ns->n == ns->cap) {
		ns->cap = ns->cap == 0 ? 64 : ns->cap * 2;
		ns->v = xrealloc(ns->v, ns->cap * sizeof(*ns->v));
	}
	e = &ns->v[ns->n++];
	snprintf(e->name, sizeof(e->name), "%s", name);
	e->rel = rel;
	e->con = con;
	e->table = table;
	e->line = line;
	if (ns->n * 2 > ns->nslots) {
		/* Grow and add everything again, in order. */
		free(ns->slots);
		ns->nslots = ns->nslots == 0 ? 128 : ns->nslots * 2;
		ns->slots = xcalloc(ns->nslots, sizeof(*ns->slots));
		for (i = 0; i < ns->n; i++)
			names_slot(ns, i);
	} else
		names_slot(ns, ns->n - 1);
}

/*
 * PostgreSQL's ChooseRelationName()/ChooseConstraintName(): the base name,
 * then label1, label2... until it is free.
 */
static char *
choose_name(const struct model_names *ns, const char *name1, const char *name2,
    const char *label, int rel, int con)
{
	char	out[MODEL_NAME_MAX + 1], mod[64];
	int	pass = 0;

	snprintf(mod, sizeof(mod), "%s", label);
	for (;;) {
		model_make_name(out, name1, name2, mod);
		if (model_names_find(ns, out, rel, con, NULL) == NULL)
			break;
		snprintf(mod, sizeof(mod), "%s%d", label, ++pass);
	}
	return (xstrdup(out));
}

/* A relation the user named, which no other may share. */
static int
add_relation(struct model_names *ns, const char *name, int line, int col,
    const char *path, struct vf_error *err)
{
	const struct model_name_entry	*e;

	if ((e = model_names_find(ns, name, 1, 0, NULL)) != NULL)
		return (vf_error_set(err, VF_EXIT_USAGE, path, line, col,
		    "duplicate name \"%s\" (already used at line %d)", name,
		    e->line));
	model_names_add(ns, name, 1, 0, 0, line);
	return (0);
}

/* Names the n indexes v of relation rel (entry tidx) that have none. */
static void
name_indexes(struct model_names *ns, const char *rel, struct model_index *v,
    size_t n, size_t tidx)
{
	char	*name2;
	size_t	 j;

	for (j = 0; j < n; j++) {
		if (v[j].name_given)
			continue;
		index_name_parts(&v[j], &name2);
		v[j].name = choose_name(ns, rel, name2, "idx", 1, 0);
		free(name2);
		model_names_add(ns, v[j].name, 1, 0, tidx, v[j].line);
	}
}

/* Whether column c of a table has a sequence of its own. */
static int
has_sequence(const struct model_column *c)
{
	return (c->identity != MODEL_IDENTITY_NONE ||
	    model_serial_base(c->type) != NULL);
}

/*
 * The sequences of serial and identity columns, named as CREATE TABLE
 * names them (ChooseRelationName() when the statement is parsed): the base
 * name cut to 63 bytes, numbered around the relations made before the
 * table (the standalone sequences and composite types, the tables before
 * it with their sequences and key indexes), not around one another nor
 * the table itself.  PostgreSQL refuses two of one table named alike and
 * a relation made later (a table, index, view or partition) that has one
 * of these names: both are errors at the column.  Each name is kept in
 * its column (seq_name) and added to ns.
 */
static int
name_sequences(struct model *m, struct model_names *ns, const char *path,
    struct vf_error *err)
{
	struct model_names		 made;
	struct model_table		*t;
	struct model_column		*c;
	const struct model_name_entry	*e;
	size_t				 i, j, k;
	int				 rc = -1;

	memset(&made, 0, sizeof(made));
	for (i = 0; i < m->nsequences; i++)
		model_names_add(&made, m->sequences[i].name, 1, 0, 0,
		    m->sequences[i].line);
	for (i = 0; i < m->ncomposites; i++)
		model_names_add(&made, m->composites[i].name, 1, 0, 0,
		    m->composites[i].line);
	for (i = 0; i < m->ntables; i++) {
		t = &m->tables[i];
		for (j = 0; j < t->ncolumns; j++) {
			c = &t->columns[j];
			if (!has_sequence(c))
				continue;
			free(c->seq_name);
			c->seq_name = choose_name(&made, t->name, c->name,
			    "seq", 1, 0);
			for (k = 0; k < j; k++)
				if (t->columns[k].seq_name != NULL &&
				    strcmp(t->columns[k].seq_name,
				    c->seq_name) == 0) {
					vf_error_set(err, VF_EXIT_USAGE, path,
					    c->line, c->col, "column \"%s\" "
					    "of table \"%s\": PostgreSQL names "
					    "its sequence \"%s\", as that of "
					    "column \"%s\" (line %d), and "
					    "refuses the table: rename one "
					    "column", c->name, t->name,
					    c->seq_name, t->columns[k].name,
					    t->columns[k].line);
					goto done;
				}
			if ((e = model_names_find(ns, c->seq_name, 1, 0,
			    NULL)) != NULL) {
				vf_error_set(err, VF_EXIT_USAGE, path,
				    c->line, c->col, "column \"%s\" of "
				    "table \"%s\": PostgreSQL names its "
				    "sequence \"%s\", which the relation at "
				    "line %d, made after it, also has: "
				    "PostgreSQL refuses that relation",
				    c->name, t->name, c->seq_name, e->line);
				goto done;
			}
		}
		for (j = 0; j < t->ncolumns; j++)
			if (t->columns[j].seq_name != NULL) {
				model_names_add(&made, t->columns[j].seq_name,
				    1, 0, i, t->columns[j].line);
				model_names_add(ns, t->columns[j].seq_name,
				    1, 0, i, t->columns[j].line);
			}
		model_names_add(&made, t->name, 1, 0, i, t->line);
		for (j = 0; j < t->nconstraints; j++)
			if (t->constraints[j].name_given &&
			    (t->constraints[j].kind == MODEL_CON_PRIMARY ||
			    t->constraints[j].kind == MODEL_CON_UNIQUE))
				model_names_add(&made, t->constraints[j].name,
				    1, 0, i, t->constraints[j].line);
	}
	rc = 0;
done:
	model_names_free(&made);
	return (rc);
}

/* Whether partition p of m is under relation anc (a table or a partition). */
static int
descends(const struct model *m, const struct model_partition *p,
    const char *anc)
{
	const char	*up = p->parent;
	size_t		 i, depth;

	for (depth = 0; depth < m->npartitions + 1; depth++) {
		if (strcmp(up, anc) == 0)
			return (1);
		for (i = 0; i < m->npartitions; i++)
			if (strcmp(m->partitions[i].name, up) == 0)
				break;
		if (i == m->npartitions)
			return (0);
		up = m->partitions[i].parent;
	}
	return (0);
}

/* Reserves name2 and label on partition p, as PostgreSQL names the copy
   of an index of its parent it makes there. */
static void
reserve_clone(struct model_names *ns, const struct model_partition *p,
    const char *name2, const char *label, size_t tidx)
{
	char	*name;

	name = choose_name(ns, p->name, name2, label, 1, 0);
	model_names_add(ns, name, 1, 0, tidx, 0);
	free(name);
}

/*
 * The names of the copies PostgreSQL makes on every partition under anc,
 * from the n-th on, of the keys (t's, or none) and the indexes v of anc:
 * they are taken before the partitions' own indexes are named.
 */
static void
reserve_clones(struct model_names *ns, const struct model *m,
    const char *anc, size_t from, const struct model_table *t,
    const struct model_index *v, size_t n, size_t tidx)
{
	const struct model_partition	*p;
	char				*name2;
	const char			*label;
	size_t				 i, j;

	for (i = from; i < m->npartitions; i++) {
		p = &m->partitions[i];
		if (!descends(m, p, anc))
			continue;
		for (j = 0; t != NULL && j < t->nconstraints; j++) {
			if (t->constraints[j].kind != MODEL_CON_PRIMARY &&
			    t->constraints[j].kind != MODEL_CON_UNIQUE &&
			    t->constraints[j].kind != MODEL_CON_EXCLUDE)
				continue;
			constraint_name_parts(t, &t->constraints[j], &name2,
			    &label);
			reserve_clone(ns, p, name2, label, tidx);
			free(name2);
		}
		for (j = 0; j < n; j++) {
			index_name_parts(&v[j], &name2);
			reserve_clone(ns, p, name2, "idx", tidx);
			free(name2);
		}
	}
}

int
model_names_assign(struct model *m, const char *path, struct vf_error *err)
{
	struct model_table	*t;
	struct model_constraint	*c;
	struct model_index	*ix;
	struct model_view	*v;
	const struct model_name_entry	*e;
	struct model_names		 ns;
	char			*name2;
	const char		*label;
	size_t			 i, j;
	int			 rel, rc = -1;

	memset(&ns, 0, sizeof(ns));
	for (i = 0; i < m->ntables; i++)
		model_names_add(&ns, m->tables[i].name, 1, 0, i,
		    m->tables[i].line);
	/* Explicit names first: they are the user's, and must not clash. */
	for (i = 0; i < m->ntables; i++) {
		t = &m->tables[i];
		for (j = 0; j < t->nconstraints; j++) {
			c = &t->constraints[j];
			if (!c->name_given)
				continue;
			rel = c->kind == MODEL_CON_PRIMARY ||
			    c->kind == MODEL_CON_UNIQUE ||
			    c->kind == MODEL_CON_EXCLUDE;
			e = model_names_find(&ns, c->name, rel, 1, &i);
			if (e != NULL) {
				vf_error_set(err, VF_EXIT_USAGE, path,
				    c->line, c->col, "duplicate name \"%s\" "
				    "(already used at line %d)", c->name,
				    e->line);
				goto done;
			}
			model_names_add(&ns, c->name, rel, 1, i, c->line);
		}
		for (j = 0; j < t->nindexes; j++) {
			ix = &t->indexes[j];
			if (!ix->name_given)
				continue;
			e = model_names_find(&ns, ix->name, 1, 0, NULL);
			if (e != NULL) {
				vf_error_set(err, VF_EXIT_USAGE, path,
				    ix->line, ix->col, "duplicate name \"%s\" "
				    "(already used at line %d)", ix->name,
				    e->line);
				goto done;
			}
			model_names_add(&ns, ix->name, 1, 0, i, ix->line);
		}
	}
	/* Views, and the indexes of materialized views the user named. */
	for (i = 0; i < m->nviews; i++) {
		v = &m->views[i];
		if (model_names_find(&ns, v->name, 1, 0, NULL) == NULL)
			model_names_add(&ns, v->name, 1, 0, m->ntables + i,
			    v->line);
		for (j = 0; j < v->nindexes; j++) {
			ix = &v->indexes[j];
			if (!ix->name_given)
				continue;
			if (add_relation(&ns, ix->name, ix->line, ix->col,
			    path, err) == -1)
				goto done;
		}
	}
	/* Standalone sequences and partitions are relations with the
	   user's names. */
	for (i = 0; i < m->nsequences; i++)
		if (add_relation(&ns, m->sequences[i].name,
		    m->sequences[i].line, m->sequences[i].col, path, err) == -1)
			goto done;
	for (i = 0; i < m->npartitions; i++)
		if (add_relation(&ns, m->partitions[i].name,
		    m->partitions[i].line, m->partitions[i].col, path,
		    err) == -1)
			goto done;
	/* And the indexes of partitions the user named. */
	for (i = 0; i < m->npartitions; i++)
		for (j = 0; j < m->partitions[i].nindexes; j++) {
			ix = &m->partitions[i].indexes[j];
			if (ix->name_given && add_relation(&ns, ix->name,
			    ix->line, ix->col, path, err) == -1)
				goto done;
		}
	/* Identity and serial sequences are created with their tables. */
	if (name_sequences(m, &ns, path, err) == -1)
		goto done;
	for (i = 0; i < m->ntables; i++) {
		t = &m->tables[i];
		for (j = 0; j < t->nconstraints; j++) {
			c = &t->constraints[j];
			if (c->name_given)
				continue;
			rel = c->kind == MODEL_CON_PRIMARY ||
			    c->kind == MODEL_CON_UNIQUE ||
			    c->kind == MODEL_CON_EXCLUDE;
			constraint_name_parts(t, c, &name2, &label);
			c->name = choose_name(&ns, t->name, name2, label,
			    rel, 1);
			free(name2);
			model_names_add(&ns, c->name, rel, 1, i, c->line);
		}
		name_indexes(&ns, t->name, t->indexes, t->nindexes, i);
	}
	/* Then those of materialized views, created after the tables. */
	for (i = 0; i < m->nviews; i++)
		name_indexes(&ns, m->views[i].name, m->views[i].indexes,
		    m->views[i].nindexes, m->ntables + i);
	/*
	 * Then those of partitions, made after their parents' keys and
	 * indexes, which PostgreSQL copies onto every partition under its
	 * own names; a partition's own indexes are copied onto those under
	 * it in turn.
	 */
	for (i = 0; i < m->ntables; i++)
		if (m->tables[i].partition_by != NULL)
			reserve_clones(&ns, m, m->tables[i].name, 0,
			    &m->tables[i], m->tables[i].indexes,
			    m->tables[i].nindexes, i);
	for (i = 0; i < m->npartitions; i++) {
		name_indexes(&ns, m->partitions[i].name,
		    m->partitions[i].indexes, m->partitions[i].nindexes,
		    m->ntables + m->nviews + i);
		reserve_clones(&ns, m, m->partitions[i].name, i + 1, NULL,
		    m->partitions[i].indexes, m->partitions[i].nindexes,
		    m->ntables + m->nviews + i);
	}
	rc = 0;
done:
	model_names_free(&ns);
	return (rc);
}

/* How many entries are named name. */
size_t
model_names_count(const struct model_names *ns, const char *name)
{
	size_t	h, n = 0;

	if (ns->nslots == 0)
		return (0);
	for (h = name_hash(name) & (ns->nslots - 1); ns->slots[h] != 0;
	    h = (h + 1) & (ns->nslots - 1))
		if (strcmp(ns->v[ns->slots[h] - 1].name, name) == 0)
			n++;
	return (n);
}

void
model_names_free(struct model_names *ns)
{
	free(ns->v);
	free(ns->slots);
	memset(ns, 0, sizeof(*ns));
}
