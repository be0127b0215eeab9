/*
 * util.c: errors as values, allocators, the string buffer, identifier and
 * literal quoting, whole-file reads, atomic writes, SHA-256, and the
 * UTF-8 and hex helpers.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "pgtree.h"
#include "util.h"

void
vf_error_clear(struct vf_error *err)
{
	if (err != NULL)
		memset(err, 0, sizeof(*err));
}

int
vf_error_set(struct vf_error *err, int code, const char *file, int line,
    int col, const char *fmt, ...)
{
	va_list	ap;

	if (err == NULL)
		return (-1);
	err->code = code;
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
	err->line = line;
	err->col = col;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return (-1);
}

const char *
vf_error_str(const struct vf_error *err, char *buf, size_t len)
{
	if (err->file[0] != '\0' && err->line > 0 && err->col > 0)
		snprintf(buf, len, "%s:%d:%d: %s", err->file, err->line,
		    err->col, err->msg);
	else if (err->file[0] != '\0' && err->line > 0)
		snprintf(buf, len, "%s:%d: %s", err->file, err->line, err->msg);
	else if (err->file[0] != '\0')
		snprintf(buf, len, "%s: %s", err->file, err->msg);
	else
		snprintf(buf, len, "%s", err->msg);
	return (buf);
}

static void
oom(void)
{
	fprintf(stderr, "verifier: out of memory\n");
	abort();
}

void *
xmalloc(size_t n)
{
	void	*p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL)
		oom();
	return (p);
}

void *
xcalloc(size_t n, size_t sz)
{
	void	*p;

	if ((p = calloc(n == 0 ? 1 : n, sz == 0 ? 1 : sz)) == NULL)
		oom();
	return (p);
}

void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n == 0 ? 1 : n)) == NULL)
		oom();
	return (p);
}

char *
xstrdup(const char *s)
{
	return (xstrndup(s, strlen(s)));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return (p);
}

void
vbuf_init(struct vbuf *b)
{
	b->cap = 64;
	b->len = 0;
	b->data = xmalloc(b->cap);
	b->data[0] = '\0';
}

void
vbuf_free(struct vbuf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void
vbuf_reset(struct vbuf *b)
{
	b->len = 0;
	b->data[0] = '\0';
}

static void
vbuf_grow(struct vbuf *b, size_t more)
{
	if (b->len + more + 1 <= b->cap)
		return;
	while (b->len + more + 1 > b->cap)
		b->cap *= 2;
	b->data = xrealloc(b->data, b->cap);
}

void
vbuf_append(struct vbuf *b, const void *p, size_t n)
{
	vbuf_grow(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
vbuf_puts(struct vbuf *b, const char *s)
{
	vbuf_append(b, s, strlen(s));
}

void
vbuf_putc(struct vbuf *b, char c)
{
	vbuf_append(b, &c, 1);
}

void
vbuf_vappendf(struct vbuf *b, const char *fmt, va_list ap)
{
	va_list	ap2;
	int	n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	vbuf_grow(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
vbuf_appendf(struct vbuf *b, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vbuf_vappendf(b, fmt, ap);
	va_end(ap);
}

char *
vbuf_steal(struct vbuf *b)
{
	char	*p;

	p = b->data;
	b->data = NULL;
	b->len = b->cap = 0;
	return (p);
}

size_t
vf_str_hash(const char *s)
{
	uint32_t	h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return (h);
}

/*
 * PostgreSQL's quote_identifier() rule: bare only a plain lower-case
 * identifier ([a-z_][a-z0-9_]*) that is no keyword of the linked grammar
 * or an unreserved one (pgtree_keyword_kind(), cached per word).
 */
static int
needs_quotes(const char *s)
{
	const char	*p;
	int		 kind;

	if (*s == '\0' || !((*s >= 'a' && *s <= 'z') || *s == '_'))
		return (1);
	for (p = s; *p != '\0'; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '_'))
			return (1);
	}
	kind = pgtree_keyword_kind(s);
	return (kind != PG_QUERY__KEYWORD_KIND__NO_KEYWORD &&
	    kind != PG_QUERY__KEYWORD_KIND__UNRESERVED_KEYWORD);
}

void
vf_quote_ident(struct vbuf *b, const char *name)
{
	const char	*p;

	if (!needs_quotes(name)) {
		vbuf_puts(b, name);
		return;
	}
	vbuf_putc(b, '"');
	for (p = name; *p != '\0'; p++) {
		if (*p == '"')
			vbuf_putc(b, '"');
		vbuf_putc(b, *p);
	}
	vbuf_putc(b, '"');
}

void
vf_quote_literal(struct vbuf *b, const char *s)
{
	const char	*p;
	int		 esc;

	/*
	 * With a backslash inside, E'' with backslashes doubled: the literal
	 * then means the same whatever standard_conforming_strings says.
	 */
	esc = strchr(s, '\\') != NULL;
	if (esc)
		vbuf_putc(b, 'E');
	vbuf_putc(b, '\'');
	for (p = s; *p != '\0'; p++) {
		if (*p == '\'' || (esc && *p == '\\'))
			vbuf_putc(b, *p);
		vbuf_putc(b, *p);
	}
	vbuf_putc(b, '\'');
}

