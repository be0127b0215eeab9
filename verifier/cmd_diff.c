/*
 * cmd_diff.c: `verifier diff`: the models against the live database.
 * The model loads on a thread while the live catalog is read; the
 * expected catalog comes from expected.c, the comparison from compare.c
 * and diff.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cmd_schema.h"
#include "compare.h"
#include "db.h"
#include "expected.h"

static const struct option diff_options[] = {
	CLI_OPTIONS_COMMON,
	CLI_OPTIONS_FILES,
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	CLI_OPTIONS_END,
};

static const struct cli_spec diff_spec = {
	"diff --schema S [--models DIR] [--db URL] [--format text|json] "
	"[--snapshot FILE]\n"
	"       the models against the live database; exit 0 when equal, "
	"1 when they differ, 2 on bad input",
	diff_options, 0, 0,
};

static void
print_diff(const struct cli_args *a, const struct diff *d)
{
	struct vbuf	out;

	if (a->format == CLI_JSON) {
		vbuf_init(&out);
		vbuf_puts(&out, "{\"schema\": ");
		diff_json_string(&out, a->schema);
		vbuf_puts(&out, ", \"differences\": ");
		diff_json(&out, d);
		vbuf_puts(&out, "}\n");
		fputs(out.data, stdout);
		vbuf_free(&out);
	} else if (d->n == 0)
		printf("schema %s matches its models (%s)\n", a->schema,
		    a->models);
	else
		diff_print_text(stdout, a->schema, d, cli_color(STDOUT_FILENO));
}

int
cmd_diff(int argc, char **argv)
{
	struct cli_compare	 c;
	struct diff		 d;
	struct expected_job	 job;
	double			 t0, t1;
	int			 rc, read_rc = -1;

	if ((rc = cli_compare_begin(&c, argc, argv, &diff_spec)) != 0)
		return (rc < 0 ? VF_EXIT_OK : rc);
	memset(&d, 0, sizeof(d));
	expected_job_start(&job, c.a.models, &c.m);
	t0 = t1 = 0;
	if ((c.conn = db_connect(c.a.db, &c.err)) != NULL) {
		t0 = vf_now_ms();
		read_rc = catalog_read(c.conn, c.a.schema, &c.actual, &c.err);
		t1 = vf_now_ms();
	}
	/* A bad model is reported first, as if it had been loaded first. */
	rc = -1;	/* until the end: err says what failed */
	if (expected_job_wait(&job, &c.err) == -1)
		goto done;
	if (read_rc == -1)
		goto done;
	cli_print_stats("live database", c.actual.nqueries, t1 - t0);
	if (compare_unsupported(&c.actual, NULL, &c.probs) > 0) {
		cli_print_problems(&c.a, "diff", &c.probs);
		rc = VF_EXIT_FAIL;
		goto done;
	}
	t0 = vf_now_ms();
	if (expected_catalog(c.conn, &c.s, &c.m, &c.expected, &c.err) == -1)
		goto done;
	cli_print_stats(c.s.conn != NULL ? "models (scratch database, DDL, "
	    "read back)" : c.s.shadows > 0 ? "models (shadow transaction, DDL, "
	    "read back, rolled back)" : "models (from the cache)",
	    c.expected.nqueries, vf_now_ms() - t0);
	t0 = vf_now_ms();
	if (compare_load(&c.snap, c.a.snapshot, &c.expected, &c.actual, &c.m,
	    &c.err) == -1)
		goto done;
	t1 = vf_now_ms();
	if (diff_compute(&c.snap, SNAPSHOT_ACTUAL, SNAPSHOT_EXPECTED, &d,
	    &c.err) == -1)
		goto done;
	if (getenv("VERIFIER_STATS") != NULL)
		fprintf(stderr, "verifier: sqlite store loaded in %.1f ms, "
		    "diff computed in %.1f ms\n", t1 - t0, vf_now_ms() - t1);
	print_diff(&c.a, &d);
	rc = d.n > 0 ? VF_EXIT_FAIL : VF_EXIT_OK;
done:
	diff_free(&d);
	return (cli_compare_end(&c, rc));
}
