/*
 * cmd_check.c: `verifier check`, the CI gate of one schema: the models
 * load; the migrations parse, refer to no other schema, replay from empty
 * without touching anything outside the schema and equal the models; the
 * live database is at head, with no edited file and no drift; the lint
 * of the files the live database has not applied (all with --no-live)
 * finds no error-level hazard.  Every problem is listed, not only the
 * first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_schema.h"
#include "compare.h"
#include "db.h"
#include "expected.h"
#include "lint.h"
#include "refs.h"
#include "replay.h"

static const struct option check_options[] = {
	CLI_OPTIONS_COMMON,
	CLI_OPTIONS_FILES,
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "no-live", no_argument, NULL, CLI_OPT_NO_LIVE },
	CLI_OPTIONS_END,
};

static const struct cli_spec check_spec = {
	"check --schema S [--models DIR] [--migrations DIR] [--db URL]\n"
	"                [--no-live] [--format text|json|github] "
	"[--snapshot FILE]\n"
	"       the models load; the migrations replay from empty, touch "
	"nothing outside S\n"
	"       and equal the models; the live database is at head with no "
	"edited file\n"
	"       and no drift (unless --no-live).  Exit 0 ok, 1 with every "
	"problem listed, 2 bad input",
	check_options, 1, 0,
};

/*
 * Adds the differences between expected and actual, prefixed, to p.
 * snap is closed first and left open on the comparison.
 */
static int
diff_into(struct snapshot *snap, const struct cli_args *a,
    const struct catalog *expected, const struct catalog *actual,
    const char *prefix, struct problems *p, struct vf_error *err)
{
	struct diff	d;

	snapshot_close(snap);
	if (compare_load(snap, a->snapshot, expected, actual, NULL, err) == -1)
		return (-1);
	if (diff_compute(snap, SNAPSHOT_ACTUAL, SNAPSHOT_EXPECTED, &d,
	    err) == -1)
		return (-1);
	compare_diff_problems(&d, a->schema, prefix, p);
	diff_free(&d);
	return (0);
}

/*
 * Steps 4 and 5 of check, against the models' catalog expected: the
 * replay (when not NULL) equals it; unless --no-live, the live database
 * is at head with no edited file (versions: the migrations folder was
 * read, files and nfiles) and does not drift from it.  Problems to p;
 * 0, or -1 with err set on an error.
 */
static int
check_models(PGconn *conn, const struct cli_args *a,
    const struct catalog *expected, const struct catalog *replayed,
    int versions, const struct sqlfile *files, size_t nfiles,
    struct snapshot *snap, struct problems *p, struct vf_error *err)
{
	struct catalog	live;
	int		rc = -1;

	memset(&live, 0, sizeof(live));
	if (replayed != NULL && diff_into(snap, a, expected, replayed, "the "
	    "migrations differ from the models (run verifier draft)", p,
	    err) == -1)
		goto done;
	if (a->no_live) {
		rc = 0;
		goto done;
	}
	if (versions && compare_versions(conn, a->schema, a->migrations,
	    files, nfiles, p, err) == -1)
		goto done;
	if (catalog_read(conn, a->schema, &live, err) == -1)
		goto done;
	compare_unsupported(&live, "the live database", p);
	rc = diff_into(snap, a, expected, &live, "drift: the live database "
	    "differs from the models", p, err);
done:
	catalog_free(&live);
	return (rc);
}

/*
 * The lint of the migrations (lint.c) into p: with a live database
 * (conn), the files it has not applied, sized by it; with --no-live
 * (conn NULL), every file.  Error-level findings are problems, and one
 * line more says how to clear them; warnings are reported and fail
 * nothing.  0, or -1 with err set.
 */
static int
check_lint(PGconn *conn, const struct cli_args *a,
    const struct sqlfile *files, size_t nfiles, struct problems *p,
    struct vf_error *err)
{
	struct lint_result	 r;
	size_t			 i, nerr;
	int			 rc = -1;

	memset(&r, 0, sizeof(r));
	if (lint_pending(a->schema, conn, files, nfiles, &r, err) == -1)
		goto done;
	for (i = 0; i < r.n; i++)
		problems_add_at(p, r.v[i].file, r.v[i].line, r.v[i].col,
		    r.v[i].severity == LINT_WARNING, "lint %s %s: %s; "
		    "instead: %s", r.v[i].severity == LINT_WARNING ?
		    "warning" : "error", r.v[i].rule, r.v[i].what, r.v[i].fix);
	if ((nerr = lint_errors(&r)) > 0)
		problems_add(p, NULL, 0, "lint: %zu error-level finding%s in "
		    "the %smigrations (verifier lint --schema %s): rewrite "
		    "each as told, or silence one statement with a comment "
		    "'-- verifier:allow RULE reason' right before it", nerr,
		    nerr == 1 ? "" : "s", conn != NULL ? "pending " : "",
		    a->schema);
	rc = 0;
done:
	lint_result_free(&r);
	return (rc);
}

