/*
 * emit_ext.c: the statements of extensions: installed first, in the
 * shared schema, IF NOT EXISTS (where initdb/ installed it, as a service
 * role cannot, it is a no-op); never dropped (see diff_ext.c).  Those
 * of the schema itself are made in it, and dropped once the objects that
 * used them are gone.
 */
#include "emit_int.h"

void
emit_extensions_create(struct emitter *e)
{
	size_t	i;

	for (i = 0; i < e->d.n; i++) {
		if (!emit_is(&e->d.v[i], "extension", "add"))
			continue;
		emit_stmt_begin(e, "extension", e->d.v[i].name, "create");
		vbuf_puts(e->out, "CREATE EXTENSION IF NOT EXISTS ");
		vf_quote_ident(e->out, e->d.v[i].name);
		vbuf_puts(e->out, " SCHEMA ");
		vf_quote_ident(e->out, e->d.v[i].field != NULL ? e->schema :
		    VF_EXTENSIONS_SCHEMA);
		vbuf_puts(e->out, ";\n");
	}
}

void
emit_extensions_drop(struct emitter *e)
{
	size_t	i;

	for (i = 0; i < e->d.n; i++) {
		if (!emit_is(&e->d.v[i], "extension", "drop"))
			continue;
		emit_stmt_begin(e, "extension", e->d.v[i].name, "drop");
		emit_destructive(e, e->d.v[i].destructive, e->d.v[i].name);
		vbuf_puts(e->out, "DROP EXTENSION ");
		vf_quote_ident(e->out, e->d.v[i].name);
		vbuf_puts(e->out, ";\n");
	}
}
