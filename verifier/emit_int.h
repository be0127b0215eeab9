/*
 * emit_int.h: what the parts of the migration writer share (emit.c, and
 * one emit_<kind>.c per kind of object).  Not for other modules: they use
 * emit.h.  A kind's file writes its statements in steps that
 * emit_migration() calls in a fixed order (emit.c says which, and why).
 */
#ifndef VERIFIER_EMIT_INT_H
#define VERIFIER_EMIT_INT_H

#include <sqlite3.h>

#include "emit.h"

struct emitter {
	struct snapshot	*snap;
	const char	*schema;
	const char	*from;
	const char	*to;
	struct vbuf	*out;
	struct vbuf	*destructive;
	struct diff	 d;
	struct vf_error	*err;
	int		 failed;
};

/* Whether c is of kind (and of action, unless NULL). */
int	emit_is(const struct diff_change *c, const char *kind,
	    const char *action);

/* Whether c is an alter of field. */
int	emit_field_is(const struct diff_change *c, const char *field);

/* Appends "schema"."name" to the output. */
void	emit_qname(struct emitter *e, const char *name);

/* Appends "ALTER TABLE schema.tbl ". */
void	emit_alter_table(struct emitter *e, const char *tbl);

/* Appends "ALTER TABLE schema.tbl ALTER COLUMN col ". */
void	emit_alter_column(struct emitter *e, const char *tbl,
	    const char *col);

/* A "-- destructive: why (schema.what)" line, listed in e->destructive. */
void	emit_destructive(struct emitter *e, const char *why,
	    const char *what);

/*
 * Prepares sql on the store, ?1..?3 bound to p1..p3 (unless NULL); NULL
 * with e->failed set (and e->err, for the first failure) on an error.
 */
sqlite3_stmt *emit_query(struct emitter *e, const char *sql, const char *p1,
	    const char *p2, const char *p3);

/* Column col of the current row, as text (NULL for SQL NULL). */
const char *emit_text(sqlite3_stmt *st, int col);

/*
 * "COMMENT ON what schema.tbl[.col] IS 'comment';" (NULL when comment
 * is NULL).
 */
void	emit_comment_on(struct emitter *e, const char *what, const char *tbl,
	    const char *col, const char *comment);

/* emit_enum.c: new enums and labels added or renamed in place (step 1),
   enums recreated because labels went or moved (step 6), dropped enums
   and the old types of recreated ones (step 7). */
void	emit_enums_create(struct emitter *e);
void	emit_enums_recreate(struct emitter *e);
/* Whether c is an enum that emit_enums_recreate() creates again. */
int	emit_enum_recreated(struct emitter *e, const struct diff_change *c);
void	emit_enums_drop(struct emitter *e);

/* emit_sequence.c: sequences let go of their owners and new sequences
   (step 4), dropped, altered and newly owned sequences (step 7). */
void	emit_sequences_create(struct emitter *e);
void	emit_sequences_finish(struct emitter *e);

/* emit_storage.c: "CREATE [UNLOGGED] TABLE " and " WITH (...)" of a new
   table; persistence and storage parameters of kept tables and indexes
   (step 8); comments on enums, sequences and indexes (step 9). */
void	emit_create_table_head(struct emitter *e, const char *tbl);
void	emit_create_table_with(struct emitter *e, const char *tbl);
void	emit_storage_alter(struct emitter *e);
void	emit_object_comments(struct emitter *e);
/* emit_constraint.c: whether c is a constraint dropped and added again
   (an alter of its definition); VALIDATE CONSTRAINT for an alter of field
   "validated", ALTER CONSTRAINT for one of field "deferrable" (step 8);
   the comments of constraints (step 9). */
int	emit_constraint_recreated(const struct diff_change *c);
void	emit_constraint_alter(struct emitter *e,
	    const struct diff_change *c);
void	emit_constraint_comments(struct emitter *e);
/* emit_domain.c: new domains and composite types and their changes in
   place (step 1), those recreated (step 6), dropped (step 7), new checks
   of domains (step 8). */
void	emit_types_create(struct emitter *e);
void	emit_types_recreate(struct emitter *e);
void	emit_types_drop(struct emitter *e);
void	emit_types_finish(struct emitter *e);
/* emit_partition.c: a change of a partition key refused (-1 with e->err
   set, before anything is written), partitions dropped that a new table
   replaces (step 4, before tables are created), a new table's " PARTITION
   BY ..." (step 4), other partitions detached and dropped (step 7, before
   tables are dropped), created and attached (step 7, after). */
int	emit_partitions_refused(struct emitter *e);
void	emit_partitions_replaced(struct emitter *e);
void	emit_partition_by(struct emitter *e, const char *tbl);
void	emit_partitions_detach(struct emitter *e);
void	emit_partitions_create(struct emitter *e);

/* emit_ext.c: extensions installed (step 0, after the revokes). */
void	emit_extensions_create(struct emitter *e);
/* emit_ext.c: extensions of the schema dropped (step 7, last). */
void	emit_extensions_drop(struct emitter *e);

/* emit_grant.c: privileges revoked (step 0) and granted (step 10). */
void	emit_grants_revoke(struct emitter *e);
void	emit_grants_grant(struct emitter *e);

/* emit_grant.c: every grant of the target on type name, for a type
   created again (its grants went with the old one). */
void	emit_type_grants(struct emitter *e, const char *name);

/* emit_view.c: views dropped, before anything they read changes (step
   0); views created or replaced, after everything else (step 8), with
   their comments. */
void	emit_views_drop(struct emitter *e);
void	emit_views_create(struct emitter *e);
/* emit_view.c: whether emit_views_drop() drops source view name. */
int	emit_view_dropped(struct emitter *e, const char *name);

/* emit_trigger.c: triggers dropped (step 0, before views and whatever
   they need), created, replaced, enabled and commented (step 8, last). */
void	emit_triggers_drop(struct emitter *e);
void	emit_triggers_create(struct emitter *e);

/* emit_function.c: whether c drops function c->name (a drop, or a change
   of its arguments or result: dropped and created again); functions
   dropped (early 1: those with an SQL-standard body, step 0 after the
   views; early 0: the others, step 7 after the tables) and created or
   replaced with their
   comments (step 8): those the views may call before them (late 0), the
   language sql ones no view calls after them (late 1, with the comments
   of kept functions). */
int	emit_function_recreated(const struct diff_change *c);
/* emit_function.c: the source functions the migration drops (those
   dropped or recreated, and those with SQL-standard bodies that call
   them), by identity, added to names (pgtree.h; released by the
   caller with pgtree_names_free()). */
struct pgtree_names;
void	emit_functions_dropped(struct emitter *e, struct pgtree_names *names);
void	emit_functions_drop(struct emitter *e, int early);
void	emit_functions_create(struct emitter *e, int late);

#endif
