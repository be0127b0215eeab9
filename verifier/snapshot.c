/*
 * snapshot.c: the sqlite3 store of both catalogs.  Its tables are made
 * from the catalog's row sets (same column names), with a side column in
 * front, so that diff.c compares the two sides with plain SQL.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "snapshot.h"

/*
 * The store's indexes, for diff.c's joins.  Only snapshot_load() makes
 * them: it drops them, inserts, and builds them again, since one sorted
 * build is cheaper than keeping them up to date row by row.
 */
static const char index_ddl[] =
    " CREATE INDEX columns_key ON columns (side, tbl, name);"
    " CREATE INDEX constraints_key ON constraints (side, tbl, name);"
    " CREATE INDEX indexes_key ON indexes (side, tbl, name);"
    " CREATE INDEX indexes_name ON indexes (side, name);"
    " CREATE INDEX tables_key ON tables (side, name);"
    " CREATE INDEX concols_key ON concols (side, tbl, con);"
    " CREATE INDEX indexkeys_key ON indexkeys (side, tbl, idx);"
    " CREATE INDEX deps_ref ON deps (side, ref_kind, ref_name);";
static const char index_drop[] =
    "DROP INDEX IF EXISTS columns_key; DROP INDEX IF EXISTS constraints_key;"
    " DROP INDEX IF EXISTS indexes_key; DROP INDEX IF EXISTS indexes_name;"
    " DROP INDEX IF EXISTS tables_key; DROP INDEX IF EXISTS concols_key;"
    " DROP INDEX IF EXISTS indexkeys_key; DROP INDEX IF EXISTS deps_ref;";

static int
sq_error(struct snapshot *snap, struct vf_error *err, const char *what)
{
	return (vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0,
	    "snapshot store: %s: %s", what, sqlite3_errmsg(snap->db)));
}

int
snapshot_exec(struct snapshot *snap, const char *sql, struct vf_error *err)
{
	char	*msg = NULL;

	if (sqlite3_exec(snap->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0,
		    "snapshot store: %s", msg != NULL ? msg : "error");
		sqlite3_free(msg);
		return (-1);
	}
	return (0);
}

int
snapshot_prepare(struct snapshot *snap, const char *sql, sqlite3_stmt **stmt,
    struct vf_error *err)
{
	if (sqlite3_prepare_v2(snap->db, sql, -1, stmt, NULL) != SQLITE_OK) {
		*stmt = NULL;
		return (sq_error(snap, err, "prepare"));
	}
	return (0);
}

char *
snapshot_col(sqlite3_stmt *stmt, int col)
{
	const unsigned char	*s;

	if (sqlite3_column_type(stmt, col) == SQLITE_NULL)
		return (NULL);
	s = sqlite3_column_text(stmt, col);
	return (xstrdup(s != NULL ? (const char *)s : ""));
}

int
snapshot_open(struct snapshot *snap, const char *path, struct vf_error *err)
{
	struct vbuf	sql;
	int		i, rc = -1;

	memset(snap, 0, sizeof(*snap));
	if (sqlite3_open(path != NULL ? path : ":memory:", &snap->db) !=
	    SQLITE_OK) {
		vf_error_set(err, VF_EXIT_USAGE, path, 0, 0,
		    "cannot open the snapshot store: %s",
		    snap->db != NULL ? sqlite3_errmsg(snap->db) : "no memory");
		sqlite3_close(snap->db);
		snap->db = NULL;
		return (-1);
	}
	vbuf_init(&sql);
	vbuf_puts(&sql, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
	    " BEGIN;");
	for (i = 0; i < CATALOG_NSETS; i++) {
		vbuf_appendf(&sql, "DROP TABLE IF EXISTS %s;"
		    " CREATE TABLE %s (side TEXT NOT NULL, %s);",
		    catalog_set_name(i), catalog_set_name(i), catalog_set_columns(i));
	}
	vbuf_puts(&sql, "DROP TABLE IF EXISTS renames;"
	    " CREATE TABLE renames (kind TEXT NOT NULL, e_tbl TEXT, a_tbl TEXT,"
	    " e_name TEXT NOT NULL, a_name TEXT NOT NULL); COMMIT;");
	if (snapshot_exec(snap, sql.data, err) == -1)
		goto done;
	rc = 0;
done:
	vbuf_free(&sql);
	if (rc == -1)
		snapshot_close(snap);
	return (rc);
}

