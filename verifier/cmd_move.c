/*
 * cmd_move.c: `verifier move --schema S --to URL`, a service's schema
 * moved to a PostgreSQL of its own (move.h): preflight (`check` of S
 * first, then the servers), build, copy and follow, verify; each step
 * prints what it did, a failed precondition exits 2.  Run again, it
 * resumes after the last step done (the state row on the target);
 * --abort undoes every step; --until STEP stops after STEP; --cutover
 * moves the service's writes to the target, --finish drops S on the
 * source.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_schema.h"
#include "move.h"

enum {
	OPT_TO = CLI_OPT_NEXT,
	OPT_ABORT,
	OPT_UNTIL,
	OPT_TIMEOUT,
	OPT_PUBLISHER,
	OPT_CUTOVER,
	OPT_FINISH,
	OPT_ENV_FILE,
};

static const struct option move_options[] = {
	CLI_OPTIONS_COMMON,
	{ "models", required_argument, NULL, CLI_OPT_MODELS },
	{ "migrations", required_argument, NULL, CLI_OPT_MIGRATIONS },
	{ "to", required_argument, NULL, OPT_TO },
	{ "abort", no_argument, NULL, OPT_ABORT },
	{ "until", required_argument, NULL, OPT_UNTIL },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "publisher", required_argument, NULL, OPT_PUBLISHER },
	{ "cutover", no_argument, NULL, OPT_CUTOVER },
	{ "finish", no_argument, NULL, OPT_FINISH },
	{ "env-file", required_argument, NULL, OPT_ENV_FILE },
	CLI_OPTIONS_END,
};

#define MOVE_SYNOPSIS \
	"move --schema S --to URL [--db URL] [--models DIR] " \
	"[--migrations DIR]\n" \
	"                [--until preflight|build|copy|verify] " \
	"[--timeout SECONDS] [--publisher CONNINFO]\n" \
	"       verifier move --schema S --to URL --cutover " \
	"[--env-file .run/env]\n" \
	"       verifier move --schema S --to URL --finish | --abort\n" \
	"       steps: preflight, build, copy, verify; run again to resume " \
	"after the last\n" \
	"       step done.  Exit 0 done, 1 a step failed, 2 a precondition " \
	"failed or bad usage"

struct move_args {
	const char	*schema, *db, *to, *models, *migrations, *publisher;
	const char	*env_file;
	char		 mig[4096];
	int		 abort, cutover, finish, timeout_s;
	enum move_step	 until;
};

static int
parse_move_args(int argc, char **argv, struct move_args *a)
{
	char	*end;
	int	 c, i;

	memset(a, 0, sizeof(*a));
	a->models = "schema_models";
	a->timeout_s = 600;
	a->until = MOVE_VERIFY;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", move_options, NULL)) != -1) {
		switch (c) {
		case 'h':
			printf("usage: verifier %s\n", MOVE_SYNOPSIS);
			return (-1);
		case CLI_OPT_SCHEMA:
			a->schema = optarg;
			break;
		case CLI_OPT_DB:
			a->db = optarg;
			break;
		case CLI_OPT_MODELS:
			a->models = optarg;
			break;
		case CLI_OPT_MIGRATIONS:
			a->migrations = optarg;
			break;
		case OPT_TO:
			a->to = optarg;
			break;
		case OPT_ABORT:
			a->abort = 1;
			break;
		case OPT_PUBLISHER:
			a->publisher = optarg;
			break;
		case OPT_CUTOVER:
			a->cutover = 1;
			break;
		case OPT_FINISH:
			a->finish = 1;
			break;
		case OPT_ENV_FILE:
			a->env_file = optarg;
			break;
		case OPT_UNTIL:
			for (i = MOVE_PREFLIGHT; i <= MOVE_VERIFY; i++)
				if (strcmp(optarg, move_step_name(i)) == 0)
					break;
			if (i > MOVE_VERIFY)
				return (cli_bad_usage(argv[0], "--until '%s': "
				    "expected preflight, build, copy or verify",
				    optarg));
			a->until = (enum move_step)i;
			break;
		case OPT_TIMEOUT:
			a->timeout_s = (int)strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || a->timeout_s < 1)
				return (cli_bad_usage(argv[0], "--timeout '%s': "
				    "expected seconds, 1 or more", optarg));
			break;
		default:
			return (cli_bad_usage(argv[0], "unknown option or "
			    "missing value: '%s'", argv[optind - 1]));
		}
	}
	if (optind < argc)
		return (cli_bad_usage(argv[0], "unexpected argument '%s'",
		    argv[optind]));
	if (a->schema == NULL)
		return (cli_bad_usage(argv[0], "missing --schema NAME"));
	if (a->to == NULL)
		return (cli_bad_usage(argv[0], "missing --to URL (the "
		    "target database)"));
	if (a->abort + a->cutover + a->finish > 1)
		return (cli_bad_usage(argv[0], "--abort, --cutover and --finish "
		    "go alone"));
	if (a->migrations == NULL) {
		snprintf(a->mig, sizeof(a->mig), "migrations/%s", a->schema);
		a->migrations = a->mig;
	}
	return (0);
}

/* `verifier check` of the schema on the source, its output as it is. */
static int
run_check(const struct move_args *a)
{
	const char	*v[12];
	int		 n = 0;

	v[n++] = "check";
	v[n++] = "--schema";
	v[n++] = a->schema;
	v[n++] = "--models";
	v[n++] = a->models;
	v[n++] = "--migrations";
	v[n++] = a->migrations;
	if (a->db != NULL) {
		v[n++] = "--db";
		v[n++] = a->db;
	}
	v[n] = NULL;
	return (cmd_check(n, (char **)(uintptr_t)v));
}

