/*
 * model_function.c: functions and procedures in the model (`functions:`,
 * a list; `kind: procedure` for a procedure; docs/models.md): read and
 * checked (errors at the line and column of the file; a language sql
 * body names no other schema), rendered as CREATE FUNCTION / PROCEDURE,
 * written back as YAML with the body as a block scalar.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model_load.h"
#include "pgtree.h"

static const char *const func_keys[] = {
	"name", "kind", "args", "returns", "language", "body", "volatility",
	"strict", "security_definer", "set", "parallel", "cost", "rows",
	"comment", NULL
};
static const char *const arg_keys[] = {
	"name", "type", "mode", "default", NULL
};
static const char *const col_keys[] = { "name", "type", NULL };
static const char *const kinds[] = { "function", "procedure", NULL };
static const char *const modes[] = {
	"in", "out", "inout", "variadic", NULL
};
static const char *const volatilities[] = {
	"volatile", "stable", "immutable", NULL
};
static const char *const parallels[] = {
	"unsafe", "restricted", "safe", NULL
};

/* Whether body (language sql) is an SQL-standard body: BEGIN ATOMIC ...
   END or RETURN expression, written as it is, not as a string. */
static int
sql_standard(const struct model_function *f)
{
	const char	*p = f->body;

	if (f->language == NULL || strcasecmp(f->language, "sql") != 0)
		return (0);
	while (isspace((unsigned char)*p))
		p++;
	if (strncasecmp(p, "return", 6) == 0 &&
	    (isspace((unsigned char)p[6]) || p[6] == '('))
		return (1);
	if (strncasecmp(p, "begin", 5) != 0 ||
	    !isspace((unsigned char)p[5]))
		return (0);
	p += 5;
	while (isspace((unsigned char)*p))
		p++;
	return (strncasecmp(p, "atomic", 6) == 0);
}

/* A number for cost or rows: digits, with a fraction. */
static int
ld_number(struct loader *ld, yaml_node_t *n, const char *what, char **out)
{
	const char	*s;
	size_t		 i, dots = 0;

	if (ld_want(ld, n, YAML_SCALAR_NODE, what) == -1)
		return (-1);
	s = ld_scalar(n);
	for (i = 0; s[i] != '\0'; i++)
		if (s[i] == '.')
			dots++;
		else if (!isdigit((unsigned char)s[i]))
			break;
	if (s[i] != '\0' || dots > 1 || s[0] == '.' || i == 0 ||
	    i > 20)
		return (ld_at(ld, n, "expected a positive number for %s, "
		    "found \"%s\"", what, s));
	*out = xstrdup(s);
	return (0);
}

/* One argument (a mapping) or a column of returns: table:. */
static int
load_arg(struct loader *ld, yaml_node_t *n, struct model_func_arg *a,
    int column, const char *what)
{
	yaml_node_t	*x;
	int		 w;

	if (ld_want(ld, n, YAML_MAPPING_NODE, column ? "a column of "
	    "returns: table:" : "an argument") == -1 ||
	    ld_check_keys(ld, n, column ? "a column of returns: table:" :
	    "an argument", column ? col_keys : arg_keys) == -1)
		return (-1);
	if ((x = ld_map_get(ld, n, "name")) != NULL &&
	    ld_name(ld, x, "argument name", &a->name) == -1)
		return (-1);
	if (column && a->name == NULL)
		return (ld_at(ld, n, "missing key \"name\" in a column of "
		    "returns: table: of %s", what));
	if ((x = ld_map_get(ld, n, "type")) == NULL)
		return (ld_at(ld, n, "missing key \"type\" in an argument "
		    "of %s", what));
	if (ld_str(ld, x, "argument type", &a->type) == -1)
		return (-1);
	if (*a->type == '\0')
		return (ld_at(ld, x, "expected a type for an argument of %s, "
		    "found an empty string", what));
	if ((x = ld_map_get(ld, n, "mode")) != NULL) {
		if (ld_word(ld, x, "argument mode", modes, &w) == -1)
			return (-1);
		a->mode = xstrdup(modes[w]);
	}
	if ((x = ld_map_get(ld, n, "default")) != NULL &&
	    ld_str(ld, x, "argument default", &a->default_expr) == -1)
		return (-1);
	return (0);
}