int
cmd_check(int argc, char **argv)
{
	struct cli_compare	 c;		/* actual: the replay */
	struct scratch_access	 acc;
	struct sqlfile		*files = NULL;
	PGconn			*rconn = NULL;	/* where the replay runs */
	enum scratch_shadow	 mode;
	char			*before = NULL, *after = NULL;
	size_t			 nfiles = 0;
	double			 t0;
	char			 what[64];
	size_t			 n;
	int			 rc, have_files = 0, replay_ok = 0, shadow = 0;
	int			 foreign = 0;	/* a file refers to another schema */
	int			 replay;	/* the migrations are replayed */

	if ((rc = cli_compare_begin(&c, argc, argv, &check_spec)) != 0)
		return (rc < 0 ? VF_EXIT_OK : rc);
	rc = -1;	/* until the end: err says what failed */

	/* 1. The models load. */
	if (model_load(c.a.models, &c.m, &c.err) == -1) {
		problems_add_error(&c.probs, &c.err);
		cli_print_problems(&c.a, "check", &c.probs);
		rc = VF_EXIT_USAGE;
		goto done;
	}
	/* 2. The files parse and refer to no other schema. */
	if (!replay_has_files(c.a.migrations))
		have_files = 1;
	else if (sqlfile_load_dir(c.a.migrations, &files, &nfiles,
	    &c.err) == -1)
		problems_add_error(&c.probs, &c.err);
	else {
		have_files = 1;
		n = c.probs.n;
		if (refs_check(c.a.schema, files, nfiles, &c.probs,
		    &c.err) == -1)
			goto done;
		foreign = c.probs.n > n;
	}
	/*
	 * 3. Replay from empty, nothing changed outside the schema: in a
	 * scratch database when the role has CREATEDB (the live database
	 * is never touched), else in a shadow transaction on conn, rolled
	 * back at the end of the step; not there when a file refers to
	 * another schema, whose live rows it would lock until the rollback.
	 */
	if ((c.conn = db_connect(c.a.db, &c.err)) == NULL)
		goto done;
	if (files != NULL && check_lint(c.a.no_live ? NULL : c.conn, &c.a,
	    files, nfiles, &c.probs, &c.err) == -1)
		goto done;
	if (scratch_access(c.conn, c.a.schema, &acc, &c.err) == -1)
		goto done;
	replay = have_files;
	if (acc.createdb) {
		if (scratch_create(c.conn, &c.s, &c.err) == -1)
			goto done;
		rconn = c.s.conn;
		if (replay && scratch_reset_schema(rconn, c.a.schema,
		    &c.err) == -1)
			goto done;
	} else if (replay && foreign)
		replay = 0;
	else if (replay) {
		if ((mode = scratch_shadow_mode(&acc)) == SCRATCH_SHADOW_NONE) {
			vf_error_set(&c.err, VF_EXIT_FAIL, NULL, 0, 0,
			    SCRATCH_NEEDS_FMT, acc.role, c.a.schema,
			    c.a.schema, acc.db);
			goto done;
		}
		shadow = 1;
		c.s.shadows++;
		if (scratch_shadow_begin(c.conn, c.a.schema, mode,
		    &c.err) != 0)
			goto done;
		rconn = c.conn;
	}
	if (replay) {
		if (catalog_outside(rconn, c.a.schema, &before, &c.err) == -1)
			goto done;
		t0 = vf_now_ms();
		if ((shadow ? replay_migrations_in_tx : replay_migrations)(
		    rconn, c.a.schema, c.a.migrations, NULL, &c.err) == -1)
			problems_add_error(&c.probs, &c.err);
		else
			replay_ok = 1;
		cli_print_stats("replay of the migrations", 0, vf_now_ms() - t0);
		if (catalog_outside(rconn, c.a.schema, &after, &c.err) == -1)
			goto done;
		compare_outside(after, before, "the migrations create or "
		    "change something outside the schema", &c.probs);
		compare_outside(before, after, "the migrations drop or change "
		    "something outside the schema", &c.probs);
	}
	if (replay_ok) {
		t0 = vf_now_ms();
		if ((shadow ? catalog_read_in_tx : catalog_read)(rconn,
		    c.a.schema, &c.actual, &c.err) == -1)
			goto done;
		cli_print_stats("the replay's catalog", c.actual.nqueries,
		    vf_now_ms() - t0);
		compare_unsupported(&c.actual, "the replay of the migrations",
		    &c.probs);
	}
	if (shadow) {
		scratch_shadow_end(c.conn);
		shadow = 0;
	}
	/* 4. The replay equals the models; 5. the live database. */
	t0 = vf_now_ms();
	if (expected_catalog(c.conn, &c.s, &c.m, &c.expected, &c.err) == -1)
		problems_add_error(&c.probs, &c.err);
	else {
		snprintf(what, sizeof(what), "models (%s)", c.expected.source);
		cli_print_stats(what, c.expected.nqueries, vf_now_ms() - t0);
		if (check_models(c.conn, &c.a, &c.expected, replay_ok ?
		    &c.actual : NULL, have_files, files, nfiles, &c.snap,
		    &c.probs, &c.err) == -1)
			goto done;
	}
	cli_print_problems(&c.a, "check", &c.probs);
	rc = problems_errors(&c.probs) > 0 ? VF_EXIT_FAIL : VF_EXIT_OK;
done:
	if (shadow)
		scratch_shadow_end(c.conn);
	free(before);
	free(after);
	if (have_files)
		sqlfile_free_list(files, nfiles);
	return (cli_compare_end(&c, rc));
}
