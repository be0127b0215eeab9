/*
 * picture.h: `verifier graph`'s library side: a picture of one side of a
 * snapshot store (snapshot.h), built from the same catalog rows the diff
 * compares, written as Graphviz DOT and rendered by Graphviz's `dot`
 * program.  Tables are records of their columns (type, PK/FK/UQ marks,
 * nullability), foreign keys edges labelled with their columns and
 * actions, and the other kinds (enums, domains, composite types, views,
 * materialized views, functions, procedures, triggers, policies) nodes of
 * their own with an edge to each object they depend on (the store's deps
 * set, CATALOG_DEPS: the graph a draft is ordered by).  The output is
 * sorted and holds no address nor time, so one store always gives the
 * same text.
 */
#ifndef VERIFIER_PICTURE_H
#define VERIFIER_PICTURE_H

#include <stddef.h>

#include "emit.h"
#include "snapshot.h"
#include "util.h"

/* A node: one object of the schema. */
struct picture_node {
	char		*kind;		/* as CATALOG_DEPS names kinds */
	char		*name;		/* "tbl.name" for triggers, policies */
	char		*title;		/* the header line */
	struct vbuf	 rows;		/* HTML <TR> rows below the header */
	char		**cols;		/* a table's columns: port c<i> */
	size_t		 ncols;
	const char	*change;	/* --change: "create", "alter", "drop",
					   "recreate", "context"; else NULL */
	int		 destructive;
	int		 keep;		/* picture_keep_around() */
};

/* An edge: a foreign key (label set) or a dependency. */
struct picture_edge {
	size_t	 from, to;
	long	 port;		/* column of from, -1 for the whole node */
	char	*label;		/* NULL for a dependency */
};

struct picture {
	char			*schema;
	struct picture_node	*nodes;
	size_t			 n;
	struct picture_edge	*edges;
	size_t			 ne;
	int			 change;	/* drawn for --change */
};

/*
 * Fills pic (which need not be initialised) with side (SNAPSHOT_EXPECTED
 * or SNAPSHOT_ACTUAL) of snap for schema.  0 (release with
 * picture_free()), or -1 with err set.
 */
int	picture_build(struct snapshot *snap, const char *side,
	    const char *schema, struct picture *pic, struct vf_error *err);

/* Releases a picture; it is left empty. */
void	picture_free(struct picture *pic);

/* The number of node (kind, name), or (size_t)-1. */
size_t	picture_find(const struct picture *pic, const char *kind,
	    const char *name);

/*
 * Keeps the nodes within depth edges (either direction) of those already
 * marked keep, and drops the others with their edges.
 */
void	picture_keep_around(struct picture *pic, int depth);

/*
 * The picture of a draft: pic (the target side `to` of snap, from
 * picture_build()) gets the objects only the source side `from` has, and
 * each object plan touches is marked with what the draft does to it
 * (created, altered, dropped, dropped and created again, destructive);
 * then only those and their neighbours (marked "context") are kept.
 * 0 or -1 with err set.
 */
int	picture_mark_plan(struct snapshot *snap, const char *from,
	    struct picture *pic, const struct emit_plan *plan,
	    struct vf_error *err);

/*
 * Appends s to out as HTML text (&, <, >, " escaped, a newline a
 * left-aligned line break), for Graphviz's HTML-like labels.
 */
void	picture_html(struct vbuf *out, const char *s);

/*
 * picture_dot.c: appends pic to out as a DOT digraph: nodes in the order
 * built (kinds in a fixed order, names sorted), edges sorted.  Up to
 * PICTURE_LAYERED_MAX nodes in dot's layered layout, left to right;
 * above, in sfdp's (force-directed), which stays fast.
 */
#define PICTURE_LAYERED_MAX	80

void	picture_dot(const struct picture *pic, struct vbuf *out);

/*
 * Runs Graphviz's `dot -T<format>` ($VERIFIER_DOT, else "dot" on PATH)
 * with dot on its standard input and appends its standard output to out.
 * 0, or -1 with err set (the program missing, or its own message when it
 * fails).
 */
int	picture_render(const char *dot, size_t len, const char *format,
	    struct vbuf *out, struct vf_error *err);

/* The comment picture_stamp() writes, before the hex SHA-256. */
#define PICTURE_STAMP	"<!-- verifier-graph sha256:"

/*
 * Appends to out the SVG svg with a comment holding the SHA-256 of the
 * DOT it was rendered from (after the XML declaration): what
 * picture_stamp_read() reads back to tell whether a committed picture is
 * current without rendering it again.
 */
void	picture_stamp(const char *svg, const char *dot, size_t dotlen,
	    struct vbuf *out);

/*
 * The stamp of an SVG text into hex (65 bytes): 1, or 0 when it has
 * none.
 */
int	picture_stamp_read(const char *svg, char hex[65]);

#endif
