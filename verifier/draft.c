/*
 * draft.c: naming, writing and proving a drafted migration file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "compare.h"
#include "draft.h"
#include "replay.h"
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
