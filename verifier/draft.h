/*
 * draft.h: `verifier draft`'s library side: the name of a new migration
 * file, its text, and the proof that a drafted up and down section do
 * what they should, run on a replay of the migrations.
 */
#ifndef VERIFIER_DRAFT_H
#define VERIFIER_DRAFT_H

#include <stddef.h>

#include <libpq-fe.h>

#include "catalog.h"
#include "problems.h"
#include "scratch.h"
#include "snapshot.h"
#include "util.h"

/*
 * A file-name slug of msg into out (len bytes): its letters and digits,
 * lower-cased, words joined by '_', at most 60 characters; "migration"
 * when msg has none.
 */
void	draft_slug(const char *msg, char *out, size_t len);

/*
 * The version of a new file of folder dir into out (len bytes): now in
 * UTC as YYYYMMDDHHMMSS, or the newest file's version plus one when that
 * is not older, whatever the clock says.
 */
void	draft_version(const char *dir, char *out, size_t len);

/*
 * Appends to out the text of a migration file: msg as a comment (its
 * first line only when it is one line, else "(message)"), where it was
 * drafted from (models), and the up and down sections.
 */
void	draft_file_text(struct vbuf *out, const char *msg, const char *models,
	    const char *up, const char *down);

/*
 * Proves a draft on conn: the migrations of dir replayed in schema, then
 * up applied gives the catalog expected (the models'), then down applied
 * gives before (the replay's).  conn is a scratch database (shadow
 * SCRATCH_SHADOW_NONE), or the command's connection, where the proof
 * runs in one shadow transaction of that mode (scratch.h), each section
 * in a savepoint, rolled back at the end.  What differs, and a section
 * that fails, goes to p.  Returns 0, or -1 with err set when a step fails
 * for another reason (the replay, a catalog read).
 */
int	draft_prove(PGconn *conn, enum scratch_shadow shadow,
	    const char *schema, const char *dir, const char *up,
	    const char *down, const struct catalog *expected,
	    const struct catalog *before, struct problems *p,
	    struct vf_error *err);

/*
 * Adds to p one problem per column type change of snap (side `from` to
 * side `to`) between two types PostgreSQL has no cast for (SQLSTATE
 * 42846, asked with CAST(NULL::from AS to) on conn): the draft's
 * "USING col::type" would fail, and only the user knows how the data
 * converts.  Types conn does not know are passed over (the proof sees
 * them).  Returns 0 or -1 with err set.
 */
int	draft_check_casts(PGconn *conn, struct snapshot *snap,
	    const char *schema, const char *from, const char *to,
	    struct problems *p, struct vf_error *err);

#endif
