/*
 * lint.c: `verifier lint`'s engine: the files and their statements, the
 * tables, columns, checks and indexes the statements touch (new in the
 * file, from an earlier file, or in the live database with its size),
 * the silences (-- verifier:allow RULE reason) and the findings.  The
 * rules themselves are in lint_rules.c and lint_rules_alter.c.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "lint_int.h"

const char *const lint_rules[] = {
	"index-not-concurrent",
	"concurrent-in-transaction",
	"constraint-not-valid",
	"unique-without-index",
	"set-not-null",
	"add-column-not-null",
	"volatile-default",
	"type-rewrite",
	"drop-table",
	"drop-column",
	"rename-table",
	"rename-column",
	"vacuum-full",
	"cluster",
	"reindex-not-concurrent",
	"truncate-cascade",
	"enum-value-in-transaction",
	"validate-in-transaction",
	"lock-timeout",
	"prefer-identity",
	"prefer-bigint-pk",
	"prefer-timestamptz",
	"prefer-text",
	"identifier-too-long",
	"allow-without-reason",
	"allow-unknown-rule",
	"allow-unused",
	NULL
};

#define SILENCE		"verifier:allow"

/* A formatted string the caller frees. */
static char *
strf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *
strf(const char *fmt, ...)
{
	struct vbuf	b;
	va_list		ap;

	vbuf_init(&b);
	va_start(ap, fmt);
	vbuf_vappendf(&b, fmt, ap);
	va_end(ap);
	return (vbuf_steal(&b));
}

void
lint_name_add(struct pgtree_names *names, const char *name)
{
	names->v = xrealloc(names->v, (names->n + 1) * sizeof(*names->v));
	names->v[names->n++] = xstrdup(name);
}

/* ------------------------------------------------------------------ */
/* Tables, columns, checks, indexes.                                    */

int
lint_in_schema(const struct lint_state *s, const PgQuery__RangeVar *rv)
{
	return (rv != NULL && rv->relname != NULL && (rv->schemaname == NULL ||
	    rv->schemaname[0] == '\0' || strcmp(rv->schemaname,
	    s->schema) == 0));
}

struct lint_table *
lint_table_find(struct lint_state *s, const char *name)
{
	size_t	i;

	for (i = 0; i < s->ntables; i++)
		if (strcmp(s->tables[i].name, name) == 0)
			return (&s->tables[i]);
	return (NULL);
}

struct lint_table *
lint_table_of(struct lint_state *s, const PgQuery__RangeVar *rv)
{
	struct lint_table	*t;

	if (!lint_in_schema(s, rv))
		return (NULL);
	if ((t = lint_table_find(s, rv->relname)) != NULL)
		return (t);
	/* Not made in this file: it exists, whatever made it. */
	t = lint_table_add(s, rv->relname);
	t->origin = LINT_EARLIER;
	t->placeholder = 1;
	return (t);
}

struct lint_table *
lint_table_add(struct lint_state *s, const char *name)
{
	struct lint_table	*t;

	if ((t = lint_table_find(s, name)) != NULL)
		return (t);
	s->tables = xrealloc(s->tables, (s->ntables + 1) * sizeof(*t));
	t = &s->tables[s->ntables++];
	memset(t, 0, sizeof(*t));
	t->name = xstrdup(name);
	t->origin = s->report ? LINT_NEW : LINT_EARLIER;
	return (t);
}

static void
table_free(struct lint_table *t)
{
	size_t	i;

	for (i = 0; i < t->ncols; i++)
		free(t->cols[i].name);
	free(t->cols);
	free(t->name);
	free(t->pretty);
}

void
lint_table_drop(struct lint_state *s, const char *name)
{
	struct lint_table	*t;

	if ((t = lint_table_find(s, name)) == NULL)
		return;
	table_free(t);
	*t = s->tables[--s->ntables];
}

struct lint_col *
lint_col_find(struct lint_table *t, const char *name)
{
	size_t	i;

	for (i = 0; t != NULL && i < t->ncols; i++)
		if (strcmp(t->cols[i].name, name) == 0)
			return (&t->cols[i]);
	return (NULL);
}

