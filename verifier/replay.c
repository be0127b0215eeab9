/*
 * replay.c: migration replay in a scratch database or a shadow
 * transaction, through the runner.
 */
#include <dirent.h>
#include <string.h>

#include "replay.h"
#include "runner.h"
#include "scratch.h"

int
replay_has_files(const char *dir)
{
	DIR		*d;
	struct dirent	*de;
	size_t		 l;
	int		 found = 0;

	if ((d = opendir(dir)) == NULL)
		return (1);	/* let the loader report it */
	while (!found && (de = readdir(d)) != NULL) {
		l = strlen(de->d_name);
		found = de->d_name[0] != '.' && l > 4 &&
		    strcmp(de->d_name + l - 4, ".sql") == 0;
	}
	closedir(d);
	return (found);
}

static int
replay(PGconn *conn, const char *schema, const char *dir, int in_tx,
    int *applied, struct vf_error *err)
{
	struct runner_opts	ro;

	memset(&ro, 0, sizeof(ro));
	ro.schema = schema;
	ro.dir = dir;
	ro.role = "";
	ro.in_tx = in_tx;
	if (in_tx)	/* the shadow's, not the runner's 10s */
		ro.lock_timeout = SCRATCH_LOCK_TIMEOUT;
	if (!in_tx && scratch_reset_schema(conn, schema, err) == -1)
		return (-1);
	if (!replay_has_files(dir)) {
		if (applied != NULL)
			*applied = 0;
		return (0);
	}
	return (runner_migrate(conn, &ro, applied, err));
}

int
replay_migrations(PGconn *conn, const char *schema, const char *dir,
    int *applied, struct vf_error *err)
{
	return (replay(conn, schema, dir, 0, applied, err));
}

int
replay_migrations_in_tx(PGconn *conn, const char *schema, const char *dir,
    int *applied, struct vf_error *err)
{
	return (replay(conn, schema, dir, 1, applied, err));
}
