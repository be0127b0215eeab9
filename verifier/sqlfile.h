/*
 * sqlfile.h: migration files.  A file migrations/<schema>/<version>_<slug>.sql
 * has an up and a down section:
 *
 *	-- migrate:up [transaction:false]
 *	...
 *	-- migrate:down [transaction:false]
 *	...
 *
 * Sections and statements are found with PostgreSQL's own scanner and
 * parser (libpg_query), so markers inside strings, dollar-quoted bodies or
 * comments are not markers, and a file that does not parse is rejected
 * before anything reaches a server.
 */
#ifndef VERIFIER_SQLFILE_H
#define VERIFIER_SQLFILE_H

#include <stddef.h>

#include "util.h"

/* One statement: a byte range of the file text, and where it starts. */
struct sqlfile_stmt {
	size_t	off;		/* byte offset in sqlfile.text */
	size_t	len;
	int	line;		/* 1-based line of its first token */
};

struct sqlfile_section {
	int			 present;
	int			 transaction;	/* 0 for transaction:false */
	int			 marker_line;	/* line of the marker, 0 if absent */
	size_t			 off;		/* body: byte range of text */
	size_t			 len;
	struct sqlfile_stmt	*stmts;
	size_t			 nstmts;
};

struct sqlfile {
	char			*path;		/* as given */
	char			*name;		/* file name without folder */
	char			*version;	/* "20261125143000" */
	char			*slug;		/* "create_users" */
	char			*text;		/* whole file, NUL-terminated */
	size_t			 len;
	char			 checksum[65];	/* hex SHA-256 of the file */
	struct sqlfile_section	 up;
	struct sqlfile_section	 down;
};

/*
 * Checks a file name against <digits>_<slug>.sql and splits it.
 * Returns 0, or -1 with err naming the file (code VF_EXIT_USAGE).
 */
int	sqlfile_parse_name(const char *name, char **version, char **slug,
	    struct vf_error *);

/*
 * Parses text (len bytes, need not be NUL-terminated) as the migration
 * file path.  Takes a copy of text.  On success f holds everything and is
 * released with sqlfile_free(); on failure f is left empty and err names
 * path, line and column (code VF_EXIT_USAGE).
 * Rules: exactly one up section (required), at most one down section,
 * nothing but comments and blank lines before the first marker, every
 * section parses.
 */
int	sqlfile_parse(const char *path, const char *text, size_t len,
	    struct sqlfile *f, struct vf_error *);

/* Reads and parses one file (sqlfile_parse_name + sqlfile_parse). */
int	sqlfile_load(const char *path, struct sqlfile *f, struct vf_error *);

/* Releases what a successful parse or load filled in. */
void	sqlfile_free(struct sqlfile *);

/*
 * Loads every *.sql file of dir, sorted by version.  Two files with one
 * version, a name off the pattern or a file that does not parse: -1 with
 * err set and nothing returned.  On success *files (release with
 * sqlfile_free_list()) holds *n files; an empty folder gives n = 0.
 */
int	sqlfile_load_dir(const char *dir, struct sqlfile **files, size_t *n,
	    struct vf_error *);
void	sqlfile_free_list(struct sqlfile *, size_t);

/*
 * Compares two versions as numbers (leading zeros ignored): <0, 0, >0.
 */
int	sqlfile_version_cmp(const char *, const char *);

/*
 * Maps a 1-based character position inside statement st (as the server
 * reports it) to a line of the file.
 */
int	sqlfile_stmt_line(const struct sqlfile *, const struct sqlfile_stmt *,
	    int charpos);

#endif