int
vf_read_file(const char *path, char **out, size_t *lenp, struct vf_error *err)
{
	struct vbuf	 b;
	char		 chunk[65536];
	ssize_t		 n;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return (vf_error_set(err, VF_EXIT_USAGE, path, 0, 0,
		    "cannot open: %s", strerror(errno)));
	vbuf_init(&b);
	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			vf_error_set(err, VF_EXIT_USAGE, path, 0, 0,
			    "cannot read: %s", strerror(errno));
			close(fd);
			vbuf_free(&b);
			return (-1);
		}
		if (n == 0)
			break;
		vbuf_append(&b, chunk, (size_t)n);
	}
	close(fd);
	if (lenp != NULL)
		*lenp = b.len;
	*out = vbuf_steal(&b);
	return (0);
}

int
vf_write_file_atomic(const char *path, const char *data, size_t len,
    struct vf_error *err)
{
	struct vbuf	 tmp;
	size_t		 off;
	ssize_t		 n;
	int		 fd, rc;

	rc = -1;
	vbuf_init(&tmp);
	vbuf_appendf(&tmp, "%s.tmp.%ld", path, (long)getpid());
	if ((fd = open(tmp.data, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0644)) == -1) {
		vf_error_set(err, VF_EXIT_USAGE, path, 0, 0,
		    "cannot create: %s", strerror(errno));
		goto cleanup;
	}
	for (off = 0; off < len; off += (size_t)n) {
		n = write(fd, data + off, len - off);
		if (n == -1 && errno == EINTR) {
			n = 0;
			continue;
		}
		if (n == -1) {
			vf_error_set(err, VF_EXIT_USAGE, path, 0, 0,
			    "cannot write: %s", strerror(errno));
			close(fd);
			unlink(tmp.data);
			goto cleanup;
		}
	}
	if (fsync(fd) == -1 || close(fd) == -1) {
		vf_error_set(err, VF_EXIT_USAGE, path, 0, 0,
		    "cannot write: %s", strerror(errno));
		unlink(tmp.data);
		goto cleanup;
	}
	if (rename(tmp.data, path) == -1) {
		vf_error_set(err, VF_EXIT_USAGE, path, 0, 0,
		    "cannot rename into place: %s", strerror(errno));
		unlink(tmp.data);
		goto cleanup;
	}
	rc = 0;
cleanup:
	vbuf_free(&tmp);
	return (rc);
}

void
vf_sha256_hex(const void *data, size_t len, char out[65])
{
	unsigned char	md[EVP_MAX_MD_SIZE];
	unsigned int	mdlen;

	mdlen = 0;
	if (EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL) != 1 ||
	    mdlen != 32) {
		fprintf(stderr, "verifier: SHA-256 failed\n");
		abort();
	}
	vf_hex_encode(md, 32, out);
}

size_t
vf_charpos_to_offset(const char *s, size_t len, int charpos)
{
	size_t	off;
	int	n;

	off = 0;
	for (n = 1; n < charpos && off < len; n++) {
		off++;
		/* Skip UTF-8 continuation bytes. */
		while (off < len && ((unsigned char)s[off] & 0xC0) == 0x80)
			off++;
	}
	return (off > len ? len : off);
}

void
vf_offset_to_linecol(const char *s, size_t off, int *line, int *col)
{
	size_t	i;
	int	l, c;

	l = 1;
	c = 1;
	for (i = 0; i < off && s[i] != '\0'; i++) {
		if (s[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	}
	*line = l;
	*col = c;
}

double
vf_now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6);
}

/* ------------------------------------------------------------------ */
/* UTF-8 and hex.                                                      */

size_t
vf_utf8_decode(const void *s, size_t n, unsigned *cp)
{
	const unsigned char	*u = s;
	unsigned		 c;
	size_t			 len, i;

	if (n == 0)
		return (0);
	if (u[0] < 0x80) {
		if (cp != NULL)
			*cp = u[0];
		return (1);
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		len = 2;
		c = u[0] & 0x1F;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		len = 3;
		c = u[0] & 0x0F;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		len = 4;
		c = u[0] & 0x07;
	} else
		return (0);
	if (n < len)
		return (0);
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return (0);
		c = (c << 6) | (u[i] & 0x3F);
	}
	/* Overlong forms, surrogates, past U+10FFFF (C0, C1, F5-FF above). */
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		return (0);
	if (cp != NULL)
		*cp = c;
	return (len);
}

size_t
vf_utf8_invalid_at(const char *s, size_t len)
{
	size_t	i, n;

	for (i = 0; i < len; i += n) {
		if (s[i] == '\0' || (n = vf_utf8_decode(s + i, len - i,
		    NULL)) == 0)
			return (i);
	}
	return (len);
}

void
vf_utf8_put(struct vbuf *b, unsigned long cp)
{
	char	u[4];

	if (cp < 0x80) {
		vbuf_putc(b, (char)cp);
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		vbuf_append(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		vbuf_append(b, u, 3);
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		vbuf_append(b, u, 4);
	}
}

size_t
vf_utf8_len(const char *s, size_t max)
{
	size_t	i, n;

	n = 0;
	for (i = 0; i < max && s[i] != '\0'; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	}
	return (n);
}

size_t
vf_utf8_clip(const char *s, size_t len, size_t max)
{
	size_t	n = len < max ? len : max;

	while (n > 0 && n < len && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return (n);
}

int
vf_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

void
vf_hex_encode(const void *data, size_t len, char *out)
{
	static const char	 digits[] = "0123456789abcdef";
	const unsigned char	*p = data;
	size_t			 i;

	for (i = 0; i < len; i++) {
		out[2 * i] = digits[p[i] >> 4];
		out[2 * i + 1] = digits[p[i] & 15];
	}
	out[2 * len] = '\0';
}
