/*
 * emit_online.c: the plan of `draft --online`, for changes to tables that
 * exist before the migration (a table created by it is empty and needs
 * none of this).  Its first walk over the way up (emit_migration_online()
 * with an empty plan) picks the changes that would lock a busy table for
 * as long as a scan or a build takes, and the emitter (emit.c) then
 * writes them differently or leaves them to the plan's own files:
 *
 *   - a new index, or one dropped: CREATE / DROP INDEX CONCURRENTLY in a
 *     transaction:false file, after DROP INDEX CONCURRENTLY IF EXISTS of
 *     what a failed build left (an invalid index), so that a retry works;
 *   - an index whose definition changes: built concurrently under a new
 *     name, the old one dropped concurrently, the new one renamed;
 *   - a new CHECK or FOREIGN KEY: added NOT VALID in the first file,
 *     validated in the last (VALIDATE takes no lock that stops writes);
 *   - SET NOT NULL: a CHECK (col IS NOT NULL) NOT VALID first, validated,
 *     then SET NOT NULL (PostgreSQL 12 and later skip the scan when such
 *     a check is valid), then the check dropped;
 *   - a new UNIQUE or PRIMARY KEY: its unique index built concurrently,
 *     then ADD CONSTRAINT ... USING INDEX.
 *
 * The way back (emit_migration_online() again, the sides swapped) leaves
 * out the reverse of what the plan's files undo themselves, so that the
 * down sections, run newest first, take the schema back step by step.
 */
#include <stdlib.h>
#include <string.h>

#include "emit_int.h"

enum online_kind {
	ON_INDEX,		/* a new index */
	ON_INDEX_DROP,		/* an index dropped */
	ON_INDEX_CHANGE,	/* an index built again */
	ON_VALIDATE,		/* a check or foreign key, NOT VALID first */
	ON_KEY,			/* a unique or primary key USING INDEX */
	ON_NOT_NULL,		/* SET NOT NULL through a check */
};

struct online_item {
	enum online_kind kind;
	char		*tbl;		/* target side name */
	char		*name;		/* index, constraint, or column */
	char		*def;		/* index body, or "(cols)" of a key */
	char		*old_def;	/* index body on the source side */
	char		*ref;		/* a foreign key's "table (cols)" */
	int		 uniq;
	int		 old_uniq;
	int		 primary;
};

struct emit_online {
	struct online_item	*v;
	size_t			 n;
	int			 filled;	/* the way up has run */
	char			*from;		/* its source side */
};

struct emit_online *
emit_online_new(void)
{
	return (xcalloc(1, sizeof(struct emit_online)));
}

void
emit_online_free(struct emit_online *on)
{
	size_t	i;

	if (on == NULL)
		return;
	for (i = 0; i < on->n; i++) {
		free(on->v[i].tbl);
		free(on->v[i].name);
		free(on->v[i].def);
		free(on->v[i].old_def);
		free(on->v[i].ref);
	}
	free(on->v);
	free(on->from);
	free(on);
}

size_t
emit_online_count(const struct emit_online *on)
{
	return (on->n);
}

