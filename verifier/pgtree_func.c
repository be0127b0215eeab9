/*
 * pgtree_func.c: the references to other schemas in the body of a CREATE
 * FUNCTION / PROCEDURE, which the parse tree holds as a string (AS
 * '...'): a language sql body is parsed as SQL; a PL/pgSQL one with
 * libpg_query's PL/pgSQL parser, whose JSON (read with jansson) holds
 * each embedded SQL statement and expression as text, each parsed in
 * turn.  An SQL-standard body (BEGIN ATOMIC, RETURN) is in the tree
 * already.  A text that does not parse (dynamic SQL, a PL/pgSQL
 * assignment PostgreSQL's SQL grammar does not take) is passed over.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "pgtree.h"

/* The String value of a DefElem's argument, or of a List's first one. */
static const char *
def_string(const PgQuery__DefElem *d)
{
	const PgQuery__Node	*a = d->arg;

	if (a != NULL && a->node_case == PG_QUERY__NODE__NODE_LIST &&
	    a->list != NULL && a->list->n_items > 0)
		a = a->list->items[0];
	if (a == NULL || a->node_case != PG_QUERY__NODE__NODE_STRING ||
	    a->string == NULL)
		return (NULL);
	return (a->string->sval);
}

/* The references of SQL text q, appended to refs at location loc. */
static int
text_refs(const char *q, const char *schema, int flags, int loc,
    struct pgtree_refs *refs)
{
	struct pgtree_refs	 r;
	struct vf_error		 err;
	size_t			 i;

	memset(&err, 0, sizeof(err));
	if (pgtree_foreign_schemas(q, schema, flags & ~PGTREE_REFS_DISTINCT,
	    &r, &err) == -1)
		return (-1);
	for (i = 0; i < r.n; i++) {
		refs->v = xrealloc(refs->v, (refs->n + 1) * sizeof(*refs->v));
		refs->v[refs->n].schema = r.v[i].schema;
		refs->v[refs->n].location = loc;
		refs->n++;
	}
	free(r.v);
	return (0);
}

/*
 * An expression or statement of a PL/pgSQL body: as it is (a statement),
 * else as SELECT's target (an expression), else the right side of an
 * assignment "x := expr".
 */
static void
plpgsql_query(const char *q, const char *schema, int flags, int loc,
    struct pgtree_refs *refs)
{
	struct vbuf	 b;
	const char	*p;

	if (text_refs(q, schema, flags, loc, refs) == 0)
		return;
	vbuf_init(&b);
	vbuf_puts(&b, "SELECT ");
	if ((p = strstr(q, ":=")) != NULL)
		vbuf_puts(&b, p + 2);
	else
		vbuf_puts(&b, q);
	(void)text_refs(b.data, schema, flags, loc, refs);
	vbuf_free(&b);
}

/* Every PLpgSQL_expr's query under j. */
static void
plpgsql_walk(json_t *j, const char *schema, int flags, int loc,
    struct pgtree_refs *refs)
{
	const char	*key;
	json_t		*v, *q;
	size_t		 i;

	if (json_is_array(j)) {
		json_array_foreach(j, i, v)
			plpgsql_walk(v, schema, flags, loc, refs);
		return;
	}
	if (!json_is_object(j))
		return;
	json_object_foreach(j, key, v) {
		if (strcmp(key, "PLpgSQL_expr") == 0 &&
		    (q = json_object_get(v, "query")) != NULL &&
		    json_is_string(q))
			plpgsql_query(json_string_value(q), schema, flags, loc,
			    refs);
		else
			plpgsql_walk(v, schema, flags, loc, refs);
	}
}

