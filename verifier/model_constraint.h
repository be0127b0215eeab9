/*
 * model_constraint.h: what every constraint kind may also say
 * (deferrable, initially_deferred, validated, nulls_not_distinct,
 * comment) and exclusion constraints (`exclude:`): their reader and
 * their release (model_constraint.c); model_render.c renders them.
 * Internal to the model modules.
 */
#ifndef VERIFIER_MODEL_CONSTRAINT_H
#define VERIFIER_MODEL_CONSTRAINT_H

#include "model_load.h"

/*
 * The options of constraint c that mapping map writes (its keys already
 * checked against the kind's list): deferrable, initially_deferred (needs
 * deferrable), validated, nulls_not_distinct, comment.  what names the
 * constraint in messages.  Returns 0, or -1 with ld->err set.
 */
int	ld_con_options(struct loader *ld, yaml_node_t *map,
	    struct model_constraint *c, const char *what);

/* exclude: a sequence of exclusion constraints of table t. */
int	ld_exclude(struct loader *ld, struct model_table *t,
	    yaml_node_t *seq);

/* Frees the exclusion parts of c (elements, include, where, method). */
void	model_constraint_free_exclude(struct model_constraint *c);

#endif