static struct online_item *
add_item(struct emit_online *on, enum online_kind kind, const char *tbl,
    const char *name, const char *def)
{
	struct online_item	*it;

	on->v = xrealloc(on->v, (on->n + 1) * sizeof(*on->v));
	it = &on->v[on->n++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->tbl = xstrdup(tbl);
	it->name = xstrdup(name);
	it->def = def != NULL ? xstrdup(def) : NULL;
	return (it);
}

static const struct online_item *
find_item(const struct emit_online *on, int index, const char *tbl,
    const char *name)
{
	size_t	i;
	int	is_index;

	for (i = 0; on != NULL && i < on->n; i++) {
		is_index = on->v[i].kind == ON_INDEX ||
		    on->v[i].kind == ON_INDEX_DROP ||
		    on->v[i].kind == ON_INDEX_CHANGE;
		if (is_index == index && strcmp(on->v[i].name, name) == 0 &&
		    (tbl == NULL || strcmp(on->v[i].tbl, tbl) == 0))
			return (&on->v[i]);
	}
	return (NULL);
}

/*
 * Whether table tbl (target name) is there before the migration under
 * that name, a table (not a view), with nothing done to it that the plan
 * would have to follow: not new, not renamed.
 */
static int
table_kept(struct emitter *e, const char *tbl)
{
	size_t	i;

	for (i = 0; i < e->d.n; i++) {
		const struct diff_change *c = &e->d.v[i];

		if ((emit_is(c, "table", "add") ||
		    emit_is(c, "table", "rename")) && strcmp(c->name, tbl) == 0)
			return (0);
	}
	return (!emit_view_whole(e, tbl) && !emit_view_became_table(e, tbl));
}

/* Whether a column of table tbl is dropped: its indexes go with it. */
static int
column_dropped(struct emitter *e, const char *tbl)
{
	size_t	i;

	for (i = 0; i < e->d.n; i++)
		if (emit_is(&e->d.v[i], "column", "drop") &&
		    strcmp(e->d.v[i].tbl, tbl) == 0)
			return (1);
	return (0);
}

/* Whether sql (one ?1 side, ?2 name, ?3 table or NULL) finds a row. */
static int
store_has(struct emitter *e, const char *sql, const char *side,
    const char *name, const char *tbl)
{
	sqlite3_stmt	*st;
	int		 found;

	if ((st = emit_query(e, sql, side, name, tbl)) == NULL)
		return (0);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return (found);
}

/* Whether index name of side is unique there. */
static int
index_unique(struct emitter *e, const char *side, const char *name)
{
	return (store_has(e, "SELECT 1 FROM indexes WHERE side = ?1 AND "
	    "name = ?2 AND uniq = 't'", side, name, NULL));
}

/*
 * The "(cols)" of a key's definition ("UNIQUE (a, b)", "PRIMARY KEY
 * (id)") when it is nothing more than that, a new string; else NULL.
 */
static char *
key_columns(const char *def, int *primary)
{
	const char	*p;
	size_t		 n;

	if (strncmp(def, "UNIQUE (", 8) == 0) {
		p = def + 7;
		*primary = 0;
	} else if (strncmp(def, "PRIMARY KEY (", 13) == 0) {
		p = def + 12;
		*primary = 1;
	} else
		return (NULL);
	n = strlen(p);
	if (n < 3 || p[n - 1] != ')' || strchr(p + 1, '(') != NULL ||
	    strchr(p, ')') != p + n - 1)
		return (NULL);
	return (xstrdup(p));
}

#define INDEX_COMMENT_SQL \
	"SELECT 1 FROM indexes WHERE side = ?1 AND name = ?2 AND comment " \
	"IS NOT NULL"
/* A partitioned table or partition: a top table's row, a partition with
   a key, or a parent. */
#define PARTITIONED_SQL \
	"SELECT 1 FROM partitions WHERE side = ?1 AND ((name = ?2 AND " \
	"(parent IS NULL OR partkey IS NOT NULL)) OR parent = ?2)"
#define PARTITION_SQL \
	"SELECT 1 FROM partitions WHERE side = ?1 AND name = ?2 " \
	"AND parent IS NOT NULL"

/*
 * "table (cols)": the table and columns a foreign key of definition def
 * ("FOREIGN KEY (a) REFERENCES (b) ...", its table taken out) references,
 * as a key's "btree (cols)" names them; a new string.
 */
static char *
ref_key(const char *tbl, const char *def)
{
	struct vbuf	 out;
	const char	*p;
	size_t		 n;

	vbuf_init(&out);
	vbuf_puts(&out, tbl);
	if ((p = strstr(def, " REFERENCES (")) != NULL) {
		p += sizeof(" REFERENCES ") - 1;
		n = strcspn(p, ")");
		vbuf_putc(&out, ' ');
		vbuf_append(&out, p, n + (p[n] == ')'));
	}
	return (out.data);
}

/* Whether key it is "tbl (cols)" ref (ref_key()). */
static int
same_key(const struct online_item *it, const char *ref)
{
	size_t	n = strlen(it->tbl);

	return (strncmp(ref, it->tbl, n) == 0 && ref[n] == ' ' &&
	    strcmp(ref + n + 1, it->def + sizeof("btree ") - 1) == 0);
}

/*
 * A new foreign key needs the key it references when it is added (in
 * the first file): a new key of its table is then added there too, the
 * plain way, and leaves the plan.
 */
static void
keys_referenced(struct emit_online *on)
{
	size_t	i, j, k;

	for (i = 0; i < on->n; i++) {
		if (on->v[i].ref == NULL)
			continue;
		for (j = 0; j < on->n; ) {
			if (on->v[j].kind != ON_KEY || !same_key(&on->v[j],
			    on->v[i].ref)) {
				j++;
				continue;
			}
			free(on->v[j].tbl);
			free(on->v[j].name);
			free(on->v[j].def);
			free(on->v[j].old_def);
			free(on->v[j].ref);
			for (k = j + 1; k < on->n; k++)
				on->v[k - 1] = on->v[k];
			on->n--;
			if (j < i)
				i--;
		}
	}
}

/* The plan: what of e's diff (the way up) goes the online way. */
static void
online_fill(struct emitter *e)
{
	struct emit_online		*on = e->online;
	const struct diff_change	*c;
	struct online_item		*it;
	struct vbuf			 body;
	char				*cols;
	size_t				 i;
	int				 primary;

	on->filled = 1;
	on->from = xstrdup(e->from);
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (!emit_is(c, "column", NULL) && !emit_is(c, "index", NULL) &&
		    !emit_is(c, "constraint", NULL))
			continue;
		/* A partitioned table has no CONCURRENTLY; a leaf
		   partition's own indexes do, when it is kept. */
		if (!table_kept(e, c->tbl) ||
		    (c->old_tbl != NULL && strcmp(c->old_tbl, c->tbl) != 0) ||
		    store_has(e, PARTITIONED_SQL, e->from, c->tbl, NULL) ||
		    store_has(e, PARTITIONED_SQL, e->to, c->tbl, NULL) ||
		    store_has(e, PARTITION_SQL, e->from, c->tbl, NULL) !=
		    store_has(e, PARTITION_SQL, e->to, c->tbl, NULL))
			continue;
		if (emit_is(c, "index", "add") && !store_has(e,
		    INDEX_COMMENT_SQL, e->to, c->name, NULL)) {
			it = add_item(on, ON_INDEX, c->tbl, c->name, c->to_val);
			it->uniq = c->extra != NULL && strcmp(c->extra, "t") == 0;
		} else if (emit_is(c, "index", "drop") &&
		    !column_dropped(e, c->tbl)) {
			it = add_item(on, ON_INDEX_DROP, c->tbl, c->name,
			    c->from_val);
			it->uniq = index_unique(e, e->from, c->name);
		} else if (emit_is(c, "index", "alter") && c->field == NULL &&
		    strlen(c->name) <= 59 && !column_dropped(e, c->tbl) &&
		    !store_has(e, INDEX_COMMENT_SQL, e->from, c->name, NULL) &&
		    !store_has(e, INDEX_COMMENT_SQL, e->to, c->name, NULL)) {
			it = add_item(on, ON_INDEX_CHANGE, c->tbl, c->name,
			    c->to_val);
			it->old_def = xstrdup(c->from_val);
			it->uniq = c->extra != NULL && strcmp(c->extra, "t") == 0;
			it->old_uniq = index_unique(e, e->from, c->name);
		} else if (emit_is(c, "constraint", "add") && c->ckind != NULL &&
		    (strcmp(c->ckind, "c") == 0 || strcmp(c->ckind, "f") == 0) &&
		    strstr(c->to_val, "NOT VALID") == NULL) {
			it = add_item(on, ON_VALIDATE, c->tbl, c->name, NULL);
			if (strcmp(c->ckind, "f") == 0 && c->extra != NULL)
				it->ref = ref_key(c->extra, c->to_val);
		}
		else if (emit_is(c, "constraint", "add") && c->ckind != NULL &&
		    (strcmp(c->ckind, "u") == 0 || strcmp(c->ckind, "p") == 0) &&
		    (cols = key_columns(c->to_val, &primary)) != NULL) {
			if (store_has(e, "SELECT 1 FROM constraints WHERE "
			    "side = ?1 AND name = ?2 AND tbl = ?3 AND comment "
			    "IS NOT NULL", e->to, c->name, c->tbl) ||
			    find_item(on, 1, NULL, c->name) != NULL) {
				free(cols);
				continue;
			}
			vbuf_init(&body);
			vbuf_appendf(&body, "btree %s", cols);
			it = add_item(on, ON_KEY, c->tbl, c->name, body.data);
			it->primary = primary;
			vbuf_free(&body);
			free(cols);
		} else if (emit_is(c, "column", "alter") &&
		    emit_field_is(c, "not_null") && c->to_val != NULL &&
		    strcmp(c->to_val, "t") == 0)
			add_item(on, ON_NOT_NULL, c->tbl, c->name, NULL);
	}
	keys_referenced(on);
}

