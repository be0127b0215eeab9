/*
 * model_policy.c: row level security in the model (a table's
 * `row_level_security`, `force_row_level_security` and `policies:`,
 * docs/models.md): read and checked, rendered as ALTER TABLE ... ROW
 * LEVEL SECURITY and CREATE POLICY, written back as YAML, released.
 * Roles are not the model's: expected.c checks that each one exists.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model_load.h"

static const char *const policy_keys[] = { "name", "command", "as", "roles",
	"using", "with_check", "comment", NULL };
static const char *const commands[] = { "all", "select", "insert", "update",
	"delete", NULL };
static const char *const commands_sql[] = { "ALL", "SELECT", "INSERT",
	"UPDATE", "DELETE" };
static const char *const kinds[] = { "permissive", "restrictive", NULL };

/* The roles of policy p: distinct names, PUBLIC alone or not at all. */
static int
load_roles(struct loader *ld, yaml_node_t *seq, struct model_policy *p,
    const char *what)
{
	yaml_node_item_t	*it;
	yaml_node_t		*r;
	char			*name;
	size_t			 i;
	char			 rwhat[300];

	snprintf(rwhat, sizeof(rwhat), "roles of %s", what);
	if (ld_want(ld, seq, YAML_SEQUENCE_NODE, rwhat) == -1)
		return (-1);
	if (seq->data.sequence.items.start == seq->data.sequence.items.top)
		return (ld_at(ld, seq, "expected at least one role for %s",
		    what));
	for (it = seq->data.sequence.items.start;
	    it < seq->data.sequence.items.top; it++) {
		r = ld_node(ld, *it);
		if (ld_name(ld, r, "role", &name) == -1)
			return (-1);
		if (strcasecmp(name, "public") == 0) {
			free(name);
			name = xstrdup("PUBLIC");
		} else if (strcasecmp(name, "current_user") == 0 ||
		    strcasecmp(name, "current_role") == 0 ||
		    strcasecmp(name, "session_user") == 0) {
			free(name);
			return (ld_at(ld, r, "role %s of %s names whoever runs "
			    "the migration (write the role's name)",
			    ld_scalar(r), what));
		}
		for (i = 0; i < p->nroles; i++)
			if (strcmp(p->roles[i], name) == 0) {
				free(name);
				return (ld_at(ld, r, "role \"%s\" twice in %s",
				    ld_scalar(r), what));
			}
		p->roles = xrealloc(p->roles, (p->nroles + 1) *
		    sizeof(*p->roles));
		p->role_lines = xrealloc(p->role_lines, (p->nroles + 1) *
		    sizeof(*p->role_lines));
		p->role_cols = xrealloc(p->role_cols, (p->nroles + 1) *
		    sizeof(*p->role_cols));
		p->roles[p->nroles] = name;
		p->role_lines[p->nroles] = (int)r->start_mark.line + 1;
		p->role_cols[p->nroles] = (int)r->start_mark.column + 1;
		p->nroles++;
	}
	for (i = 0; p->nroles > 1 && i < p->nroles; i++)
		if (strcmp(p->roles[i], "PUBLIC") == 0)
			return (ld_at(ld, seq, "roles of %s name public and "
			    "other roles (public already holds every role)",
			    what));
	return (0);
}

