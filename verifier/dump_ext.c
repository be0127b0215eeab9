/*
 * dump_ext.c: the extensions of the shared schema that the schema's
 * objects use, back into the model's `extensions:`.
 */
#include <string.h>

#include "dump.h"

void
dump_extensions(const struct catalog *cat, struct model *m)
{
	const struct catalog_set	*es = &cat->sets[CATALOG_EXTENSIONS];
	struct model_extension		*e;
	size_t				 i;

	for (i = 0; i < es->nrows; i++) {
		if (strcmp(catalog_get(cat, CATALOG_EXTENSIONS, i, "used"),
		    "t") != 0)
			continue;
		m->extensions = xrealloc(m->extensions,
		    (m->nextensions + 1) * sizeof(*m->extensions));
		e = &m->extensions[m->nextensions++];
		memset(e, 0, sizeof(*e));
		e->name = xstrdup(catalog_get(cat, CATALOG_EXTENSIONS, i,
		    "name"));
	}
}