struct lint_col *
lint_col_add(struct lint_table *t, const char *name,
    const PgQuery__TypeName *tn)
{
	struct lint_col	*c;

	if ((c = lint_col_find(t, name)) == NULL) {
		t->cols = xrealloc(t->cols, (t->ncols + 1) * sizeof(*c));
		c = &t->cols[t->ncols++];
		memset(c, 0, sizeof(*c));
		c->name = xstrdup(name);
	}
	lint_type_of(tn, &c->type);
	return (c);
}

void
lint_col_drop(struct lint_table *t, const char *name)
{
	struct lint_col	*c;

	if ((c = lint_col_find(t, name)) == NULL)
		return;
	free(c->name);
	*c = t->cols[--t->ncols];
}

struct lint_named *
lint_named_find(struct lint_named *v, size_t n, const char *name)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0)
			return (&v[i]);
	return (NULL);
}

void
lint_named_add(struct lint_named **v, size_t *n, const char *name,
    const char *table, const char *col, int flag)
{
	struct lint_named	*e;

	if ((e = lint_named_find(*v, *n, name)) == NULL) {
		*v = xrealloc(*v, (*n + 1) * sizeof(**v));
		e = &(*v)[(*n)++];
	} else {
		free(e->name);
		free(e->table);
		free(e->col);
	}
	e->name = xstrdup(name);
	e->table = xstrdup(table);
	e->col = col != NULL ? xstrdup(col) : NULL;
	e->flag = flag;
}

void
lint_named_drop(struct lint_named *v, size_t *n, const char *name)
{
	struct lint_named	*e;

	if ((e = lint_named_find(v, *n, name)) == NULL)
		return;
	free(e->name);
	free(e->table);
	free(e->col);
	*e = v[--*n];
}

static void
named_free(struct lint_named *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].table);
		free(v[i].col);
	}
	free(v);
}

const char *
lint_str(const PgQuery__Node *n)
{
	if (n == NULL || n->node_case != PG_QUERY__NODE__NODE_STRING ||
	    n->string == NULL)
		return (NULL);
	return (n->string->sval);
}

/* ------------------------------------------------------------------ */
/* Types.                                                               */

static int
a_const_int(const PgQuery__Node *n, int *v)
{
	if (n == NULL || n->node_case != PG_QUERY__NODE__NODE_A_CONST ||
	    n->a_const->val_case != PG_QUERY__A__CONST__VAL_IVAL)
		return (-1);
	*v = n->a_const->ival->ival;
	return (0);
}

void
lint_type_of(const PgQuery__TypeName *tn, struct lint_type *t)
{
	const char	*base;
	size_t		 i;

	memset(t, 0, sizeof(*t));
	if (tn == NULL || tn->n_names == 0 || tn->pct_type || tn->setof ||
	    tn->n_typmods > 2 ||
	    (base = lint_str(tn->names[tn->n_names - 1])) == NULL)
		return;
	for (i = 0; i < tn->n_typmods; i++)
		if (a_const_int(tn->typmods[i], &t->mods[i]) == -1)
			return;
	t->nmods = (int)tn->n_typmods;
	snprintf(t->base, sizeof(t->base), "%s", base);
	/* Names the grammar leaves as written. */
	if (strcmp(base, "int") == 0 || strcmp(base, "integer") == 0)
		snprintf(t->base, sizeof(t->base), "int4");
	else if (strcmp(base, "decimal") == 0)
		snprintf(t->base, sizeof(t->base), "numeric");
	t->array = tn->n_array_bounds > 0;
	t->known = 1;
}

