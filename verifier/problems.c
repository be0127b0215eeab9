/*
 * problems.c: the list of problems the schema commands report.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "problems.h"

static void
add(struct problems *p, const char *file, int line, int col, int warning,
    const char *fmt, va_list ap)
{
	struct vbuf	b;

	vbuf_init(&b);
	vbuf_vappendf(&b, fmt, ap);
	p->v = xrealloc(p->v, (p->n + 1) * sizeof(*p->v));
	p->v[p->n].file = file != NULL && *file != '\0' ? xstrdup(file) : NULL;
	p->v[p->n].line = line;
	p->v[p->n].msg = vbuf_steal(&b);
	p->v[p->n].col = col;
	p->v[p->n].warning = warning;
	p->n++;
}

void
problems_add(struct problems *p, const char *file, int line, const char *fmt,
    ...)
{
	va_list	ap;

	va_start(ap, fmt);
	add(p, file, line, 0, 0, fmt, ap);
	va_end(ap);
}

void
problems_add_at(struct problems *p, const char *file, int line, int col,
    int warning, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	add(p, file, line, col, warning, fmt, ap);
	va_end(ap);
}

size_t
problems_errors(const struct problems *p)
{
	size_t	i, n = 0;

	for (i = 0; i < p->n; i++)
		n += !p->v[i].warning;
	return (n);
}

void
problems_add_error(struct problems *p, const struct vf_error *err)
{
	if (err->col > 0)
		problems_add(p, err->file, err->line, "column %d: %s", err->col,
		    err->msg);
	else
		problems_add(p, err->file, err->line, "%s", err->msg);
}

void
problems_free(struct problems *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++) {
		free(p->v[i].file);
		free(p->v[i].msg);
	}
	free(p->v);
	memset(p, 0, sizeof(*p));
}