/* One entry of `policies:`. */
static int
load_policy(struct loader *ld, struct model_table *t, yaml_node_t *e,
    const char *twhat)
{
	struct model_policy	*p;
	yaml_node_t		*n;
	char			 what[256], xwhat[300];
	size_t			 i;
	int			 w;

	t->policies = xrealloc(t->policies, (t->npolicies + 1) *
	    sizeof(*t->policies));
	p = &t->policies[t->npolicies++];
	memset(p, 0, sizeof(*p));
	p->line = (int)e->start_mark.line + 1;
	p->col = (int)e->start_mark.column + 1;
	p->command = xstrdup("ALL");
	if (ld_want(ld, e, YAML_MAPPING_NODE, "a policy") == -1)
		return (-1);
	snprintf(what, sizeof(what), "a policy of %s", twhat);
	if (ld_check_keys(ld, e, what, policy_keys) == -1)
		return (-1);
	if ((n = ld_map_get(ld, e, "name")) == NULL)
		return (ld_at(ld, e, "missing key \"name\" in a policy of %s",
		    twhat));
	if (ld_name(ld, n, "policy name", &p->name) == -1)
		return (-1);
	for (i = 0; i + 1 < t->npolicies; i++)
		if (strcmp(t->policies[i].name, p->name) == 0)
			return (ld_at(ld, n, "second policy \"%s\" of %s "
			    "(line %d)", p->name, twhat, t->policies[i].line));
	snprintf(what, sizeof(what), "policy \"%s\" of %s", p->name, twhat);
	if ((n = ld_map_get(ld, e, "command")) != NULL) {
		if (ld_word(ld, n, "policy command", commands, &w) == -1)
			return (-1);
		free(p->command);
		p->command = xstrdup(commands_sql[w]);
	}
	if ((n = ld_map_get(ld, e, "as")) != NULL) {
		if (ld_word(ld, n, "policy kind (as)", kinds, &w) == -1)
			return (-1);
		p->restrictive = w == 1;
	}
	if ((n = ld_map_get(ld, e, "roles")) != NULL &&
	    load_roles(ld, n, p, what) == -1)
		return (-1);
	if ((n = ld_map_get(ld, e, "using")) != NULL) {
		if (strcmp(p->command, "INSERT") == 0)
			return (ld_at(ld, n, "%s is for INSERT, which has no "
			    "using (only with_check)", what));
		snprintf(xwhat, sizeof(xwhat), "using of %s", what);
		if (ld_expr(ld, n, xwhat, &p->using_expr, NULL) == -1)
			return (-1);
	}
	if ((n = ld_map_get(ld, e, "with_check")) != NULL) {
		if (strcmp(p->command, "SELECT") == 0 ||
		    strcmp(p->command, "DELETE") == 0)
			return (ld_at(ld, n, "%s is for %s, which has no "
			    "with_check (only using)", what, p->command));
		snprintf(xwhat, sizeof(xwhat), "with_check of %s", what);
		if (ld_expr(ld, n, xwhat, &p->check_expr, NULL) == -1)
			return (-1);
	}
	if ((n = ld_map_get(ld, e, "comment")) != NULL &&
	    ld_str(ld, n, "comment", &p->comment) == -1)
		return (-1);
	return (0);
}

int
ld_policies(struct loader *ld, struct model_table *t, yaml_node_t *v)
{
	yaml_node_item_t	*it;
	yaml_node_t		*n;
	char			 what[128];

	snprintf(what, sizeof(what), "table \"%s\"", t->name);
	if ((n = ld_map_get(ld, v, "row_level_security")) != NULL &&
	    ld_bool(ld, n, "row_level_security", &t->rls) == -1)
		return (-1);
	if ((n = ld_map_get(ld, v, "force_row_level_security")) != NULL &&
	    ld_bool(ld, n, "force_row_level_security", &t->force_rls) == -1)
		return (-1);
	if ((n = ld_map_get(ld, v, "policies")) == NULL)
		return (0);
	snprintf(what, sizeof(what), "policies of table \"%s\"", t->name);
	if (ld_want(ld, n, YAML_SEQUENCE_NODE, what) == -1)
		return (-1);
	snprintf(what, sizeof(what), "table \"%s\"", t->name);
	for (it = n->data.sequence.items.start;
	    it < n->data.sequence.items.top; it++)
		if (load_policy(ld, t, ld_node(ld, *it), what) == -1)
			return (-1);
	return (0);
}

/* "\n  word (x)" unless x is NULL (x has no -- comment: ld_expr()). */
static void
put_expr(struct vbuf *out, const char *word, const char *x)
{
	if (x != NULL)
		vbuf_appendf(out, "\n  %s (%s)", word, x);
}

