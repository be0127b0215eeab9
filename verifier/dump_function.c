/*
 * dump_function.c: the functions and procedures of the catalog back into
 * the model: arguments from the catalog's args lines (mode, name, type,
 * default as PostgreSQL prints it), the result (table: from the TABLE
 * columns, left out when OUT arguments make it, "setof record" when they
 * make a set), the body as PostgreSQL keeps it (an SQL-standard body as
 * pg_get_function_sqlbody prints it), attributes written only when they
 * are not PostgreSQL's defaults.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dump_int.h"
#include "pgtree.h"

/* A type: a type of the schema by bare name when that needs no quotes. */
static char *
func_type(const char *schema, const char *type)
{
	struct vbuf	prefix;
	char		*s;

	vbuf_init(&prefix);
	vf_quote_ident(&prefix, schema);
	vbuf_putc(&prefix, '.');
	if (strncmp(type, prefix.data, prefix.len) == 0 &&
	    type[prefix.len] != '"')
		s = xstrdup(type + prefix.len);
	else
		s = xstrdup(type);
	vbuf_free(&prefix);
	return (s);
}

/* The args lines of row i into f's arguments and table columns; the
   number of OUT and INOUT arguments. */
static int
dump_args(const struct catalog *cat, size_t i, struct model_function *f)
{
	const char		*p, *x, *fld[4];
	struct model_func_arg	*a, **v;
	size_t			*n, k, len[4];
	int			 outs = 0;

	x = catalog_get(cat, CATALOG_FUNCTIONS, i, "args");
	for (p = x; p != NULL && *p != '\0'; ) {
		for (k = 0; k < 4; k++) {
			fld[k] = p;
			len[k] = strcspn(p, k < 3 ? "\t\n" : "\n");
			p += len[k];
			if (*p == '\t' && k < 3)
				p++;
		}
		if (*p == '\n')
			p++;
		if (fld[0][0] == 't') {
			v = &f->table;
			n = &f->ntable;
		} else {
			v = &f->args;
			n = &f->nargs;
		}
		*v = xrealloc(*v, (*n + 1) * sizeof(**v));
		a = &(*v)[(*n)++];
		memset(a, 0, sizeof(*a));
		if (len[1] > 0)
			a->name = xstrndup(fld[1], len[1]);
		a->default_expr = len[3] > 0 ? xstrndup(fld[3], len[3]) : NULL;
		{
			char *t = xstrndup(fld[2], len[2]);

			a->type = func_type(cat->schema, t);
			free(t);
		}
		switch (fld[0][0]) {
		case 'o':
			a->mode = xstrdup("out");
			outs++;
			break;
		case 'b':
			a->mode = xstrdup("inout");
			outs++;
			break;
		case 'v':
			a->mode = xstrdup("variadic");
			break;
		default:
			break;
		}
	}
	return (outs);
}

/* Function row i of CATALOG_FUNCTIONS, appended to m->functions. */
static void
dump_function(const struct catalog *cat, size_t i, struct model *m)
{
	struct model_function	*f;
	const char		*x, *p;
	size_t			 n;
	int			 outs, c_lang;

	m->functions = xrealloc(m->functions, (m->nfunctions + 1) *
	    sizeof(*m->functions));
	f = &m->functions[m->nfunctions++];
	memset(f, 0, sizeof(*f));
#define GET(col)	catalog_get(cat, CATALOG_FUNCTIONS, i, col)
	f->name = xstrdup(GET("fname"));
	f->procedure = strcmp(GET("kind"), "p") == 0;
	outs = dump_args(cat, i, f);
	f->returns_table = f->ntable > 0;
	x = GET("rettype");
	if (!f->returns_table && !f->procedure && x != NULL) {
		if (outs > 0)
			f->returns = strncmp(x, "setof ", 6) == 0 ?
			    xstrdup("setof record") : NULL;
		else if (strncmp(x, "setof ", 6) == 0) {
			char *t = func_type(cat->schema, x + 6);

			n = strlen(t) + 7;
			f->returns = xmalloc(n);
			snprintf(f->returns, n, "setof %s", t);
			free(t);
		} else
			f->returns = func_type(cat->schema, x);
	}
	f->language = xstrdup(GET("language"));
	c_lang = strcmp(f->language, "c") == 0 ||
	    strcmp(f->language, "internal") == 0;
	x = GET("body");
	f->body = xstrdup(x != NULL ? x : "");
	x = GET("volatility");
	if (strcmp(x, "s") == 0)
		f->volatility = xstrdup("stable");
	else if (strcmp(x, "i") == 0)
		f->volatility = xstrdup("immutable");
	f->strict = strcmp(GET("strict"), "t") == 0;
	f->security_definer = strcmp(GET("secdef"), "t") == 0;
	x = GET("parallel");
	if (strcmp(x, "s") == 0)
		f->parallel = xstrdup("safe");
	else if (strcmp(x, "r") == 0)
		f->parallel = xstrdup("restricted");
	x = GET("cost");
	if (x != NULL && strcmp(x, c_lang ? "1" : "100") != 0)
		f->cost = xstrdup(x);
	x = GET("rows");
	if (x != NULL && strcmp(x, "0") != 0 && strcmp(x, "1000") != 0)
		f->rows = xstrdup(x);
	x = GET("config");
	for (p = x; p != NULL && *p != '\0'; p += n + (p[n] == '\n')) {
		const char *eq;

		n = strcspn(p, "\n");
		if ((eq = memchr(p, '=', n)) == NULL)
			continue;
		f->set = xrealloc(f->set, (f->nset + 1) * sizeof(*f->set));
		f->set[f->nset].name = xstrndup(p, (size_t)(eq - p));
		f->set[f->nset].value = xstrndup(eq + 1,
		    n - (size_t)(eq - p) - 1);
		f->nset++;
	}
	x = GET("comment");
	f->comment = x != NULL ? xstrdup(x) : NULL;
#undef GET
}

/* Whether row i of CATALOG_FUNCTIONS calls a function of a row not yet
   dumped (a language sql body is checked when it is created). */
static int
calls_pending(const struct catalog *cat, size_t i, const char *dumped)
{
	const struct catalog_set	*s = &cat->sets[CATALOG_FUNCTIONS];
	struct pgtree_names		 calls;
	size_t				 j, k;
	int				 pending = 0;

	memset(&calls, 0, sizeof(calls));
	pgtree_function_calls(catalog_get(cat, CATALOG_FUNCTIONS, i, "def"),
	    &calls);
	for (j = 0; j < s->nrows && !pending; j++) {
		if (j == i || dumped[j])
			continue;
		for (k = 0; k < calls.n && !pending; k++)
			pending = strcmp(calls.v[k], catalog_get(cat,
			    CATALOG_FUNCTIONS, j, "fname")) == 0;
	}
	pgtree_names_free(&calls);
	return (pending);
}

/* In an order where a function comes after those its body calls (the
   model's file order is its creation order). */
void
dump_functions(const struct catalog *cat, struct model *m)
{
	size_t	 i, n = cat->sets[CATALOG_FUNCTIONS].nrows;
	char	*dumped;
	int	 progress = 1;

	dumped = xcalloc(n + 1, 1);
	while (progress) {
		progress = 0;
		for (i = 0; i < n; i++)
			if (!dumped[i] && !calls_pending(cat, i, dumped)) {
				dump_function(cat, i, m);
				dumped[i] = 1;
				progress = 1;
			}
	}
	/* A cycle (two functions calling each other): the rest as read. */
	for (i = 0; i < n; i++)
		if (!dumped[i])
			dump_function(cat, i, m);
	free(dumped);
}
