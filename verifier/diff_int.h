/*
 * diff_int.h: what the parts of diff.c share.  Not for other modules:
 * they use diff.h.  A kind's file holds the SQL statements that add its
 * differences to temp.changes; diff_compute() runs them after its own.
 */
#ifndef VERIFIER_DIFF_INT_H
#define VERIFIER_DIFF_INT_H

#include "diff.h"

/* diff_types.c: domains and composite types; NULL-terminated. */
extern const char *const diff_types_sql[];

/* diff_function.c: functions and procedures; NULL-terminated. */
extern const char *const diff_function_sql[];

/*
 * diff_partition.c: partitions (NULL-terminated), and the line describing
 * a change of kind "partition" (diff_describe() calls it).
 */
extern const char *const diff_partition_sql[];
void	diff_partition_describe(struct vbuf *out, const char *schema,
	    const struct diff_change *c);

/* diff_trigger.c: triggers; NULL-terminated. */
extern const char *const diff_trigger_sql[];

/*
 * The base type of type (as the catalog prints it) when it is a domain of
 * side, through domains over domains, with type's array suffix; else type
 * itself.  A new string.
 */
char	*diff_types_base(struct snapshot *snap, const char *side,
	    const char *type);

#endif
