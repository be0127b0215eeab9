/*
 * fuzz_model.c: libFuzzer harness for the YAML model loader.  Any input
 * either fails with a message, or loads; a model that loads renders its
 * DDL, and the canonical YAML written from it loads again into a model
 * that writes the same YAML (the dump round trip).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct model	 m, m2;
	struct vf_error	 err;
	struct vbuf	 sql, yaml, yaml2;

	vf_error_clear(&err);
	if (model_parse("fuzz.yaml", (const char *)data, len, &m, &err) == -1) {
		if (err.msg[0] == '\0' || err.code != VF_EXIT_USAGE)
			abort();
		return (0);
	}
	vbuf_init(&sql);
	vbuf_init(&yaml);
	vbuf_init(&yaml2);
	(void)model_render_sql(&m, &sql, &err);
	model_write_yaml(&m, &yaml);
	if (model_parse("fuzz.yaml", yaml.data, yaml.len, &m2, &err) == -1) {
		fprintf(stderr, "written YAML does not load: %d:%d: %s\n%s\n",
		    err.line, err.col, err.msg, yaml.data);
		abort();
	}
	model_write_yaml(&m2, &yaml2);
	if (strcmp(yaml.data, yaml2.data) != 0) {
		fprintf(stderr, "YAML round trip differs:\n%s\n---\n%s\n",
		    yaml.data, yaml2.data);
		abort();
	}
	model_free(&m2);
	model_free(&m);
	vbuf_free(&sql);
	vbuf_free(&yaml);
	vbuf_free(&yaml2);
	return (0);
}
