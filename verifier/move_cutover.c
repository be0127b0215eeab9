/*
 * move_cutover.c: the end of a move (move.h): the cutover that takes the
 * service's writes to the target (its role's write privileges revoked on
 * the source, its sessions ended, the final catch-up, sequences set, the
 * subscription dropped, the services file pointed at the target), the
 * finish that drops S on the source, and the abort that undoes every step
 * before the cutover.
 */
#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "model.h"
#include "move.h"
#include "move_int.h"

/*
 * The owner's writes on the tables of S on the source: revoked (grant 0)
 * or given back (grant 1) when any was revoked; *done whether anything
 * changed.
 */
static int
writes(struct move *m, int grant, int *done, struct vf_error *err)
{
	const char	*params[2];
	struct vbuf	 q;
	char		 buf[16];
	int		 rc;

	*done = 0;
	params[0] = m->schema;
	if (move_scalar(m->src, "SELECT pg_catalog.pg_get_userbyid(nspowner) FROM "
	    "pg_catalog.pg_namespace WHERE nspname = $1", 1, params, m->owner,
	    sizeof(m->owner), err) == -1)
		return (-1);
	params[1] = m->owner;
	if (move_scalar(m->src, "SELECT count(*) FROM pg_catalog.pg_class c JOIN "
	    "pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE "
	    "n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT "
	    "pg_catalog.has_table_privilege($2, c.oid, 'INSERT')", 2, params,
	    buf, sizeof(buf), err) == -1)
		return (-1);
	if (grant && strcmp(buf, "0") == 0)
		return (0);
	vbuf_init(&q);
	vbuf_appendf(&q, "%s INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN "
	    "SCHEMA ", grant ? "GRANT" : "REVOKE");
	vf_quote_ident(&q, m->schema);
	vbuf_appendf(&q, " %s ", grant ? "TO" : "FROM");
	vf_quote_ident(&q, m->owner);
	rc = db_exec(m->src, q.data, 0, NULL, err);
	vbuf_free(&q);
	*done = rc == 0;
	return (rc);
}

/*
 * Ends the owner's sessions on the source database, waiting up to 5 s for
 * each to exit, so that every commit it acknowledged is in the WAL before
 * the final position is read; their number to n.
 */
static int
end_sessions(struct move *m, char *n, size_t len, struct vf_error *err)
{
	const char	*params[1] = { m->owner };

	return (move_scalar(m->src, "SELECT count(pg_catalog.pg_terminate_backend("
	    "pid, 5000)) FROM pg_catalog.pg_stat_activity WHERE usename = $1 AND "
	    "datname = pg_catalog.current_database() AND pid <> "
	    "pg_catalog.pg_backend_pid()", 1, params, n, len, err));
}

/* Every sequence of S on the target set to its value on the source. */
static int
copy_sequences(struct move *m, int *n, struct vf_error *err)
{
	const char	*params[2];
	PGresult	*res;
	struct vbuf	 name;
	int		 i, rc = 0;

	params[0] = m->schema;
	if ((res = db_query(m->src, "SELECT sequencename, last_value::text "
	    "FROM pg_catalog.pg_sequences WHERE schemaname = $1 AND "
	    "last_value IS NOT NULL ORDER BY 1", 1, params, PGRES_TUPLES_OK,
	    err)) == NULL)
		return (-1);
	*n = PQntuples(res);
	for (i = 0; rc == 0 && i < PQntuples(res); i++) {
		vbuf_init(&name);
		vf_quote_ident(&name, m->schema);
		vbuf_putc(&name, '.');
		vf_quote_ident(&name, PQgetvalue(res, i, 0));
		params[0] = name.data;
		params[1] = PQgetvalue(res, i, 1);
		rc = db_exec(m->tgt, "SELECT pg_catalog.setval($1::regclass, "
		    "$2::bigint, true)", 2, params, err);
		if (rc == 0)
			move_say(m, "cutover: sequence %s set to %s on the target",
			    name.data, params[1]);
		vbuf_free(&name);
	}
	PQclear(res);
	return (rc);
}

/* env_file with the line KEY=value, made or replaced; mode 600. */
static int
write_env(const char *env_file, const char *schema, const char *to,
    struct vf_error *err)
{
	struct vbuf	 key, out;
	char		*old = NULL, *line, *next;
	size_t		 len, i;
	mode_t		 mask;
	int		 rc;

	vbuf_init(&key);
	for (i = 0; schema[i] != '\0'; i++)
		vbuf_putc(&key, (char)(schema[i] >= 'a' && schema[i] <= 'z' ?
		    schema[i] - 'a' + 'A' : schema[i]));
	vbuf_puts(&key, "_DATABASE_URL=");
	vbuf_init(&out);
	if (access(env_file, F_OK) == 0 &&
	    vf_read_file(env_file, &old, &len, err) == -1) {
		vbuf_free(&key);
		return (-1);
	}
	for (line = old; line != NULL && *line != '\0'; line = next) {
		next = strchr(line, '\n');
		next = next != NULL ? next + 1 : line + strlen(line);
		if (strncmp(line, key.data, key.len) != 0)
			vbuf_append(&out, line, (size_t)(next - line));
	}
	if (out.len > 0 && out.data[out.len - 1] != '\n')
		vbuf_putc(&out, '\n');
	vbuf_appendf(&out, "%s%s\n", key.data, to);
	/* The file holds secrets: never readable by others, even briefly. */
	mask = umask(077);
	rc = vf_write_file_atomic(env_file, out.data, out.len, err);
	umask(mask);
	if (rc == 0)
		rc = chmod(env_file, 0600) == 0 ? 0 : vf_error_set(err,
		    VF_EXIT_FAIL, env_file, 0, 0, "cannot chmod 600");
	free(old);
	vbuf_free(&out);
	vbuf_free(&key);
	return (rc);
}