void
lint_type_str(const struct lint_type *t, struct vbuf *b)
{
	static const char *const sql[][2] = {
		{ "int2", "smallint" }, { "int4", "integer" },
		{ "int8", "bigint" }, { "float4", "real" },
		{ "float8", "double precision" }, { "bool", "boolean" },
		{ "bpchar", "char" }, { NULL, NULL }
	};
	const char	*name;
	int		 i;

	if (!t->known) {
		vbuf_puts(b, "?");
		return;
	}
	name = t->base;
	for (i = 0; sql[i][0] != NULL; i++)
		if (strcmp(sql[i][0], t->base) == 0)
			name = sql[i][1];
	vbuf_puts(b, name);
	for (i = 0; i < t->nmods; i++)
		vbuf_appendf(b, "%s%d", i == 0 ? "(" : ",", t->mods[i]);
	if (t->nmods > 0)
		vbuf_putc(b, ')');
	if (t->array)
		vbuf_puts(b, "[]");
}

/* The type of a format_type() text, through the grammar. */
static void
type_of_text(const char *text, struct lint_type *t)
{
	struct pgtree		 tree;
	struct vbuf		 sql;
	const PgQuery__Node	*n;

	memset(t, 0, sizeof(*t));
	vbuf_init(&sql);
	vbuf_appendf(&sql, "SELECT NULL::%s", text);
	if (pgtree_parse(sql.data, &tree, NULL) == 0) {
		n = tree.tree->n_stmts == 1 ? tree.tree->stmts[0]->stmt : NULL;
		if (n != NULL && n->node_case == PG_QUERY__NODE__NODE_SELECT_STMT &&
		    n->select_stmt->n_target_list == 1 &&
		    (n = n->select_stmt->target_list[0]->res_target->val) != NULL &&
		    n->node_case == PG_QUERY__NODE__NODE_TYPE_CAST)
			lint_type_of(n->type_cast->type_name, t);
		pgtree_free(&tree);
	}
	vbuf_free(&sql);
}

/* ------------------------------------------------------------------ */
/* Findings.                                                            */

static void
add_finding(struct lint_state *s, const char *rule, enum lint_severity sev,
    int line, int col, const char *fix, char *what)
{
	struct lint_result	*r = s->out;
	struct lint_finding	*f;

	r->v = xrealloc(r->v, (r->n + 1) * sizeof(*r->v));
	f = &r->v[r->n++];
	f->file = xstrdup(s->f->path);
	f->line = line;
	f->col = col;
	f->rule = rule;
	f->severity = sev;
	f->what = what;
	f->fix = xstrdup(fix);
}

void
lint_report(struct lint_state *s, const char *rule,
    const struct lint_table *t, enum lint_severity sev, const char *fix,
    const char *fmt, ...)
{
	struct vbuf	b;
	va_list		ap;
	size_t		i;
	int		silenced = 0;

	if (t != NULL && t->origin == LINT_NEW)
		return;
	if (!s->report)
		return;
	for (i = 0; i < s->nsilences; i++)
		if (strcmp(s->silences[i].rule, rule) == 0) {
			s->silences[i].used = 1;
			silenced = 1;
		}
	if (silenced)
		return;
	vbuf_init(&b);
	va_start(ap, fmt);
	vbuf_vappendf(&b, fmt, ap);
	va_end(ap);
	if (t != NULL) {
		if (t->sized) {
			vbuf_appendf(&b, " (about %.0f rows, %s)",
			    t->rows < 0 ? 0 : t->rows, t->pretty);
			sev = t->rows < LINT_SMALL_ROWS &&
			    t->bytes < LINT_SMALL_BYTES ? LINT_WARNING :
			    LINT_ERROR;
		} else {
			vbuf_appendf(&b, " (size unknown: %s)",
			    s->conn == NULL ? "no live database" :
			    "not in the live database");
			sev = LINT_ERROR;
		}
	}
	add_finding(s, rule, sev, s->line, s->col, fix, vbuf_steal(&b));
}

size_t
lint_errors(const struct lint_result *r)
{
	size_t	i, n = 0;

	for (i = 0; i < r->n; i++)
		n += r->v[i].severity == LINT_ERROR;
	return (n);
}

