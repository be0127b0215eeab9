/*
 * lint.h: `verifier lint`, online-safety rules over migration files.
 * Each statement of a file's up section is read through PostgreSQL's
 * parse tree (pgtree.c) and judged against the tables it touches: a table
 * created earlier in the same file is new (no hazard), one from an
 * earlier file or the live database is existing (a hazard), ranked by its
 * size when a live database tells it (pg_class.reltuples and the heap's
 * size).  The rules and their messages are in lint_rules*.c; docs/lint.md
 * lists them.
 */
#ifndef VERIFIER_LINT_H
#define VERIFIER_LINT_H

#include <stddef.h>

#include <libpq-fe.h>

#include "sqlfile.h"
#include "util.h"

enum lint_severity {
	LINT_WARNING = 1,
	LINT_ERROR = 2,
};

/* A table under this many estimated rows and bytes is small. */
#define LINT_SMALL_ROWS		10000
#define LINT_SMALL_BYTES	(10LL * 1024 * 1024)
/* A file's own lock_timeout longer than this is a finding. */
#define LINT_LOCK_TIMEOUT_MAX_MS	5000

/* One finding: a rule broken by one statement. */
struct lint_finding {
	char			*file;		/* the file's path */
	int			 line;		/* of the statement (or comment) */
	int			 col;
	const char		*rule;		/* static: lint_rules[] */
	enum lint_severity	 severity;
	char			*what;		/* what happens: lock, how long */
	char			*fix;		/* the safe rewrite */
};

/* Zero-initialised before lint_files(); lint_result_free() after. */
struct lint_result {
	struct lint_finding	*v;
	size_t			 n;
	size_t			 nfiles;	/* files linted */
	size_t			 nstmts;	/* statements linted */
	int			 live;		/* sizes from a live database */
};

/* Every rule's name, NULL-terminated: what a silence may name. */
extern const char *const lint_rules[];

/*
 * Lints the up sections of files[0..nfiles) of schema, in that order,
 * after reading ctx[0..nctx) (earlier files: what they create exists,
 * nothing of theirs is reported).  conn, when not NULL, is the live
 * database: its tables of schema exist and are sized.  Findings are
 * appended to r.  Returns 0, or -1 with err set (a live query failed).
 */
int	lint_files(const char *schema, PGconn *conn, const struct sqlfile *ctx,
	    size_t nctx, const struct sqlfile *files, size_t nfiles,
	    struct lint_result *r, struct vf_error *err);

/*
 * lint_files() of the files of a migrations folder (files[0..nfiles), in
 * version order) that the live database conn has not applied, after
 * those it has (a schema without a version table has applied none);
 * every file when conn is NULL.  0, or -1 with err set.
 */
int	lint_pending(const char *schema, PGconn *conn,
	    const struct sqlfile *files, size_t nfiles, struct lint_result *r,
	    struct vf_error *err);

/* The number of error-level findings of r. */
size_t	lint_errors(const struct lint_result *r);

/* Releases what r holds; r is left empty. */
void	lint_result_free(struct lint_result *r);

#endif
