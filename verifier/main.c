/*
 * main.c: the verifier CLI.  A command table in the kodev way: each
 * command parses its own options, has -h, and returns an exit code:
 * 0 clean, 1 differences or a failed migration or gate, 2 bad input or
 * usage.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_schema.h"
#include "db.h"
#include "runner.h"
#include "util.h"

struct cmd {
	const char	*name;
	const char	*descr;
	int		(*fn)(int, char **);
};

static int	cmd_migrate(int, char **);
static int	cmd_down(int, char **);
static int	cmd_status(int, char **);
static int	cmd_help(int, char **);

static const struct cmd cmds[] = {
	{ "migrate", "apply pending migration files", cmd_migrate },
	{ "down", "roll back applied migration files", cmd_down },
	{ "status", "show applied, pending, edited and missing files", cmd_status },
	{ "check", "CI gate: models, replay, isolation, live drift", cmd_check },
	{ "diff", "models vs the live database", cmd_diff },
	{ "draft", "write the next migration file from the models", cmd_draft },
	{ "dump", "the live schema as a model file", cmd_dump },
	{ "lint", "online-safety rules over migration files", cmd_lint },
	{ "graph", "a picture of the schema (Graphviz)", cmd_graph },
	{ "move", "the schema to a PostgreSQL of its own, online", cmd_move },
	{ "help", "this text", cmd_help },
	{ NULL, NULL, NULL },
};

static void
usage(FILE *out)
{
	const struct cmd	*c;

	fprintf(out, "usage: verifier command [options]\n"
	    "       verifier --version\n\ncommands:\n");
	for (c = cmds; c->name != NULL; c++)
		fprintf(out, "  %-10s %s\n", c->name, c->descr);
	fprintf(out, "\nRun 'verifier command -h' for a command's options.\n"
	    "Connection: --db URL, else DATABASE_URL, else libpq's PG* "
	    "variables.\nExit codes: 0 clean, 1 differences or a failed "
	    "migration or gate, 2 bad input or usage.\n");
}

static int
cmd_help(int argc, char **argv)
{
	usage(stdout);
	return (VF_EXIT_OK);
}

/* Options shared by migrate, down and status. */
struct run_args {
	struct runner_opts	 opts;
	const char		*db;
	int			 steps;
};

/* The runner commands' options besides the schema commands' (cli.h). */
enum {
	OPT_ALLOW_OOO = CLI_OPT_NEXT,
	OPT_DRY_RUN,
	OPT_LOCK_TIMEOUT,
	OPT_ROLE,
	OPT_STEPS,
	OPT_TO,
	OPT_LOCK_TRIES,
};

/* Each runner command's own table, from these entries and its own. */
#define RUN_COMMON_OPTIONS \
	CLI_OPTIONS_COMMON, \
	{ "migrations", required_argument, NULL, CLI_OPT_MIGRATIONS }, \
	{ "role", required_argument, NULL, OPT_ROLE }
#define RUN_CHANGE_OPTIONS \
	{ "to", required_argument, NULL, OPT_TO }, \
	{ "dry-run", no_argument, NULL, OPT_DRY_RUN }, \
	{ "lock-timeout", required_argument, NULL, OPT_LOCK_TIMEOUT }

static const struct option migrate_options[] = {
	RUN_COMMON_OPTIONS,
	RUN_CHANGE_OPTIONS,
	{ "allow-out-of-order", no_argument, NULL, OPT_ALLOW_OOO },
	{ "lock-tries", required_argument, NULL, OPT_LOCK_TRIES },
	CLI_OPTIONS_END,
};

static const struct option down_options[] = {
	RUN_COMMON_OPTIONS,
	RUN_CHANGE_OPTIONS,
	{ "steps", required_argument, NULL, OPT_STEPS },
	{ "lock-tries", required_argument, NULL, OPT_LOCK_TRIES },
	CLI_OPTIONS_END,
};

static const struct option status_options[] = {
	RUN_COMMON_OPTIONS,
	CLI_OPTIONS_END,
};

/* A runner command: its synopsis, its table and what it does. */
struct run_cmd {
	const char		*synopsis;	/* after "usage: verifier " */
	const struct option	*options;
	int			(*fn)(PGconn *, struct run_args *,
				    struct vf_error *);
};

/*
 * Parses the options of a runner command with its own table.  Returns -1
 * after printing help (exit 0), or an exit code >0 on a usage error, or 0.
 */
