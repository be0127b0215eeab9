/*
 * draft.c: naming, writing and proving a drafted migration file.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "compare.h"
#include "draft.h"
#include "replay.h"
#include "runner.h"
#include "sqlfile.h"

void
draft_slug(const char *msg, char *out, size_t len)
{
	size_t	n = 0;
	int	sep = 0;

	for (; *msg != '\0' && n + 2 < len && n < 60; msg++) {
		char	c = *msg;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (sep && n > 0)
				out[n++] = '_';
			out[n++] = c;
			sep = 0;
		} else
			sep = 1;
	}
	out[n] = '\0';
	if (n == 0)
		snprintf(out, len, "migration");
}

/* The newest version in the folder, "" when none. */
static void
newest_version(const char *dir, char *out, size_t len)
{
	struct sqlfile	*files;
	struct vf_error	 err;
	size_t		 n;

	out[0] = '\0';
	if (!replay_has_files(dir) ||
	    sqlfile_load_dir(dir, &files, &n, &err) == -1)
		return;
	if (n > 0)
		snprintf(out, len, "%s", files[n - 1].version);
	sqlfile_free_list(files, n);
}

void
draft_version(const char *dir, char *out, size_t len)
{
	char			newest[64];
	time_t			now;
	struct tm		tm;
	unsigned long long	v;

	now = time(NULL);
	gmtime_r(&now, &tm);
	strftime(out, len, "%Y%m%d%H%M%S", &tm);
	newest_version(dir, newest, sizeof(newest));
	if (newest[0] != '\0' && sqlfile_version_cmp(out, newest) <= 0) {
		v = strtoull(newest, NULL, 10) + 1;
		snprintf(out, len, "%llu", v);
	}
}

void
draft_file_text(struct vbuf *out, const char *msg, const char *models,
    const char *up, const char *down)
{
	vbuf_puts(out, "-- ");
	vbuf_puts(out, msg[strcspn(msg, "\n")] == '\0' ? msg : "(message)");
	vbuf_appendf(out, "\n-- drafted by verifier draft from %s\n"
	    "-- migrate:up\n%s\n-- migrate:down\n%s", models, up, down);
}

void
draft_file_text_tx(struct vbuf *out, const char *msg, const char *models,
    const char *up, const char *down, int tx)
{
	const char	*mark = tx ? "" : " transaction:false";

	vbuf_puts(out, "-- ");
	vbuf_puts(out, msg[strcspn(msg, "\n")] == '\0' ? msg : "(message)");
	vbuf_appendf(out, "\n-- drafted by verifier draft --online from %s\n"
	    "-- migrate:up%s\n%s\n-- migrate:down%s\n%s", models, mark, up,
	    mark, down);
}

/* Adds file version+k_slug+suffix to files with its sections. */
static void
online_file(struct draft_file *files, size_t *n, const char *msg,
    const char *models, const char *version, const char *slug,
    const char *suffix, const char *up, const char *down_head,
    const char *down, int tx)
{
	struct draft_file	*f = &files[*n];
	struct vbuf		 u, d;
	const char		*set;

	set = tx ? "SET LOCAL lock_timeout = '" EMIT_ONLINE_LOCK_TIMEOUT "';\n"
	    : "SET lock_timeout = '" EMIT_ONLINE_LOCK_TIMEOUT "';\n";
	snprintf(f->name, sizeof(f->name), "%llu_%s%s.sql",
	    strtoull(version, NULL, 10) + *n, slug, suffix);
	vbuf_init(&f->text);
	vbuf_init(&u);
	vbuf_init(&d);
	vbuf_puts(&u, set);
	vbuf_puts(&u, up);
	vbuf_puts(&d, set);
	vbuf_puts(&d, down_head);
	vbuf_puts(&d, down);
	draft_file_text_tx(&f->text, msg, models, u.data, d.data, tx);
	vbuf_free(&u);
	vbuf_free(&d);
	(*n)++;
}

void
draft_online_files(const char *msg, const char *models, const char *version,
    const char *slug, const char *up, const char *down,
    const struct emit_online_text *t, struct draft_file *files, size_t *n)
{
	*n = 0;
	if (up[0] != '\0')
		online_file(files, n, msg, models, version, slug, "", up,
		    t->first_down.len > 0 ? t->first_down.data : "", down, 1);
	if (t->concurrent_up.len > 0)
		online_file(files, n, msg, models, version, slug,
		    "_concurrent", t->concurrent_up.data, "",
		    t->concurrent_down.len > 0 ? t->concurrent_down.data : "",
		    0);
	if (t->validate_up.len > 0)
		online_file(files, n, msg, models, version, slug, "_validate",
		    t->validate_up.data, "", t->validate_down.len > 0 ?
		    t->validate_down.data : "", 1);
}