void
emit_online_begin(struct emitter *e)
{
	if (e->online == NULL)
		return;
	if (!e->online->filled)
		online_fill(e);
	e->online_back = strcmp(e->online->from, e->from) != 0;
}

int
emit_online_index(const struct emitter *e, const char *name)
{
	return (find_item(e->online, 1, NULL, name) != NULL);
}

int
emit_online_constraint(const struct emitter *e, const char *tbl,
    const char *name)
{
	const struct online_item *it;

	if ((it = find_item(e->online, 0, tbl, name)) == NULL ||
	    it->kind == ON_NOT_NULL)
		return (EMIT_ONLINE_NONE);
	if (it->kind == ON_KEY)
		return (EMIT_ONLINE_LATER);
	return (e->online_back ? EMIT_ONLINE_NONE : EMIT_ONLINE_NOT_VALID);
}

/* The name of the check that stands in for NOT NULL: "tbl_col_not_null",
   cut to 63 bytes. */
static void
nn_name(struct vbuf *out, const char *tbl, const char *col)
{
	struct vbuf	n;

	vbuf_init(&n);
	vbuf_appendf(&n, "%s_%s_not_null", tbl, col);
	if (n.len > 63)
		n.data[63] = '\0';
	vf_quote_ident(out, n.data);
	vbuf_free(&n);
}

