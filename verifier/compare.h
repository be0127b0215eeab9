/*
 * compare.h: the comparisons the schema commands report on: two catalogs
 * in one sqlite store, their differences as problems, what the verifier
 * does not model, what changed outside the schema, and a live version
 * table against the migration files.
 */
#ifndef VERIFIER_COMPARE_H
#define VERIFIER_COMPARE_H

#include <stddef.h>

#include <libpq-fe.h>

#include "catalog.h"
#include "diff.h"
#include "model.h"
#include "problems.h"
#include "snapshot.h"
#include "sqlfile.h"
#include "util.h"

/*
 * Opens a store (in memory when path is NULL, else that sqlite file) and
 * loads expected and actual into it, with the renamed_from hints of m
 * when m is not NULL.  0 (close with snapshot_close()), or -1 with err set
 * (the store is closed).
 */
int	compare_load(struct snapshot *snap, const char *path,
	    const struct catalog *expected, const struct catalog *actual,
	    const struct model *m, struct vf_error *err);

/*
 * The differences that take got to want, compared in a store in memory,
 * into d (release with diff_free()).  0 or -1 with err set.
 */
int	compare_catalogs(const struct catalog *want, const struct catalog *got,
	    struct diff *d, struct vf_error *err);

/* Adds one problem "prefix: <the difference>" per difference of d. */
void	compare_diff_problems(const struct diff *d, const char *schema,
	    const char *prefix, struct problems *p);

/*
 * Adds an "unsupported: kind schema.name[ in where]" problem per object
 * of cat the verifier does not model (where may be NULL).  Returns their
 * number.
 */
size_t	compare_unsupported(const struct catalog *cat, const char *where,
	    struct problems *p);

/*
 * Adds a problem "prefix: <line>" per line of a (catalog_outside()
 * listings) that b does not hold.
 */
void	compare_outside(const char *a, const char *b, const char *prefix,
	    struct problems *p);

/*
 * The live database conn against the migration files of dir (files,
 * nfiles): the schema exists, every file is applied and unedited
 * (checksum), every applied version has a file.  What is off goes to p.
 * 0, or -1 with err set when a query fails.
 */
int	compare_versions(PGconn *conn, const char *schema, const char *dir,
	    const struct sqlfile *files, size_t nfiles, struct problems *p,
	    struct vf_error *err);

#endif