void
pgtree_function_refs(const char *sql, const PgQuery__RawStmt *raw,
    const char *schema, int flags, struct pgtree_refs *refs)
{
	const PgQuery__CreateFunctionStmt	*f;
	const PgQuery__DefElem			*d, *as = NULL;
	const char				*lang = "sql", *body;
	PgQueryPlpgsqlParseResult		 pl;
	json_t					*j;
	char					*text;
	size_t					 i, len;

	if (raw->stmt == NULL || raw->stmt->node_case !=
	    PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT)
		return;
	f = raw->stmt->create_function_stmt;
	for (i = 0; i < f->n_options; i++) {
		if (f->options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM)
			continue;
		d = f->options[i]->def_elem;
		if (strcmp(d->defname, "as") == 0)
			as = d;
		else if (strcmp(d->defname, "language") == 0 &&
		    def_string(d) != NULL)
			lang = def_string(d);
	}
	if (as == NULL || (body = def_string(as)) == NULL)
		return;
	if (strcmp(lang, "sql") == 0) {
		(void)text_refs(body, schema, flags, as->location, refs);
		return;
	}
	if (strcmp(lang, "plpgsql") != 0)
		return;
	len = raw->stmt_len > 0 ? (size_t)raw->stmt_len :
	    strlen(sql + raw->stmt_location);
	text = xstrndup(sql + raw->stmt_location, len);
	pl = pg_query_parse_plpgsql(text);
	free(text);
	if (pl.error == NULL && pl.plpgsql_funcs != NULL &&
	    (j = json_loads(pl.plpgsql_funcs, 0, NULL)) != NULL) {
		plpgsql_walk(j, schema, flags, as->location, refs);
		json_decref(j);
	}
	pg_query_free_plpgsql_parse_result(pl);
}

/* A FuncCall's name, its last part, added to the set in arg. */
static void
add_call(const PgQuery__Node *n, void *arg)
{
	struct pgtree_names	*s = arg;
	const PgQuery__FuncCall	*fc;
	const PgQuery__Node	*last;
	size_t			 i;

	if (n->node_case != PG_QUERY__NODE__NODE_FUNC_CALL ||
	    (fc = n->func_call)->n_funcname == 0)
		return;
	last = fc->funcname[fc->n_funcname - 1];
	if (last->node_case != PG_QUERY__NODE__NODE_STRING ||
	    last->string == NULL)
		return;
	for (i = 0; i < s->n; i++)
		if (strcmp(s->v[i], last->string->sval) == 0)
			return;
	s->v = xrealloc(s->v, (s->n + 1) * sizeof(*s->v));
	s->v[s->n++] = xstrdup(last->string->sval);
}

void
pgtree_function_calls(const char *sql, struct pgtree_names *names)
{
	const PgQuery__CreateFunctionStmt	*f;
	const PgQuery__DefElem			*d;
	const char				*lang = "sql", *body = NULL;
	struct pgtree				 t, bt;
	struct vf_error				 err;
	size_t					 i;

	memset(&err, 0, sizeof(err));
	if (pgtree_parse(sql, &t, &err) == -1)
		return;
	if (t.tree->n_stmts != 1 || t.tree->stmts[0]->stmt == NULL ||
	    t.tree->stmts[0]->stmt->node_case !=
	    PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT)
		goto done;
	f = t.tree->stmts[0]->stmt->create_function_stmt;
	for (i = 0; i < f->n_options; i++) {
		if (f->options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM)
			continue;
		d = f->options[i]->def_elem;
		if (strcmp(d->defname, "as") == 0)
			body = def_string(d);
		else if (strcmp(d->defname, "language") == 0 &&
		    def_string(d) != NULL)
			lang = def_string(d);
	}
	if (strcmp(lang, "sql") != 0)
		goto done;
	if (f->sql_body != NULL)
		pgtree_walk(&f->sql_body->base, add_call, names);
	else if (body != NULL && pgtree_parse(body, &bt, &err) == 0) {
		for (i = 0; i < bt.tree->n_stmts; i++)
			pgtree_walk(&bt.tree->stmts[i]->base, add_call, names);
		pgtree_free(&bt);
	}
done:
	pgtree_free(&t);
}

void
pgtree_names_free(struct pgtree_names *names)
{
	size_t	i;

	for (i = 0; i < names->n; i++)
		free(names->v[i]);
	free(names->v);
	memset(names, 0, sizeof(*names));
}
