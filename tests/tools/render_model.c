/*
 * render_model.c: a test tool until the verifier's own commands exist.
 * Loads a model file and prints its DDL (model_render_sql) on stdout, or
 * with --yaml the model in canonical form (model_write_yaml); on error,
 * "file:line:col: message" on stderr and exit code 2.
 *
 *	render_model [--yaml] FILE
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

int
main(int argc, char *argv[])
{
	struct model	 m;
	struct vf_error	 err;
	struct vbuf	 out;
	char		 buf[4096];
	int		 rc = VF_EXIT_USAGE, yaml = 0;

	if (argc == 3 && strcmp(argv[1], "--yaml") == 0) {
		yaml = 1;
		argv++;
		argc--;
	}
	if (argc != 2) {
		fprintf(stderr, "usage: render_model [--yaml] FILE\n");
		return (VF_EXIT_USAGE);
	}
	vf_error_clear(&err);
	vbuf_init(&out);
	if (model_load(argv[1], &m, &err) == -1) {
		fprintf(stderr, "%s\n", vf_error_str(&err, buf, sizeof(buf)));
		goto done;
	}
	if (yaml)
		model_write_yaml(&m, &out);
	else if (model_render_sql(&m, &out, &err) == -1) {
		fprintf(stderr, "%s\n", vf_error_str(&err, buf, sizeof(buf)));
		model_free(&m);
		goto done;
	}
	fputs(out.data != NULL ? out.data : "", stdout);
	model_free(&m);
	rc = VF_EXIT_OK;
done:
	vbuf_free(&out);
	return (rc);
}