void
snapshot_close(struct snapshot *snap)
{
	if (snap->db != NULL)
		sqlite3_close(snap->db);
	snap->db = NULL;
}

static int
load_set(struct snapshot *snap, const char *side, enum catalog_set_id id,
    const struct catalog_set *s, struct vf_error *err)
{
	sqlite3_stmt	*del = NULL, *ins = NULL;
	struct vbuf	 sql;
	size_t		 i, j;
	const char	*cell;
	int		 rc = -1;

	vbuf_init(&sql);
	vbuf_appendf(&sql, "DELETE FROM %s WHERE side = ?1",
	    catalog_set_name(id));
	if (snapshot_prepare(snap, sql.data, &del, err) == -1)
		goto done;
	sqlite3_bind_text(del, 1, side, -1, SQLITE_STATIC);
	if (sqlite3_step(del) != SQLITE_DONE) {
		sq_error(snap, err, "delete");
		goto done;
	}
	vbuf_reset(&sql);
	/* By the set's own column names: a set of fewer columns (a catalog
	   written by hand) leaves the others NULL. */
	vbuf_appendf(&sql, "INSERT INTO %s (side", catalog_set_name(id));
	for (j = 0; j < s->ncols; j++)
		vbuf_appendf(&sql, ", \"%s\"", s->colnames[j]);
	vbuf_puts(&sql, ") VALUES (?1");
	for (j = 0; j < s->ncols; j++)
		vbuf_appendf(&sql, ", ?%zu", j + 2);
	vbuf_puts(&sql, ")");
	if (snapshot_prepare(snap, sql.data, &ins, err) == -1)
		goto done;
	for (i = 0; i < s->nrows; i++) {
		sqlite3_reset(ins);
		sqlite3_bind_text(ins, 1, side, -1, SQLITE_STATIC);
		for (j = 0; j < s->ncols; j++) {
			cell = s->cells[i * s->ncols + j];
			if (cell == NULL)
				sqlite3_bind_null(ins, (int)j + 2);
			else
				sqlite3_bind_text(ins, (int)j + 2, cell, -1,
				    SQLITE_STATIC);
		}
		if (sqlite3_step(ins) != SQLITE_DONE) {
			sq_error(snap, err, "insert");
			goto done;
		}
	}
	rc = 0;
done:
	sqlite3_finalize(del);
	sqlite3_finalize(ins);
	vbuf_free(&sql);
	return (rc);
}

int
snapshot_load(struct snapshot *snap, const char *side,
    const struct catalog *cat, struct vf_error *err)
{
	int	i;

	if (snapshot_exec(snap, "BEGIN", err) == -1)
		return (-1);
	if (snapshot_exec(snap, index_drop, err) == -1)
		goto fail;
	for (i = 0; i < CATALOG_NSETS; i++)
		if (load_set(snap, side, i, &cat->sets[i], err) == -1)
			goto fail;
	if (snapshot_exec(snap, index_ddl, err) == -1)
		goto fail;
	return (snapshot_exec(snap, "COMMIT", err));
fail:
	sqlite3_exec(snap->db, "ROLLBACK", NULL, NULL, NULL);
	return (-1);
}

