/*
 * gen_models.c: writes generated models (gen_model.c) for the
 * differential test of the expected catalog, one file per schema:
 * DIR/gen_all.yaml (everything), or with --split one model per kind
 * (DIR/gen_types.yaml, gen_defaults.yaml, ...: a mismatch is small to
 * read).  --schema names the schema (and file) of a single model.
 * Prints one line per model: its file, tables and objects.
 *
 *	gen_models [--seed N] [--tables N] [--split] [--kind K]
 *	    [--schema NAME] --out DIR
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gen_model.h"

static int
usage(void)
{
	fprintf(stderr, "usage: gen_models [--seed N] [--tables N] [--split] "
	    "[--kind all|types|...] [--schema NAME] --out DIR\n");
	return (VF_EXIT_USAGE);
}

/* Writes DIR/<schema>.yaml, schema gen_<kind> unless given; 0, or -1
 * after a message. */
static int
write_one(const char *dir, const char *name, uint64_t seed, int ntables,
    enum gen_kind k, size_t *total)
{
	struct gen_stats	 st;
	struct vbuf		 b;
	char			 path[4096], schema[64];
	FILE			*f;
	int			 rc = -1;

	vbuf_init(&b);
	if (name != NULL)
		snprintf(schema, sizeof(schema), "%s", name);
	else
		snprintf(schema, sizeof(schema), "gen_%s", gen_kind_names[k]);
	gen_model(&b, schema, seed, ntables, k, &st);
	snprintf(path, sizeof(path), "%s/%s.yaml", dir, schema);
	if ((f = fopen(path, "w")) == NULL) {
		fprintf(stderr, "gen_models: %s: %s\n", path, strerror(errno));
		goto done;
	}
	if (fwrite(b.data, 1, b.len, f) != b.len || fclose(f) != 0) {
		fprintf(stderr, "gen_models: %s: write failed\n", path);
		goto done;
	}
	printf("%s: %zu tables, %zu columns, %zu objects\n", path, st.tables,
	    st.columns, gen_stats_objects(&st));
	*total += gen_stats_objects(&st);
	rc = 0;
done:
	vbuf_free(&b);
	return (rc);
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "seed", required_argument, NULL, 's' },
		{ "tables", required_argument, NULL, 't' },
		{ "split", no_argument, NULL, 'p' },
		{ "kind", required_argument, NULL, 'k' },
		{ "out", required_argument, NULL, 'o' },
		{ "schema", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	const char	*out = NULL, *name = NULL;
	uint64_t	 seed = 1;
	size_t		 total = 0;
	int		 ch, k, ntables = 20, split = 0, kind = GEN_ALL;

	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 's':
			seed = strtoull(optarg, NULL, 10);
			break;
		case 't':
			ntables = atoi(optarg);
			break;
		case 'p':
			split = 1;
			break;
		case 'k':
			for (kind = 0; kind < GEN_NKINDS; kind++)
				if (strcmp(optarg, gen_kind_names[kind]) == 0)
					break;
			if (kind == GEN_NKINDS)
				return (usage());
			break;
		case 'o':
			out = optarg;
			break;
		case 'n':
			name = optarg;
			break;
		default:
			return (usage());
		}
	}
	if (out == NULL || optind != argc || ntables < 1 ||
	    (split && name != NULL))
		return (usage());
	if (mkdir(out, 0755) == -1 && errno != EEXIST) {
		fprintf(stderr, "gen_models: %s: %s\n", out, strerror(errno));
		return (VF_EXIT_FAIL);
	}
	if (!split)
		return (write_one(out, name, seed, ntables, kind, &total) == 0 ?
		    VF_EXIT_OK : VF_EXIT_FAIL);
	for (k = 1; k < GEN_NKINDS; k++)
		if (write_one(out, NULL, seed, ntables, k, &total) == -1)
			return (VF_EXIT_FAIL);
	printf("%zu objects\n", total);
	return (VF_EXIT_OK);
}
