/*
 * dump_int.h: what the parts of dump.c share (dump.c, and one
 * dump_<kind>.c per kind of object).  Not for other modules: they use
 * dump.h.
 */
#ifndef VERIFIER_DUMP_INT_H
#define VERIFIER_DUMP_INT_H

#include "dump.h"

/*
 * A type as the catalog prints it, as a model writes it: a type of the
 * schema by bare name (with its array suffix).  A new string.
 */
char	*dump_type(const char *schema, const char *type);

/* An expression without the outer parentheses PostgreSQL prints. */
char	*dump_unparen(const char *s);

/* dump_domain.c: the domains and composite types of cat into m. */
void	dump_user_types(const struct catalog *cat, struct model *m,
	    struct problems *p);

#endif
