/*
 * util.h: what every module of the verifier shares: the error value that
 * travels up to main, a growable string buffer, identifier quoting,
 * allocators that never return NULL, and the UTF-8 and hex helpers.
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
 * The version table inside each schema: the runner keeps it, the catalog
 * reads leave it out.
 */
#define VF_VERSION_TABLE	"schema_migrations"

/*
 * The schema every service shares for extensions (initdb/ makes it and
 * installs them; a service's model lists those it uses): the one other
 * schema a model or a migration may name.
 */
#define VF_EXTENSIONS_SCHEMA	"extensions"

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

/* The FNV-1a hash of a string, for hash tables of names. */
size_t	 vf_str_hash(const char *s);

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

/*
 * UTF-8 and hex: the one copy every module uses.
 *
 * vf_utf8_decode(): length (1-4) of the valid UTF-8 sequence at s, reading
 * at most n bytes, with its code point in *cp (cp may be NULL); 0 when the
 * bytes are not one (truncated, overlong, a surrogate, past U+10FFFF) or
 * n is 0.  A NUL byte is a valid one-byte sequence here.
 */
size_t	 vf_utf8_decode(const void *s, size_t n, unsigned *cp);

/* Byte offset of the first invalid UTF-8 sequence or NUL byte in s, or len. */
size_t	 vf_utf8_invalid_at(const char *s, size_t len);

/* Appends code point cp (at most U+10FFFF, not checked) as UTF-8 to b. */
void	 vf_utf8_put(struct vbuf *, unsigned long cp);

/*
 * Number of characters (bytes that are not continuation bytes) in the
 * first max bytes of s or up to its NUL, whichever comes first.
 */
size_t	 vf_utf8_len(const char *s, size_t max);

/*
 * The longest prefix of s (len bytes) of at most max bytes that does not
 * end inside a character: max, or less when s[max] is a continuation byte.
 */
size_t	 vf_utf8_clip(const char *s, size_t len, size_t max);

/* The value (0-15) of hex digit c, either case, or -1. */
int	 vf_hexval(int c);

/* 2 * len lower-case hex digits of data, then a NUL, into out. */
void	 vf_hex_encode(const void *data, size_t len, char *out);

#endif
