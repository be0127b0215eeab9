/*
 * cmd_check.c: `verifier check`, the CI gate of one schema: the models
 * load; the migrations parse, refer to no other schema, replay from empty
 * without touching anything outside the schema and equal the models; the
 * live database is at head, with no edited file and no drift.  Every
 * problem is listed, not only the first.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_schema.h"
#include "compare.h"
#include "db.h"
#include "expected.h"
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

int
cmd_check(int argc, char **argv)
{
	struct cli_args	 a;
	struct model	 m;
	struct vf_error	 err;
	struct catalog	 expected, replayed;
	struct snapshot	 snap;
	struct scratch	 s;
	struct problems	 probs;
	struct sqlfile	*files = NULL;
	PGconn		*conn = NULL;
	char		*before = NULL, *after = NULL;
	size_t		 nfiles = 0;
	int		 rc, have_model = 0, have_files = 0, replay_ok = 0;

	if ((rc = cli_parse_schema_args(argc, argv, &check_spec, &a)) != 0)
		return (rc < 0 ? VF_EXIT_OK : rc);
	vf_error_clear(&err);
	memset(&expected, 0, sizeof(expected));
	memset(&replayed, 0, sizeof(replayed));
	memset(&s, 0, sizeof(s));
	memset(&probs, 0, sizeof(probs));
	snap.db = NULL;
	rc = -1;	/* until the end: err says what failed */

	/* 1. The models load. */
	if (model_load(a.models, &m, &err) == -1) {
		problems_add_error(&probs, &err);
		cli_print_problems(&a, "check", &probs);
		rc = VF_EXIT_USAGE;
		goto done;
	}
	have_model = 1;
	/* 2. The files parse and refer to no other schema. */
	if (!replay_has_files(a.migrations))
		have_files = 1;
	else if (sqlfile_load_dir(a.migrations, &files, &nfiles, &err) == -1)
		problems_add_error(&probs, &err);
	else {
		have_files = 1;
		if (refs_check(a.schema, files, nfiles, &probs, &err) == -1)
			goto done;
	}
	/* 3. Replay from empty, nothing changed outside the schema. */
	if ((conn = db_connect(a.db, &err)) == NULL)
		goto done;
	if (scratch_create(conn, &s, &err) == -1)
		goto done;
	if (have_files) {
		if (scratch_reset_schema(s.conn, a.schema, &err) == -1 ||
		    catalog_outside(s.conn, a.schema, &before, &err) == -1)
			goto done;
		if (replay_migrations(s.conn, a.schema, a.migrations, NULL,
		    &err) == -1)
			problems_add_error(&probs, &err);
		else
			replay_ok = 1;
		if (catalog_outside(s.conn, a.schema, &after, &err) == -1)
			goto done;
		compare_outside(after, before, "the migrations create or change "
		    "something outside the schema", &probs);
		compare_outside(before, after, "the migrations drop or change "
		    "something outside the schema", &probs);
	}
	if (replay_ok) {
		if (catalog_read(s.conn, a.schema, &replayed, &err) == -1)
			goto done;
		compare_unsupported(&replayed, "the replay of the migrations",
		    &probs);
	}
	/* 4. The replay equals the models; 5. the live database. */
	if (expected_catalog(conn, &s, &m, &expected, &err) == -1)
		problems_add_error(&probs, &err);
	else if (check_models(conn, &a, &expected, replay_ok ? &replayed :
	    NULL, have_files, files, nfiles, &snap, &probs, &err) == -1)
		goto done;
	cli_print_problems(&a, "check", &probs);
	rc = probs.n > 0 ? VF_EXIT_FAIL : VF_EXIT_OK;
done:
	if (rc == -1)
		rc = cli_report(a.cmd, &err);
	snapshot_close(&snap);
	catalog_free(&expected);
	catalog_free(&replayed);
	rc = cli_drop_scratch(&s, rc);
	PQfinish(conn);
	free(before);
	free(after);
	problems_free(&probs);
	if (have_files)
		sqlfile_free_list(files, nfiles);
	if (have_model)
		model_free(&m);
	return (rc);
}
