/*
 * snapshot.h: the sqlite3 store where both catalogs meet.  One table per
 * catalog row set (enums, tables, columns, ...) with the same columns for
 * both sides and a `side` column, 'expected' (the models) or 'actual'
 * (a database or a replay of the migrations), plus `renames`, the
 * renamed_from hints of the model.  In memory, or on disk for inspection
 * (`--snapshot FILE`).
 */
#ifndef VERIFIER_SNAPSHOT_H
#define VERIFIER_SNAPSHOT_H

#include <sqlite3.h>

#include "catalog.h"
#include "util.h"

#define SNAPSHOT_EXPECTED	"expected"
#define SNAPSHOT_ACTUAL		"actual"

struct snapshot {
	sqlite3	*db;
};

/*
 * Opens a store: in memory when path is NULL, else the sqlite file path
 * (its snapshot tables are replaced).  Creates the tables.  Returns 0
 * (close with snapshot_close()), or -1 with err set.
 */
int	snapshot_open(struct snapshot *snap, const char *path,
	    struct vf_error *err);

/* Closes the store (a file store stays on disk). */
void	snapshot_close(struct snapshot *snap);

/*
 * Replaces the rows of side (SNAPSHOT_EXPECTED or SNAPSHOT_ACTUAL) with
 * the catalog cat.  0 or -1 with err set.
 */
int	snapshot_load(struct snapshot *snap, const char *side,
	    const struct catalog *cat, struct vf_error *err);

/*
 * A renamed_from hint of the model: the table (e_tbl and a_tbl NULL) or
 * the column of table e_tbl (expected side) / a_tbl (actual side) named
 * e_name on the expected side was named a_name on the actual side.
 */
struct snapshot_rename {
	const char	*kind;		/* "table" or "column" */
	const char	*e_tbl;
	const char	*a_tbl;
	const char	*e_name;
	const char	*a_name;
};

/*
 * Replaces the renames of the store with the n hints of v (only read
 * during the call).  0 or -1 with err set.
 */
int	snapshot_load_renames(struct snapshot *snap,
	    const struct snapshot_rename *v, size_t n, struct vf_error *err);

/*
 * Runs sql (no parameters, any number of statements) on the store.
 * 0 or -1 with err naming the sqlite message.
 */
int	snapshot_exec(struct snapshot *snap, const char *sql,
	    struct vf_error *err);

/*
 * Prepares sql on the store into *stmt (the caller finalizes it).
 * 0 or -1 with err set.
 */
int	snapshot_prepare(struct snapshot *snap, const char *sql,
	    sqlite3_stmt **stmt, struct vf_error *err);

/*
 * A text column of the current row of stmt as a new string (NULL for
 * SQL NULL); the caller frees it.
 */
char	*snapshot_col(sqlite3_stmt *stmt, int col);

/*
 * Fills cat (which need not be initialised) with the rows of side of the
 * store file at path, opened read-only, for schema.  Returns 1 when
 * found (release cat with catalog_free()), 0 when there is no such file
 * or it holds nothing usable, -1 with err set on a read error.
 */
int	snapshot_read_file(const char *path, const char *side,
	    const char *schema, struct catalog *cat, struct vf_error *err);

/*
 * Writes cat as side of a new store file at path, atomically (a
 * temporary file renamed into place).  0 or -1 with err set.
 */
int	snapshot_write_file(const char *path, const char *side,
	    const struct catalog *cat, struct vf_error *err);

#endif
