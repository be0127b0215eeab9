/*
 * diff_ext.c: extensions, kind "extension", action "add" only: one the
 * target's objects use, in VF_EXTENSIONS_SCHEMA, and the source lacks.
 * An extension nothing uses, or one the source has more, is no
 * difference: it is database-wide, installed by initdb/ or for another
 * service, and never dropped by a migration.  One installed in the
 * schema itself (used 'o') is the schema's: added and dropped, field
 * "own".
 */
#include <stddef.h>
#include <string.h>

#include "diff.h"

const char *const diff_ext_sql[] = {
	"INSERT INTO changes (kind, action, name) "
	"SELECT 'extension', 'add', t.name FROM extensions t "
	"WHERE t.side = ?2 AND t.used = 't' AND NOT EXISTS (SELECT 1 FROM extensions f "
	"WHERE f.side = ?1 AND f.name = t.name) ORDER BY t.name",
	/* Installed in the schema itself: added and dropped, field "own". */
	"INSERT INTO changes (kind, action, name, field) "
	"SELECT 'extension', 'add', t.name, 'own' FROM extensions t "
	"WHERE t.side = ?2 AND t.used = 'o' AND NOT EXISTS (SELECT 1 FROM extensions f "
	"WHERE f.side = ?1 AND f.name = t.name AND f.used = 'o') ORDER BY t.name",
	"INSERT INTO changes (kind, action, name, field) "
	"SELECT 'extension', 'drop', f.name, 'own' FROM extensions f "
	"WHERE f.side = ?1 AND f.used = 'o' AND NOT EXISTS (SELECT 1 FROM extensions t "
	"WHERE t.side = ?2 AND t.name = f.name AND t.used = 'o') ORDER BY f.name",
	NULL
};

void
diff_ext_describe(struct vbuf *b, const char *schema,
    const struct diff_change *c)
{
	vbuf_puts(b, strcmp(c->action, "drop") == 0 ? "extension extra: " :
	    "extension missing: ");
	vf_quote_ident(b, c->field != NULL ? schema : VF_EXTENSIONS_SCHEMA);
	vbuf_putc(b, '.');
	vf_quote_ident(b, c->name);
}
