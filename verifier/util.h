/*
 * util.h: what every module of the verifier shares: the error value that
 * travels up to main, a growable string buffer, identifier quoting and
 * allocators that never return NULL.
 */
#ifndef VERIFIER_UTIL_H
#define VERIFIER_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/* Exit codes of the CLI, also carried in struct vf_error.code. */
#define VF_EXIT_OK	0
#define VF_EXIT_FAIL	1	/* differences, a failed gate, a failed migration */
#define VF_EXIT_USAGE	2	/* bad input or usage */

/*
 * An error below main: functions return 0 or -1 and fill this in.
 * file may be empty; line and col are 1-based, 0 when unknown.
 * code is VF_EXIT_FAIL or VF_EXIT_USAGE.
 */
struct vf_error {
	int	code;
	char	file[1024];
	int	line;
	int	col;
	char	msg[2048];
};

/* Clears an error value. */
void	vf_error_clear(struct vf_error *);

/*
 * Fills err (if not NULL) and returns -1, so a caller can write
 * "return vf_error_set(...)". file may be NULL.
 */
int	vf_error_set(struct vf_error *, int code, const char *file, int line,
	    int col, const char *fmt, ...)
	    __attribute__((format(printf, 6, 7)));

/*
 * Formats err as "file:line:col: msg" (parts that are unknown are left
 * out) into buf of size len.  Returns buf.
 */
const char	*vf_error_str(const struct vf_error *, char *buf, size_t len);

/* Allocators: they abort on failure and never return NULL. */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);

/*
 * A growable NUL-terminated string.  vbuf_init() before use,
 * vbuf_free() after; data is owned by the buffer until vbuf_steal(),
 * which hands it to the caller (free() it).
 */
struct vbuf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	 vbuf_init(struct vbuf *);
void	 vbuf_free(struct vbuf *);
void	 vbuf_reset(struct vbuf *);
void	 vbuf_append(struct vbuf *, const void *, size_t);
void	 vbuf_puts(struct vbuf *, const char *);
void	 vbuf_putc(struct vbuf *, char);
void	 vbuf_appendf(struct vbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 vbuf_vappendf(struct vbuf *, const char *, va_list);
char	*vbuf_steal(struct vbuf *);

/*
 * Appends name to b as a PostgreSQL identifier, by quote_identifier()'s
 * rule: bare when it is a plain lower-case identifier that is not a
 * keyword of the linked grammar or is an unreserved one, double-quoted
 * (with inner quotes doubled) otherwise.  Every name that reaches SQL goes
 * through here.  Thread-safe.
 */
void	 vf_quote_ident(struct vbuf *, const char *name);

/*
 * Appends s to b as a string literal: '...' with quotes doubled, or
 * E'...' with quotes and backslashes doubled when s has a backslash, so it
 * reads the same under any standard_conforming_strings.
 */
void	 vf_quote_literal(struct vbuf *, const char *s);

/*
 * Reads a whole file into a NUL-terminated buffer (caller frees *out).
 * Returns 0, or -1 with err set (code VF_EXIT_USAGE, naming the file).
 */
int	 vf_read_file(const char *path, char **out, size_t *len,
	    struct vf_error *);

/*
 * Writes data to path atomically: a temporary file in the same folder,
 * fsync, rename.  Nothing half-written is ever left at path.
 */
int	 vf_write_file_atomic(const char *path, const char *data, size_t len,
	    struct vf_error *);

/* Hex SHA-256 of data into out (65 bytes with the NUL). */
void	 vf_sha256_hex(const void *data, size_t len, char out[65]);

/*
 * Converts a 1-based character position (as PostgreSQL reports it, in
 * UTF-8 characters) in s to a 0-based byte offset, clamped to len.
 */
size_t	 vf_charpos_to_offset(const char *s, size_t len, int charpos);

/* Milliseconds of a monotonic clock, for durations. */
double	 vf_now_ms(void);

/* 1-based line and column of byte offset off in s. */
void	 vf_offset_to_linecol(const char *s, size_t off, int *line, int *col);

#endif
