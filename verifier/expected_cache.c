/*
 * expected_cache.c: the folder of cached expected catalogs, one sqlite
 * file per model named by the SHA-256 of what made it, and its bound:
 * the least recently used files go first.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "expected.h"

int
expected_cache_dir(char *dir, size_t len)
{
	const char	*env;
	char		 parent[PATH_MAX];
	int		 n;

	if ((env = getenv("VERIFIER_CACHE")) != NULL && *env != '\0') {
		if (strcmp(env, "off") == 0)
			return (-1);
		n = snprintf(dir, len, "%s", env);
	} else if ((env = getenv("XDG_CACHE_HOME")) != NULL && *env != '\0') {
		n = snprintf(dir, len, "%s/verifier", env);
	} else if ((env = getenv("HOME")) != NULL && *env != '\0') {
		n = snprintf(parent, sizeof(parent), "%s/.cache", env);
		if (n < 0 || (size_t)n >= sizeof(parent))
			return (-1);
		(void)mkdir(parent, 0700);
		n = snprintf(dir, len, "%s/verifier", parent);
	} else
		return (-1);
	if (n < 0 || (size_t)n >= len)
		return (-1);
	if (mkdir(dir, 0700) == -1 && errno != EEXIST)
		return (-1);
	return (0);
}

void
expected_cache_touch(const char *path)
{
	(void)utimensat(AT_FDCWD, path, NULL, 0);
}

struct cache_file {
	char	*path;
	off_t	 size;
	time_t	 mtime;
	long	 nsec;
};

/* Newest first. */
static int
cmp_age(const void *a, const void *b)
{
	const struct cache_file	*x = a, *y = b;

	if (x->mtime != y->mtime)
		return (x->mtime > y->mtime ? -1 : 1);
	if (x->nsec != y->nsec)
		return (x->nsec > y->nsec ? -1 : 1);
	return (strcmp(x->path, y->path));
}

void
expected_cache_trim(const char *dir, size_t max_files, off_t max_bytes)
{
	struct cache_file	*v = NULL;
	struct dirent		*de;
	struct stat		 st;
	DIR			*d;
	char			 path[PATH_MAX];
	size_t			 n = 0, cap = 0, i, l;
	off_t			 total = 0;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		l = strlen(de->d_name);
		if (l < 8 || strcmp(de->d_name + l - 7, ".sqlite") != 0)
			continue;
		if (snprintf(path, sizeof(path), "%s/%s", dir, de->d_name) >=
		    (int)sizeof(path) || stat(path, &st) == -1)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			v = xrealloc(v, cap * sizeof(*v));
		}
		v[n].path = xstrdup(path);
		v[n].size = st.st_size;
		v[n].mtime = st.st_mtim.tv_sec;
		v[n].nsec = st.st_mtim.tv_nsec;
		n++;
	}
	closedir(d);
	qsort(v, n, sizeof(*v), cmp_age);
	for (i = 0; i < n; i++) {
		total += v[i].size;
		/* The newest file stays, whatever its size. */
		if (i > 0 && (i >= max_files || total > max_bytes))
			(void)unlink(v[i].path);
		free(v[i].path);
	}
	free(v);
}