int
emit_online_not_null(struct emitter *e, const char *tbl, const char *col)
{
	const struct online_item *it;

	it = find_item(e->online, 0, tbl, col);
	if (it == NULL || it->kind != ON_NOT_NULL)
		return (0);
	if (e->online_back)
		return (1);
	emit_alter_table(e, tbl);
	vbuf_puts(e->out, "ADD CONSTRAINT ");
	nn_name(e->out, tbl, col);
	vbuf_puts(e->out, " CHECK (");
	vf_quote_ident(e->out, col);
	vbuf_puts(e->out, " IS NOT NULL) NOT VALID;\n");
	return (1);
}

/* Appends "schema"."name" to out. */
static void
qname(struct vbuf *out, const char *schema, const char *name)
{
	vf_quote_ident(out, schema);
	vbuf_putc(out, '.');
	vf_quote_ident(out, name);
}

static void
alter_table(struct vbuf *out, const char *schema, const char *tbl)
{
	vbuf_puts(out, "ALTER TABLE ");
	qname(out, schema, tbl);
	vbuf_putc(out, ' ');
}

/* DROP INDEX CONCURRENTLY IF EXISTS schema.name. */
static void
drop_index(struct vbuf *out, const char *schema, const char *name)
{
	vbuf_puts(out, "DROP INDEX CONCURRENTLY IF EXISTS ");
	qname(out, schema, name);
	vbuf_puts(out, ";\n");
}

/* What a failed try left dropped, then the index built concurrently. */
static void
build_index(struct vbuf *out, const char *schema, const char *tbl,
    const char *name, const char *body, int uniq)
{
	drop_index(out, schema, name);
	vbuf_appendf(out, "CREATE %sINDEX CONCURRENTLY ", uniq ? "UNIQUE " :
	    "");
	vf_quote_ident(out, name);
	vbuf_puts(out, " ON ");
	qname(out, schema, tbl);
	vbuf_appendf(out, " USING %s;\n", body);
}

/*
 * An index of definition body built under name_new, the old one dropped,
 * the new one renamed: each step repeatable from any point a failed try
 * stopped at.
 */
static void
rebuild_index(struct vbuf *out, const char *schema, const char *tbl,
    const char *name, const char *body, int uniq)
{
	struct vbuf	tmp;

	vbuf_init(&tmp);
	vbuf_appendf(&tmp, "%s_new", name);
	build_index(out, schema, tbl, tmp.data, body, uniq);
	drop_index(out, schema, name);
	vbuf_puts(out, "ALTER INDEX ");
	qname(out, schema, tmp.data);
	vbuf_puts(out, " RENAME TO ");
	vf_quote_ident(out, name);
	vbuf_puts(out, ";\n");
	vbuf_free(&tmp);
}

