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
