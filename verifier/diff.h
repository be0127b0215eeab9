/*
 * diff.h: the differences between the two sides of a snapshot, computed
 * with SQL over sqlite: what has to change to go from one side (the
 * database as it is) to the other (as it should be), renames included.
 */
#ifndef VERIFIER_DIFF_H
#define VERIFIER_DIFF_H

#include <stdio.h>

#include "snapshot.h"
#include "util.h"

/*
 * One difference.  kind: "enum", "sequence", "table", "column",
 * "constraint", "index", "partition" (diff_partition.c), "grant" (diff_grant.c
 * says how it is written), "extension" (diff_ext.c), "policy"
 * (diff_policy.c), "trigger" (diff_trigger.c).  action: "add", "drop",
 * "rename", "alter".
 * tbl is the table of a column, constraint or index under its name on the
 * target side; old_tbl under its name on the source side (they differ
 * when the table is renamed).  name is the object's name on the target
 * side (on the source side for a drop); old_name the source name of a
 * rename.  For "alter", field says what differs ("type", "notnull",
 * "default", "identity", "generated", "comment", "labels", "definition",
 * "unlogged", "with": storage parameters as "name=value" lines)
 * and from_val/to_val are both values (NULL for none).  For constraints
 * and indexes with no field (re-created) to_val is the target definition;
 * extra is a constraint's target referenced table or an index's
 * uniqueness ("t"/"f").
 * destructive is set, with why, when the step loses data.
 */
struct diff_change {
	char	*kind;
	char	*action;
	char	*tbl;
	char	*old_tbl;
	char	*name;
	char	*old_name;
	char	*field;
	char	*from_val;
	char	*to_val;
	char	*extra;
	char	*ckind;		/* constraint kind: p, u, f, c */
	const char *destructive;	/* why, or NULL */
};

struct diff {
	struct diff_change	*v;
	size_t			 n;
};

/*
 * Computes the changes that take side `from` of snap to side `to`
 * (SNAPSHOT_ACTUAL / SNAPSHOT_EXPECTED, either way round; renames are
 * turned around for the way back).  d need not be initialised; release
 * with diff_free().  Returns 0 or -1 with err set.
 */
int	diff_compute(struct snapshot *snap, const char *from, const char *to,
	    struct diff *d, struct vf_error *err);

/* Releases d. */
void	diff_free(struct diff *d);

/*
 * Prints d for people, one line per difference, objects named
 * schema-qualified ("+ table billing.refunds"); colour escapes when
 * color is set.
 */
void	diff_print_text(FILE *out, const char *schema, const struct diff *d,
	    int color);

/*
 * Appends d to out as a JSON array of objects with the fields of
 * struct diff_change (null for NULL).
 */
void	diff_json(struct vbuf *out, const struct diff *d);

/* Appends s as a JSON string (or null when s is NULL). */
void	diff_json_string(struct vbuf *out, const char *s);

/* diff_grant.c: the statements of the grants' changes, run after the
   others (NULL-terminated), and the line of a grant change. */
extern const char *const diff_grant_sql[];
void	diff_grant_describe(struct vbuf *out, const char *schema,
	    const struct diff_change *c);

/* diff_ext.c: the same for extensions. */
extern const char *const diff_ext_sql[];

/* diff_policy.c: row level security and policies (kind "policy"). */
extern const char *const diff_policy_sql[];
void	diff_ext_describe(struct vbuf *out, const char *schema,
	    const struct diff_change *c);

/* One line describing change c (without colour or sign), into out. */
void	diff_describe(struct vbuf *out, const char *schema,
	    const struct diff_change *c);

#endif
