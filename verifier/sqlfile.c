/*
 * sqlfile.c: reading migration files.  Section markers, statement
 * boundaries and syntax errors all come from PostgreSQL's own scanner and
 * parser through libpg_query; this file only maps their byte and
 * character positions back to lines of the file.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pg_query.h>

#include "sqlfile.h"

#define MARKER		"-- migrate:"
#define MARKER_LEN	(sizeof(MARKER) - 1)

int
sqlfile_parse_name(const char *name, char **version, char **slug,
    struct vf_error *err)
{
	const char	*p, *us, *dot;

	for (p = name; *p >= '0' && *p <= '9'; p++)
		;
	us = p;
	dot = strrchr(name, '.');
	if (us == name || *us != '_' || dot == NULL || dot <= us + 1 ||
	    strcmp(dot, ".sql") != 0)
		goto bad;
	for (p = us + 1; p < dot; p++)
		if (!(isalnum((unsigned char)*p) || *p == '_' || *p == '-'))
			goto bad;
	*version = xstrndup(name, (size_t)(us - name));
	*slug = xstrndup(us + 1, (size_t)(dot - us - 1));
	return (0);
bad:
	return (vf_error_set(err, VF_EXIT_USAGE, name, 0, 0,
	    "file name does not match <version>_<slug>.sql (version: digits, "
	    "e.g. a UTC timestamp 20261125143000; slug: letters, digits, _ "
	    "or -)"));
}

/*
 * True when a line starting at byte off of text is outside every string,
 * quoted identifier, dollar-quoted body and block comment: PostgreSQL's
 * scanner reads the text before it without running off its end.
 */
static int
at_top_level(const char *text, size_t off)
{
	PgQuerySplitResult	 r;
	char			*prefix;
	int			 top;

	prefix = xstrndup(text, off);
	r = pg_query_split_with_scanner(prefix);
	top = !(r.error != NULL && r.error->message != NULL &&
	    strncmp(r.error->message, "unterminated", 12) == 0);
	pg_query_free_split_result(r);
	free(prefix);
	return (top);
}

/* Skips blanks and comments from off; returns the offset of the first token. */
static size_t
skip_noise(const char *s, size_t off, size_t end)
{
	int	depth;

	while (off < end) {
		if (isspace((unsigned char)s[off])) {
			off++;
		} else if (s[off] == '-' && off + 1 < end && s[off + 1] == '-') {
			while (off < end && s[off] != '\n')
				off++;
		} else if (s[off] == '/' && off + 1 < end && s[off + 1] == '*') {
			/* PostgreSQL's block comments nest. */
			depth = 1;
			off += 2;
			while (off < end && depth > 0) {
				if (s[off] == '/' && off + 1 < end &&
				    s[off + 1] == '*') {
					depth++;
					off += 2;
				} else if (s[off] == '*' && off + 1 < end &&
				    s[off + 1] == '/') {
					depth--;
					off += 2;
				} else
					off++;
			}
		} else
			break;
	}
	return (off);
}

/*
 * Parses the marker line at off ("-- migrate:up transaction:false").
 * Fills which (0 up, 1 down) and transaction; returns 0 or -1 with err.
 */
static int
parse_marker(const char *path, const char *text, size_t off, size_t eol,
    int *which, int *transaction, struct vf_error *err)
{
	size_t	 p, w;
	int	 line, col, i;
	char	*word;

	*transaction = 1;
	/* Word 0 is the section, right after the colon; then options. */
	for (i = 0, w = off + MARKER_LEN;; i++) {
		if (i > 0) {
			while (w < eol && isspace((unsigned char)text[w]))
				w++;
			if (w >= eol)
				break;
		}
		p = w;
		while (w < eol && !isspace((unsigned char)text[w]))
			w++;
		word = xstrndup(text + p, w - p);
		vf_offset_to_linecol(text, p, &line, &col);
		if (i == 0 && strcmp(word, "up") == 0)
			*which = 0;
		else if (i == 0 && strcmp(word, "down") == 0)
			*which = 1;
		else if (i > 0 && strcmp(word, "transaction:false") == 0)
			*transaction = 0;
		else if (i > 0 && strcmp(word, "transaction:true") == 0)
			*transaction = 1;
		else {
			if (i == 0)
				vf_error_set(err, VF_EXIT_USAGE, path, line,
				    col, "unknown section '%s': expected "
				    "'-- migrate:up' or '-- migrate:down'",
				    word);
			else
				vf_error_set(err, VF_EXIT_USAGE, path, line,
				    col, "unknown option '%s' on a section "
				    "marker: expected 'transaction:false'",
				    word);
			free(word);
			return (-1);
		}
		free(word);
	}
	return (0);
}

/*
 * Sets err to libpg_query's error e about the section sec (text body),
 * placed in the file; returns -1.
 */
