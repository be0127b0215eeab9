/*
 * expected_expr.c: the printed form of model expressions
 * (expected_expr.h).
 */
#include "expected_expr.h"

int
xp_default(const char *expr, const char *type, struct vbuf *out)
{
	(void)expr;
	(void)type;
	(void)out;
	return (0);
}

int
xp_check(const char *expr, const struct xp_column *cols, size_t ncols,
    struct vbuf *out)
{
	(void)expr;
	(void)cols;
	(void)ncols;
	(void)out;
	return (0);
}
