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

/*
 * A statement group: the statements written under one node (kind, name,
 * action) of the draft's dependency graph.  action is "drop", "create",
 * "alter" or "finish" (what nothing else waits for: comments, grants,
 * storage parameters); name is the object's name on the side the action
 * reads (a drop's source name, a create's target name), per-table objects
 * as "table.name" (catalog.h, CATALOG_DEPS).
 */
struct emit_group {
	char		*kind;
	char		*name;
	char		*action;
	struct vbuf	 sql;
};

struct emitter {
	struct snapshot	*snap;
	const char	*schema;
	const char	*from;
	const char	*to;
	struct vbuf	*out;		/* the current group's statements */
	struct vbuf	*destructive;
	struct diff	 d;
	struct vf_error	*err;
	int		 failed;
	struct emit_group **groups;	/* in the order they were begun */
	size_t		 ngroups;
	char		**recreated;	/* kind, name pairs: 2 * nrecreated */
	size_t		 nrecreated;
	int		 recreated_known;	/* emit_dependents_find() ran */
	struct emit_online *online;	/* draft --online, or NULL */
	int		 online_back;	/* the way down of the plan */
	struct emit_plan *plan;		/* emit_migration_plan(): the groups
					   go here instead of out */
};

/*
 * Starts a new statement group: what is written to e->out until the next
 * call belongs to node (kind, name, action).  emit_migration() orders the
 * groups at the end (emit.c says by which edges); the order they are
 * begun in is the tie-breaker.
 */
void	emit_stmt_begin(struct emitter *e, const char *kind, const char *name,
	    const char *action);

/*
 * A kind of object that is dropped and created again around a change of
 * what it depends on (emit.c, emit_kinds[]: how a kind plugs in).
 * drop writes the object's drop (source side), create its create from
 * the target side (nothing when the target has no such object), each
 * under emit_stmt_begin(e, kind, name, ...).  recreated, when not NULL,
 * says whether change c of this kind drops and creates the object itself
 * (a view whose columns change other than by appending); a change that
 * drops an object of the kind always does.  on_table: the kind's objects
 * belong to a table (named "table.name", the change's old_tbl and name)
 * and go with it when it is dropped.
 */
struct emit_kind {
	const char	*kind;		/* as diff.c and CATALOG_DEPS say */
	int		 on_table;
	void		(*drop)(struct emitter *, const char *name);
	void		(*create)(struct emitter *, const char *name);
	int		(*recreated)(struct emitter *,
			    const struct diff_change *);
};

extern const struct emit_kind emit_kinds[];

/*
 * emit_order.c: the dependents closure.  emit_dependents_drop() finds,
 * once (emit_dependents_find(), which may be called before it), every
 * object of a kind of emit_kinds[] to drop: those a change
 * drops or recreates, and, transitively from the source side's deps, every
 * one that depends on a table dropped, a column dropped or given another
 * type (or made generated), a type recreated, or on an object so found;
 * and writes their drops.  emit_dependents_create() writes the creates of
 * those the target has.  emit_recreated(): whether (kind, name) is one.
 */
void	emit_dependents_find(struct emitter *e);
void	emit_dependents_drop(struct emitter *e);
void	emit_dependents_create(struct emitter *e);
int	emit_recreated(const struct emitter *e, const char *kind,
	    const char *name);
/* emit_recreated() for per-table object name of source table tbl. */
int	emit_recreated_on(const struct emitter *e, const char *kind,
	    const char *tbl, const char *name);

/*
 * emit_order.c: the groups sorted (edges from the store's deps set) and
 * appended to out: 0, or -1 with e->err set (a dependency cycle, naming
 * its objects).  emit_order_free() releases them.
 */
int	emit_order_write(struct emitter *e, struct vbuf *out);
void	emit_order_free(struct emitter *e);

/* emit_stmt_begin() for a per-table object: name "tbl.name". */
void	emit_stmt_begin_on(struct emitter *e, const char *kind,
	    const char *tbl, const char *name, const char *action);

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
/* "COMMENT ON <kind> name ON schema.tbl IS ...;" for an object of a
   table (a constraint, a trigger, a policy). */
void	emit_comment_on_member(struct emitter *e, const char *kind,
	    const char *tbl, const char *name, const char *comment);

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
/*
 * REPLICA IDENTITY: _reset before any key or index is dropped (DEFAULT
 * for a table whose identity was an index and changes); _set once the
 * indexes exist (a changed identity, a new table's, or one whose index
 * was dropped and made again).
 */
void	emit_replident_reset(struct emitter *e);
void	emit_replident_set(struct emitter *e);
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
/* emit_partition.c: how deep relation name is on the target side: 0 for
   a table, 1 for its partitions, 2 for theirs... */
int	emit_partition_depth(struct emitter *e, const char *name);