static void
put_table(const struct model *m, struct vbuf *out, const char *tbl)
{
	vf_quote_ident(out, m->schema);
	vbuf_putc(out, '.');
	vf_quote_ident(out, tbl);
}

void
model_render_policies(const struct model *m, struct vbuf *out,
    void (*done)(void *, int, int), void *arg)
{
	const struct model_table	*t;
	const struct model_policy	*p;
	struct vbuf			 what;
	size_t				 i, j, k;

	vbuf_init(&what);
	for (i = 0; i < m->ntables; i++) {
		t = &m->tables[i];
		if (t->rls || t->force_rls) {
			vbuf_puts(out, "ALTER TABLE ");
			put_table(m, out, t->name);
			if (t->rls)
				vbuf_puts(out, " ENABLE ROW LEVEL SECURITY");
			if (t->rls && t->force_rls)
				vbuf_putc(out, ',');
			if (t->force_rls)
				vbuf_puts(out, " FORCE ROW LEVEL SECURITY");
			vbuf_puts(out, ";\n");
			done(arg, t->line, t->col);
		}
		for (j = 0; j < t->npolicies; j++) {
			p = &t->policies[j];
			vbuf_puts(out, "CREATE POLICY ");
			vf_quote_ident(out, p->name);
			vbuf_puts(out, " ON ");
			put_table(m, out, t->name);
			if (p->restrictive)
				vbuf_puts(out, " AS RESTRICTIVE");
			vbuf_appendf(out, " FOR %s TO ", p->command);
			for (k = 0; k < p->nroles; k++) {
				vbuf_puts(out, k > 0 ? ", " : "");
				if (strcmp(p->roles[k], "PUBLIC") == 0)
					vbuf_puts(out, "PUBLIC");
				else
					vf_quote_ident(out, p->roles[k]);
			}
			if (p->nroles == 0)
				vbuf_puts(out, "PUBLIC");
			put_expr(out, "USING", p->using_expr);
			put_expr(out, "WITH CHECK", p->check_expr);
			vbuf_puts(out, ";\n");
			done(arg, p->line, p->col);
			if (p->comment == NULL)
				continue;
			vbuf_reset(&what);
			vbuf_puts(&what, "POLICY ");
			vf_quote_ident(&what, p->name);
			vbuf_puts(&what, " ON");
			model_put_comment(m, out, what.data, t->name,
			    p->comment);
			done(arg, p->line, p->col);
		}
	}
	vbuf_free(&what);
}

void
model_write_policies(const struct model_table *t, struct vbuf *out)
{
	const struct model_policy	*p;
	size_t				 i, k;

	if (t->rls)
		vbuf_puts(out, "    row_level_security: true\n");
	if (t->force_rls)
		vbuf_puts(out, "    force_row_level_security: true\n");
	if (t->npolicies > 0)
		vbuf_puts(out, "    policies:\n");
	for (i = 0; i < t->npolicies; i++) {
		p = &t->policies[i];
		yaml_kv(out, 6, "- name", p->name);
		for (k = 0; commands[k] != NULL; k++)
			if (k > 0 && strcmp(p->command, commands_sql[k]) == 0)
				yaml_kv(out, 8, "command", commands[k]);
		if (p->restrictive)
			vbuf_puts(out, "        as: restrictive\n");
		if (p->nroles > 0 && !(p->nroles == 1 &&
		    strcmp(p->roles[0], "PUBLIC") == 0))
			model_yaml_list(out, 8, "roles", p->roles, p->nroles);
		if (p->using_expr != NULL)
			yaml_kv(out, 8, "using", p->using_expr);
		if (p->check_expr != NULL)
			yaml_kv(out, 8, "with_check", p->check_expr);
		if (p->comment != NULL)
			yaml_kv(out, 8, "comment", p->comment);
	}
}

void
model_policies_free(struct model_policy *p, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(p[i].name);
		free(p[i].command);
		model_strv_free(p[i].roles, p[i].nroles);
		free(p[i].role_lines);
		free(p[i].role_cols);
		free(p[i].using_expr);
		free(p[i].check_expr);
		free(p[i].comment);
	}
	free(p);
}
