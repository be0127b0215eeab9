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

/* dump_partition.c: dump_model()'s partitions, once m has its tables. */
void	dump_partitions(const struct catalog *cat, struct model *m);

/*
 * dump_constraint.c: the options of constraint c from row `row` of
 * CATALOG_CONSTRAINTS (deferrable, initially deferred, NOT VALID, NULLS
 * NOT DISTINCT, comment), and an exclusion constraint's method, elements,
 * include columns and WHERE.
 */
void	dump_constraint_options(const struct catalog *cat, size_t row,
	    struct model_constraint *c);
void	dump_exclude(const struct catalog *cat, size_t row, const char *tbl,
	    struct model_constraint *c);

/* dump_grant.c: the grants of cat on m's schema, tables, sequences, enums
   (for dump_model(), once they are filled). */
void	dump_grants(const struct catalog *cat, struct model *m);

/* dump_ext.c: the extensions m's objects use, from cat. */
void	dump_extensions(const struct catalog *cat, struct model *m);

/* dump_policy.c: row level security and policies of cat into m's
   tables (once they are filled). */
void	dump_policies(const struct catalog *cat, struct model *m);

/* dump_view.c: the views of CATALOG_VIEWS, appended to m->views. */
void	dump_views(const struct catalog *cat, struct model *m);

/* dump.c: reloptions s ("name=value" lines) as parameters appended to
   *out; the indexes of CATALOG_INDEXES on relation t->name (a table or a
   materialized view's stand-in) appended to t->indexes. */
void	dump_params(const char *s, struct model_param **out, size_t *n);
void	dump_indexes(const struct catalog *cat, struct model_table *t);
/* dump.c: the indexes of CATALOG_INDEXES on relation name (a materialized
   view, a partition) into *v and *n. */
void	dump_rel_indexes(const struct catalog *cat, char *name,
	    struct model_index **v, size_t *n);
/* dump_function.c: the functions and procedures of CATALOG_FUNCTIONS,
   appended to m->functions. */
void	dump_functions(const struct catalog *cat, struct model *m);
/* dump_trigger.c: the triggers of CATALOG_TRIGGERS, appended to
   m->triggers (once m has its views). */
void	dump_triggers(const struct catalog *cat, struct model *m);

/* dump_domain.c: the domains and composite types of cat into m. */
void	dump_user_types(const struct catalog *cat, struct model *m,
	    struct problems *p);

#endif
