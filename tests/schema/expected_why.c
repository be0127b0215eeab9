/*
 * expected_why.c: for each model file given, whether the verifier builds
 * its expected catalog in memory (expected_from_model()) or sends it to
 * the server, and why: "PATH: in memory, N rows in T ms" or "PATH: declined:
 * WHY".  For the docs' figures and to find what to print next.
 *
 *	expected_why MODEL.yaml...
 */
#include <stdio.h>

#include "expected.h"

int
main(int argc, char **argv)
{
	struct model	m;
	struct catalog	cat;
	struct vf_error	err;
	char		why[512];
	size_t		rows;
	double		t0;
	int		i, s, rc = 0;

	for (i = 1; i < argc; i++) {
		if (model_load(argv[i], &m, &err) == -1) {
			printf("%s: %s\n", argv[i], err.msg);
			rc = 1;
			continue;
		}
		t0 = vf_now_ms();
		if (expected_from_model(&m, &cat, why, sizeof(why)) == 1) {
			t0 = vf_now_ms() - t0;
			for (rows = 0, s = 0; s < CATALOG_NSETS; s++)
				rows += cat.sets[s].nrows;
			printf("%s: in memory, %zu rows in %.1f ms\n", argv[i],
			    rows, t0);
			catalog_free(&cat);
		} else
			printf("%s: declined: %s\n", argv[i], why);
		model_free(&m);
	}
	return (rc);
}
