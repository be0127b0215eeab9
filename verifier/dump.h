/*
 * dump.h: a live schema as a model file (`verifier dump`): its catalog
 * converted to a struct model, written as YAML, and proved by loading the
 * YAML back, building it in a scratch database and comparing the result
 * with the catalog it came from.
 */
#ifndef VERIFIER_DUMP_H
#define VERIFIER_DUMP_H

#include <libpq-fe.h>

#include "catalog.h"
#include "model.h"
#include "problems.h"
#include "scratch.h"
#include "util.h"

/*
 * Fills m (model.h's rules for models filled by code: names set, line and
 * column 0; release with model_free()) from the catalog cat; what a model
 * cannot hold goes to p as "unsupported: ...".
 */
void	dump_model(const struct catalog *cat, struct model *m,
	    struct problems *p);

/* dump_partition.c: dump_model()'s partitions, once m has its tables. */
void	dump_partitions(const struct catalog *cat, struct model *m);

/*
 * dump_constraint.c: the options of constraint c from row `row` of
 * CATALOG_CONSTRAINTS (deferrable, initially deferred, NOT VALID, NULLS
 * NOT DISTINCT, comment), and an exclusion constraint's method, elements,
 * include columns and WHERE (through unparen(), which returns a new
 * string without PostgreSQL's outer parentheses).
 */
void	dump_constraint_options(const struct catalog *cat, size_t row,
	    struct model_constraint *c);
void	dump_exclude(const struct catalog *cat, size_t row, const char *tbl,
	    struct model_constraint *c, char *(*unparen)(const char *));

/* dump_grant.c: the grants of cat on m's schema, tables, sequences, enums
   (for dump_model(), once they are filled). */
void	dump_grants(const struct catalog *cat, struct model *m);

/* dump_ext.c: the extensions m's objects use, from cat. */
void	dump_extensions(const struct catalog *cat, struct model *m);

/* dump_view.c: the views of CATALOG_VIEWS, appended to m->views. */
void	dump_views(const struct catalog *cat, struct model *m);

/*
 * Reads schema's catalog on conn and appends its model, as YAML, to yaml.
 * Then proves it: the YAML loads as a model (path names it in errors;
 * NULL: "<dump>"), builds (in the scratch database s, created when
 * needed; the caller drops it) and gives the same catalog back.  What
 * keeps the dump from being exact goes to p: the YAML is good only when
 * p is empty.  Returns 0, or -1 with err set when a step fails for
 * another reason (the connection, the store).
 */
int	dump_schema(PGconn *conn, struct scratch *s, const char *schema,
	    const char *path, struct vbuf *yaml, struct problems *p,
	    struct vf_error *err);

#endif
