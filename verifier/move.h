/*
 * move.h: moving one service's schema to a PostgreSQL of its own with
 * logical replication, in resumable steps: preflight, build (the
 * migrations replayed on the target, its catalog equal to the source's),
 * copy (a publication FOR TABLES IN SCHEMA on the source, a subscription
 * with the initial copy on the target, followed until caught up), verify
 * (row counts and checksums per table equal), and abort (every step
 * undone, the source left as it was).  The state of a move is one row of
 * the table public.verifier_move on the target.
 */
#ifndef VERIFIER_MOVE_H
#define VERIFIER_MOVE_H

#include <stdio.h>

#include <libpq-fe.h>

#include "problems.h"
#include "util.h"

/* The table on the target that holds the state of every move into it. */
#define MOVE_STATE_TABLE	"verifier_move"

/* The steps of a move, in order; the state row holds the last one done. */
enum move_step {
	MOVE_NONE = 0,		/* no state row: nothing done on the target */
	MOVE_PREFLIGHT,		/* preflight passed, the build began */
	MOVE_BUILD,		/* S built on the target and emptied */
	MOVE_COPY,		/* subscribed, every table ready, caught up */
	MOVE_VERIFY,		/* counts and checksums equal */
	MOVE_CUTOVER,		/* the target serves S, the source is read-only */
	MOVE_FINISH,		/* publication and S dropped on the source */
};

/* A move in progress: what every step needs. */
struct move {
	PGconn		*src;		/* the source, a superuser */
	PGconn		*tgt;		/* the target, a superuser */
	const char	*schema;
	const char	*migrations;	/* the schema's migrations folder */
	const char	*source_conninfo; /* the subscription's connection;
					   NULL: built from src's settings */
	char		 owner[128];	/* the schema's owner on the source */
	char		 name[128];	/* publication, subscription and slot:
					   vf_move_<schema> */
	int		 timeout_s;	/* waits give up after this */
	FILE		*out;		/* progress lines; NULL: silent */
};

/*
 * Connects m->src to src (NULL: DATABASE_URL or libpq's PG* variables)
 * and m->tgt to tgt, with the same settings of row text on both (time
 * zone, date style, float digits), and names the move from m->schema
 * (set it first).  0, or -1 with err set (VF_EXIT_USAGE "preflight:
 * cannot reach the target" when the target fails).  move_close() after,
 * either way.
 */
int	move_connect(struct move *m, const char *src, const char *tgt,
	    struct vf_error *err);

/* Closes both connections. */
void	move_close(struct move *m);

/*
 * The name of step s ("preflight", "build", "copy", "verify", "cutover",
 * "finish"; "none").
 */
const char	*move_step_name(enum move_step s);

/*
 * Reads the state of m's schema from the target into *step (MOVE_NONE
 * when there is no row or no state table).  0 or -1 with err set.
 */
int	move_state(struct move *m, enum move_step *step, struct vf_error *err);

/*
 * The preflight, on servers only (the CLI runs check first): both
 * connections are superusers; the source has wal_level = logical and the
 * schema (its owner goes to m->owner), and every table of it has a
 * primary key or a replica identity; the target is on another server
 * (system identifier), has the owner's role and,
 * unless resuming, no schema S or an empty one.  0, or -1 with err set:
 * VF_EXIT_USAGE and the exact reason for a failed precondition.
 */
int	move_preflight(struct move *m, int resuming, struct vf_error *err);

/*
 * Build: records the move on the target, (re)creates S there owned by
 * m->owner, applies the migrations with the runner, compares the
 * target's catalog of S with the source's (differences to p, then -1 with
 * VF_EXIT_FAIL) and empties every table of S on the target, the version
 * table too (its rows come with the copy).  0 or -1 with err set.
 */
int	move_build(struct move *m, struct problems *p, struct vf_error *err);

/*
 * Copy and follow: the publication on the source and the subscription
 * (copy_data) on the target when missing; waits until every table is
 * ready and the target has replayed the source's current WAL position,
 * printing progress (tables ready, rows, lag in bytes).  0 or -1.
 */
int	move_copy(struct move *m, struct vf_error *err);

/*
 * Verify: after the target caught up, the row count and an
 * order-independent checksum (the sum of the first 64 bits of md5 of each
 * row's text) of every table of S are equal on both sides; a difference
 * is compared again after the next catch-up, up to three times.  0, or
 * -1 with err set (VF_EXIT_FAIL naming the table) when they differ.
 */
int	move_verify(struct move *m, struct vf_error *err);

/*
 * Cutover, after verify: the owner's INSERT, UPDATE, DELETE and TRUNCATE
 * on the tables of S revoked on the source and its sessions there ended;
 * the target caught up to the final LSN; every table's row count compared
 * (exact now); every sequence of S (identities too) set on the target to
 * its value on the source; the subscription dropped; the line
 * <SCHEMA>_DATABASE_URL=<to> written to env_file (made or replaced, mode
 * 600) when not NULL.  *pause_ms gets the time from the revoke to the
 * end.  Run again after an interruption, it goes on.  0 or -1.
 */
int	move_cutover(struct move *m, const char *to, const char *env_file,
	    double *pause_ms, struct vf_error *err);

/*
 * Finish, after cutover: drops the publication and S on the source.
 * 0 or -1.
 */
int	move_finish(struct move *m, struct vf_error *err);

/*
 * Abort: drops the subscription (and with it the slot on the source),
 * the publication on the source, schema S on the target (made again
 * empty with its owner and grants when it was there before), gives the
 * owner its write privileges back on the source after an interrupted
 * cutover, and deletes the state row.  Refused (VF_EXIT_USAGE) once the
 * cutover is done: the target holds writes the source has not.  *undone
 * gets 0 when there was no move to undo.  0 or -1.
 */
int	move_abort(struct move *m, int *undone, struct vf_error *err);

/* Records step s as done in the state row on the target.  0 or -1. */
int	move_set_state(struct move *m, enum move_step s, struct vf_error *err);

#endif
