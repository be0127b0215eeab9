/*
 * cmd_lint.c: `verifier lint`, the online-safety rules of lint.c over
 * migration files: by default the files the live database has not
 * applied (all of them with --all, --no-live or no database reachable),
 * or the files named.  Prints the findings as text, JSON or GitHub
 * workflow commands; exit 1 on an error-level finding.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_schema.h"
#include "db.h"
#include "diff.h"
#include "lint.h"

static const struct option lint_options[] = {
	CLI_OPTIONS_COMMON,
	{ "migrations", required_argument, NULL, CLI_OPT_MIGRATIONS },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "no-live", no_argument, NULL, CLI_OPT_NO_LIVE },
	{ "all", no_argument, NULL, CLI_OPT_ALL },
	CLI_OPTIONS_END,
};

static const struct cli_spec lint_spec = {
	"lint --schema S [--migrations DIR] [--db URL] [--all] [--no-live]\n"
	"                [--format text|json|github] [FILE...]\n"
	"       online-safety rules over migration files: the files the live "
	"database\n"
	"       has not applied (every file with --all, --no-live or no "
	"database), or FILE...\n"
	"       Silence one statement: -- verifier:allow RULE reason, right "
	"before it.\n"
	"       Exit 0 no error-level finding, 1 one or more, 2 bad input",
	lint_options, 1, 0,
};

static const char *
sev_name(enum lint_severity s)
{
	return (s == LINT_ERROR ? "error" : "warning");
}

static void
lint_print(const struct cli_args *a, const struct lint_result *r)
{
	const struct lint_finding	*f;
	struct vbuf			 b;
	size_t				 i, nerr = lint_errors(r);

	vbuf_init(&b);
	if (a->format == CLI_JSON) {
		vbuf_puts(&b, "{\"command\": \"lint\", \"schema\": ");
		diff_json_string(&b, a->schema);
		vbuf_appendf(&b, ", \"ok\": %s, \"live\": %s, \"files\": %zu, "
		    "\"statements\": %zu, \"errors\": %zu, \"warnings\": %zu, "
		    "\"findings\": [", nerr == 0 ? "true" : "false",
		    r->live ? "true" : "false", r->nfiles, r->nstmts, nerr,
		    r->n - nerr);
	}
	for (i = 0; i < r->n; i++) {
		f = &r->v[i];
		if (a->format == CLI_JSON) {
			vbuf_puts(&b, i > 0 ? ",\n  {\"file\": " :
			    "\n  {\"file\": ");
			diff_json_string(&b, f->file);
			vbuf_appendf(&b, ", \"line\": %d, \"col\": %d, "
			    "\"rule\": \"%s\", \"severity\": \"%s\", "
			    "\"what\": ", f->line, f->col, f->rule,
			    sev_name(f->severity));
			diff_json_string(&b, f->what);
			vbuf_puts(&b, ", \"fix\": ");
			diff_json_string(&b, f->fix);
			vbuf_putc(&b, '}');
		} else if (a->format == CLI_GITHUB) {
			vbuf_appendf(&b, "::%s file=", sev_name(f->severity));
			cli_gh_escape(&b, f->file, 1);
			vbuf_appendf(&b, ",line=%d,col=%d,title=", f->line,
			    f->col);
			cli_gh_escape(&b, f->rule, 1);
			vbuf_puts(&b, "::");
			cli_gh_escape(&b, f->what, 0);
			vbuf_puts(&b, "; instead: ");
			cli_gh_escape(&b, f->fix, 0);
			vbuf_putc(&b, '\n');
		} else
			vbuf_appendf(&b, "%s:%d:%d: %s: %s: %s; instead: %s\n",
			    f->file, f->line, f->col, sev_name(f->severity),
			    f->rule, f->what, f->fix);
	}
	if (a->format == CLI_JSON)
		vbuf_puts(&b, r->n > 0 ? "\n]}\n" : "]}\n");
	else if (a->format == CLI_TEXT)
		vbuf_appendf(&b, "lint %s: %zu file%s, %zu error%s, %zu "
		    "warning%s%s\n", a->schema, r->nfiles,
		    r->nfiles == 1 ? "" : "s", nerr, nerr == 1 ? "" : "s",
		    r->n - nerr, r->n - nerr == 1 ? "" : "s",
		    r->live ? "" : " (no live database: sizes unknown)");
	fputs(b.data, stdout);
	vbuf_free(&b);
}

/* A file named on the command line: any name, a version when it has one. */
static int
load_named(const char *path, struct sqlfile *f, struct vf_error *err)
{
	const char	*name;
	char		*text, *version, *slug;
	size_t		 len;
	int		 rc;

	if (vf_read_file(path, &text, &len, err) == -1)
		return (-1);
	rc = sqlfile_parse(path, text, len, f, err);
	free(text);
	if (rc == -1)
		return (-1);
	name = strrchr(path, '/');
	if (sqlfile_parse_name(name ? name + 1 : path, &version, &slug,
	    NULL) == 0) {
		f->version = version;
		f->slug = slug;
	}
	return (0);
}