void
emit_online_sections(const struct emit_online *on, const char *schema,
    struct emit_online_text *t)
{
	const struct online_item	*it;
	struct vbuf			*o;
	size_t				 i, k;

	for (i = 0; i < on->n; i++) {
		it = &on->v[i];
		switch (it->kind) {
		case ON_INDEX:
			build_index(&t->concurrent_up, schema, it->tbl,
			    it->name, it->def, it->uniq);
			break;
		case ON_INDEX_DROP:
			drop_index(&t->concurrent_up, schema, it->name);
			break;
		case ON_INDEX_CHANGE:
			rebuild_index(&t->concurrent_up, schema, it->tbl,
			    it->name, it->def, it->uniq);
			break;
		case ON_KEY:
			build_index(&t->concurrent_up, schema, it->tbl,
			    it->name, it->def, 1);
			break;
		case ON_VALIDATE:
		case ON_NOT_NULL:
			break;
		}
	}
	/* The way down of the concurrent file, newest first. */
	for (k = on->n; k > 0; k--) {
		it = &on->v[k - 1];
		o = &t->concurrent_down;
		if (it->kind == ON_INDEX || it->kind == ON_KEY)
			drop_index(o, schema, it->name);
		else if (it->kind == ON_INDEX_DROP)
			build_index(o, schema, it->tbl, it->name, it->def,
			    it->uniq);
		else if (it->kind == ON_INDEX_CHANGE)
			rebuild_index(o, schema, it->tbl, it->name,
			    it->old_def, it->old_uniq);
	}
	/* Validations first: they stop no writes, and in one transaction
	   the locks of the steps after them are held until the end. */
	for (i = 0; i < on->n; i++) {
		it = &on->v[i];
		o = &t->validate_up;
		if (it->kind != ON_VALIDATE && it->kind != ON_NOT_NULL)
			continue;
		alter_table(o, schema, it->tbl);
		vbuf_puts(o, "VALIDATE CONSTRAINT ");
		if (it->kind == ON_VALIDATE)
			vf_quote_ident(o, it->name);
		else
			nn_name(o, it->tbl, it->name);
		vbuf_puts(o, ";\n");
	}
	for (i = 0; i < on->n; i++) {
		it = &on->v[i];
		o = &t->validate_up;
		if (it->kind != ON_NOT_NULL)
			continue;
		alter_table(o, schema, it->tbl);
		vbuf_puts(o, "ALTER COLUMN ");
		vf_quote_ident(o, it->name);
		vbuf_puts(o, " SET NOT NULL;\n");
		alter_table(o, schema, it->tbl);
		vbuf_puts(o, "DROP CONSTRAINT ");
		nn_name(o, it->tbl, it->name);
		vbuf_puts(o, ";\n");
		o = &t->first_down;
		alter_table(o, schema, it->tbl);
		vbuf_puts(o, "DROP CONSTRAINT IF EXISTS ");
		nn_name(o, it->tbl, it->name);
		vbuf_puts(o, ";\n");
	}
	for (i = 0; i < on->n; i++) {
		it = &on->v[i];
		o = &t->validate_up;
		if (it->kind != ON_KEY)
			continue;
		alter_table(o, schema, it->tbl);
		vbuf_puts(o, "ADD CONSTRAINT ");
		vf_quote_ident(o, it->name);
		vbuf_appendf(o, " %s USING INDEX ", it->primary ?
		    "PRIMARY KEY" : "UNIQUE");
		vf_quote_ident(o, it->name);
		vbuf_puts(o, ";\n");
	}
	for (k = on->n; k > 0; k--) {
		it = &on->v[k - 1];
		o = &t->validate_down;
		if (it->kind == ON_KEY) {
			alter_table(o, schema, it->tbl);
			vbuf_puts(o, "DROP CONSTRAINT ");
			vf_quote_ident(o, it->name);
			vbuf_puts(o, ";\n");
		} else if (it->kind == ON_NOT_NULL) {
			alter_table(o, schema, it->tbl);
			vbuf_puts(o, "ALTER COLUMN ");
			vf_quote_ident(o, it->name);
			vbuf_puts(o, " DROP NOT NULL;\n");
		}
	}
}
