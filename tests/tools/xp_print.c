/*
 * xp_print.c: expected_expr.h on the command line, for
 * tests/integration/25_expected_expr.sh.  Reads lines from stdin,
 *   D<TAB>type<TAB>kind<TAB>expr	a default of a column of type type
 *   M<TAB>type<TAB>kind<TAB>expr	a default of a domain over type
 *   V<TAB>type<TAB>kind<TAB>expr	a check of a domain over type
 *   C<TAB>columns<TAB>expr		a check over columns
 *   W<TAB>columns<TAB>expr		a partial index's predicate
 *   X<TAB>columns<TAB>expr		an index key expression
 * (kind: empty for xp_default(), else xp_default_col() in the model
 * schema "s", "e" for an enum; columns: name:type[:e] separated by ';', a
 * name in double quotes taken without them), and writes one
 * line per input line: "+<TAB>printed" (a check, V: "+<TAB>expr<TAB>def",
 * a key: "+<TAB>pretty<TAB>plain") or "-" when declined.  Exit 0, or 2
 * on a malformed line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expected_expr.h"

#define MAXCOLS	16

/* Splits s at the first c: the rest, or NULL when there is none. */
static char *
cut(char *s, char c)
{
	char	*p;

	if ((p = strchr(s, c)) == NULL)
		return (NULL);
	*p = '\0';
	return (p + 1);
}

static int
parse_cols(char *s, struct xp_column *cols, size_t *n)
{
	char	*next, *type, *kind;
	size_t	 len;

	for (*n = 0; s != NULL && *s != '\0'; s = next) {
		next = cut(s, ';');
		if (*n == MAXCOLS || (type = cut(s, ':')) == NULL)
			return (-1);
		kind = cut(type, ':');
		len = strlen(s);
		if (len >= 2 && s[0] == '"' && s[len - 1] == '"') {
			s[len - 1] = '\0';
			s++;
		}
		cols[*n].name = s;
		cols[*n].type = type;
		cols[*n].kind = kind != NULL && strcmp(kind, "e") == 0 ? 'e' :
		    0;
		(*n)++;
	}
	return (0);
}

int
main(void)
{
	struct xp_column	 cols[MAXCOLS];
	struct vbuf		 a, b;
	char			*line = NULL, *f1, *f2, *f3;
	size_t			 cap = 0, n;
	ssize_t			 len;
	int			 rc = 0, ok, ok2;

	vbuf_init(&a);
	vbuf_init(&b);
	while ((len = getline(&line, &cap, stdin)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[len - 1] = '\0';
		vbuf_reset(&a);
		vbuf_reset(&b);
		if ((f1 = cut(line, '\t')) == NULL ||
		    (f2 = cut(f1, '\t')) == NULL) {
			rc = 2;
			break;
		}
		/* ok: the first answer; ok2: the second, -1 when none. */
		ok2 = -1;
		if ((strcmp(line, "D") == 0 || strcmp(line, "M") == 0 ||
		    strcmp(line, "V") == 0) && (f3 = cut(f2, '\t')) != NULL) {
			memset(cols, 0, sizeof(cols));
			cols[0].type = f1;
			cols[0].kind = strcmp(f2, "e") == 0 ? 'e' : 0;
			if (line[0] == 'V') {
				ok = xp_domain_check(f3, &cols[0], 0, &a);
				ok2 = xp_domain_check(f3, &cols[0], 1, &b);
			} else
				ok = *f2 == '\0' ? xp_default(f3, f1, &a) :
				    xp_default_col(f3, &cols[0], "s", &a);
		} else if (strchr("CWX", line[0]) == NULL || line[1] != '\0' ||
		    parse_cols(f1, cols, &n) == -1) {
			rc = 2;
			break;
		} else if (line[0] == 'C') {
			ok = xp_check(f2, cols, n, &a);
			ok2 = xp_check_def(f2, cols, n, &b);
		} else if (line[0] == 'W')
			ok = xp_index_where(f2, cols, n, &a);
		else {
			ok = xp_index_expr(f2, cols, n, 1, &a);
			ok2 = xp_index_expr(f2, cols, n, 0, &b);
		}
		if (ok2 != -1 && ok2 != ok) {
			rc = 2;
			break;
		}
		if (!ok)
			printf("-\n");
		else if (ok2 == -1)
			printf("+\t%s\n", a.data);
		else
			printf("+\t%s\t%s\n", a.data, b.data);
	}
	free(line);
	vbuf_free(&a);
	vbuf_free(&b);
	return (rc);
}
