/*
 * cmd_draft.c: `verifier draft`: the next migration file from the
 * models, against a replay of the migrations (or the live database with
 * --from-db), proved on the replay before it is written.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cmd_schema.h"
#include "compare.h"
#include "db.h"
#include "draft.h"
#include "emit.h"
#include "expected.h"
#include "refs.h"
#include "replay.h"

static const struct option draft_options[] = {
	CLI_OPTIONS_COMMON,
	CLI_OPTIONS_FILES,
	{ "msg", required_argument, NULL, CLI_OPT_MSG },
	{ "from-db", no_argument, NULL, CLI_OPT_FROM_DB },
	{ "allow-destructive", no_argument, NULL, CLI_OPT_ALLOW_DESTRUCTIVE },
	{ "online", no_argument, NULL, CLI_OPT_ONLINE },
	CLI_OPTIONS_END,
};

static const struct cli_spec draft_spec = {
	"draft --schema S --msg \"what it does\" [--models DIR] "
	"[--migrations DIR]\n"
	"                [--db URL] [--from-db] [--allow-destructive] "
	"[--snapshot FILE]\n"
	"                [--online]\n"
	"       writes migrations/S/<version>_<slug>.sql (up and down); "
	"--online: the\n"
	"       plan that keeps existing tables open to writes, in several "
	"files; exit 0 when written\n"
	"       or nothing to do, 1 when refused (destructive steps) or "
	"failed, 2 on bad input",
	draft_options, 0, 1,
};

/* Makes the migrations folder when missing; 0 or -1 with err set. */
static int
migrations_dir(const char *dir, struct vf_error *err)
{
	struct stat	sb;

	if (stat(dir, &sb) == -1 && errno == ENOENT)
		(void)mkdir(dir, 0755);
	if (stat(dir, &sb) == -1 || !S_ISDIR(sb.st_mode))
		return (vf_error_set(err, VF_EXIT_USAGE, dir, 0, 0,
		    "no such migrations folder"));
	return (0);
}

/*
 * Whether the files of dir may replay in a shadow transaction: none
 * refers to another schema, whose live rows it would lock until the
 * rollback (those that do are added to p).  1, 0, or -1 with err set.
 */
static int
shadow_safe(const char *schema, const char *dir, struct problems *p,
    struct vf_error *err)
{
	struct sqlfile	*files = NULL;
	size_t		 n = 0, before = p->n;
	int		 rc;

	if (!replay_has_files(dir))
		return (1);
	if (sqlfile_load_dir(dir, &files, &n, err) == -1)
		return (-1);
	rc = refs_check(schema, files, n, p, err);
	sqlfile_free_list(files, n);
	if (rc == -1)
		return (-1);
	return (p->n == before);
}

/*
 * The files of `draft --online` from up and down (what stays in the first
 * file) and the plan: proved on place (unless --from-db), then written.
 * Returns the exit code, or -1 with c->err set.
 */
static int
write_online(struct cli_compare *c, PGconn *place, struct emit_online *on,
    const char *up, const char *down, size_t nup, const struct vbuf *destr)
{
	struct emit_online_text	 t;
	struct draft_file	 files[3];
	char			 version[32], slug[80], path[PATH_MAX + 1024];
	size_t			 n = 0, i;
	int			 rc = -1;

	vbuf_init(&t.first_down);
	vbuf_init(&t.concurrent_up);
	vbuf_init(&t.concurrent_down);
	vbuf_init(&t.validate_up);
	vbuf_init(&t.validate_down);
	emit_online_sections(on, c->a.schema, &t);
	draft_version(c->a.migrations, version, sizeof(version));
	draft_slug(c->a.msg, slug, sizeof(slug));
	draft_online_files(c->a.msg, c->a.models, version, slug, up, down, &t,
	    files, &n);
	if (!c->a.from_db) {
		if (draft_prove_files(place, c->a.schema, c->a.migrations,
		    files, n, &c->expected, &c->actual, &c->probs,
		    &c->err) == -1)
			goto done;
		if (c->probs.n > 0) {
			fprintf(stderr, "verifier draft: the draft does not do "
			    "what it should; no file written:\n");
			cli_print_problems(&c->a, "draft", &c->probs);
			for (i = 0; i < n; i++)
				fprintf(stderr, "-- %s\n%s", files[i].name,
				    files[i].text.data);
			rc = VF_EXIT_FAIL;
			goto done;
		}
	}
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", c->a.migrations,
		    files[i].name);
		if (vf_write_file_atomic(path, files[i].text.data,
		    files[i].text.len, &c->err) == -1)
			goto done;
		printf("draft: wrote %s\n", path);
	}
	printf("draft: %zu change%s in %zu file%s, %zu of them online\n",
	    nup, nup == 1 ? "" : "s", n, n == 1 ? "" : "s",
	    emit_online_count(on));
	if (destr->len > 0) {
		printf("draft: it has destructive steps, marked in the file:\n");
		fputs(destr->data, stdout);
	}
	rc = VF_EXIT_OK;