void
lint_result_free(struct lint_result *r)
{
	size_t	i;

	for (i = 0; i < r->n; i++) {
		free(r->v[i].file);
		free(r->v[i].what);
		free(r->v[i].fix);
	}
	free(r->v);
	memset(r, 0, sizeof(*r));
}

/* ------------------------------------------------------------------ */
/* Silences: -- verifier:allow RULE reason, right before a statement.  */

static int
known_rule(const char *rule)
{
	size_t	i;

	for (i = 0; lint_rules[i] != NULL; i++)
		if (strcmp(lint_rules[i], rule) == 0)
			return (1);
	return (0);
}

/* The silences in text[from, to) (between two statements). */
static void
read_silences(struct lint_state *s, size_t from, size_t to)
{
	const char	*t = s->f->text;
	size_t		 p, q, r, e;
	char		*rule;
	int		 line, col, reason;

	for (p = from; p + 1 < to; p++) {
		if (t[p] != '-' || t[p + 1] != '-')
			continue;
		q = p + 2;
		while (q < to && (t[q] == ' ' || t[q] == '\t'))
			q++;
		e = q;
		while (e < to && t[e] != '\n')
			e++;
		if (e - q < sizeof(SILENCE) - 1 ||
		    strncmp(t + q, SILENCE, sizeof(SILENCE) - 1) != 0) {
			p = e;
			continue;
		}
		vf_offset_to_linecol(t, p, &line, &col);
		q += sizeof(SILENCE) - 1;
		while (q < e && isspace((unsigned char)t[q]))
			q++;
		r = q;
		while (r < e && !isspace((unsigned char)t[r]))
			r++;
		rule = xstrndup(t + q, r - q);
		while (r < e && isspace((unsigned char)t[r]))
			r++;
		reason = r < e;
		if (!known_rule(rule) || strncmp(rule, "allow-", 6) == 0)
			add_finding(s, "allow-unknown-rule", LINT_ERROR, line,
			    col, "name one of the rules of 'verifier lint' "
			    "(docs/lint.md) and say why",
			    *rule == '\0' ? xstrdup("the silence names no "
			    "rule: it silences nothing") : strf("the "
			    "silence names '%s', which is no rule: it "
			    "silences nothing", rule));
		else if (!reason)
			add_finding(s, "allow-without-reason", LINT_ERROR, line,
			    col, "say why after the rule: -- verifier:allow "
			    "RULE the reason", strf("the silence of %s "
			    "gives no reason: it silences nothing", rule));
		else {
			s->silences = xrealloc(s->silences,
			    (s->nsilences + 1) * sizeof(*s->silences));
			s->silences[s->nsilences].rule = rule;
			s->silences[s->nsilences].line = line;
			s->silences[s->nsilences].col = col;
			s->silences[s->nsilences].used = 0;
			s->nsilences++;
			rule = NULL;
		}
		free(rule);
		p = e;
	}
}

static void
end_silences(struct lint_state *s)
{
	size_t	i;

	for (i = 0; i < s->nsilences; i++) {
		if (!s->silences[i].used)
			add_finding(s, "allow-unused", LINT_WARNING,
			    s->silences[i].line, s->silences[i].col,
			    "remove the comment", strf("the silence of "
			    "%s silences nothing: the statement after it "
			    "breaks no such rule", s->silences[i].rule));
		free(s->silences[i].rule);
	}
	free(s->silences);
	s->silences = NULL;
	s->nsilences = 0;
}

/* ------------------------------------------------------------------ */
/* The live database.                                                   */

static PGresult *
live_query(struct lint_state *s, const char *sql, struct vf_error *err)
{
	const char	*params[1];

	params[0] = s->schema;
	return (db_query(s->conn, sql, 1, params, PGRES_TUPLES_OK, err));
}