/* emit_ext.c: extensions installed (step 0, after the revokes). */
void	emit_extensions_create(struct emitter *e);
/* emit_ext.c: extensions of the schema dropped (step 7, last). */
void	emit_extensions_drop(struct emitter *e);

/* emit_grant.c: privileges revoked (step 0) and granted (step 10). */
void	emit_grants_revoke(struct emitter *e);
void	emit_grants_grant(struct emitter *e);

/* emit_grant.c: every grant of the target on object name of on_kind
   ("type", "table": a view too), for an object created again (its
   grants went with the old one) or created with its grants. */
void	emit_object_grants(struct emitter *e, const char *on_kind,
	    const char *name);

/* emit.c: CREATE [UNIQUE] INDEX of an index add (name, tbl, to_val the
   body from USING on, extra "t" when unique). */
void	emit_create_index(struct emitter *e, const struct diff_change *c);

/* emit_view.c: a view or materialized view dropped, created from the
   target side, recreated by its own change (emit_kinds[]); new views and
   replaced ones, comments and refreshes (step 8). */
void	emit_view_drop(struct emitter *e, const char *name);
void	emit_view_create(struct emitter *e, const char *name);
int	emit_view_recreated(struct emitter *e, const struct diff_change *c);
void	emit_views_create(struct emitter *e);
/* Whether the migration drops view name of the source (to create it
   again or not: emit_recreated()); whether view rel is one created whole,
   with its indexes and grants (dropped, or new). */
int	emit_view_dropped(struct emitter *e, const char *name);
int	emit_view_whole(struct emitter *e, const char *rel);
/* Whether a view dropped left its name to a table of the target (whose
   grants are then all new); those grants (step 10). */
int	emit_view_became_table(struct emitter *e, const char *name);
void	emit_view_table_grants(struct emitter *e);
/* And its indexes, with their comments (step 8). */
void	emit_view_table_indexes(struct emitter *e);

/* emit_policy.c: a policy ("table.name") dropped, created from the
   target side, recreated by its own change (emit_kinds[]); row level
   security of tables, new policies, policies altered (step 8). */
void	emit_policy_drop(struct emitter *e, const char *name);
void	emit_policy_create(struct emitter *e, const char *name);
int	emit_policy_recreated(struct emitter *e, const struct diff_change *c);
void	emit_policies_create(struct emitter *e);

/* emit_domain.c: the domain or composite type that c (a change of it or
   of its parts) makes emit_types_recreate() create again, its columns
   converted, with *kind set; NULL when c makes none. */
const char *emit_type_recreated(struct emitter *e,
	    const struct diff_change *c, const char **kind);

/* emit_trigger.c: a trigger ("table.name") dropped, created from the
   target side, recreated by its own change (emit_kinds[]); new triggers,
   triggers replaced, enabled and commented (step 8, last). */
void	emit_trigger_drop(struct emitter *e, const char *name);
void	emit_trigger_create(struct emitter *e, const char *name);
int	emit_trigger_recreated(struct emitter *e, const struct diff_change *c);
void	emit_triggers_create(struct emitter *e);

/* emit_function.c: a function or procedure (by "fname(identity)")
   dropped when it has an SQL-standard body (the others: emit_functions_
   drop(), step 7, after the tables whose defaults may call them), created
   by emit_functions_create() (no create of its own in emit_kinds[]);
   whether c recreates its function (a change of its arguments or
   result); functions created or replaced with their comments (step 8):
   those the views may call before them (late 0), the language sql ones
   no view calls after them (late 1, with the comments of kept
   functions). */
void	emit_function_drop_early(struct emitter *e, const char *name);
void	emit_function_create_none(struct emitter *e, const char *name);
int	emit_function_recreated(struct emitter *e, const struct diff_change *c);
void	emit_functions_drop(struct emitter *e);
void	emit_functions_create(struct emitter *e, int late);

/*
 * emit_online.c: emit_online_begin() fills e->online on the way up (when
 * it is empty) and says which way e goes.  emit_online_index(): index
 * name is the plan's (no DROP or CREATE INDEX of it in the first file,
 * either way).  emit_online_constraint(): what becomes of a constraint's
 * add or drop.  emit_online_not_null(): column col's SET NOT NULL or DROP
 * NOT NULL is the plan's (1); on the way up its stand-in check NOT VALID
 * is written instead.
 */
#define EMIT_ONLINE_NONE	0	/* as without a plan */
#define EMIT_ONLINE_NOT_VALID	1	/* added NOT VALID */
#define EMIT_ONLINE_LATER	2	/* left to the plan's files */
void	emit_online_begin(struct emitter *e);
int	emit_online_index(const struct emitter *e, const char *name);
int	emit_online_constraint(const struct emitter *e, const char *tbl,
	    const char *name);
int	emit_online_not_null(struct emitter *e, const char *tbl,
	    const char *col);

#endif
