/*
 * model.c: the YAML model of one schema (docs/models.md), its data
 * structures: releasing them and finding objects by name.  The model is
 * read by model_load.c and model_objects.c (YAML, with model_types.c for
 * column types and model_expr.c for SQL expressions through pgtree.c),
 * named by model_names.c, rendered as DDL by model_render.c and written
 * back as YAML by model_yaml.c.
 */
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "model_constraint.h"

const char *const model_fk_actions[] = {
	"no action", "restrict", "cascade", "set null", "set default", NULL
};

void
model_strv_free(char **v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
model_params_free(struct model_param *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].value);
	}
	free(v);
}

static void
free_constraint(struct model_constraint *c)
{
	free(c->name);
	model_strv_free(c->columns, c->ncolumns);
	free(c->ref_table);
	model_strv_free(c->ref_columns, c->nref_columns);
	free(c->expression);
	free(c->comment);
	model_constraint_free_exclude(c);
}

static void
free_index(struct model_index *ix)
{
	size_t	i;

	free(ix->name);
	for (i = 0; i < ix->nkeys; i++) {
		free(ix->keys[i].column);
		free(ix->keys[i].expression);
		free(ix->keys[i].collation);
		free(ix->keys[i].opclass);
	}
	free(ix->keys);
	model_strv_free(ix->include, ix->ninclude);
	free(ix->method);
	free(ix->where);
	model_params_free(ix->with, ix->nwith);
	free(ix->comment);
}

void
model_indexes_free(struct model_index *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free_index(&v[i]);
	free(v);
}

static void
free_table(struct model_table *t)
{
	size_t	i;

	free(t->name);
	free(t->comment);
	free(t->renamed_from);
	free(t->replident_index);
	free(t->partition_by);
	for (i = 0; i < t->ncolumns; i++) {
		free(t->columns[i].name);
		free(t->columns[i].type);
		free(t->columns[i].default_expr);
		free(t->columns[i].generated);
		free(t->columns[i].seq_name);
		free(t->columns[i].comment);
		free(t->columns[i].renamed_from);
		free(t->columns[i].collation);
		model_grants_free(t->columns[i].seq_grants,
		    t->columns[i].nseq_grants);
	}
	free(t->columns);
	for (i = 0; i < t->nconstraints; i++)
		free_constraint(&t->constraints[i]);
	free(t->constraints);
	model_indexes_free(t->indexes, t->nindexes);
	model_params_free(t->with, t->nwith);
	model_grants_free(t->grants, t->ngrants);
	model_policies_free(t->policies, t->npolicies);
}

void
model_free(struct model *m)
{
	size_t	i;

	if (m == NULL)
		return;
	free(m->path);
	free(m->schema);
	for (i = 0; i < m->nenums; i++) {
		free(m->enums[i].name);
		model_strv_free(m->enums[i].values, m->enums[i].nvalues);
		free(m->enums[i].comment);
		model_grants_free(m->enums[i].grants, m->enums[i].ngrants);
	}
	free(m->enums);
	model_domains_free(m);
	for (i = 0; i < m->nsequences; i++) {
		free(m->sequences[i].name);
		free(m->sequences[i].type);
		free(m->sequences[i].owned_tbl);
		free(m->sequences[i].owned_col);
		free(m->sequences[i].comment);
		model_grants_free(m->sequences[i].grants,
		    m->sequences[i].ngrants);
	}
	free(m->sequences);
	model_views_free(m->views, m->nviews);
	model_functions_free(m->functions, m->nfunctions);
	model_triggers_free(m->triggers, m->ntriggers);
	for (i = 0; i < m->ntables; i++)
		free_table(&m->tables[i]);
	free(m->tables);
	for (i = 0; i < m->npartitions; i++) {
		free(m->partitions[i].name);
		free(m->partitions[i].parent);
		free(m->partitions[i].values);
		free(m->partitions[i].partition_by);
		model_indexes_free(m->partitions[i].indexes,
		    m->partitions[i].nindexes);
	}
	free(m->partitions);
	model_grants_free(m->grants, m->ngrants);
	model_ext_free(m);
	memset(m, 0, sizeof(*m));
}

const struct model_table *
model_find_table(const struct model *m, const char *name)
{
	size_t	i;

	for (i = 0; i < m->ntables; i++)
		if (strcmp(m->tables[i].name, name) == 0)
			return (&m->tables[i]);
	return (NULL);
}

const struct model_column *
model_find_column(const struct model_table *t, const char *name)
{
	size_t	i;

	for (i = 0; i < t->ncolumns; i++)
		if (strcmp(t->columns[i].name, name) == 0)
			return (&t->columns[i]);
	return (NULL);
}

const struct model_enum *
model_find_enum(const struct model *m, const char *name)
{
	size_t	i;

	for (i = 0; i < m->nenums; i++)
		if (strcmp(m->enums[i].name, name) == 0)
			return (&m->enums[i]);
	return (NULL);
}