static int
load_args(struct loader *ld, yaml_node_t *seq, struct model_func_arg **out,
    size_t *nout, int column, const char *what)
{
	yaml_node_item_t	*it;

	if (ld_want(ld, seq, YAML_SEQUENCE_NODE, column ? "returns: table:" :
	    "args") == -1)
		return (-1);
	if (column && seq->data.sequence.items.start ==
	    seq->data.sequence.items.top)
		return (ld_at(ld, seq, "expected at least one column in "
		    "returns: table: of %s", what));
	for (it = seq->data.sequence.items.start;
	    it < seq->data.sequence.items.top; it++) {
		*out = xrealloc(*out, (*nout + 1) * sizeof(**out));
		memset(&(*out)[*nout], 0, sizeof(**out));
		(*nout)++;
		if (load_arg(ld, ld_node(ld, *it), &(*out)[*nout - 1], column,
		    what) == -1)
			return (-1);
	}
	return (0);
}

/* returns: a type as written, or a mapping {table: [...]}. */
static int
load_returns(struct loader *ld, yaml_node_t *n, struct model_function *f,
    const char *what)
{
	static const char *const table_keys[] = { "table", NULL };
	yaml_node_t		*t;

	if (n->type == YAML_MAPPING_NODE) {
		if (ld_check_keys(ld, n, "returns", table_keys) == -1)
			return (-1);
		if ((t = ld_map_get(ld, n, "table")) == NULL)
			return (ld_at(ld, n, "missing key \"table\" in returns "
			    "of %s", what));
		f->returns_table = 1;
		return (load_args(ld, t, &f->table, &f->ntable, 1, what));
	}
	if (ld_want(ld, n, YAML_SCALAR_NODE, "returns") == -1 ||
	    ld_str(ld, n, "returns", &f->returns) == -1)
		return (-1);
	return (0);
}

/* set: name -> value, each a scalar. */
static int
load_set(struct loader *ld, yaml_node_t *map, struct model_function *f)
{
	yaml_node_pair_t	*p;
	struct model_param	*s;

	if (ld_want(ld, map, YAML_MAPPING_NODE, "set") == -1 ||
	    ld_check_names(ld, map, "setting", " in set") == -1)
		return (-1);
	for (p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		f->set = xrealloc(f->set, (f->nset + 1) * sizeof(*f->set));
		s = &f->set[f->nset++];
		memset(s, 0, sizeof(*s));
		if (ld_name(ld, ld_node(ld, p->key), "setting", &s->name) ==
		    -1 || ld_str(ld, ld_node(ld, p->value), "setting value",
		    &s->value) == -1)
			return (-1);
	}
	return (0);
}

/*
 * The body of a language sql function: SQL that names no other schema
 * (reported at its line in the file).
 */
static int
check_sql_body(struct loader *ld, yaml_node_t *n, const struct model_function
    *f, const char *what)
{
	struct pgtree		 t;
	struct vf_error		 perr;
	int			 rc;

	if (sql_standard(f))
		return (0);	/* parsed with the whole statement */
	memset(&perr, 0, sizeof(perr));
	if (pgtree_parse(f->body, &t, &perr) == -1)
		return (ld_text_error(ld, n, f->body, perr.col > 0 ?
		    ld_char_off(f->body, perr.col) : -1, "body of %s is not "
		    "SQL: %s", what, perr.msg));
	rc = ld_schema_refs(ld, n, f->body, &t, "body", what);
	pgtree_free(&t);
	return (rc);
}

