/*
 * cli.h: what the CLI's commands (main.c, cmd_*.c) share: the options of
 * the schema commands, usage errors, and printing errors and problems.
 * Only the CLI prints; the library below it returns errors as values.
 */
#ifndef VERIFIER_CLI_H
#define VERIFIER_CLI_H

#include <getopt.h>
#include <limits.h>

#include "catalog.h"
#include "model.h"
#include "problems.h"
#include "scratch.h"
#include "snapshot.h"
#include "util.h"

/*
 * Prints "verifier CMD: <message>" and the hint "Try 'verifier CMD -h'."
 * to stderr and returns VF_EXIT_USAGE, for "return (cli_bad_usage(...))".
 */
int	cli_bad_usage(const char *cmd, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/*
 * Prints err as "verifier CMD: file:line:col: message" (cmd NULL:
 * "verifier: ...") to stderr and returns its exit code (VF_EXIT_FAIL when
 * it has none).
 */
int	cli_report(const char *cmd, const struct vf_error *err);

/* The long options of the schema commands: getopt_long's values. */
enum cli_opt {
	CLI_OPT_SCHEMA = 256,
	CLI_OPT_MODELS,
	CLI_OPT_MIGRATIONS,
	CLI_OPT_DB,
	CLI_OPT_FORMAT,
	CLI_OPT_SNAPSHOT,
	CLI_OPT_MSG,
	CLI_OPT_ALLOW_DESTRUCTIVE,
	CLI_OPT_FROM_DB,
	CLI_OPT_NO_LIVE,
	CLI_OPT_OUTPUT,
	CLI_OPT_ALL,		/* lint: every file, not only the pending */
	CLI_OPT_ONLINE,
	CLI_OPT_NEXT,		/* the first value of a command's own options */
};

/*
 * Entries of the commands' getopt_long tables: every schema command takes
 * the first three, those that compare models and migrations with a
 * database (diff, draft, check) the next three.
 */
#define CLI_OPTIONS_COMMON \
	{ "schema", required_argument, NULL, CLI_OPT_SCHEMA }, \
	{ "db", required_argument, NULL, CLI_OPT_DB }, \
	{ "help", no_argument, NULL, 'h' }
#define CLI_OPTIONS_FILES \
	{ "models", required_argument, NULL, CLI_OPT_MODELS }, \
	{ "migrations", required_argument, NULL, CLI_OPT_MIGRATIONS }, \
	{ "snapshot", required_argument, NULL, CLI_OPT_SNAPSHOT }
#define CLI_OPTIONS_END		{ NULL, 0, NULL, 0 }

/* A schema command: its synopsis and its own getopt_long table. */
struct cli_spec {
	const char		*synopsis;	/* after "usage: verifier " */
	const struct option	*options;	/* ends with { NULL, 0, NULL, 0 } */
	int			 github;	/* takes --format github */
	int			 need_msg;	/* --msg is required */
};

enum cli_format { CLI_TEXT, CLI_JSON, CLI_GITHUB };

/* The options of a schema command; pointers into argv. */
struct cli_args {
	const char	*cmd;
	const char	*schema;
	const char	*db;
	const char	*snapshot;
	const char	*msg;
	const char	*output;
	enum cli_format	 format;
	int		 allow_destructive;
	int		 from_db;
	int		 no_live;
	int		 all;		/* --all */
	char		**files;	/* FILE... (spec->files), in argv */
	int		 nfiles;
	int		 online;	/* draft --online */
	char		 models[PATH_MAX];	/* the model file */
	char		 migrations[PATH_MAX];	/* the migrations folder */
};

/*
 * Parses the options of a schema command (argv[0] its name) with the
 * command's table: --schema is required and a plain lower-case name,
 * models is <--models DIR, default schema_models>/<schema>.yaml,
 * migrations --migrations DIR or migrations/<schema>.  Returns 0, -1
 * after printing the synopsis for -h (exit 0), or VF_EXIT_USAGE after
 * printing a usage error.
 */
int	cli_parse_schema_args(int argc, char **argv, const struct cli_spec *spec,
	    struct cli_args *a);

/*
 * cli_parse_schema_args() for a command that also takes FILE... after
 * its options: a->files and a->nfiles point into argv.
 */
int	cli_parse_file_args(int argc, char **argv, const struct cli_spec *spec,
	    struct cli_args *a);

/*
 * cli_parse_schema_args() for a command with options of its own: getopt
 * gets optstring, and own(a, c, optarg, ctx) is asked first about each
 * option c: -1 when it is not its own, 0 when it took it, or an exit code
 * after printing a usage error.
 */
int	cli_parse_schema_args_own(int argc, char **argv,
	    const struct cli_spec *spec, struct cli_args *a,
	    const char *optstring,
	    int (*own)(struct cli_args *, int, const char *, void *),
	    void *ctx);

/*
 * Prints the problems of a command: one per line (file:line: message) and
 * a last line "WHAT SCHEMA: ok" or "WHAT SCHEMA: N problems" in text, one
 * JSON object with --format json, GitHub workflow commands with
 * --format github.  On stdout.
 */
void	cli_print_problems(const struct cli_args *a, const char *what,
	    const struct problems *p);

/*
 * Appends s to b escaped for a GitHub workflow command: %, CR and LF, and
 * also : and , when property (a file=, line= value).
 */
void	cli_gh_escape(struct vbuf *b, const char *s, int property);

/*
 * Drops the scratch database s (saying so on stderr when it cannot) and
 * returns rc, or 130 after "interrupted" when a signal came while it
 * existed: the last step of a command that made one.
 */
int	cli_drop_scratch(struct scratch *s, int rc);

/*
 * What the commands that compare the models with a catalog (diff, draft,
 * check) hold from start to end.
 */
struct cli_compare {
	struct cli_args	 a;
	struct vf_error	 err;
	struct model	 m;		/* empty until loaded */
	struct catalog	 expected;	/* from the models */
	struct catalog	 actual;	/* the database's or the replay's */
	struct snapshot	 snap;
	struct scratch	 s;
	struct problems	 probs;
	PGconn		*conn;
};

/*
 * Parses the command's options into c->a and sets the rest of c empty.
 * Returns 0, or what cli_parse_schema_args() returns (-1 after -h,
 * VF_EXIT_USAGE) with nothing to free.
 */
int	cli_compare_begin(struct cli_compare *c, int argc, char **argv,
	    const struct cli_spec *spec);

/*
 * The end of such a command: reports c->err when rc is -1, frees c,
 * drops the scratch database (cli_drop_scratch) and returns the exit
 * code.
 */
int	cli_compare_end(struct cli_compare *c, int rc);

/* With VERIFIER_STATS set: the queries and time (ms) of a catalog read. */
void	cli_print_stats(const char *what, int nqueries, double ms);

/*
 * Whether output to fd may be coloured: fd is a terminal and NO_COLOR
 * (https://no-color.org) is unset or empty.
 */
int	cli_color(int fd);

#endif
