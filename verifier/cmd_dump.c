/*
 * cmd_dump.c: `verifier dump`: the live schema as a model file, proved
 * by loading it back (dump.c), on stdout or written to --output.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cmd_schema.h"
#include "db.h"
#include "dump.h"

static const struct option dump_options[] = {
	CLI_OPTIONS_COMMON,
	{ "output", required_argument, NULL, CLI_OPT_OUTPUT },
	CLI_OPTIONS_END,
};

static const struct cli_spec dump_spec = {
	"dump --schema S [--db URL] [--output FILE]\n"
	"       the live schema as a model file (docs/models.md), proved "
	"by loading it back;\n"
	"       exit 1 when the schema holds what a model cannot say",
	dump_options, 0, 0,
};

int
cmd_dump(int argc, char **argv)
{
	struct cli_args	 a;
	struct vf_error	 err;
	struct scratch	 s;
	struct problems	 probs;
	struct vbuf	 yaml;
	PGconn		*conn = NULL;
	size_t		 i;
	int		 rc;

	if ((rc = cli_parse_schema_args(argc, argv, &dump_spec, &a)) != 0)
		return (rc < 0 ? VF_EXIT_OK : rc);
	vf_error_clear(&err);
	memset(&s, 0, sizeof(s));
	memset(&probs, 0, sizeof(probs));
	vbuf_init(&yaml);
	rc = -1;	/* until the end: err says what failed */
	if ((conn = db_connect(a.db, &err)) == NULL)
		goto done;
	if (dump_schema(conn, &s, a.schema, a.output, &yaml, &probs,
	    &err) == -1)
		goto done;
	if (probs.n > 0) {
		for (i = 0; i < probs.n; i++)
			fprintf(stderr, "verifier dump: %s\n", probs.v[i].msg);
		rc = VF_EXIT_FAIL;
		goto done;
	}
	if (a.output != NULL) {
		if (vf_write_file_atomic(a.output, yaml.data, yaml.len, &err) ==
		    -1)
			goto done;
	} else
		fputs(yaml.data, stdout);
	rc = VF_EXIT_OK;
done:
	if (rc == -1)
		rc = cli_report(a.cmd, &err);
	rc = cli_drop_scratch(&s, rc);
	PQfinish(conn);
	problems_free(&probs);
	vbuf_free(&yaml);
	return (rc);
}
