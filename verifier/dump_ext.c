/*
 * dump_ext.c: the extensions of the shared schema that the schema's
 * objects use, and those of the schema itself, back into the model's
 * `extensions:`.
 */
#include <string.h>

#include "dump_int.h"

void
dump_extensions(const struct catalog *cat, struct model *m)
{
	const struct catalog_set	*es = &cat->sets[CATALOG_EXTENSIONS];
	struct model_extension		*e;
	size_t				 i;

	const char			*used;

	for (i = 0; i < es->nrows; i++) {
		used = catalog_get(cat, CATALOG_EXTENSIONS, i, "used");
		if (strcmp(used, "f") == 0)
			continue;
		m->extensions = xrealloc(m->extensions,
		    (m->nextensions + 1) * sizeof(*m->extensions));
		e = &m->extensions[m->nextensions++];
		memset(e, 0, sizeof(*e));
		e->own = strcmp(used, "o") == 0;
		e->name = xstrdup(catalog_get(cat, CATALOG_EXTENSIONS, i,
		    "name"));
	}
}
