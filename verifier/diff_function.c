/*
 * diff_function.c: the differences of functions and procedures, as SQL
 * over the store.  A function is named by its identity, "name(identity
 * arguments)" as PostgreSQL prints them, so overloads are distinct and a
 * change of argument types (or names) is a drop and an add.  Of a kept
 * function, each attribute that differs is an alter of its field:
 * "arguments" (modes, defaults, OUT arguments), "result" (both make
 * emit_function.c drop and create it), "language", "body" (compared
 * without the whitespace around it, so a YAML block scalar and a
 * migration's $$ ... $$ are the same body), "volatility", "strict", "security_definer",
 * "set", "parallel", "cost", "rows", "comment".
 */
#include <stddef.h>

#include "diff_int.h"

#define FUNC_KIND(x) "CASE " x ".kind WHEN 'p' THEN 'procedure' " \
	"ELSE 'function' END"

/* One field of kept functions whose column col differs (as compared by
   cmp, an expression of x.col). */
#define FUNC_FIELD_CMP(o, field, col, cmp_f, cmp_t) \
	"SELECT t.name, t.kind, " #o " AS o, '" field "' AS field, " \
	"f." col " AS fv, t." col " AS tv FROM functions t " \
	"JOIN functions f ON f.side = ?1 AND f.name = t.name " \
	"AND f.kind = t.kind WHERE t.side = ?2 AND " cmp_f " IS NOT " cmp_t
#define FUNC_FIELD(o, field, col) \
	FUNC_FIELD_CMP(o, field, col, "f." col, "t." col)
/* A body without the whitespace around it. */
#define TRIMMED(x)	"trim(" x ".body, ' ' || char(9, 10, 13))"

const char *const diff_function_sql[] = {
	"INSERT INTO changes (kind, action, name, to_val) "
	"SELECT " FUNC_KIND("t") ", 'add', t.name, t.result FROM functions t "
	"WHERE t.side = ?2 AND NOT EXISTS (SELECT 1 FROM functions f "
	"WHERE f.side = ?1 AND f.name = t.name AND f.kind = t.kind) "
	"ORDER BY t.name",
	"INSERT INTO changes (kind, action, name, field, from_val, to_val) "
	"SELECT " FUNC_KIND("k") ", 'alter', k.name, k.field, k.fv, k.tv "
	"FROM (" FUNC_FIELD(1, "arguments", "args")
	" UNION ALL " FUNC_FIELD(2, "result", "result")
	" UNION ALL " FUNC_FIELD(3, "language", "language")
	" UNION ALL " FUNC_FIELD_CMP(4, "body", "body", TRIMMED("f"),
	    TRIMMED("t"))
	" UNION ALL " FUNC_FIELD(5, "volatility", "volatility")
	" UNION ALL " FUNC_FIELD(6, "strict", "strict")
	" UNION ALL " FUNC_FIELD(7, "security_definer", "secdef")
	" UNION ALL " FUNC_FIELD(8, "set", "config")
	" UNION ALL " FUNC_FIELD(9, "parallel", "parallel")
	" UNION ALL " FUNC_FIELD(10, "cost", "cost")
	" UNION ALL " FUNC_FIELD(11, "rows", "rows")
	" UNION ALL " FUNC_FIELD(12, "comment", "comment")
	") k ORDER BY k.name, k.o",
	"INSERT INTO changes (kind, action, name) "
	"SELECT " FUNC_KIND("f") ", 'drop', f.name FROM functions f "
	"WHERE f.side = ?1 AND NOT EXISTS (SELECT 1 FROM functions t "
	"WHERE t.side = ?2 AND t.name = f.name AND t.kind = f.kind) "
	"ORDER BY f.name",
	NULL
};
