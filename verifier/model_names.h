/*
 * model_names.h: PostgreSQL's rules for the names it generates
 * (makeObjectName, ChooseRelationName, ChooseConstraintName,
 * ChooseIndexColumnNames), applied to a model, and the set of names taken
 * in a schema.  Internal to the model modules; the public part is in
 * model.h (model_make_name, model_*_default_name).
 */
#ifndef VERIFIER_MODEL_NAMES_H
#define VERIFIER_MODEL_NAMES_H

#include "model.h"

/*
 * The names taken in the schema: relations (tables, indexes, identity
 * sequences) and constraints, which PostgreSQL keeps apart.
 */
struct model_name_entry {
	char	name[MODEL_NAME_MAX + 1];
	int	rel;		/* a relation name */
	int	con;		/* a constraint name */
	size_t	table;		/* the constraint's table */
	int	line;
};

/* The entries, and an open-addressing hash of them by name. */
struct model_names {
	struct model_name_entry	*v;
	size_t			 n, cap;
	size_t			*slots;		/* entry index + 1; 0: empty */
	size_t			 nslots;	/* a power of two, or 0 */
};

/*
 * Adds an entry (name copied, cut to MODEL_NAME_MAX bytes); entries of
 * one name stay in the order they were added.
 */
void	model_names_add(struct model_names *ns, const char *name, int rel,
	    int con, size_t table, int line);

/*
 * The first entry named name that is a relation (rel) or a constraint
 * (con) of table (any table when NULL), or NULL.  Valid until the next add.
 */
const struct model_name_entry *model_names_find(const struct model_names *ns,
	    const char *name, int rel, int con, const size_t *table);

/* How many entries are named name. */
size_t	model_names_count(const struct model_names *ns, const char *name);

/* Releases what ns holds; ns is left empty. */
void	model_names_free(struct model_names *ns);

/*
 * Checks the names m's file gives (no two relations, no two constraints
 * of a table alike) and names every constraint and index left unnamed the
 * way PostgreSQL would, in file order.  Returns 0, or -1 with err at the
 * clashing object of path (code VF_EXIT_USAGE).
 */
int	model_names_assign(struct model *m, const char *path,
	    struct vf_error *err);

#endif