/* Empties and removes folder tmp (files only). */
static void
remove_folder(const char *tmp)
{
	DIR		*d;
	struct dirent	*de;
	char		 path[PATH_MAX + 260];

	if ((d = opendir(tmp)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s", tmp, de->d_name);
			(void)unlink(path);
		}
		closedir(d);
	}
	(void)rmdir(tmp);
}

/* Links in tmp to the *.sql files of dir; 0 or -1 with err set. */
static int
link_files(const char *dir, const char *tmp, struct vf_error *err)
{
	DIR		*d;
	struct dirent	*de;
	char		 abs[PATH_MAX], from[PATH_MAX + 260], to[PATH_MAX + 260];
	size_t		 l;
	int		 rc = 0;

	if (realpath(dir, abs) == NULL || (d = opendir(abs)) == NULL)
		return (vf_error_set(err, VF_EXIT_FAIL, dir, 0, 0,
		    "cannot read the migrations folder"));
	while (rc == 0 && (de = readdir(d)) != NULL) {
		l = strlen(de->d_name);
		if (de->d_name[0] == '.' || l < 5 ||
		    strcmp(de->d_name + l - 4, ".sql") != 0)
			continue;
		snprintf(from, sizeof(from), "%s/%s", abs, de->d_name);
		snprintf(to, sizeof(to), "%s/%s", tmp, de->d_name);
		if (symlink(from, to) == -1)
			rc = vf_error_set(err, VF_EXIT_FAIL, to, 0, 0,
			    "cannot link to %s", from);
	}
	closedir(d);
	return (rc);
}

/* Adds to p what differs between want and the schema's catalog on conn. */
static int
prove_catalog(PGconn *conn, const char *schema, const struct catalog *want,
    const char *after, struct problems *p, struct vf_error *err)
{
	struct catalog	 cat;
	struct diff	 d;
	struct vbuf	 line;
	size_t		 i;

	if (catalog_read(conn, schema, &cat, err) == -1)
		return (-1);
	if (compare_catalogs(want, &cat, &d, err) == -1) {
		catalog_free(&cat);
		return (-1);
	}
	vbuf_init(&line);
	for (i = 0; i < d.n; i++) {
		vbuf_reset(&line);
		diff_describe(&line, schema, &d.v[i]);
		problems_add(p, NULL, 0, "after the drafted %s sections: %s",
		    after, line.data);
	}
	vbuf_free(&line);
	diff_free(&d);
	catalog_free(&cat);
	return (0);
}

int
draft_prove_files(PGconn *conn, const char *schema, const char *dir,
    const struct draft_file *files, size_t n, const struct catalog *expected,
    const struct catalog *before, struct problems *p, struct vf_error *err)
{
	struct runner_opts	 ro;
	struct vf_error		 ferr;
	char			 tmp[64], path[PATH_MAX];
	const char		*base;
	size_t			 i;
	int			 rc = -1;

	base = getenv("TMPDIR");
	snprintf(tmp, sizeof(tmp), "%s/vf_online_XXXXXX",
	    base != NULL && strlen(base) < 40 ? base : "/tmp");
	if (mkdtemp(tmp) == NULL)
		return (vf_error_set(err, VF_EXIT_FAIL, tmp, 0, 0,
		    "cannot make a temporary folder"));
	if (replay_has_files(dir) && link_files(dir, tmp, err) == -1)
		goto done;
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", tmp, files[i].name);
		if (vf_write_file_atomic(path, files[i].text.data,
		    files[i].text.len, err) == -1)
			goto done;
	}
	vf_error_clear(&ferr);
	if (replay_migrations(conn, schema, tmp, NULL, &ferr) == -1) {
		/* The replay of dir alone is proved by draft: a file of
		   this draft fails. */
		problems_add(p, NULL, 0, "the drafted files fail on a replay "
		    "of the migrations: %s: %s", ferr.file[0] != '\0' ?
		    strrchr(ferr.file, '/') != NULL ? strrchr(ferr.file, '/') +
		    1 : ferr.file : "?", ferr.msg);
		rc = 0;
		goto done;
	}
	if (prove_catalog(conn, schema, expected, "up", p, err) == -1)
		goto done;
	memset(&ro, 0, sizeof(ro));
	ro.schema = schema;
	ro.dir = tmp;
	ro.role = "";
	if (runner_down(conn, &ro, (int)n, &ferr) == -1) {
		problems_add(p, NULL, 0, "the drafted down sections fail: "
		    "%s: %s", ferr.file[0] != '\0' && strrchr(ferr.file, '/') !=
		    NULL ? strrchr(ferr.file, '/') + 1 : ferr.file, ferr.msg);
		rc = 0;
		goto done;
	}
	if (prove_catalog(conn, schema, before, "down", p, err) == -1)
		goto done;
	rc = 0;