/* The types of f's input arguments, lower case, for overloads. */
static void
in_types(const struct model_function *f, struct vbuf *out)
{
	size_t	i;
	char	*p;

	vbuf_reset(out);
	for (i = 0; i < f->nargs; i++) {
		if (f->args[i].mode != NULL &&
		    strcmp(f->args[i].mode, "out") == 0)
			continue;
		vbuf_puts(out, f->args[i].type);
		vbuf_putc(out, ',');
	}
	for (p = out->data; p != NULL && *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
}

/* No two functions of one name take the same argument types. */
static int
check_overload(struct loader *ld, yaml_node_t *n,
    const struct model_function *f)
{
	struct vbuf	a, b;
	size_t		i;
	int		rc = 0;

	vbuf_init(&a);
	vbuf_init(&b);
	in_types(f, &a);
	for (i = 0; rc == 0 && i + 1 < ld->m->nfunctions; i++) {
		if (strcmp(ld->m->functions[i].name, f->name) != 0)
			continue;
		in_types(&ld->m->functions[i], &b);
		if (strcmp(a.data != NULL ? a.data : "", b.data != NULL ?
		    b.data : "") == 0)
			rc = ld_at(ld, n, "duplicate function \"%s\" with the "
			    "same argument types (line %d)", f->name,
			    ld->m->functions[i].line);
	}
	vbuf_free(&a);
	vbuf_free(&b);
	return (rc);
}

/* The rendered statement parses as one CREATE FUNCTION / PROCEDURE. */
static int
check_statement(struct loader *ld, yaml_node_t *n,
    const struct model_function *f, const char *what)
{
	struct vbuf		 sql;
	struct pgtree		 t;
	struct pgtree_refs	 refs;
	struct vf_error		 perr;
	int			 rc = 0;

	vbuf_init(&sql);
	model_render_function(ld->m, f, 0, &sql);
	memset(&perr, 0, sizeof(perr));
	if (pgtree_parse(sql.data, &t, &perr) == -1) {
		vbuf_free(&sql);
		return (ld_at(ld, n, "%s is not valid SQL: %s", what,
		    perr.msg));
	}
	if (t.tree->n_stmts != 1 || t.tree->stmts[0]->stmt->node_case !=
	    PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT)
		rc = ld_at(ld, n, "%s is not valid SQL: its parts make more "
		    "than one statement", what);
	pgtree_free(&t);
	/* Its types, defaults, settings and body (a PL/pgSQL one too): the
	   model's own schema only, and the extensions'. */
	memset(&refs, 0, sizeof(refs));
	if (rc == 0 && pgtree_foreign_schemas(sql.data, ld->m->schema,
	    PGTREE_REFS_EXTENSIONS, &refs, &perr) == 0 && refs.n > 0)
		rc = ld_at(ld, n, "%s refers to schema \"%s\" (a model uses "
		    "only its own schema and pg_catalog)", what,
		    refs.v[0].schema);
	pgtree_refs_free(&refs);
	vbuf_free(&sql);
	return (rc);
}

static int
load_function(struct loader *ld, yaml_node_t *val, struct model_function *f)
{
	yaml_node_t	*n, *body;
	char		 what[128];
	size_t		 i;
	int		 w, outs = 0;

	f->line = (int)val->start_mark.line + 1;
	f->col = (int)val->start_mark.column + 1;
	if (ld_want(ld, val, YAML_MAPPING_NODE, "a function") == -1 ||
	    ld_check_keys(ld, val, "a function", func_keys) == -1)
		return (-1);
	if ((n = ld_map_get(ld, val, "name")) == NULL)
		return (ld_at(ld, val, "missing key \"name\" in a function"));
	if (ld_name(ld, n, "function name", &f->name) == -1)
		return (-1);
	if ((n = ld_map_get(ld, val, "kind")) != NULL) {
		if (ld_word(ld, n, "kind", kinds, &w) == -1)
			return (-1);
		f->procedure = w == 1;
	}
	snprintf(what, sizeof(what), "%s \"%s\"", f->procedure ?
	    "procedure" : "function", f->name);
	if ((n = ld_map_get(ld, val, "args")) != NULL &&
	    load_args(ld, n, &f->args, &f->nargs, 0, what) == -1)
		return (-1);
	for (i = 0; i < f->nargs; i++)
		if (f->args[i].mode != NULL &&
		    (strcmp(f->args[i].mode, "out") == 0 ||
		    strcmp(f->args[i].mode, "inout") == 0))
			outs++;
	if ((n = ld_map_get(ld, val, "returns")) != NULL) {
		if (f->procedure)
			return (ld_at(ld, n, "a procedure returns nothing: "
			    "remove \"returns\" from %s", what));
		if (load_returns(ld, n, f, what) == -1)
			return (-1);
	} else if (!f->procedure && outs == 0)
		return (ld_at(ld, val, "missing key \"returns\" in %s", what));
	if ((n = ld_map_get(ld, val, "language")) != NULL) {
		if (ld_name(ld, n, "language", &f->language) == -1)
			return (-1);
	} else
		f->language = xstrdup("sql");
	if ((body = ld_map_get(ld, val, "body")) == NULL)
		return (ld_at(ld, val, "missing key \"body\" in %s", what));
	if (ld_str(ld, body, "body", &f->body) == -1)
		return (-1);
	f->bline = (int)body->start_mark.line + 1;
	f->bcol = (int)body->start_mark.column + 1;
	if (strspn(f->body, " \t\r\n") == strlen(f->body))
		return (ld_at(ld, body, "expected a body for %s, found an "
		    "empty string", what));
	if ((n = ld_map_get(ld, val, "volatility")) != NULL) {
		if (ld_word(ld, n, "volatility", volatilities, &w) == -1)
			return (-1);
		f->volatility = xstrdup(volatilities[w]);
	}
	if ((n = ld_map_get(ld, val, "parallel")) != NULL) {
		if (ld_word(ld, n, "parallel", parallels, &w) == -1)
			return (-1);
		f->parallel = xstrdup(parallels[w]);
	}
	if ((n = ld_map_get(ld, val, "strict")) != NULL &&
	    ld_bool(ld, n, "strict", &f->strict) == -1)
		return (-1);
	if ((n = ld_map_get(ld, val, "security_definer")) != NULL &&
	    ld_bool(ld, n, "security_definer", &f->security_definer) == -1)
		return (-1);
	if ((n = ld_map_get(ld, val, "set")) != NULL &&
	    load_set(ld, n, f) == -1)
		return (-1);
	if ((n = ld_map_get(ld, val, "cost")) != NULL &&
	    ld_number(ld, n, "cost", &f->cost) == -1)
		return (-1);
	if ((n = ld_map_get(ld, val, "rows")) != NULL) {
		if (ld_number(ld, n, "rows", &f->rows) == -1)
			return (-1);
		if (!f->returns_table && (f->returns == NULL ||
		    strncasecmp(f->returns, "setof ", 6) != 0))
			return (ld_at(ld, n, "rows is only for a function that "
			    "returns a set (setof or table:), not %s", what));
	}
	if (f->procedure && (f->volatility != NULL || f->strict ||
	    f->parallel != NULL || f->cost != NULL))
		return (ld_at(ld, val, "%s: volatility, strict, parallel and "
		    "cost are for functions", what));
	if ((n = ld_map_get(ld, val, "comment")) != NULL &&
	    ld_str(ld, n, "comment", &f->comment) == -1)
		return (-1);
	if (strcasecmp(f->language, "sql") == 0 &&
	    check_sql_body(ld, body, f, what) == -1)
		return (-1);
	return (check_overload(ld, val, f) == -1 ||
	    check_statement(ld, val, f, what) == -1 ? -1 : 0);
}

int
ld_functions(struct loader *ld, yaml_node_t *seq)
{
	struct model		*m = ld->m;
	yaml_node_item_t	*it;

	if (ld_want(ld, seq, YAML_SEQUENCE_NODE, "functions") == -1)
		return (-1);
	for (it = seq->data.sequence.items.start;
	    it < seq->data.sequence.items.top; it++) {
		m->functions = xrealloc(m->functions, (m->nfunctions + 1) *
		    sizeof(*m->functions));
		memset(&m->functions[m->nfunctions], 0,
		    sizeof(*m->functions));
		m->nfunctions++;
		if (load_function(ld, ld_node(ld, *it),
		    &m->functions[m->nfunctions - 1]) == -1)
			return (-1);
	}
	return (0);
}

/* "schema"."name"(args), args with modes, names, types and defaults
   (with_defaults), or, for COMMENT ON, the input ones only. */
static void
put_signature(const struct model *m, const struct model_function *f,
    int full, struct vbuf *out)
{
	const struct model_func_arg	*a;
	size_t				 i, n = 0;

	vf_quote_ident(out, m->schema);
	vbuf_putc(out, '.');
	vf_quote_ident(out, f->name);
	vbuf_putc(out, '(');
	for (i = 0; i < f->nargs; i++) {
		a = &f->args[i];
		if (!full && !f->procedure && a->mode != NULL &&
		    strcmp(a->mode, "out") == 0)
			continue;
		if (n++ > 0)
			vbuf_puts(out, ", ");
		if (a->mode != NULL && strcmp(a->mode, "in") != 0) {
			vbuf_puts(out, a->mode[0] == 'o' ? "OUT " :
			    a->mode[0] == 'i' ? "INOUT " : "VARIADIC ");
		}
		if (a->name != NULL) {
			vf_quote_ident(out, a->name);
			vbuf_putc(out, ' ');
		}
		vbuf_puts(out, a->type);
		if (full && a->default_expr != NULL) {
			vbuf_puts(out, " DEFAULT ");
			vbuf_puts(out, a->default_expr);
		}
	}
	vbuf_putc(out, ')');
}

/* A dollar-quoting tag that body does not contain: $fn$, $fn1$... */
static void
put_dollar(struct vbuf *out, const char *body, const char *text)
{
	char	tag[32];
	int	i;

	snprintf(tag, sizeof(tag), "$fn$");
	for (i = 1; strstr(body, tag) != NULL; i++)
		snprintf(tag, sizeof(tag), "$fn%d$", i);
	vbuf_puts(out, tag);
	vbuf_puts(out, text);
	vbuf_puts(out, tag);
}

/* One SET value: each comma-separated part a literal (search_path). */
static void
put_set_value(struct vbuf *out, const char *v)
{
	const char	*p = v, *e;
	char		*part;
	size_t		 len;

	for (;;) {
		while (*p == ' ')
			p++;
		len = strcspn(p, ",");
		e = p + len;
		while (e > p && e[-1] == ' ')
			e--;
		part = xstrndup(p, (size_t)(e - p));
		vf_quote_literal(out, part);
		free(part);
		if (p[len] != ',')
			break;
		vbuf_puts(out, ", ");
		p += len + 1;
	}
}

void
model_render_function(const struct model *m, const struct model_function *f,
    int comment, struct vbuf *out)
{
	size_t	i;

	if (comment) {
		if (f->comment == NULL)
			return;
		vbuf_puts(out, f->procedure ? "COMMENT ON PROCEDURE " :
		    "COMMENT ON FUNCTION ");
		put_signature(m, f, 0, out);
		vbuf_puts(out, " IS ");
		vf_quote_literal(out, f->comment);
		vbuf_puts(out, ";\n");
		return;
	}
	vbuf_puts(out, f->procedure ? "CREATE PROCEDURE " :
	    "CREATE FUNCTION ");
	put_signature(m, f, 1, out);
	if (f->returns_table) {
		vbuf_puts(out, " RETURNS TABLE (");
		for (i = 0; i < f->ntable; i++) {
			if (i > 0)
				vbuf_puts(out, ", ");
			vf_quote_ident(out, f->table[i].name);
			vbuf_putc(out, ' ');
			vbuf_puts(out, f->table[i].type);
		}
		vbuf_putc(out, ')');
	} else if (f->returns != NULL) {
		vbuf_puts(out, " RETURNS ");
		vbuf_puts(out, f->returns);
	}
	vbuf_puts(out, "\n LANGUAGE ");
	vf_quote_ident(out, f->language);
	if (f->volatility != NULL && strcmp(f->volatility, "volatile") != 0)
		vbuf_appendf(out, " %s", f->volatility[0] == 's' ? "STABLE" :
		    "IMMUTABLE");
	if (f->strict)
		vbuf_puts(out, " STRICT");
	if (f->security_definer)
		vbuf_puts(out, " SECURITY DEFINER");
	if (f->parallel != NULL && strcmp(f->parallel, "unsafe") != 0)
		vbuf_appendf(out, " PARALLEL %s", f->parallel[0] == 's' ?
		    "SAFE" : "RESTRICTED");
	if (f->cost != NULL)
		vbuf_appendf(out, " COST %s", f->cost);
	if (f->rows != NULL)
		vbuf_appendf(out, " ROWS %s", f->rows);
	for (i = 0; i < f->nset; i++) {
		vbuf_puts(out, "\n SET ");
		vf_quote_ident(out, f->set[i].name);
		vbuf_puts(out, " = ");
		put_set_value(out, f->set[i].value);
	}
	if (sql_standard(f)) {
		vbuf_putc(out, '\n');
		vbuf_puts(out, f->body);
		/* A body that ends in a -- comment needs its own line. */
		vbuf_puts(out, "\n;\n");
		return;
	}
	vbuf_puts(out, "\nAS ");
	put_dollar(out, f->body, f->body);
	vbuf_puts(out, ";\n");
}

/* An argument or column as a flow mapping. */
static void
write_arg(struct vbuf *out, const struct model_func_arg *a)
{
	vbuf_puts(out, "      - {");
	if (a->name != NULL) {
		vbuf_puts(out, "name: ");
		yaml_scalar(out, a->name, 1);
		vbuf_puts(out, ", ");
	}
	vbuf_puts(out, "type: ");
	yaml_scalar(out, a->type, 1);
	if (a->mode != NULL && strcmp(a->mode, "in") != 0) {
		vbuf_puts(out, ", mode: ");
		vbuf_puts(out, a->mode);
	}
	if (a->default_expr != NULL) {
		vbuf_puts(out, ", default: ");
		yaml_scalar(out, a->default_expr, 1);
	}
	vbuf_puts(out, "}\n");
}

void
model_write_functions(const struct model *m, struct vbuf *out)
{
	const struct model_function	*f;
	size_t				 i, j;

	for (i = 0; i < m->nfunctions; i++) {
		f = &m->functions[i];
		if (i == 0)
			vbuf_puts(out, "\nfunctions:\n");
		vbuf_puts(out, "  - name: ");
		yaml_scalar(out, f->name, 0);
		vbuf_putc(out, '\n');
		if (f->procedure)
			vbuf_puts(out, "    kind: procedure\n");
		if (f->nargs > 0) {
			vbuf_puts(out, "    args:\n");
			for (j = 0; j < f->nargs; j++)
				write_arg(out, &f->args[j]);
		}
		if (f->returns_table) {
			vbuf_puts(out, "    returns:\n      table:\n");
			for (j = 0; j < f->ntable; j++) {
				vbuf_puts(out, "  ");
				write_arg(out, &f->table[j]);
			}
		} else if (f->returns != NULL)
			yaml_kv(out, 4, "returns", f->returns);
		yaml_kv(out, 4, "language", f->language);
		if (f->volatility != NULL &&
		    strcmp(f->volatility, "volatile") != 0)
			yaml_kv(out, 4, "volatility", f->volatility);
		if (f->strict)
			vbuf_puts(out, "    strict: true\n");
		if (f->security_definer)
			vbuf_puts(out, "    security_definer: true\n");
		if (f->parallel != NULL && strcmp(f->parallel, "unsafe") != 0)
			yaml_kv(out, 4, "parallel", f->parallel);
		if (f->cost != NULL)
			yaml_kv(out, 4, "cost", f->cost);
		if (f->rows != NULL)
			yaml_kv(out, 4, "rows", f->rows);
		if (f->nset > 0) {
			vbuf_puts(out, "    set:\n");
			for (j = 0; j < f->nset; j++) {
				vbuf_puts(out, "      ");
				yaml_scalar(out, f->set[j].name, 0);
				vbuf_puts(out, ": ");
				yaml_scalar(out, f->set[j].value, 0);
				vbuf_putc(out, '\n');
			}
		}
		if (f->comment != NULL)
			yaml_kv(out, 4, "comment", f->comment);
		yaml_block(out, 4, "body", f->body, 1);
	}
}

static void
args_free(struct model_func_arg *a, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(a[i].name);
		free(a[i].type);
		free(a[i].mode);
		free(a[i].default_expr);
	}
	free(a);
}

void
model_functions_free(struct model_function *f, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(f[i].name);
		args_free(f[i].args, f[i].nargs);
		free(f[i].returns);
		args_free(f[i].table, f[i].ntable);
		free(f[i].language);
		free(f[i].body);
		free(f[i].volatility);
		model_params_free(f[i].set, f[i].nset);
		free(f[i].parallel);
		free(f[i].cost);
		free(f[i].rows);
		free(f[i].comment);
	}
	free(f);
}