/* The tables of the schema, their columns, checks and indexes. */
static int
live_load(struct lint_state *s, struct vf_error *err)
{
	PGresult		*res;
	struct lint_table	*t;
	struct lint_col		*c;
	struct pgtree		 tree;
	struct vbuf		 sql;
	const PgQuery__Node	*n;
	const char		*col;
	int			 i;

	/* A partitioned table: the rows and bytes of its leaves. */
	res = live_query(s, "SELECT relname, tuples, bytes, "
	    "pg_catalog.pg_size_pretty(bytes) FROM (SELECT c.relname, "
	    "CASE WHEN c.relkind = 'p' THEN (SELECT coalesce(sum(greatest("
	    "p.reltuples, 0)), 0) FROM pg_catalog.pg_partition_tree(c.oid) t "
	    "JOIN pg_catalog.pg_class p ON p.oid = t.relid WHERE t.isleaf) "
	    "ELSE c.reltuples END AS tuples, CASE WHEN c.relkind = 'p' THEN "
	    "(SELECT coalesce(sum(pg_catalog.pg_relation_size(t.relid)), 0) "
	    "FROM pg_catalog.pg_partition_tree(c.oid) t WHERE t.isleaf) "
	    "ELSE pg_catalog.pg_relation_size(c.oid) END AS bytes "
	    "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
	    "ON n.oid = c.relnamespace WHERE n.nspname = $1 AND "
	    "c.relkind IN ('r', 'p', 'm')) x ORDER BY 1", err);
	if (res == NULL)
		return (-1);
	for (i = 0; i < PQntuples(res); i++) {
		t = lint_table_add(s, PQgetvalue(res, i, 0));
		t->origin = LINT_LIVE;
		t->sized = 1;
		t->rows = strtod(PQgetvalue(res, i, 1), NULL);
		t->bytes = strtoll(PQgetvalue(res, i, 2), NULL, 10);
		t->pretty = xstrdup(PQgetvalue(res, i, 3));
	}
	PQclear(res);
	res = live_query(s, "SELECT c.relname, a.attname, "
	    "pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull "
	    "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c "
	    "ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n "
	    "ON n.oid = c.relnamespace WHERE n.nspname = $1 AND "
	    "c.relkind IN ('r', 'p', 'm') AND a.attnum > 0 AND "
	    "NOT a.attisdropped ORDER BY 1, a.attnum", err);
	if (res == NULL)
		return (-1);
	for (i = 0; i < PQntuples(res); i++) {
		if ((t = lint_table_find(s, PQgetvalue(res, i, 0))) == NULL)
			continue;
		c = lint_col_add(t, PQgetvalue(res, i, 1), NULL);
		type_of_text(PQgetvalue(res, i, 2), &c->type);
		c->notnull = strcmp(PQgetvalue(res, i, 3), "t") == 0;
	}
	PQclear(res);
	/* Validated checks that say a column IS NOT NULL. */
	res = live_query(s, "SELECT c.relname, k.conname, "
	    "pg_catalog.pg_get_expr(k.conbin, k.conrelid), k.convalidated "
	    "FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_class c "
	    "ON c.oid = k.conrelid JOIN pg_catalog.pg_namespace n "
	    "ON n.oid = c.relnamespace WHERE n.nspname = $1 AND "
	    "k.contype = 'c' ORDER BY 1, 2", err);
	if (res == NULL)
		return (-1);
	vbuf_init(&sql);
	for (i = 0; i < PQntuples(res); i++) {
		vbuf_reset(&sql);
		vbuf_appendf(&sql, "SELECT %s", PQgetvalue(res, i, 2));
		if (pgtree_parse(sql.data, &tree, NULL) == -1)
			continue;
		n = tree.tree->n_stmts == 1 ? tree.tree->stmts[0]->stmt : NULL;
		if (n != NULL && n->node_case ==
		    PG_QUERY__NODE__NODE_SELECT_STMT &&
		    n->select_stmt->n_target_list == 1 &&
		    (col = lint_not_null_col(n->select_stmt->target_list[0]->
		    res_target->val)) != NULL) {
			lint_named_add(&s->checks, &s->nchecks,
			    PQgetvalue(res, i, 1), PQgetvalue(res, i, 0), col,
			    strcmp(PQgetvalue(res, i, 3), "t") == 0);
			t = lint_table_find(s, PQgetvalue(res, i, 0));
			if ((c = lint_col_find(t, col)) != NULL &&
			    strcmp(PQgetvalue(res, i, 3), "t") == 0)
				c->checked = 1;
		}
		pgtree_free(&tree);
	}
	vbuf_free(&sql);
	PQclear(res);
	res = live_query(s, "SELECT i.relname, c.relname FROM "
	    "pg_catalog.pg_index x JOIN pg_catalog.pg_class i "
	    "ON i.oid = x.indexrelid JOIN pg_catalog.pg_class c "
	    "ON c.oid = x.indrelid JOIN pg_catalog.pg_namespace n "
	    "ON n.oid = c.relnamespace WHERE n.nspname = $1 ORDER BY 1", err);
	if (res == NULL)
		return (-1);
	for (i = 0; i < PQntuples(res); i++)
		lint_named_add(&s->indexes, &s->nindexes, PQgetvalue(res, i, 0),
		    PQgetvalue(res, i, 1), NULL, 0);
	PQclear(res);
	return (0);
}