done:
	remove_folder(tmp);
	return (rc);
}

int
draft_prove(PGconn *conn, enum scratch_shadow shadow, const char *schema,
    const char *dir, const char *up, const char *down,
    const struct catalog *expected, const struct catalog *before,
    struct problems *p, struct vf_error *err)
{
	struct catalog	 cat;
	struct diff	 d;
	struct vbuf	 line;
	size_t		 i;
	int		 step, rc = -1, tx = shadow != SCRATCH_SHADOW_NONE;

	vbuf_init(&line);
	if (tx) {
		if (scratch_shadow_begin(conn, schema, shadow, err) != 0 ||
		    replay_migrations_in_tx(conn, schema, dir, NULL, err) == -1)
			goto done;
	} else if (replay_migrations(conn, schema, dir, NULL, err) == -1)
		goto done;
	for (step = 0; step < 2; step++) {
		if ((tx ? scratch_run_script_in_tx : scratch_run_script)(conn,
		    step == 0 ? up : down, err) == -1) {
			problems_add(p, NULL, 0, "the drafted %s section fails "
			    "on a replay of the migrations: %s",
			    step == 0 ? "up" : "down", err->msg);
			continue;
		}
		if ((tx ? catalog_read_in_tx : catalog_read)(conn, schema, &cat,
		    err) == -1)
			goto done;
		if (compare_catalogs(step == 0 ? expected : before, &cat, &d,
		    err) == -1) {
			catalog_free(&cat);
			goto done;
		}
		for (i = 0; i < d.n; i++) {
			vbuf_reset(&line);
			diff_describe(&line, schema, &d.v[i]);
			problems_add(p, NULL, 0, "after the drafted %s section: "
			    "%s", step == 0 ? "up" : "down", line.data);
		}
		diff_free(&d);
		catalog_free(&cat);
	}
	rc = 0;
done:
	if (tx)
		scratch_shadow_end(conn);
	vbuf_free(&line);
	return (rc);
}

int
draft_check_casts(PGconn *conn, struct snapshot *snap, const char *schema,
    const char *from, const char *to, struct problems *p,
    struct vf_error *err)
{
	const struct diff_change	*c;
	struct diff			 d;
	struct vbuf			 sql;
	PGresult			*res;
	const char			*state;
	size_t				 i;

	if (diff_compute(snap, from, to, &d, err) == -1)
		return (-1);
	vbuf_init(&sql);
	for (i = 0; i < d.n; i++) {
		c = &d.v[i];
		if (strcmp(c->kind, "column") != 0 ||
		    strcmp(c->action, "alter") != 0 || c->field == NULL ||
		    strcmp(c->field, "type") != 0 || c->from_val == NULL ||
		    c->to_val == NULL)
			continue;
		/* Both are format_type() texts, from the catalogs. */
		vbuf_reset(&sql);
		vbuf_appendf(&sql, "SELECT CAST(NULL::%s AS %s)", c->from_val,
		    c->to_val);
		res = PQexec(conn, sql.data);
		state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
		if (PQresultStatus(res) != PGRES_TUPLES_OK && state != NULL &&
		    strcmp(state, "42846") == 0)
			problems_add(p, NULL, 0, "column %s.%s.%s: PostgreSQL "
			    "has no cast from %s to %s, so the draft cannot "
			    "convert its data; write that step yourself "
			    "(ALTER TABLE ... ALTER COLUMN ... TYPE %s USING "
			    "<expression>) in a migration file", schema,
			    c->tbl, c->name, c->from_val, c->to_val,
			    c->to_val);
		PQclear(res);
	}
	vbuf_free(&sql);
	diff_free(&d);
	return (0);
}
