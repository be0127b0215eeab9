/*
 * cli.c: what the CLI's commands share: option parsing of the schema
 * commands, usage errors, and the printing of errors and problems in the
 * three formats (text, JSON, GitHub workflow commands).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "diff.h"
#include "model.h"

int
cli_bad_usage(const char *cmd, const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "verifier %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'verifier %s -h'.\n", cmd);
	return (VF_EXIT_USAGE);
}

int
cli_report(const char *cmd, const struct vf_error *err)
{
	char	buf[4096];

	if (cmd != NULL)
		fprintf(stderr, "verifier %s: %s\n", cmd,
		    vf_error_str(err, buf, sizeof(buf)));
	else
		fprintf(stderr, "verifier: %s\n",
		    vf_error_str(err, buf, sizeof(buf)));
	return (err->code ? err->code : VF_EXIT_FAIL);
}

/* Whether s is a plain schema name (it also names files and folders). */
static int
plain_name(const char *s)
{
	const char	*p;

	if (*s == '\0' || strlen(s) > MODEL_NAME_MAX)
		return (0);
	for (p = s; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '_'))
			return (0);
	return (!(*s >= '0' && *s <= '9'));
}

/*
 * The parser of every schema command: files says whether FILE... may
 * follow the options; own, when not NULL, is asked first about each.
 */
static int
parse_args(int argc, char **argv, const struct cli_spec *spec, int files,
    struct cli_args *a, const char *optstring,
    int (*own)(struct cli_args *, int, const char *, void *), void *ctx)
{
	const char	*models = "schema_models", *migrations = NULL;
	int		 c, rc;

	memset(a, 0, sizeof(*a));
	a->cmd = argv[0];
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, optstring, spec->options,
	    NULL)) != -1) {
		if (own != NULL && (rc = own(a, c, optarg, ctx)) >= 0) {
			if (rc > 0)
				return (rc);
			continue;
		}
		switch (c) {
		case 'h':
			printf("usage: verifier %s\n", spec->synopsis);
			return (-1);
		case CLI_OPT_SCHEMA:
			a->schema = optarg;
			break;
		case CLI_OPT_MODELS:
			models = optarg;
			break;
		case CLI_OPT_MIGRATIONS:
			migrations = optarg;
			break;
		case CLI_OPT_DB:
			a->db = optarg;
			break;
		case CLI_OPT_SNAPSHOT:
			a->snapshot = optarg;
			break;
		case CLI_OPT_MSG:
			a->msg = optarg;
			break;
		case CLI_OPT_OUTPUT:
			a->output = optarg;
			break;
		case CLI_OPT_ALLOW_DESTRUCTIVE:
			a->allow_destructive = 1;
			break;
		case CLI_OPT_FROM_DB:
			a->from_db = 1;
			break;
		case CLI_OPT_NO_LIVE:
			a->no_live = 1;
			break;
		case CLI_OPT_ALL:
			a->all = 1;
			break;
		case CLI_OPT_ONLINE:
			a->online = 1;
			break;
		case CLI_OPT_FORMAT:
			if (strcmp(optarg, "text") == 0)
				a->format = CLI_TEXT;
			else if (strcmp(optarg, "json") == 0)
				a->format = CLI_JSON;
			else if (spec->github && strcmp(optarg, "github") == 0)
				a->format = CLI_GITHUB;
			else
				return (cli_bad_usage(a->cmd, "--format '%s': "
				    "expected text, json%s", optarg,
				    spec->github ? " or github" : ""));
			break;
		default:
			return (cli_bad_usage(a->cmd, "unknown option or "
			    "missing value: '%s'", argv[optind - 1]));
		}
	}
	if (optind < argc && files) {
		a->files = argv + optind;
		a->nfiles = argc - optind;
	} else if (optind < argc)
		return (cli_bad_usage(a->cmd, "unexpected argument '%s'",
		    argv[optind]));
	if (a->schema == NULL)
		return (cli_bad_usage(a->cmd, "missing --schema NAME"));
	if (!plain_name(a->schema))
		return (cli_bad_usage(a->cmd, "--schema '%s': expected a "
		    "lower-case name (letters, digits, _)", a->schema));
	if (spec->need_msg && (a->msg == NULL || *a->msg == '\0'))
		return (cli_bad_usage(a->cmd, "missing --msg \"what it does\""));
	snprintf(a->models, sizeof(a->models), "%s/%s.yaml", models,
	    a->schema);
	if (migrations != NULL)
		snprintf(a->migrations, sizeof(a->migrations), "%s",
		    migrations);
	else
		snprintf(a->migrations, sizeof(a->migrations), "migrations/%s",
		    a->schema);
	return (0);
}

int
cli_parse_schema_args(int argc, char **argv, const struct cli_spec *spec,
    struct cli_args *a)
{
	return (parse_args(argc, argv, spec, 0, a, "h", NULL, NULL));
}

int
cli_parse_schema_args_own(int argc, char **argv, const struct cli_spec *spec,
    struct cli_args *a, const char *optstring,
    int (*own)(struct cli_args *, int, const char *, void *), void *ctx)
{
	return (parse_args(argc, argv, spec, 0, a, optstring, own, ctx));
}

int
cli_parse_file_args(int argc, char **argv, const struct cli_spec *spec,
    struct cli_args *a)
{
	return (parse_args(argc, argv, spec, 1, a, "h", NULL, NULL));
}

void
cli_gh_escape(struct vbuf *b, const char *s, int property)
{
	for (; *s != '\0'; s++) {
		if (*s == '%')
			vbuf_puts(b, "%25");
		else if (*s == '\r')
			vbuf_puts(b, "%0D");
		else if (*s == '\n')
			vbuf_puts(b, "%0A");
		else if (property && *s == ':')
			vbuf_puts(b, "%3A");
		else if (property && *s == ',')
			vbuf_puts(b, "%2C");
		else
			vbuf_putc(b, *s);
	}
}

