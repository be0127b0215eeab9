/*
 * move_int.h: what move.c (preflight, build, copy, verify) and
 * move_cutover.c (cutover, finish, abort) share: checked queries of one
 * value, the tables of the schema, the catch-up and the comparison of
 * the two sides.  Not for other modules: move.h is the interface.
 */
#ifndef VERIFIER_MOVE_INT_H
#define VERIFIER_MOVE_INT_H

#include "move.h"

/* Queries of move_exists(): $1 the name, in the current database. */
#define MOVE_PUB_EXISTS "SELECT 1 FROM pg_catalog.pg_publication WHERE " \
	"pubname = $1"
#define MOVE_SUB_EXISTS "SELECT 1 FROM pg_catalog.pg_subscription s JOIN " \
	"pg_catalog.pg_database d ON d.oid = s.subdbid WHERE s.subname = $1 " \
	"AND d.datname = pg_catalog.current_database()"

/* The first value of the first row of sql into buf ("" without rows). */
int	move_scalar(PGconn *conn, const char *sql, int n,
	    const char *const *params, char *buf, size_t len,
	    struct vf_error *err);

/* Runs fmt, whose one %s gets name quoted as an identifier.  0 or -1. */
int	move_exec_named(PGconn *conn, const char *fmt, const char *name,
	    struct vf_error *err);

/* A progress line (fmt and a newline) to m->out, unless NULL. */
void	move_say(struct move *m, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* *yes: whether sql (MOVE_PUB_EXISTS, MOVE_SUB_EXISTS) finds name. */
int	move_exists(PGconn *conn, const char *sql, const char *name, int *yes,
	    struct vf_error *err);

/*
 * The tables of schema on conn (relkind r, and p when with_parents),
 * quoted as schema.table; *n their number.  Free with model_strv_free().
 */
int	move_tables(PGconn *conn, const char *schema, int with_parents,
	    char ***out, size_t *n, struct vf_error *err);

/*
 * Waits until the target has replayed the source's WAL position of now
 * (the subscription's walsender reports it); step names the step in the
 * line printed and the error.  0, or -1 after m->timeout_s.
 */
int	move_catch_up(struct move *m, const char *step, struct vf_error *err);

/*
 * Compares the n tables t on both sides, counts and checksums when full,
 * else counts, printing each when print: the first that differs into bad
 * ("" when none).  0 or -1 when a query fails.
 */
int	move_compare_sums(struct move *m, char **t, size_t n, int full,
	    int print, char *bad, size_t badlen, struct vf_error *err);

/*
 * Drops schema S on the target and, when recreate, makes it again, empty,
 * with the owner and grants it had.  0 or -1.
 */
int	move_reset_schema(struct move *m, int recreate, struct vf_error *err);

#endif
