/*
 * cmd_graph.c: `verifier graph`: a picture of a schema (picture.h) from
 * its models (the default), the live database (--from-db) or the replay
 * of its migrations (--migrations DIR), as DOT, SVG or PNG; what a draft
 * would touch (--change); and whether a committed SVG still matches its
 * model (--check FILE).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_schema.h"
#include "compare.h"
#include "db.h"
#include "emit.h"
#include "expected.h"
#include "picture.h"
#include "replay.h"

enum {
	OPT_AROUND = CLI_OPT_NEXT,
	OPT_DEPTH,
	OPT_CHANGE,
	OPT_CHECK,
};

static const struct option graph_options[] = {
	CLI_OPTIONS_COMMON,
	CLI_OPTIONS_FILES,
	{ "from-db", no_argument, NULL, CLI_OPT_FROM_DB },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "output", required_argument, NULL, CLI_OPT_OUTPUT },
	{ "around", required_argument, NULL, OPT_AROUND },
	{ "depth", required_argument, NULL, OPT_DEPTH },
	{ "change", no_argument, NULL, OPT_CHANGE },
	{ "check", required_argument, NULL, OPT_CHECK },
	CLI_OPTIONS_END,
};

static const struct cli_spec graph_spec = {
	"graph --schema S [--models DIR] [--from-db | --migrations DIR] "
	"[--db URL]\n"
	"                [--format dot|svg|png] [-o FILE] "
	"[--around TABLE [--depth N]]\n"
	"       verifier graph --schema S --change [--migrations DIR | "
	"--from-db] [--db URL] [...]\n"
	"       verifier graph --schema S --check FILE.svg [--models DIR]\n"
	"       a picture of the models (or the live database, or the replay "
	"of DIR),\n"
	"       or of what the next draft changes; --check: exit 1 when "
	"FILE no longer\n"
	"       matches the models; exit 2 on bad input",
	graph_options, 0, 0,
};

struct graph_args {
	const char	*format;	/* dot, svg, png */
	const char	*around;
	const char	*check;
	int		 depth;
	int		 change;
	int		 replay;	/* --migrations given */
};

static int
own_option(struct cli_args *a, int c, const char *arg, void *ctx)
{
	struct graph_args	*g = ctx;
	char			*end;

	switch (c) {
	case CLI_OPT_FORMAT:
		if (strcmp(arg, "dot") != 0 && strcmp(arg, "svg") != 0 &&
		    strcmp(arg, "png") != 0)
			return (cli_bad_usage(a->cmd, "--format '%s': expected "
			    "dot, svg or png", arg));
		g->format = arg;
		return (0);
	case 'o':
		a->output = arg;
		return (0);
	case OPT_AROUND:
		g->around = arg;
		return (0);
	case OPT_DEPTH:
		g->depth = (int)strtol(arg, &end, 10);
		if (*arg == '\0' || *end != '\0' || g->depth < 0 ||
		    g->depth > 1000)
			return (cli_bad_usage(a->cmd, "--depth '%s': expected a "
			    "number of edges, 0 to 1000", arg));
		return (0);
	case OPT_CHANGE:
		g->change = 1;
		return (0);
	case OPT_CHECK:
		g->check = arg;
		return (0);
	case CLI_OPT_MIGRATIONS:
		g->replay = 1;
		return (-1);	/* cli.c keeps the folder */
	default:
		return (-1);
	}
}

/* Connects c->conn unless it is. */
static int
connect_once(struct cli_compare *c)
{
	if (c->conn == NULL && (c->conn = db_connect(c->a.db, &c->err)) ==
	    NULL)
		return (-1);
	return (0);
}

/* The models' catalog into c->expected: in memory, else the server's. */
static int
models_catalog(struct cli_compare *c)
{
	char	why[256];

	if (model_load(c->a.models, &c->m, &c->err) == -1)
		return (-1);
	if (expected_from_model(&c->m, &c->expected, why, sizeof(why)) == 1)
		return (0);
	if (getenv("VERIFIER_STATS") != NULL)
		fprintf(stderr, "verifier: the models need the server: %s\n",
		    why);
	if (connect_once(c) == -1)
		return (-1);
	return (expected_catalog(c->conn, &c->s, &c->m, &c->expected,
	    &c->err));
}

/* The live catalog, or the replay's (in a scratch database), into
   c->actual. */
static int
actual_catalog(struct cli_compare *c, int replay)
{
	struct scratch_access	acc;

	if (connect_once(c) == -1)
		return (-1);
	if (!replay)
		return (catalog_read(c->conn, c->a.schema, &c->actual,
		    &c->err));
	if (scratch_access(c->conn, c->a.schema, &acc, &c->err) == -1)
		return (-1);
	if (!acc.createdb)
		return (vf_error_set(&c->err, VF_EXIT_FAIL, NULL, 0, 0,
		    "role \"%s\" cannot replay the migrations: graph replays "
		    "them in a scratch database, which needs CREATEDB",
		    acc.role));
	if (scratch_create(c->conn, &c->s, &c->err) == -1)
		return (-1);
	if (replay_has_files(c->a.migrations) && replay_migrations(c->s.conn,
	    c->a.schema, c->a.migrations, NULL, &c->err) == -1)
		return (-1);
	return (catalog_read(c->s.conn, c->a.schema, &c->actual, &c->err));
}

