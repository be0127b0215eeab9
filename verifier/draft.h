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
#include "emit.h"
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
 * draft_file_text() for one file of `draft --online`: its sections
 * marked transaction:false unless tx.
 */
void	draft_file_text_tx(struct vbuf *out, const char *msg,
	    const char *models, const char *up, const char *down, int tx);

/* One drafted file: its name in the migrations folder, and its text. */
struct draft_file {
	char		 name[200];
	struct vbuf	 text;
};

/*
 * The files of `draft --online` into files (room for 3), *n their
 * number: <version>_<slug>.sql with up and down (what the plan leaves in
 * the first file; first_down of t before down), then, when the plan has
 * them, <version+1>_<slug>_concurrent.sql (transaction:false) and
 * <version+2>_<slug>_validate.sql (the numbers go on from the last file
 * written).  Each section starts with a lock_timeout of
 * EMIT_ONLINE_LOCK_TIMEOUT (SET LOCAL in a transaction).  Release each
 * file's text with vbuf_free().
 */
void	draft_online_files(const char *msg, const char *models,
	    const char *version, const char *slug, const char *up,
	    const char *down, const struct emit_online_text *t,
	    struct draft_file *files, size_t *n);

/*
 * Proves the files of `draft --online` on conn, a scratch database: the
 * migrations of dir and then files[0..n) applied by the runner (as
 * `migrate` applies them, transaction:false ones outside a transaction)
 * give the catalog expected; their down sections, run newest first,
 * give before.  The files are put, with links to those of dir, in a
 * temporary folder, removed at the end.  What differs, and a file that
 * fails, go to p.  Returns 0, or -1 with err set when a step fails for
 * another reason (the replay of dir, a catalog read, the folder).
 */
int	draft_prove_files(PGconn *conn, const char *schema, const char *dir,
	    const struct draft_file *files, size_t n,
	    const struct catalog *expected, const struct catalog *before,
	    struct problems *p, struct vf_error *err);

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