int
lint_func_volatile(struct lint_state *s, const char *name)
{
	static const char *const known[] = {
		"random", "clock_timestamp", "timeofday", "gen_random_uuid",
		"uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4",
		"nextval", "setseed", "txid_current", "random_normal", NULL
	};
	PGresult	*res;
	const char	*params[1];
	size_t		 i;
	int		 v;

	for (i = 0; i < s->volatile_funcs.n; i++)
		if (strcmp(s->volatile_funcs.v[i], name) == 0)
			return (1);
	for (i = 0; i < s->safe_funcs.n; i++)
		if (strcmp(s->safe_funcs.v[i], name) == 0)
			return (0);
	if (s->conn != NULL) {
		params[0] = name;
		res = db_query(s->conn, "SELECT EXISTS (SELECT 1 FROM "
		    "pg_catalog.pg_proc WHERE proname = $1 AND "
		    "provolatile = 'v')", 1, params, PGRES_TUPLES_OK, NULL);
		if (res != NULL) {
			v = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
			PQclear(res);
			return (v);
		}
	}
	for (i = 0; known[i] != NULL; i++)
		if (strcmp(known[i], name) == 0)
			return (1);
	return (0);
}

/* ------------------------------------------------------------------ */
/* Files.                                                               */

static void
lint_one(struct lint_state *s, const struct sqlfile *f, int report)
{
	const struct sqlfile_section	*sec = &f->up;
	struct pgtree			 tree;
	size_t				 i, from;
	char				*text;

	s->f = f;
	s->report = report;
	s->transactional = sec->transaction;
	pgtree_names_free(&s->enum_values);
	named_free(s->not_valid, s->nnot_valid);
	s->not_valid = NULL;
	s->nnot_valid = 0;
	s->timeout_set = 0;
	s->timeout_reported = 0;
	/* What the last file made is now existing. */
	for (i = 0; i < s->ntables; i++)
		if (s->tables[i].origin == LINT_NEW)
			s->tables[i].origin = LINT_EARLIER;
	for (i = 0; i < s->nindexes; i++)
		s->indexes[i].flag = 0;
	for (i = 0; i < sec->nstmts; i++) {
		from = i == 0 ? sec->off : sec->stmts[i - 1].off +
		    sec->stmts[i - 1].len;
		if (report)
			read_silences(s, from, sec->stmts[i].off);
		text = xstrndup(f->text + sec->stmts[i].off, sec->stmts[i].len);
		vf_offset_to_linecol(f->text, sec->stmts[i].off, &s->line,
		    &s->col);
		s->sql = text;
		s->blocks = NULL;
		/* The file parsed whole: its statements parse alone. */
		if (pgtree_parse(text, &tree, NULL) == 0) {
			if (tree.tree->n_stmts == 1 &&
			    tree.tree->stmts[0]->stmt != NULL)
				lint_rules_stmt(s, tree.tree->stmts[0]->stmt);
			pgtree_free(&tree);
		}
		if (report)
			s->out->nstmts++;
		end_silences(s);
		free(text);
	}
	if (report)
		s->out->nfiles++;
}