static int
section_error(const struct sqlfile *f, const struct sqlfile_section *sec,
    const char *body, const PgQueryError *e, struct vf_error *err)
{
	size_t	off;
	int	line, col;

	off = sec->off + vf_charpos_to_offset(body, sec->len, e->cursorpos);
	vf_offset_to_linecol(f->text, off, &line, &col);
	return (vf_error_set(err, VF_EXIT_USAGE, f->path, line, col,
	    "%s section does not parse: %s", sec == &f->up ? "up" : "down",
	    e->message));
}

/*
 * Checks that a section body parses and splits it into statements.
 */
static int
parse_section(struct sqlfile *f, struct sqlfile_section *sec,
    struct vf_error *err)
{
	PgQueryParseResult	 pr;
	PgQuerySplitResult	 sr;
	char			*body;
	size_t			 off, i, start, n;
	int			 col, rc;

	rc = -1;
	body = xstrndup(f->text + sec->off, sec->len);
	pr = pg_query_parse(body);
	if (pr.error != NULL) {
		section_error(f, sec, body, pr.error, err);
		pg_query_free_parse_result(pr);
		free(body);
		return (-1);
	}
	pg_query_free_parse_result(pr);

	sr = pg_query_split_with_parser(body);
	if (sr.error != NULL) {
		section_error(f, sec, body, sr.error, err);
		goto cleanup;
	}
	sec->stmts = xcalloc((size_t)sr.n_stmts, sizeof(*sec->stmts));
	n = 0;
	for (i = 0; i < (size_t)sr.n_stmts; i++) {
		/* libpg_query's locations are byte offsets into body. */
		start = (size_t)sr.stmts[i]->stmt_location;
		off = skip_noise(body, start,
		    start + (size_t)sr.stmts[i]->stmt_len);
		if (off >= start + (size_t)sr.stmts[i]->stmt_len)
			continue;
		sec->stmts[n].off = sec->off + off;
		sec->stmts[n].len = start + (size_t)sr.stmts[i]->stmt_len - off;
		vf_offset_to_linecol(f->text, sec->stmts[n].off,
		    &sec->stmts[n].line, &col);
		n++;
	}
	sec->nstmts = n;
	rc = 0;
cleanup:
	pg_query_free_split_result(sr);
	free(body);
	return (rc);
}

void
sqlfile_free(struct sqlfile *f)
{
	free(f->path);
	free(f->name);
	free(f->version);
	free(f->slug);
	free(f->text);
	free(f->up.stmts);
	free(f->down.stmts);
	memset(f, 0, sizeof(*f));
}

int
sqlfile_parse(const char *path, const char *text, size_t len,
    struct sqlfile *f, struct vf_error *err)
{
	struct sqlfile_section	*sec, *cur;
	PgQuerySplitResult	 sr;
	const char		*slash;
	size_t			 off, eol, bad, first;
	int			 which, transaction, line, col, nstmts;

	memset(f, 0, sizeof(*f));
	f->path = xstrdup(path);
	slash = strrchr(path, '/');
	f->name = xstrdup(slash ? slash + 1 : path);
	f->text = xstrndup(text, len);
	f->len = len;
	vf_sha256_hex(text, len, f->checksum);

	if ((bad = vf_utf8_invalid_at(text, len)) < len) {
		vf_offset_to_linecol(f->text, bad, &line, &col);
		vf_error_set(err, VF_EXIT_USAGE, path, line, col,
		    text[bad] == '\0' ? "NUL byte in file: expected UTF-8 text"
		    : "invalid UTF-8 byte 0x%02x: expected UTF-8 text",
		    (unsigned char)text[bad]);
		goto fail;
	}

	cur = NULL;
	first = len;
	for (off = 0; off < len; off = eol + 1) {
		eol = off;
		while (eol < len && f->text[eol] != '\n')
			eol++;
		if (eol - off < MARKER_LEN ||
		    strncmp(f->text + off, MARKER, MARKER_LEN) != 0 ||
		    !at_top_level(f->text, off))
			continue;
		vf_offset_to_linecol(f->text, off, &line, &col);
		if (parse_marker(path, f->text, off, eol, &which, &transaction,
		    err) == -1)
			goto fail;
		sec = which == 0 ? &f->up : &f->down;
		if (sec->present) {
			vf_error_set(err, VF_EXIT_USAGE, path, line, 1,
			    "second '-- migrate:%s' section (the first is on "
			    "line %d): expected one of each",
			    which == 0 ? "up" : "down", sec->marker_line);
			goto fail;
		}
		if (cur != NULL)
			cur->len = off - cur->off;
		else
			first = off;
		sec->present = 1;
		sec->transaction = transaction;
		sec->marker_line = line;
		sec->off = eol < len ? eol + 1 : len;
		cur = sec;
	}
	if (cur != NULL)
		cur->len = len - cur->off;
	if (!f->up.present) {
		vf_error_set(err, VF_EXIT_USAGE, path, 0, 0,
		    "no '-- migrate:up' section: expected a line "
		    "'-- migrate:up' before the statements");
		goto fail;
	}

