/*
 * expected_why.c: for each model file given, whether the verifier builds
 * its expected catalog in memory (expected_from_model()) or sends it to
 * the server, and why: "PATH: in memory, N rows in T ms (C ms of CPU)" or "PATH: declined:
 * WHY".  For the docs' figures and to find what to print next.
 *
 *	expected_why MODEL.yaml...
 */
#include <stdio.h>
#include <time.h>

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
	clock_t		c0;
	int		i, s, rc = 0;

	for (i = 1; i < argc; i++) {
		if (model_load(argv[i], &m, &err) == -1) {
			printf("%s: %s\n", argv[i], err.msg);
			rc = 1;
			continue;
		}
		t0 = vf_now_ms();
		c0 = clock();
		if (expected_from_model(&m, &cat, why, sizeof(why)) == 1) {
			t0 = vf_now_ms() - t0;
			c0 = clock() - c0;
			for (rows = 0, s = 0; s < CATALOG_NSETS; s++)
				rows += cat.sets[s].nrows;
			printf("%s: in memory, %zu rows in %.1f ms (%.1f ms "
			    "of CPU)\n", argv[i], rows, t0,
			    (double)c0 * 1000 / CLOCKS_PER_SEC);
			catalog_free(&cat);
		} else
			printf("%s: declined: %s\n", argv[i], why);
		model_free(&m);
	}
	return (rc);
}