done:
	for (i = 0; i < n; i++)
		vbuf_free(&files[i].text);
	vbuf_free(&t.first_down);
	vbuf_free(&t.concurrent_up);
	vbuf_free(&t.concurrent_down);
	vbuf_free(&t.validate_up);
	vbuf_free(&t.validate_down);
	return (rc);
}

int
cmd_draft(int argc, char **argv)
{
	struct cli_compare	 c;
	struct scratch_access	 acc;
	struct vbuf		 up, down, destr, file;
	PGconn			*place;		/* scratch database, or conn */
	enum scratch_shadow	 shadow = SCRATCH_SHADOW_NONE;
	char			 version[32], slug[80], path[PATH_MAX + 200];
	struct emit_online	*online = NULL;
	size_t			 nup = 0, ndown = 0;
	int			 rc, ok;

	if ((rc = cli_compare_begin(&c, argc, argv, &draft_spec)) != 0)
		return (rc < 0 ? VF_EXIT_OK : rc);
	vbuf_init(&up);
	vbuf_init(&down);
	vbuf_init(&destr);
	vbuf_init(&file);
	rc = -1;	/* until the end: err says what failed */
	if (model_load(c.a.models, &c.m, &c.err) == -1)
		goto done;
	if (migrations_dir(c.a.migrations, &c.err) == -1)
		goto done;
	if ((c.conn = db_connect(c.a.db, &c.err)) == NULL)
		goto done;
	place = c.conn;
	/*
	 * One scratch database for the replay, the models and the proof
	 * when the role has CREATEDB; else shadow transactions on conn.
	 */
	if (scratch_access(c.conn, c.a.schema, &acc, &c.err) == -1)
		goto done;
	if (acc.createdb) {
		if (scratch_create(c.conn, &c.s, &c.err) == -1)
			goto done;
		place = c.s.conn;
	} else if ((shadow = scratch_shadow_mode(&acc)) ==
	    SCRATCH_SHADOW_NONE) {
		vf_error_set(&c.err, VF_EXIT_FAIL, NULL, 0, 0,
		    SCRATCH_NEEDS_FMT, acc.role, c.a.schema, c.a.schema,
		    acc.db);
		goto done;
	}
	if (c.a.from_db) {
		if (catalog_read(c.conn, c.a.schema, &c.actual, &c.err) == -1)
			goto done;
	} else if (shadow != SCRATCH_SHADOW_NONE) {
		if ((ok = shadow_safe(c.a.schema, c.a.migrations, &c.probs,
		    &c.err)) != 1) {
			if (ok == 0) {
				fprintf(stderr, "verifier draft: a migration "
				    "refers to another schema; without CREATEDB "
				    "the migrations replay in a transaction on "
				    "the live database, where the rows it "
				    "touches would stay locked until the "
				    "rollback; no file written:\n");
				cli_print_problems(&c.a, "draft", &c.probs);
				rc = VF_EXIT_FAIL;
			}
			goto done;
		}
		c.s.shadows++;
		ok = scratch_shadow_begin(c.conn, c.a.schema, shadow,
		    &c.err) == 0 && replay_migrations_in_tx(c.conn, c.a.schema,
		    c.a.migrations, NULL, &c.err) == 0 &&
		    catalog_read_in_tx(c.conn, c.a.schema, &c.actual,
		    &c.err) == 0;
		scratch_shadow_end(c.conn);
		if (!ok)
			goto done;
	} else {
		if (replay_migrations(place, c.a.schema, c.a.migrations,
		    NULL, &c.err) == -1 ||
		    catalog_read(place, c.a.schema, &c.actual, &c.err) == -1)
			goto done;
	}
	if (compare_unsupported(&c.actual, c.a.from_db ? "the live database" :
	    "the replay of the migrations", &c.probs) > 0) {
		cli_print_problems(&c.a, "draft", &c.probs);
		rc = VF_EXIT_FAIL;
		goto done;
	}
	if (expected_catalog(c.conn, &c.s, &c.m, &c.expected, &c.err) == -1)
		goto done;
	if (compare_load(&c.snap, c.a.snapshot, &c.expected, &c.actual, &c.m,
	    &c.err) == -1)
		goto done;
	/* A type change PostgreSQL cannot cast is the user's to write,
	   in either direction. */
	if (draft_check_casts(place, &c.snap, c.a.schema, SNAPSHOT_ACTUAL,
	    SNAPSHOT_EXPECTED, &c.probs, &c.err) == -1 ||
	    draft_check_casts(place, &c.snap, c.a.schema,
	    SNAPSHOT_EXPECTED, SNAPSHOT_ACTUAL, &c.probs, &c.err) == -1)
		goto done;
	if (c.probs.n > 0) {
		fprintf(stderr, "verifier draft: a column's type changes "
		    "between types without a cast; no file written:\n");
		cli_print_problems(&c.a, "draft", &c.probs);
		rc = VF_EXIT_FAIL;
		goto done;
	}
	if (c.a.online) {
		if (shadow != SCRATCH_SHADOW_NONE && !c.a.from_db) {
			vf_error_set(&c.err, VF_EXIT_FAIL, NULL, 0, 0, "draft "
			    "--online proves its transaction:false file on a "
			    "scratch database: role %s needs CREATEDB",
			    acc.role);
			goto done;
		}
		online = emit_online_new();
	}
	if (emit_migration_online(&c.snap, c.a.schema, SNAPSHOT_ACTUAL,
	    SNAPSHOT_EXPECTED, online, &up, &nup, &destr, &c.err) == -1)
		goto done;
	if (nup == 0) {
		printf("draft: nothing to do: the %s match the models "
		    "(%s); no file written\n", c.a.from_db ? "live database" :
		    "migrations", c.a.models);
		rc = VF_EXIT_OK;
		goto done;
	}
	if (destr.len > 0 && !c.a.allow_destructive) {
		fprintf(stderr, "verifier draft: refusing destructive steps "
		    "(run again with --allow-destructive to write them):\n");
		fputs(destr.data, stderr);
		rc = VF_EXIT_FAIL;
		goto done;
	}
	if (emit_migration_online(&c.snap, c.a.schema, SNAPSHOT_EXPECTED,
	    SNAPSHOT_ACTUAL, online, &down, &ndown, NULL, &c.err) == -1)
		goto done;
	if (online != NULL) {
		rc = write_online(&c, place, online, up.data, down.data, nup,
		    &destr);
		goto done;
	}
	if (!c.a.from_db) {
		if (draft_prove(place, shadow, c.a.schema, c.a.migrations,
		    up.data, down.data, &c.expected, &c.actual, &c.probs,
		    &c.err) == -1)
			goto done;
		if (c.probs.n > 0) {
			fprintf(stderr, "verifier draft: the draft does not do "
			    "what it should; no file written:\n");
			cli_print_problems(&c.a, "draft", &c.probs);
			fprintf(stderr, "-- migrate:up\n%s-- migrate:down\n%s",
			    up.data, down.data);
			rc = VF_EXIT_FAIL;
			goto done;
		}
	}
	draft_version(c.a.migrations, version, sizeof(version));
	draft_slug(c.a.msg, slug, sizeof(slug));
	snprintf(path, sizeof(path), "%s/%s_%s.sql", c.a.migrations, version,
	    slug);
	draft_file_text(&file, c.a.msg, c.a.models, up.data,
	    ndown > 0 ? down.data : "");
	if (vf_write_file_atomic(path, file.data, file.len, &c.err) == -1)
		goto done;
	printf("draft: wrote %s (%zu change%s)\n", path, nup,
	    nup == 1 ? "" : "s");
	if (destr.len > 0) {
		printf("draft: it has destructive steps, marked in the file:\n");
		fputs(destr.data, stdout);
	}
	rc = VF_EXIT_OK;
done:
	vbuf_free(&up);
	vbuf_free(&down);
	vbuf_free(&destr);
	vbuf_free(&file);
	emit_online_free(online);
	return (cli_compare_end(&c, rc));
}
