/*
 * refs.h: the isolation check of migration files: which other schemas a
 * file's statements refer to.  A migration of schema S touches nothing
 * outside S.
 */
#ifndef VERIFIER_REFS_H
#define VERIFIER_REFS_H

#include <stddef.h>

#include "problems.h"
#include "sqlfile.h"
#include "util.h"

/*
 * Adds to p, for each statement of the up and down sections of files
 * (nfiles of them), one problem per schema other than schema (and
 * pg_catalog, information_schema) it refers to: relations, qualified
 * names of types, functions, operators and objects, schemas named as
 * objects, a SET search_path.  A statement that does not parse is a
 * problem too.  0, or -1 with err set when the check itself fails.
 */
int	refs_check(const char *schema, const struct sqlfile *files,
	    size_t nfiles, struct problems *p, struct vf_error *err);

#endif
