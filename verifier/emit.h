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
 * The plan of `draft --online` (emit_online.c): which changes to tables
 * that exist already are written the way that keeps the table open to
 * writes, in files of their own.  emit_online_new() gives an empty one,
 * freed with emit_online_free().
 */
struct emit_online;

/* Each file's step waits no longer than this for a lock. */
#define EMIT_ONLINE_LOCK_TIMEOUT	"2s"

struct emit_online	*emit_online_new(void);
void			 emit_online_free(struct emit_online *);

/* The number of changes the plan takes out of the first file. */
size_t	emit_online_count(const struct emit_online *);

/*
 * emit_migration() with a plan.  The first call (the way up) fills the
 * empty plan on, and writes in out what stays in the first file: the
 * plan's indexes and keys left out, its checks and foreign keys NOT
 * VALID, its SET NOT NULL as a CHECK ... NOT VALID.  A later call with
 * the sides swapped (the way down) leaves out what the down sections of
 * the plan's files undo.
 */
int	emit_migration_online(struct snapshot *snap, const char *schema,
	    const char *from, const char *to, struct emit_online *on,
	    struct vbuf *out, size_t *nchanges, struct vbuf *destructive,
	    struct vf_error *err);

/*
 * The statements of the plan's files, appended (without the lock_timeout
 * line) to: first_down, what goes before the first file's down section
 * (the stand-in checks of NOT NULL dropped); concurrent_up and _down,
 * the transaction:false file of indexes built and dropped concurrently;
 * validate_up and _down, the last file: validations, SET NOT NULL, keys
 * added USING INDEX.  An empty buffer: no such file.
 */
struct emit_online_text {
	struct vbuf	first_down;
	struct vbuf	concurrent_up;
	struct vbuf	concurrent_down;
	struct vbuf	validate_up;
	struct vbuf	validate_down;
};

void	emit_online_sections(const struct emit_online *on, const char *schema,
	    struct emit_online_text *t);

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
