/*
 * expected_probe.c: whether the expected catalog of each model file is
 * built in memory (expected_from_model()) or declined, and why: one line
 * per file, "FILE: in memory, N rows" or "FILE: declined: WHY".  For
 * tests/integration/30_diff_expected.sh, which reports the reasons.  Exit
 * 2 when a file does not load.
 *
 *	expected_probe FILE...
 */
#include <stdio.h>

#include "expected.h"

int
main(int argc, char *argv[])
{
	struct model	 m;
	struct catalog	 cat;
	struct vf_error	 err;
	char		 why[512], buf[4096];
	size_t		 rows;
	int		 i, set, rc = VF_EXIT_OK;

	if (argc < 2) {
		fprintf(stderr, "usage: expected_probe FILE...\n");
		return (VF_EXIT_USAGE);
	}
	for (i = 1; i < argc; i++) {
		vf_error_clear(&err);
		if (model_load(argv[i], &m, &err) == -1) {
			fprintf(stderr, "%s\n", vf_error_str(&err, buf,
			    sizeof(buf)));
			rc = VF_EXIT_USAGE;
			continue;
		}
		why[0] = '\0';
		if (expected_from_model(&m, &cat, why, sizeof(why)) == 1) {
			for (rows = 0, set = 0; set < CATALOG_NSETS; set++)
				rows += cat.sets[set].nrows;
			printf("%s: in memory, %zu rows\n", argv[i], rows);
			catalog_free(&cat);
		} else
			printf("%s: declined: %s\n", argv[i], why);
		model_free(&m);
	}
	return (rc);
}