/* Whether dir holds migration files (a missing folder holds none). */
static int
has_dir(const char *dir)
{
	DIR	*d;

	if ((d = opendir(dir)) == NULL)
		return (errno != ENOENT);
	closedir(d);
	return (1);
}

int
cmd_lint(int argc, char **argv)
{
	struct cli_args		 a;
	struct vf_error		 err;
	struct lint_result	 r;
	struct sqlfile		*files = NULL, *named = NULL, *ctx = NULL;
	PGconn			*conn = NULL;
	const char		*first;
	size_t			 nfiles = 0, nnamed = 0, nctx = 0, i;
	int			 rc;

	if ((rc = cli_parse_file_args(argc, argv, &lint_spec, &a)) != 0)
		return (rc < 0 ? VF_EXIT_OK : rc);
	memset(&r, 0, sizeof(r));
	vf_error_clear(&err);
	rc = -1;
	if ((a.nfiles == 0 || has_dir(a.migrations)) &&
	    sqlfile_load_dir(a.migrations, &files, &nfiles, &err) == -1)
		goto done;
	if (a.nfiles > 0) {
		named = xcalloc((size_t)a.nfiles, sizeof(*named));
		for (; nnamed < (size_t)a.nfiles; nnamed++)
			if (load_named(a.files[nnamed], &named[nnamed],
			    &err) == -1)
				goto done;
	}
	if (!a.no_live && (conn = db_connect(a.db, &err)) == NULL) {
		fprintf(stderr, "verifier lint: no live database (%s): every "
		    "file is linted, table sizes unknown\n", err.msg);
		vf_error_clear(&err);
	}
	if (a.nfiles > 0) {
		/* The folder's files before the first named one are context. */
		ctx = xcalloc(nfiles + 1, sizeof(*ctx));
		first = named[0].version;
		for (i = 0; i < nfiles; i++)
			if (first == NULL ||
			    sqlfile_version_cmp(files[i].version, first) < 0)
				ctx[nctx++] = files[i];
		if (lint_files(a.schema, conn, ctx, nctx, named, nnamed, &r,
		    &err) == -1)
			goto done;
	} else if (a.all) {
		if (lint_files(a.schema, conn, NULL, 0, files, nfiles, &r,
		    &err) == -1)
			goto done;
	} else if (lint_pending(a.schema, conn, files, nfiles, &r,
	    &err) == -1)
		goto done;
	lint_print(&a, &r);
	rc = lint_errors(&r) > 0 ? VF_EXIT_FAIL : VF_EXIT_OK;
done:
	if (rc == -1)
		rc = cli_report("lint", &err);
	PQfinish(conn);
	lint_result_free(&r);
	free(ctx);
	sqlfile_free_list(files, nfiles);
	sqlfile_free_list(named, nnamed);
	return (rc);
}