int
move_cutover(struct move *m, const char *to, const char *env_file,
    double *pause_ms, struct vf_error *err)
{
	char	**t = NULL, bad[512], ended[16];
	size_t	 n = 0;
	double	 t0;
	int	 done, nseq, yes, rc = -1;

	t0 = vf_now_ms();
	if (writes(m, 0, &done, err) == -1)
		return (-1);
	move_say(m, "cutover: %s may no longer write to the tables of %s on the "
	    "source", m->owner, m->schema);
	if (end_sessions(m, ended, sizeof(ended), err) == -1)
		return (-1);
	move_say(m, "cutover: %s sessions of %s ended on the source", ended,
	    m->owner);
	if (move_exists(m->tgt, MOVE_SUB_EXISTS, m->name, &yes, err) == -1)
		return (-1);
	if (yes) {
		if (move_catch_up(m, "cutover", err) == -1 ||
		    move_tables(m->src, m->schema, 0, &t, &n, err) == -1)
			goto done;
		/* Counts only: checksums of big tables would lengthen the pause. */
		if (move_compare_sums(m, t, n, 0, 0, bad, sizeof(bad), err) == -1)
			goto done;
		if (bad[0] != '\0') {
			vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0, "cutover: "
			    "%s differs with writes stopped; the source still "
			    "holds S: run --abort", bad);
			goto done;
		}
		move_say(m, "cutover: %zu tables have equal row counts with writes "
		    "stopped", n);
	}
	if (copy_sequences(m, &nseq, err) == -1)
		goto done;
	if (yes) {
		if (move_exec_named(m->tgt, "DROP SUBSCRIPTION %s", m->name,
		    err) == -1)
			goto done;
		move_say(m, "cutover: subscription %s dropped on the target",
		    m->name);
	}
	if (env_file != NULL) {
		if (write_env(env_file, m->schema, to, err) == -1)
			goto done;
		move_say(m, "cutover: %s now points %s at the target", env_file,
		    m->schema);
	}
	if (move_set_state(m, MOVE_CUTOVER, err) == -1)
		goto done;
	*pause_ms = vf_now_ms() - t0;
	rc = 0;
done:
	model_strv_free(t, n);
	return (rc);
}

int
move_finish(struct move *m, struct vf_error *err)
{
	int	yes;

	if (move_exists(m->src, MOVE_PUB_EXISTS, m->name, &yes, err) == -1)
		return (-1);
	if (yes && move_exec_named(m->src, "DROP PUBLICATION %s", m->name,
	    err) == -1)
		return (-1);
	move_say(m, "finish: publication %s dropped on the source", m->name);
	if (move_exec_named(m->src, "DROP SCHEMA IF EXISTS %s CASCADE", m->schema,
	    err) == -1)
		return (-1);
	move_say(m, "finish: schema %s dropped on the source", m->schema);
	return (move_set_state(m, MOVE_FINISH, err));
}

int
move_abort(struct move *m, int *undone, struct vf_error *err)
{
	const char	*params[1] = { m->schema };
	enum move_step	 step;
	char		 buf[8];
	int		 yes;

	*undone = 0;
	if (move_state(m, &step, err) == -1)
		return (-1);
	if (step >= MOVE_CUTOVER)
		return (vf_error_set(err, VF_EXIT_USAGE, NULL, 0, 0,
		    "abort: %s was cut over; the target serves it and holds "
		    "writes the source has not, so it cannot be undone (move it "
		    "back with another move)", m->schema));
	if (step == MOVE_VERIFY && writes(m, 1, &yes, err) == -1)
		return (-1);
	if (step == MOVE_VERIFY && yes) {
		move_say(m, "abort: %s's write privileges on %s given back on the "
		    "source", m->owner, m->schema);
		*undone = 1;
	}
	if (move_exists(m->tgt, MOVE_SUB_EXISTS, m->name, &yes, err) == -1)
		return (-1);
	if (yes) {
		if (move_exec_named(m->tgt, "DROP SUBSCRIPTION %s", m->name,
		    err) == -1)
			return (-1);
		move_say(m, "abort: subscription %s dropped on the target (and its "
		    "slot on the source)", m->name);
		*undone = 1;
	}
	if (move_exists(m->src, MOVE_PUB_EXISTS, m->name, &yes, err) == -1)
		return (-1);
	if (yes) {
		if (move_exec_named(m->src, "DROP PUBLICATION %s", m->name,
		    err) == -1)
			return (-1);
		move_say(m, "abort: publication %s dropped on the source", m->name);
		*undone = 1;
	}
	if (step == MOVE_NONE)
		return (0);
	if (move_scalar(m->tgt, "SELECT schema_existed FROM public."
	    MOVE_STATE_TABLE " WHERE schema_name = $1", 1, params, buf,
	    sizeof(buf), err) == -1 || move_reset_schema(m, buf[0] == 't',
	    err) == -1)
		return (-1);
	move_say(m, "abort: schema %s dropped on the target%s", m->schema,
	    buf[0] == 't' ? " (made again empty, as it was before)" : "");
	if (db_exec(m->tgt, "DELETE FROM public." MOVE_STATE_TABLE " WHERE "
	    "schema_name = $1", 1, params, err) == -1)
		return (-1);
	move_say(m, "abort: the move of %s (done up to %s) is undone", m->schema,
	    move_step_name(step));
	*undone = 1;
	return (0);
}