/*
 * --cutover (after verify) or --finish (after cutover); done again: said
 * and skipped.
 */
static int
run_last(struct move *m, const struct move_args *a, enum move_step done,
    struct vf_error *err)
{
	enum move_step	want = a->cutover ? MOVE_CUTOVER : MOVE_FINISH;
	double		pause_ms;

	if (done >= want) {
		printf("%s: done before, skipped\n", move_step_name(want));
		return (0);
	}
	if (done != want - 1)
		return (vf_error_set(err, VF_EXIT_USAGE, NULL, 0, 0, "%s: the "
		    "move of %s is done up to %s; run %s first",
		    move_step_name(want), a->schema, move_step_name(done),
		    want == MOVE_CUTOVER ? "verifier move without --cutover "
		    "(it ends with verify)" : "--cutover"));
	if (want == MOVE_FINISH)
		return (move_finish(m, err));
	if (move_cutover(m, a->to, a->env_file, &pause_ms, err) == -1)
		return (-1);
	printf("cutover: %s is served by the target; writes were paused for "
	    "%.0f ms, until its app reconnects there (restart it)\n",
	    a->schema, pause_ms);
	return (0);
}

/* The steps after the state done, up to a->until. */
static int
run_steps(struct move *m, const struct move_args *a, enum move_step done,
    struct problems *p, struct vf_error *err)
{
	enum move_step	s;
	int		rc = 0;

	for (s = MOVE_BUILD; s <= a->until; s++) {
		if (s <= done) {
			printf("%s: done before, skipped\n", move_step_name(s));
			continue;
		}
		if (s == MOVE_BUILD)
			rc = move_build(m, p, err);
		else if (s == MOVE_COPY)
			rc = move_copy(m, err);
		else
			rc = move_verify(m, err);
		if (rc == -1)
			return (-1);
	}
	return (0);
}

int
cmd_move(int argc, char **argv)
{
	struct move_args a;
	struct move	 m;
	struct problems	 p;
	struct vf_error	 err;
	enum move_step	 done;
	size_t		 i;
	int		 rc, undone;

	if ((rc = parse_move_args(argc, argv, &a)) != 0)
		return (rc < 0 ? VF_EXIT_OK : rc);
	memset(&m, 0, sizeof(m));
	memset(&p, 0, sizeof(p));
	vf_error_clear(&err);
	m.schema = a.schema;
	m.migrations = a.migrations;
	m.source_conninfo = a.publisher;
	m.timeout_s = a.timeout_s;
	m.out = stdout;
	rc = -1;
	if (move_connect(&m, a.db, a.to, &err) == -1)
		goto done;
	if (a.abort) {
		if (move_abort(&m, &undone, &err) == -1)
			goto done;
		if (!undone)
			printf("abort: no move of %s to undo\n", a.schema);
		rc = VF_EXIT_OK;
		goto done;
	}
	if (move_state(&m, &done, &err) == -1)
		goto done;
	if (a.cutover || a.finish) {
		if (run_last(&m, &a, done, &err) == -1)
			goto done;
		rc = VF_EXIT_OK;
		goto done;
	}
	if (done >= MOVE_CUTOVER) {
		printf("move: %s was cut over to the target (done up to %s); "
		    "what is left: --finish\n", a.schema, move_step_name(done));
		rc = VF_EXIT_OK;
		goto done;
	}
	if (done != MOVE_NONE)
		printf("move: resuming the move of %s, done up to %s\n",
		    a.schema, move_step_name(done));
	if (run_check(&a) != VF_EXIT_OK) {
		vf_error_set(&err, VF_EXIT_USAGE, NULL, 0, 0, "preflight: "
		    "verifier check --schema %s fails on the source; fix it "
		    "first", a.schema);
		goto done;
	}
	if (move_preflight(&m, done != MOVE_NONE, &err) == -1)
		goto done;
	printf("preflight: %s is clean, the source has wal_level = logical, "
	    "the target has role %s%s\n", a.schema, m.owner,
	    done != MOVE_NONE ? "" : " and no schema of that name");
	if (run_steps(&m, &a, done, &p, &err) == -1)
		goto done;
	if (a.until < MOVE_VERIFY)
		printf("move: stopped after %s; run again to go on\n",
		    move_step_name(a.until));
	else
		printf("move: %s is copied, followed and verified on the "
		    "target; the source still serves it\n", a.schema);
	rc = VF_EXIT_OK;
done:
	for (i = 0; i < p.n; i++)
		fprintf(stderr, "%s\n", p.v[i].msg);
	problems_free(&p);
	move_close(&m);
	if (rc == -1)
		return (cli_report("move", &err));
	return (rc);
}
