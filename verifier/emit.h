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

#endif
