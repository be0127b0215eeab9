/*
 * render_model.c: a test tool until the verifier's own commands exist.
 * Loads a model file and prints its DDL (model_render_sql) on stdout, or
 * the error as "file:line:col: message" on stderr with exit code 2.
 *
 *	render_model FILE
 */
#include <stdio.h>
#include <stdlib.h>

#include "model.h"

int
main(int argc, char *argv[])
{
	struct model	 m;
	struct vf_error	 err;
	struct vbuf	 out;
	char		 buf[4096];
	int		 rc = VF_EXIT_USAGE;

	if (argc != 2) {
		fprintf(stderr, "usage: render_model FILE\n");
		return (VF_EXIT_USAGE);
	}
	vf_error_clear(&err);
	vbuf_init(&out);
	if (model_load(argv[1], &m, &err) == -1) {
		fprintf(stderr, "%s\n", vf_error_str(&err, buf, sizeof(buf)));
		goto done;
	}
	if (model_render_sql(&m, &out, &err) == -1) {
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
