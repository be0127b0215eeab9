/*
 * fuzz_expected.c: libFuzzer harness for the expected catalog built in
 * memory (expected_from_model()).  An input that starts with "schema:" or
 * "#" is a YAML model; any other is a seed for the model generator
 * (tests/tools/gen_model.c): 8 bytes of seed, a byte of kind, a byte of
 * table count (1 to 8), so every input is a valid model.  When the model
 * loads and VERIFIER_FUZZ_DB names a server (a libpq URL; its role needs
 * CREATEDB and the cluster the roles of initdb/), the model's DDL is also
 * run there, in one scratch database kept for the whole run: when the
 * memory built the catalog, the two must be equal (a difference aborts
 * with the first row that differs); a generated model the server rejects
 * aborts too (a model that loads must build), and so does any model the
 * memory builds but the server rejects.  Without the variable no
 * server is needed (CI runs the corpus that way).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "expected.h"
#include "gen_model.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* The server side, kept across inputs; NULL when there is none. */
static PGconn		*fz_conn;
static struct scratch	 fz_scratch;
static int		 fz_tried;

static void
fz_close(void)
{
	struct vf_error	err;

	if (scratch_drop(&fz_scratch, &err) == -1)
		fprintf(stderr, "fuzz_expected: %s\n", err.msg);
	if (fz_conn != NULL)
		PQfinish(fz_conn);
	fz_conn = NULL;
}

static PGconn *
fz_server(void)
{
	struct vf_error	 err;
	const char	*url;

	if (fz_tried)
		return (fz_conn);
	fz_tried = 1;
	if ((url = getenv("VERIFIER_FUZZ_DB")) == NULL || *url == '\0')
		return (NULL);
	vf_error_clear(&err);
	if ((fz_conn = db_connect(url, &err)) == NULL) {
		fprintf(stderr, "fuzz_expected: VERIFIER_FUZZ_DB: %s\n",
		    err.msg);
		abort();
	}
	memset(&fz_scratch, 0, sizeof(fz_scratch));
	atexit(fz_close);
	return (fz_conn);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct model	 m;
	struct catalog	 mem, srv;
	struct vf_error	 err;
	struct vbuf	 gen;
	const char	*text = (const char *)data;
	char		 why[256], msg[sizeof(err.msg)];
	uint64_t	 seed = 0;
	size_t		 i;
	int		 generated, kind, ntables, have_mem;

	vbuf_init(&gen);
	vf_error_clear(&err);
	generated = !(len >= 7 && memcmp(data, "schema:", 7) == 0) &&
	    !(len >= 1 && data[0] == '#');
	if (generated) {
		for (i = 0; i < 8 && i < len; i++)
			seed = seed << 8 | data[i];
		kind = len > 8 ? data[8] % GEN_NKINDS : GEN_ALL;
		ntables = len > 9 ? 1 + data[9] % 8 : 3;
		gen_model(&gen, "fuzz", seed, ntables, (enum gen_kind)kind,
		    NULL);
		text = gen.data;
		len = gen.len;
	}
	if (model_parse("fuzz.yaml", text, len, &m, &err) == -1) {
		if (generated) {
			fprintf(stderr, "a generated model does not load: "
			    "%d:%d: %s\n%s\n", err.line, err.col, err.msg,
			    text);
			abort();
		}
		vbuf_free(&gen);
		return (0);
	}
	have_mem = expected_from_model(&m, &mem, why, sizeof(why)) == 1;
	/* A generated model the memory declines still goes to the server:
	 * a model that loads must build. */
	if (fz_server() == NULL || (!have_mem && !generated))
		goto done;
	if (expected_from_server(fz_conn, &fz_scratch, &m, &srv, &err) ==
	    -1) {
		/*
		 * Any YAML may be one the server rejects, but then the
		 * memory must decline it too (a model error must not pass
		 * silently), unless it grants to a role the server lacks
		 * (checked before the memory in expected_catalog()).  A
		 * generated model is valid, given the roles of initdb/.
		 */
		if (!generated && (!have_mem ||
		    strstr(err.msg, "role \"") != NULL))
			goto done;
		fprintf(stderr, "the server rejects a %s model%s: %s\n%s\n",
		    generated ? "generated" : "YAML", have_mem ?
		    " the memory builds" : "", err.msg, text);
		fz_close();	/* abort() runs no atexit() */
		abort();
	}
	if (have_mem && !expected_equal(&mem, "in memory", &srv,
	    "on the server", msg, sizeof(msg))) {
		fprintf(stderr, "the expected catalog in memory differs from "
		    "the server's: %s\n%s\n", msg, text);
		fz_close();
		abort();
	}
	catalog_free(&srv);
done:
	if (have_mem)
		catalog_free(&mem);
	model_free(&m);
	vbuf_free(&gen);
	return (0);
}
