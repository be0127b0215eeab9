/*
 * problems.h: a list of problems (file, line, message), what check, draft
 * and dump find and report all at once instead of stopping at the first.
 * The library fills the list; only the CLI prints it (cli.c).
 */
#ifndef VERIFIER_PROBLEMS_H
#define VERIFIER_PROBLEMS_H

#include <stddef.h>

#include "util.h"

struct problem {
	char	*file;		/* NULL when about no file */
	int	 line;		/* 1-based, 0 when unknown */
	char	*msg;
	int	 col;		/* 1-based, 0 when unknown */
	int	 warning;	/* reported, but fails nothing */
};

/* Zero-initialised (memset or = { 0 }) before use; problems_free() after. */
struct problems {
	struct problem	*v;
	size_t		 n;
};

/*
 * Appends a problem; file (copied) may be NULL or "" for none, line 0
 * when unknown.
 */
void	problems_add(struct problems *p, const char *file, int line,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * problems_add() with a column (0 when unknown) and, when warning is not
 * 0, as a warning: printed, but not counted by problems_errors().
 */
void	problems_add_at(struct problems *p, const char *file, int line,
	    int col, int warning, const char *fmt, ...)
	    __attribute__((format(printf, 6, 7)));

/* The number of problems that are not warnings. */
size_t	problems_errors(const struct problems *p);

/* Appends err as a problem: its file and line, "column N: " when known. */
void	problems_add_error(struct problems *p, const struct vf_error *err);

/* Releases every problem; p is left empty and may be reused. */
void	problems_free(struct problems *p);

#endif
