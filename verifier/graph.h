/*
 * graph.h: a dependency graph of named nodes and its order.  Nodes are
 * named by (kind, name) and numbered in the order they are added; an edge
 * says one node goes before another.  graph_sort() is a stable
 * topological sort (Kahn's algorithm, the ready node added first goes
 * first), so nodes added in an order that already satisfies every edge
 * come out unchanged; a cycle is reported with the nodes in it.  No
 * store, no libpq: the emitter builds one per migration.
 */
#ifndef VERIFIER_GRAPH_H
#define VERIFIER_GRAPH_H

#include <stddef.h>

#include "util.h"

struct graph_node {
	char	*kind;
	char	*name;
};

struct graph {
	struct graph_node	*nodes;
	size_t			 n;
	size_t			*edges;		/* 2 * nedges: before, after */
	size_t			 nedges;
	size_t			 cap, ecap;
};

/* An empty graph; graph_free() releases what it holds. */
void	graph_init(struct graph *);
void	graph_free(struct graph *);

/*
 * Adds a node (kind and name are copied) and returns its number: 0, 1, ...
 * in the order of the calls.  Two nodes may have the same name.
 */
size_t	graph_add(struct graph *, const char *kind, const char *name);

/*
 * The number of the first node named (kind, name) at or after from, or
 * (size_t)-1 when there is none.
 */
size_t	graph_find(const struct graph *, const char *kind, const char *name,
	    size_t from);

/*
 * Node before goes before node after.  An edge from a node to itself is
 * left out; one given twice does no harm.
 */
void	graph_edge(struct graph *, size_t before, size_t after);

/*
 * Fills order (g->n numbers, allocated by the caller) with the nodes in
 * an order where every edge is kept; among the nodes that may come next,
 * the one added first.  Returns 0, or -1 with err set (VF_EXIT_FAIL) to
 * "dependency cycle: KIND NAME -> KIND NAME -> ... -> KIND NAME" (the
 * first node again at the end) when the edges form a cycle.
 */
int	graph_sort(const struct graph *, size_t *order, struct vf_error *err);

#endif