	/* Before the first marker: comments and blank lines only. */
	if (first > 0) {
		char *head = xstrndup(f->text, first);
		sr = pg_query_split_with_scanner(head);
		nstmts = sr.error ? 1 : sr.n_stmts;
		pg_query_free_split_result(sr);
		off = skip_noise(head, 0, first);
		free(head);
		if (nstmts > 0) {
			vf_offset_to_linecol(f->text, off, &line, &col);
			vf_error_set(err, VF_EXIT_USAGE, path, line, col,
			    "statement before the first section marker: "
			    "expected '-- migrate:up' first");
			goto fail;
		}
	}

	if (parse_section(f, &f->up, err) == -1)
		goto fail;
	if (f->up.nstmts == 0) {
		vf_error_set(err, VF_EXIT_USAGE, path, f->up.marker_line, 1,
		    "the up section has no statement");
		goto fail;
	}
	if (f->down.present && parse_section(f, &f->down, err) == -1)
		goto fail;
	return (0);
fail:
	sqlfile_free(f);
	return (-1);
}

int
sqlfile_load(const char *path, struct sqlfile *f, struct vf_error *err)
{
	const char	*name;
	char		*text, *version, *slug;
	size_t		 len;
	int		 rc;

	name = strrchr(path, '/');
	name = name ? name + 1 : path;
	if (sqlfile_parse_name(name, &version, &slug, err) == -1) {
		/* Name the whole path, not just the file name. */
		if (err != NULL)
			snprintf(err->file, sizeof(err->file), "%s", path);
		return (-1);
	}
	if (vf_read_file(path, &text, &len, err) == -1) {
		free(version);
		free(slug);
		return (-1);
	}
	rc = sqlfile_parse(path, text, len, f, err);
	free(text);
	if (rc == -1) {
		free(version);
		free(slug);
		return (-1);
	}
	f->version = version;
	f->slug = slug;
	return (0);
}

int
sqlfile_version_cmp(const char *a, const char *b)
{
	size_t	la, lb;

	while (*a == '0' && a[1] != '\0')
		a++;
	while (*b == '0' && b[1] != '\0')
		b++;
	la = strlen(a);
	lb = strlen(b);
	if (la != lb)
		return (la < lb ? -1 : 1);
	return (strcmp(a, b));
}

static int
file_cmp(const void *a, const void *b)
{
	const struct sqlfile	*fa = a, *fb = b;

	return (sqlfile_version_cmp(fa->version, fb->version));
}

static int
name_cmp(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

void
sqlfile_free_list(struct sqlfile *files, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		sqlfile_free(&files[i]);
	free(files);
}

int
sqlfile_load_dir(const char *dir, struct sqlfile **filesp, size_t *np,
    struct vf_error *err)
{
	DIR		 *d;
	struct dirent	 *de;
	struct sqlfile	 *files;
	struct vbuf	  path;
	char		**names;
	size_t		  n, cap, i, nfiles;
	int		  rc;

	*filesp = NULL;
	*np = 0;
	if ((d = opendir(dir)) == NULL)
		return (vf_error_set(err, VF_EXIT_USAGE, dir, 0, 0,
		    "cannot read the migrations folder: %s", strerror(errno)));
	names = NULL;
	n = cap = 0;
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);
		if (de->d_name[0] == '.' || l < 4 ||
		    strcmp(de->d_name + l - 4, ".sql") != 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = xrealloc(names, cap * sizeof(*names));
		}
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof(*names), name_cmp);

	rc = -1;
	files = xcalloc(n, sizeof(*files));
	nfiles = 0;
	vbuf_init(&path);
	for (i = 0; i < n; i++) {
		vbuf_reset(&path);
		vbuf_appendf(&path, "%s/%s", dir, names[i]);
		if (sqlfile_load(path.data, &files[nfiles], err) == -1)
			goto cleanup;
		nfiles++;
	}
	if (nfiles > 0)
		qsort(files, nfiles, sizeof(*files), file_cmp);
	for (i = 1; i < nfiles; i++) {
		if (sqlfile_version_cmp(files[i - 1].version, files[i].version) == 0) {
			vf_error_set(err, VF_EXIT_USAGE, files[i].path, 0, 0,
			    "version %s is also used by %s: expected one file "
			    "per version", files[i].version, files[i - 1].name);
			goto cleanup;
		}
	}
	*filesp = files;
	*np = nfiles;
	files = NULL;
	rc = 0;
cleanup:
	if (files != NULL)
		sqlfile_free_list(files, nfiles);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	vbuf_free(&path);
	return (rc);
}

int
sqlfile_stmt_line(const struct sqlfile *f, const struct sqlfile_stmt *st,
    int charpos)
{
	size_t	off;
	int	line, col;

	if (charpos <= 0)
		return (st->line);
	off = st->off + vf_charpos_to_offset(f->text + st->off, st->len,
	    charpos);
	vf_offset_to_linecol(f->text, off, &line, &col);
	return (line);
}
