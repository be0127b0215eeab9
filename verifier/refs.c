/*
 * refs.c: the other schemas a migration refers to, from PostgreSQL's
 * parse tree, through the one walker of pgtree.c (the model's expressions
 * are checked with the same one).
 */
#include <stdlib.h>

#include "pgtree.h"
#include "refs.h"

/* One section (section: "up" or "down") of file f. */
static void
check_section(const char *schema, const struct sqlfile *f,
    const struct sqlfile_section *sec, const char *section,
    struct problems *p)
{
	struct pgtree_refs	 refs = { NULL, 0 };
	struct vf_error		 perr;
	char			*text;
	size_t			 i, j;

	for (i = 0; i < sec->nstmts; i++) {
		text = xstrndup(f->text + sec->stmts[i].off,
		    sec->stmts[i].len);
		if (pgtree_foreign_schemas(text, schema,
		    PGTREE_REFS_INFO_SCHEMA | PGTREE_REFS_DISTINCT |
		    PGTREE_REFS_EXTENSIONS, &refs,
		    &perr) == -1) {
			problems_add(p, f->path, sec->stmts[i].line,
			    "does not parse: %s", perr.msg);
			free(text);
			continue;
		}
		free(text);
		for (j = 0; j < refs.n; j++)
			problems_add(p, f->path, sec->stmts[i].line,
			    "the %s section refers to schema \"%s\"; a "
			    "migration of %s touches nothing outside it",
			    section, refs.v[j].schema, schema);
		pgtree_refs_free(&refs);
	}
}

int
refs_check(const char *schema, const struct sqlfile *files, size_t nfiles,
    struct problems *p, struct vf_error *err)
{
	size_t	i;

	for (i = 0; i < nfiles; i++) {
		check_section(schema, &files[i], &files[i].up, "up", p);
		check_section(schema, &files[i], &files[i].down, "down", p);
	}
	return (0);
}
