/*
 * prop_split.c: property test of the statement splitter.  Generates
 * migration files of SELECT statements whose string literals use random
 * quoting (standard, E'' escapes, dollar quotes), with semicolons, quotes,
 * comment openers and section markers inside them, and comments between
 * statements; then checks that sqlfile_parse() finds exactly the
 * statements written and that PostgreSQL, sent each one by one, returns
 * exactly the value each literal was meant to hold.
 *
 * usage: prop_split [FILES [SEED]]   (connection: libpq's PG* variables)
 * Prints one TAP line per file and exits 1 on the first mismatch.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "sqlfile.h"

static unsigned long long rng_state;

static unsigned int
rnd(unsigned int n)
{
	/* xorshift64*: reproducible from the seed printed on failure. */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return ((unsigned int)((rng_state * 2685821657736338717ULL) >> 33) % n);
}

static const char *const pieces[] = {
	"a", "b", "z", " ", ";", ";;", "'", "''", "\"", "$", "$$", "$a$",
	"--", "/*", "*/", "\n", "\\", "-- migrate:down", "\n-- migrate:up\n",
	"é", "\t", "E'", "x;y", "))", "((",
};

/* A random value made of awkward pieces. */
static void
value(struct vbuf *v)
{
	unsigned int	n, i;

	vbuf_reset(v);
	n = rnd(8);
	for (i = 0; i < n; i++)
		vbuf_puts(v, pieces[rnd(sizeof(pieces) / sizeof(pieces[0]))]);
}

/* Appends v as a literal in one of three quotings. */
static void
literal(struct vbuf *b, const char *v)
{
	const char	*p;
	char		 tag[16];
	int		 k;

	switch (rnd(3)) {
	case 0:
		vf_quote_literal(b, v);
		break;
	case 1:
		vbuf_puts(b, "E'");
		for (p = v; *p != '\0'; p++) {
			if (*p == '\'' || *p == '\\')
				vbuf_putc(b, '\\');
			if (*p == '\n') {
				vbuf_puts(b, "\\n");
				continue;
			}
			vbuf_putc(b, *p);
		}
		vbuf_putc(b, '\'');
		break;
	default:
		for (k = 0;; k++) {
			snprintf(tag, sizeof(tag), "$q%d$", k);
			if (strstr(v, tag) == NULL && v[0] != '$' &&
			    (strlen(v) == 0 || v[strlen(v) - 1] != '$'))
				break;
			if (k > 50) {
				vf_quote_literal(b, v);
				return;
			}
		}
		vbuf_appendf(b, "%s%s%s", tag, v, tag);
		break;
	}
}

static void
noise(struct vbuf *b)
{
	switch (rnd(5)) {
	case 0:
		vbuf_puts(b, " /* c; /* nested ' */ $x$ */ ");
		break;
	case 1:
		vbuf_puts(b, " -- comment; 'quote\n");
		break;
	case 2:
		vbuf_puts(b, "\n\n");
		break;
	default:
		vbuf_putc(b, ' ');
		break;
	}
}

int
main(int argc, char **argv)
{
	struct vbuf	 file, v, values[16];
	struct sqlfile	 f;
	struct vf_error	 err;
	PGconn		*conn;
	PGresult	*res;
	char		*stmt;
	unsigned long long seed;
	int		 nfiles, i, k, n, failed;

	nfiles = argc > 1 ? atoi(argv[1]) : 200;
	seed = argc > 2 ? strtoull(argv[2], NULL, 10) : 20261125ULL;
	rng_state = seed ? seed : 1;
	if ((conn = db_connect(NULL, &err)) == NULL) {
		fprintf(stderr, "prop_split: %s\n", err.msg);
		return (2);
	}
	failed = 0;
	vbuf_init(&file);
	vbuf_init(&v);
	for (k = 0; k < 16; k++)
		vbuf_init(&values[k]);
	printf("1..%d\n", nfiles);
	for (i = 1; i <= nfiles && !failed; i++) {
		vbuf_reset(&file);
		noise(&file);
		vbuf_puts(&file, "\n-- migrate:up\n");
		n = 1 + (int)rnd(10);
		for (k = 0; k < n; k++) {
			value(&values[k]);
			noise(&file);
			vbuf_puts(&file, "SELECT ");
			literal(&file, values[k].data);
			vbuf_puts(&file, "::text AS \"col;");
			vbuf_appendf(&file, "%d\"", k);
			noise(&file);
			vbuf_puts(&file, ";");
		}
		noise(&file);
		vbuf_puts(&file, "\n-- migrate:down\nSELECT 1;\n");
		if (sqlfile_parse("prop.sql", file.data, file.len, &f, &err)
		    == -1) {
			printf("not ok %d - seed %llu: parse failed: %s "
			    "line %d\n%s\n", i, seed, err.msg, err.line,
			    file.data);
			failed = 1;
			break;
		}
		if ((int)f.up.nstmts != n) {
			printf("not ok %d - seed %llu: %zu statements, "
			    "expected %d\n%s\n", i, seed, f.up.nstmts, n,
			    file.data);
			failed = 1;
		}
		for (k = 0; k < n && !failed; k++) {
			stmt = xstrndup(f.text + f.up.stmts[k].off,
			    f.up.stmts[k].len);
			res = PQexec(conn, stmt);
			if (PQresultStatus(res) != PGRES_TUPLES_OK ||
			    strcmp(PQgetvalue(res, 0, 0), values[k].data) != 0) {
				printf("not ok %d - seed %llu: statement %d "
				    "<<%s>> gave <<%s>> %s, expected <<%s>>\n",
				    i, seed, k + 1, stmt,
				    PQresultStatus(res) == PGRES_TUPLES_OK ?
				    PQgetvalue(res, 0, 0) : "",
				    PQresultErrorMessage(res), values[k].data);
				failed = 1;
			}
			PQclear(res);
			free(stmt);
		}
		sqlfile_free(&f);
		if (!failed)
			printf("ok %d - %d statements\n", i, n);
	}
	for (k = 0; k < 16; k++)
		vbuf_free(&values[k]);
	vbuf_free(&v);
	vbuf_free(&file);
	PQfinish(conn);
	return (failed);
}