int
lint_files(const char *schema, PGconn *conn, const struct sqlfile *ctx,
    size_t nctx, const struct sqlfile *files, size_t nfiles,
    struct lint_result *r, struct vf_error *err)
{
	struct lint_state	s;
	size_t			i;
	int			rc = -1;

	memset(&s, 0, sizeof(s));
	s.schema = schema;
	s.conn = conn;
	s.out = r;
	r->live = conn != NULL;
	if (conn != NULL && live_load(&s, err) == -1)
		goto done;
	for (i = 0; i < nctx; i++)
		lint_one(&s, &ctx[i], 0);
	for (i = 0; i < nfiles; i++)
		lint_one(&s, &files[i], 1);
	rc = 0;
done:
	for (i = 0; i < s.ntables; i++)
		table_free(&s.tables[i]);
	free(s.tables);
	named_free(s.checks, s.nchecks);
	named_free(s.indexes, s.nindexes);
	pgtree_names_free(&s.volatile_funcs);
	pgtree_names_free(&s.safe_funcs);
	pgtree_names_free(&s.enum_values);
	named_free(s.not_valid, s.nnot_valid);
	return (rc);
}

/* Which of files[0..n) the live database has not applied: pending[i]. */
static int
pending_of(PGconn *conn, const char *schema, const struct sqlfile *files,
    size_t n, int *pending, struct vf_error *err)
{
	PGresult	*res;
	struct vbuf	 sql;
	const char	*params[1];
	size_t		 i;
	int		 j, has;

	for (i = 0; i < n; i++)
		pending[i] = 1;
	params[0] = schema;
	res = db_query(conn, "SELECT pg_catalog.to_regclass(pg_catalog."
	    "quote_ident($1) || '." VF_VERSION_TABLE "') IS NOT NULL", 1,
	    params, PGRES_TUPLES_OK, err);
	if (res == NULL)
		return (-1);
	has = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
	PQclear(res);
	if (!has)
		return (0);
	vbuf_init(&sql);
	vbuf_puts(&sql, "SELECT version FROM ");
	vf_quote_ident(&sql, schema);
	vbuf_puts(&sql, "." VF_VERSION_TABLE);
	res = db_query(conn, sql.data, 0, NULL, PGRES_TUPLES_OK, err);
	vbuf_free(&sql);
	if (res == NULL)
		return (-1);
	for (j = 0; j < PQntuples(res); j++)
		for (i = 0; i < n; i++)
			if (files[i].version != NULL &&
			    sqlfile_version_cmp(files[i].version,
			    PQgetvalue(res, j, 0)) == 0)
				pending[i] = 0;
	PQclear(res);
	return (0);
}

int
lint_pending(const char *schema, PGconn *conn, const struct sqlfile *files,
    size_t nfiles, struct lint_result *r, struct vf_error *err)
{
	struct sqlfile	*ctx, *todo;
	int		*pending;
	size_t		 i, nctx = 0, ntodo = 0;
	int		 rc = -1;

	ctx = xcalloc(nfiles + 1, sizeof(*ctx));
	todo = xcalloc(nfiles + 1, sizeof(*todo));
	pending = xcalloc(nfiles + 1, sizeof(*pending));
	for (i = 0; i < nfiles; i++)
		pending[i] = 1;
	if (conn != NULL && pending_of(conn, schema, files, nfiles, pending,
	    err) == -1)
		goto done;
	/* Shallow copies: the files stay the caller's. */
	for (i = 0; i < nfiles; i++) {
		if (pending[i])
			todo[ntodo++] = files[i];
		else
			ctx[nctx++] = files[i];
	}
	rc = lint_files(schema, conn, ctx, nctx, todo, ntodo, r, err);
done:
	free(ctx);
	free(todo);
	free(pending);
	return (rc);
}
