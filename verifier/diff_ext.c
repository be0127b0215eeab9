/*
 * diff_ext.c: extensions, kind "extension", action "add" only: one the
 * target's objects use, in VF_EXTENSIONS_SCHEMA, and the source lacks.
 * An extension nothing uses, or one the source has more, is no
 * difference: it is database-wide, installed by initdb/ or for another
 * service, and never dropped by a migration.
 */
#include <stddef.h>

#include "diff.h"

const char *const diff_ext_sql[] = {
	"INSERT INTO changes (kind, action, name) "
	"SELECT 'extension', 'add', t.name FROM extensions t "
	"WHERE t.side = ?2 AND t.used = 't' AND NOT EXISTS (SELECT 1 FROM extensions f "
	"WHERE f.side = ?1 AND f.name = t.name) ORDER BY t.name",
	NULL
};

void
diff_ext_describe(struct vbuf *b, const struct diff_change *c)
{
	vbuf_puts(b, "extension missing: ");
	vf_quote_ident(b, VF_EXTENSIONS_SCHEMA);
	vbuf_putc(b, '.');
	vf_quote_ident(b, c->name);
}
