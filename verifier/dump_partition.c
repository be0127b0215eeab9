/*
 * dump_partition.c: partitioned tables of a catalog into a model: each
 * top table's partition_by, and the partitions, parents first, their
 * bounds as a model writes them (what follows FOR VALUES, or the
 * default partition), and their own indexes.
 */
#include <stdlib.h>
#include <string.h>

#include "dump_int.h"

/* Whether name is a table of m or a partition already in m. */
static int
placed(const struct model *m, const char *name)
{
	size_t	i;

	if (model_find_table(m, name) != NULL)
		return (1);
	for (i = 0; i < m->npartitions; i++)
		if (strcmp(m->partitions[i].name, name) == 0)
			return (1);
	return (0);
}

void
dump_partitions(const struct catalog *cat, struct model *m)
{
	const struct catalog_set	*ps = &cat->sets[CATALOG_PARTITIONS];
	struct model_partition		*p;
	struct model_table		*t;
	const char			*name, *parent, *bound, *key;
	char				*done;
	size_t				 i, j, left = ps->nrows, before;

	done = xcalloc(ps->nrows + 1, 1);
	for (i = 0; i < ps->nrows; i++) {
		name = catalog_get(cat, CATALOG_PARTITIONS, i, "name");
		key = catalog_get(cat, CATALOG_PARTITIONS, i, "partkey");
		if (catalog_get(cat, CATALOG_PARTITIONS, i, "parent") != NULL)
			continue;
		done[i] = 1;
		left--;
		for (j = 0; j < m->ntables; j++) {
			t = &m->tables[j];
			if (strcmp(t->name, name) == 0 && key != NULL)
				t->partition_by = xstrdup(key);
		}
	}
	m->partitions = xcalloc(left + 1, sizeof(*m->partitions));
	do {
		before = left;
		for (i = 0; i < ps->nrows; i++) {
			parent = catalog_get(cat, CATALOG_PARTITIONS, i,
			    "parent");
			if (done[i] || !placed(m, parent))
				continue;
			bound = catalog_get(cat, CATALOG_PARTITIONS, i,
			    "bound");
			key = catalog_get(cat, CATALOG_PARTITIONS, i,
			    "partkey");
			p = &m->partitions[m->npartitions++];
			p->name = xstrdup(catalog_get(cat, CATALOG_PARTITIONS,
			    i, "name"));
			p->parent = xstrdup(parent);
			if (bound != NULL && strncmp(bound, "FOR VALUES ",
			    11) == 0)
				p->values = xstrdup(bound + 11);
			p->partition_by = key != NULL ? xstrdup(key) : NULL;
			dump_rel_indexes(cat, p->name, &p->indexes,
			    &p->nindexes);
			done[i] = 1;
			left--;
		}
	} while (left > 0 && left < before);
	free(done);
}