static void
gh_escape(const char *s, int property)
{
	struct vbuf	b;

	vbuf_init(&b);
	cli_gh_escape(&b, s, property);
	fputs(b.data, stdout);
	vbuf_free(&b);
}

static void
print_json(const struct cli_args *a, const struct problems *p)
{
	struct vbuf	b;
	size_t		i;

	vbuf_init(&b);
	vbuf_puts(&b, "{\"command\": ");
	diff_json_string(&b, a->cmd);
	vbuf_puts(&b, ", \"schema\": ");
	diff_json_string(&b, a->schema);
	vbuf_appendf(&b, ", \"ok\": %s, \"problems\": [",
	    problems_errors(p) == 0 ? "true" : "false");
	for (i = 0; i < p->n; i++) {
		vbuf_puts(&b, i > 0 ? ",\n  {\"file\": " : "\n  {\"file\": ");
		diff_json_string(&b, p->v[i].file);
		vbuf_appendf(&b, ", \"line\": %d, \"message\": ", p->v[i].line);
		diff_json_string(&b, p->v[i].msg);
		if (p->v[i].col > 0)
			vbuf_appendf(&b, ", \"col\": %d", p->v[i].col);
		vbuf_appendf(&b, ", \"severity\": \"%s\"}", p->v[i].warning ?
		    "warning" : "error");
	}
	vbuf_puts(&b, p->n > 0 ? "\n]}\n" : "]}\n");
	fputs(b.data, stdout);
	vbuf_free(&b);
}

static void
print_github(const struct cli_args *a, const struct problem *pr)
{
	fputs(pr->warning ? "::warning " : "::error ", stdout);
	if (pr->file != NULL) {
		fputs("file=", stdout);
		gh_escape(pr->file, 1);
		if (pr->line > 0)
			printf(",line=%d", pr->line);
		if (pr->col > 0)
			printf(",col=%d", pr->col);
		putchar(',');
	}
	fputs("title=verifier ", stdout);
	gh_escape(a->cmd, 1);
	fputs("::", stdout);
	gh_escape(pr->msg, 0);
	putchar('\n');
}

void
cli_print_problems(const struct cli_args *a, const char *what,
    const struct problems *p)
{
	const struct problem	*pr;
	size_t			 i, nerr;

	if (a->format == CLI_JSON) {
		print_json(a, p);
		return;
	}
	for (i = 0; i < p->n; i++) {
		pr = &p->v[i];
		if (a->format == CLI_GITHUB)
			print_github(a, pr);
		else if (pr->file != NULL && pr->line > 0 && pr->col > 0)
			printf("%s:%d:%d: %s\n", pr->file, pr->line, pr->col,
			    pr->msg);
		else if (pr->file != NULL && pr->line > 0)
			printf("%s:%d: %s\n", pr->file, pr->line, pr->msg);
		else if (pr->file != NULL)
			printf("%s: %s\n", pr->file, pr->msg);
		else
			printf("%s\n", pr->msg);
	}
	if (a->format == CLI_TEXT) {
		nerr = problems_errors(p);
		if (nerr == 0)
			printf("%s %s: ok", what, a->schema);
		else
			printf("%s %s: %zu problem%s", what, a->schema, nerr,
			    nerr == 1 ? "" : "s");
		if (p->n > nerr)
			printf(" (%zu warning%s)", p->n - nerr,
			    p->n - nerr == 1 ? "" : "s");
		putchar('\n');
	}
}

int
cli_drop_scratch(struct scratch *s, int rc)
{
	struct vf_error	err;
	int		had_db = s->name[0] != '\0';

	if (scratch_drop(s, &err) == -1)
		fprintf(stderr, "verifier: %s\n", err.msg);
	if (scratch_interrupted()) {
		fprintf(stderr, had_db ? "verifier: interrupted; the scratch "
		    "database was dropped\n" : "verifier: interrupted; the "
		    "shadow transaction was rolled back\n");
		return (130);
	}
	return (rc);
}

void
cli_print_stats(const char *what, int nqueries, double ms)
{
	if (getenv("VERIFIER_STATS") != NULL)
		fprintf(stderr, "verifier: %s: %d catalog queries in %.1f ms\n",
		    what, nqueries, ms);
}

int
cli_color(int fd)
{
	const char	*no_color;

	no_color = getenv("NO_COLOR");
	if (no_color != NULL && *no_color != '\0')
		return (0);
	return (isatty(fd));
}

int
cli_compare_begin(struct cli_compare *c, int argc, char **argv,
    const struct cli_spec *spec)
{
	int	rc;

	if ((rc = cli_parse_schema_args(argc, argv, spec, &c->a)) != 0)
		return (rc);
	vf_error_clear(&c->err);
	memset(&c->m, 0, sizeof(c->m));
	memset(&c->expected, 0, sizeof(c->expected));
	memset(&c->actual, 0, sizeof(c->actual));
	memset(&c->s, 0, sizeof(c->s));
	memset(&c->probs, 0, sizeof(c->probs));
	c->snap.db = NULL;
	c->conn = NULL;
	return (0);
}

int
cli_compare_end(struct cli_compare *c, int rc)
{
	if (rc == -1)
		rc = cli_report(c->a.cmd, &c->err);
	snapshot_close(&c->snap);
	catalog_free(&c->expected);
	catalog_free(&c->actual);
	rc = cli_drop_scratch(&c->s, rc);
	PQfinish(c->conn);
	problems_free(&c->probs);
	model_free(&c->m);
	return (rc);
}
