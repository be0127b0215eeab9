/*
 * emit.h: the DDL that takes a schema from one side of a snapshot to the
 * other, in an order PostgreSQL accepts: types, sequences, tables,
 * columns, then constraints, foreign keys last, indexes and comments;
 * foreign keys dropped before anything they depend on.  Every name is
 * quoted with vf_quote_ident() and schema-qualified; destructive steps
 * carry a "-- destructive: ..." comment.
 */
#ifndef VERIFIER_EMIT_H
#define VERIFIER_EMIT_H

#include "diff.h"
#include "snapshot.h"
#include "util.h"

/*
 * Appends to out the statements that take schema from side `from` to side
 * `to` of snap (one diff_compute() is run first).  *nchanges gets the
 * number of differences (0: nothing to do, out untouched); destructive,
 * when not NULL, gets one line per destructive step.  Returns 0 or -1
 * with err set.
 */
int	emit_migration(struct snapshot *snap, const char *schema,
	    const char *from, const char *to, struct vbuf *out,
	    size_t *nchanges, struct vbuf *destructive, struct vf_error *err);

/*
 * One statement group of a draft's plan (emit_migration_plan()): the
 * object (kind and name as CATALOG_DEPS names them), what the draft does
 * to it ("drop", "create", "alter" or "finish"), whether it is dropped
 * and created again around a change of what it depends on (recreated),
 * and whether its statements are destructive.
 */
struct emit_step {
	char	*kind;
	char	*name;
	char	*action;
	int	 recreated;
	int	 destructive;
};

struct emit_plan {
	struct emit_step	*v;	/* in the draft's order */
	size_t			 n;
};

/*
 * What emit_migration() would write, as its groups instead of SQL: plan
 * (which need not be initialised) gets them in the draft's order, and
 * *nchanges the number of differences.  Returns 0 (release plan with
 * emit_plan_free()), or -1 with err set.
 */
int	emit_migration_plan(struct snapshot *snap, const char *schema,
	    const char *from, const char *to, struct emit_plan *plan,
	    size_t *nchanges, struct vf_error *err);

/* Releases a plan; it is left empty. */
void	emit_plan_free(struct emit_plan *plan);

#endif
