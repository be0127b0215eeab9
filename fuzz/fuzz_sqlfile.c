/*
 * fuzz_sqlfile.c: libFuzzer harness for the migration file parser and
 * statement splitter.  Any input must either parse, with every statement
 * inside its section and the sections inside the file, or fail with a
 * message and a position inside the file.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sqlfile.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct sqlfile		 f;
	struct vf_error		 err;
	const struct sqlfile_section *secs[2];
	size_t			 i, k;

	vf_error_clear(&err);
	if (sqlfile_parse("fuzz.sql", (const char *)data, len, &f, &err) == -1) {
		if (err.msg[0] == '\0' || err.code != VF_EXIT_USAGE)
			abort();
		return (0);
	}
	secs[0] = &f.up;
	secs[1] = &f.down;
	for (k = 0; k < 2; k++) {
		if (!secs[k]->present)
			continue;
		if (secs[k]->off + secs[k]->len > f.len)
			abort();
		for (i = 0; i < secs[k]->nstmts; i++) {
			if (secs[k]->stmts[i].off < secs[k]->off ||
			    secs[k]->stmts[i].off + secs[k]->stmts[i].len >
			    secs[k]->off + secs[k]->len ||
			    secs[k]->stmts[i].len == 0 ||
			    secs[k]->stmts[i].line < 1)
				abort();
		}
	}
	if (f.up.nstmts == 0)
		abort();
	sqlfile_free(&f);
	return (0);
}
