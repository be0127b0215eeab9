/*
 * standalone.c: runs a libFuzzer harness over the files named on the
 * command line, once each, without libFuzzer: the corpus as a regression
 * suite in the normal and the ASan/UBSan build.  Prints one TAP line per
 * file; a crash is a crash of the whole run, which tests/run.sh reports.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
main(int argc, char **argv)
{
	struct vf_error	 err;
	char		*data;
	size_t		 len;
	int		 i;

	printf("1..%d\n", argc - 1);
	for (i = 1; i < argc; i++) {
		if (vf_read_file(argv[i], &data, &len, &err) == -1) {
			printf("not ok %d - %s: %s\n", i, argv[i], err.msg);
			continue;
		}
		LLVMFuzzerTestOneInput((const uint8_t *)data, len);
		free(data);
		printf("ok %d - %s\n", i, argv[i]);
	}
	return (0);
}