static int
parse_run_args(int argc, char **argv, const char *synopsis,
    const struct option *options, struct run_args *a)
{
	char	*end;
	int	 c;

	memset(a, 0, sizeof(*a));
	a->opts.out = stdout;
	a->steps = 1;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		switch (c) {
		case 'h':
			printf("usage: verifier %s\n", synopsis);
			return (-1);
		case CLI_OPT_SCHEMA:
			a->opts.schema = optarg;
			break;
		case CLI_OPT_MIGRATIONS:
			a->opts.dir = optarg;
			break;
		case CLI_OPT_DB:
			a->db = optarg;
			break;
		case OPT_TO:
			a->opts.target = optarg;
			break;
		case OPT_STEPS:
			a->steps = (int)strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || a->steps < 1)
				return (cli_bad_usage(argv[0], "--steps '%s': "
				    "expected a number of files, 1 or more",
				    optarg));
			break;
		case OPT_ALLOW_OOO:
			a->opts.allow_out_of_order = 1;
			break;
		case OPT_DRY_RUN:
			a->opts.dry_run = 1;
			break;
		case OPT_LOCK_TIMEOUT:
			a->opts.lock_timeout = optarg;
			break;
		case OPT_ROLE:
			a->opts.role = optarg;
			break;
		case OPT_LOCK_TRIES:
			a->opts.lock_tries = (int)strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' ||
			    a->opts.lock_tries < 1)
				return (cli_bad_usage(argv[0], "--lock-tries "
				    "'%s': expected a number of tries, 1 or "
				    "more", optarg));
			break;
		default:
			return (cli_bad_usage(argv[0], "unknown option '%s'",
			    argv[optind - 1]));
		}
	}
	if (optind < argc)
		return (cli_bad_usage(argv[0], "unexpected argument '%s'",
		    argv[optind]));
	if (a->opts.schema == NULL)
		return (cli_bad_usage(argv[0], "%s", "missing --schema NAME"));
	return (0);
}

/*
 * Parses the options of cmd and runs it with a connection: the body of
 * the runner commands.
 */
static int
run_command(int argc, char **argv, const struct run_cmd *cmd)
{
	struct run_args	 a;
	struct vf_error	 err;
	PGconn		*conn;
	int		 rc;

	rc = parse_run_args(argc, argv, cmd->synopsis, cmd->options, &a);
	if (rc != 0)
		return (rc < 0 ? VF_EXIT_OK : rc);
	vf_error_clear(&err);
	if ((conn = db_connect(a.db, &err)) == NULL)
		return (cli_report(NULL, &err));
	rc = cmd->fn(conn, &a, &err);
	PQfinish(conn);
	if (rc == -1)
		return (cli_report(NULL, &err));
	return (rc);
}

static int
do_migrate(PGconn *conn, struct run_args *a, struct vf_error *err)
{
	return (runner_migrate(conn, &a->opts, NULL, err));
}

static int
do_down(PGconn *conn, struct run_args *a, struct vf_error *err)
{
	return (runner_down(conn, &a->opts, a->steps, err));
}

static int
do_status(PGconn *conn, struct run_args *a, struct vf_error *err)
{
	return (runner_status(conn, &a->opts, err));
}

static const struct run_cmd migrate_cmd = {
	"migrate --schema S [--to VERSION] [--migrations DIR] [--db URL]\n"
	"                [--allow-out-of-order] [--dry-run] "
	"[--lock-timeout 10s] [--role ROLE]\n"
	"                [--lock-tries 5] (a file that fails on a lock "
	"timeout is tried again)", migrate_options, do_migrate,
};

static const struct run_cmd down_cmd = {
	"down --schema S [--steps N | --to VERSION] [--migrations DIR] "
	"[--db URL]\n"
	"                [--dry-run] [--lock-timeout 10s] [--role ROLE] "
	"[--lock-tries 5]\n"
	"       --to VERSION keeps VERSION applied; --to 0 rolls back "
	"everything", down_options, do_down,
};

static const struct run_cmd status_cmd = {
	"status --schema S [--migrations DIR] [--db URL] [--role ROLE]\n"
	"       exit 0 when at head and clean, 1 when files are pending, "
	"edited or missing", status_options, do_status,
};

static int
cmd_migrate(int argc, char **argv)
{
	return (run_command(argc, argv, &migrate_cmd));
}

static int
cmd_down(int argc, char **argv)
{
	return (run_command(argc, argv, &down_cmd));
}

static int
cmd_status(int argc, char **argv)
{
	return (run_command(argc, argv, &status_cmd));
}

int
main(int argc, char **argv)
{
	const struct cmd	*c;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 2) {
		usage(stderr);
		return (VF_EXIT_USAGE);
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		usage(stdout);
		return (VF_EXIT_OK);
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("verifier %s\n", VF_VERSION);
		return (VF_EXIT_OK);
	}
	for (c = cmds; c->name != NULL; c++)
		if (strcmp(c->name, argv[1]) == 0)
			return (c->fn(argc - 1, argv + 1));
	fprintf(stderr, "verifier: unknown command '%s'\n"
	    "Try 'verifier help'.\n", argv[1]);
	return (VF_EXIT_USAGE);
}