int
snapshot_load_renames(struct snapshot *snap, const struct snapshot_rename *v,
    size_t n, struct vf_error *err)
{
	sqlite3_stmt	*ins = NULL;
	size_t		 i;
	int		 rc = -1;

	if (snapshot_exec(snap, "DELETE FROM renames", err) == -1)
		goto done;
	if (snapshot_prepare(snap, "INSERT INTO renames (kind, e_tbl, a_tbl, "
	    "e_name, a_name) VALUES (?1, ?2, ?3, ?4, ?5)", &ins, err) == -1)
		goto done;
	for (i = 0; i < n; i++) {
		sqlite3_reset(ins);
		sqlite3_bind_text(ins, 1, v[i].kind, -1, SQLITE_STATIC);
		if (v[i].e_tbl != NULL)
			sqlite3_bind_text(ins, 2, v[i].e_tbl, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(ins, 2);
		if (v[i].a_tbl != NULL)
			sqlite3_bind_text(ins, 3, v[i].a_tbl, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(ins, 3);
		sqlite3_bind_text(ins, 4, v[i].e_name, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 5, v[i].a_name, -1, SQLITE_STATIC);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			sq_error(snap, err, "renames");
			goto done;
		}
	}
	rc = 0;
done:
	sqlite3_finalize(ins);
	return (rc);
}

int
snapshot_read_file(const char *path, const char *side, const char *schema,
    struct catalog *cat, struct vf_error *err)
{
	struct snapshot		 snap;
	struct catalog_set	*s;
	sqlite3_stmt		*st = NULL;
	struct vbuf		 sql;
	size_t			 j, cap;
	int			 i, rc = -1, step;

	memset(cat, 0, sizeof(*cat));
	snap.db = NULL;
	if (sqlite3_open_v2(path, &snap.db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		sqlite3_close(snap.db);
		return (0);
	}
	cat->schema = xstrdup(schema);
	vbuf_init(&sql);
	for (i = 0; i < CATALOG_NSETS; i++) {
		s = &cat->sets[i];
		catalog_set_init(s, i);
		vbuf_reset(&sql);
		vbuf_appendf(&sql, "SELECT %s FROM %s WHERE side = ?1 "
		    "ORDER BY rowid", catalog_set_columns(i), catalog_set_name(i));
		if (sqlite3_prepare_v2(snap.db, sql.data, -1, &st, NULL) !=
		    SQLITE_OK) {
			rc = 0;		/* not a store of this version */
			goto done;
		}
		sqlite3_bind_text(st, 1, side, -1, SQLITE_STATIC);
		cap = 0;
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			if (s->nrows == cap) {
				cap = cap ? cap * 2 : 64;
				s->cells = xrealloc(s->cells, cap * s->ncols *
				    sizeof(char *));
			}
			for (j = 0; j < s->ncols; j++)
				s->cells[s->nrows * s->ncols + j] =
				    snapshot_col(st, (int)j);
			s->nrows++;
		}
		if (step != SQLITE_DONE) {
			sq_error(&snap, err, "read");
			goto done;
		}
		if (s->cells == NULL)
			s->cells = xcalloc(1, sizeof(char *));
		sqlite3_finalize(st);
		st = NULL;
	}
	rc = 1;
done:
	sqlite3_finalize(st);
	vbuf_free(&sql);
	sqlite3_close(snap.db);
	if (rc != 1)
		catalog_free(cat);
	return (rc);
}

int
snapshot_write_file(const char *path, const char *side,
    const struct catalog *cat, struct vf_error *err)
{
	struct snapshot	 snap;
	struct vbuf	 tmp;
	int		 rc = -1;

	vbuf_init(&tmp);
	vbuf_appendf(&tmp, "%s.%ld.tmp", path, (long)getpid());
	(void)unlink(tmp.data);
	if (snapshot_open(&snap, tmp.data, err) == -1)
		goto done;
	rc = snapshot_load(&snap, side, cat, err);
	snapshot_close(&snap);
	if (rc == 0 && rename(tmp.data, path) == -1) {
		rc = vf_error_set(err, VF_EXIT_FAIL, path, 0, 0,
		    "cannot write: %s", strerror(errno));
	}
	if (rc == -1)
		(void)unlink(tmp.data);
done:
	vbuf_free(&tmp);
	return (rc);
}