/* The picture asked for, as DOT, into dot. */
static int
draw(struct cli_compare *c, const struct graph_args *g, struct vbuf *dot)
{
	struct picture	 pic;
	struct emit_plan plan;
	size_t		 nchanges, i;
	const char	*side = SNAPSHOT_EXPECTED;

	memset(&plan, 0, sizeof(plan));
	if (g->change) {
		if (models_catalog(c) == -1 ||
		    actual_catalog(c, !c->a.from_db) == -1 ||
		    compare_load(&c->snap, c->a.snapshot, &c->expected,
		    &c->actual, &c->m, &c->err) == -1 ||
		    emit_migration_plan(&c->snap, c->a.schema, SNAPSHOT_ACTUAL,
		    SNAPSHOT_EXPECTED, &plan, &nchanges, &c->err) == -1)
			return (-1);
	} else if (c->a.from_db || g->replay) {
		if (actual_catalog(c, g->replay) == -1)
			return (-1);
		side = SNAPSHOT_ACTUAL;
		if (snapshot_open(&c->snap, c->a.snapshot, &c->err) == -1 ||
		    snapshot_load(&c->snap, side, &c->actual, &c->err) == -1)
			return (-1);
	} else {
		if (models_catalog(c) == -1)
			return (-1);
		if (snapshot_open(&c->snap, c->a.snapshot, &c->err) == -1 ||
		    snapshot_load(&c->snap, side, &c->expected, &c->err) == -1)
			return (-1);
	}
	if (picture_build(&c->snap, side, c->a.schema, &pic, &c->err) == -1) {
		emit_plan_free(&plan);
		return (-1);
	}
	if (g->change && picture_mark_plan(&c->snap, SNAPSHOT_ACTUAL, &pic,
	    &plan, &c->err) == -1) {
		emit_plan_free(&plan);
		picture_free(&pic);
		return (-1);
	}
	emit_plan_free(&plan);
	if (g->around != NULL) {
		if ((i = picture_find(&pic, "table", g->around)) ==
		    (size_t)-1) {
			vf_error_set(&c->err, VF_EXIT_USAGE, NULL, 0, 0,
			    "--around '%s': schema %s has no such table",
			    g->around, c->a.schema);
			picture_free(&pic);
			return (-1);
		}
		pic.nodes[i].keep = 1;
		picture_keep_around(&pic, g->depth);
	}
	picture_dot(&pic, dot);
	picture_free(&pic);
	return (0);
}

/* --check FILE: the stamp of FILE against the DOT of the models. */
static int
check_file(struct cli_compare *c, const char *path, const struct vbuf *dot)
{
	char	*svg = NULL, want[65], got[65];
	size_t	 len;

	if (vf_read_file(path, &svg, &len, &c->err) == -1)
		return (-1);
	vf_sha256_hex(dot->data, dot->len, want);
	if (!picture_stamp_read(svg, got)) {
		free(svg);
		fprintf(stderr, "verifier graph: %s: no verifier-graph stamp: "
		    "it was not drawn by 'verifier graph --format svg'; run "
		    "'make graph'\n", path);
		return (VF_EXIT_FAIL);
	}
	free(svg);
	if (strcmp(want, got) != 0) {
		fprintf(stderr, "verifier graph: %s is stale: it no longer "
		    "matches %s; run 'make graph' and commit it\n", path,
		    c->a.models);
		return (VF_EXIT_FAIL);
	}
	printf("graph: %s is current\n", path);
	return (VF_EXIT_OK);
}

int
cmd_graph(int argc, char **argv)
{
	struct cli_compare	 c;
	struct graph_args	 g;
	struct vbuf		 dot, img, out;
	const struct vbuf	*res = &dot;
	int			 rc;

	memset(&g, 0, sizeof(g));
	g.format = "dot";
	g.depth = 1;
	memset(&c, 0, sizeof(c));
	if ((rc = cli_parse_schema_args_own(argc, argv, &graph_spec, &c.a,
	    "ho:", own_option, &g)) != 0)
		return (rc < 0 ? VF_EXIT_OK : rc);
	if (c.a.from_db && g.replay)
		return (cli_bad_usage(c.a.cmd, "--from-db and --migrations "
		    "name two sources: give one"));
	if (g.check != NULL && (g.change || c.a.from_db || g.replay ||
	    g.around != NULL))
		return (cli_bad_usage(c.a.cmd, "--check compares a picture "
		    "with the models: no --change, --from-db, --migrations "
		    "nor --around"));
	vf_error_clear(&c.err);
	c.snap.db = NULL;
	vbuf_init(&dot);
	vbuf_init(&img);
	vbuf_init(&out);
	rc = -1;
	if (draw(&c, &g, &dot) == -1)
		goto done;
	if (g.check != NULL) {
		rc = check_file(&c, g.check, &dot);
		goto done;
	}
	if (strcmp(g.format, "dot") != 0) {
		if (picture_render(dot.data, dot.len, g.format, &img,
		    &c.err) == -1)
			goto done;
		res = &img;
		if (strcmp(g.format, "svg") == 0) {
			picture_stamp(img.data, dot.data, dot.len, &out);
			res = &out;
		}
	}
	if (c.a.output != NULL) {
		if (vf_write_file_atomic(c.a.output, res->data, res->len,
		    &c.err) == -1)
			goto done;
	} else if (fwrite(res->data, 1, res->len, stdout) != res->len) {
		vf_error_set(&c.err, VF_EXIT_FAIL, NULL, 0, 0,
		    "cannot write the picture to the standard output");
		goto done;
	}
	rc = VF_EXIT_OK;
done:
	vbuf_free(&dot);
	vbuf_free(&img);
	vbuf_free(&out);
	return (cli_compare_end(&c, rc));
}
