/*
 * graph.c: nodes, edges, and a stable topological sort with cycles
 * reported by name (graph.h).  The ready nodes wait in a binary heap
 * ordered by number, so the sort takes O((n + e) log n).
 */
#include <stdlib.h>
#include <string.h>

#include "graph.h"

void
graph_init(struct graph *g)
{
	memset(g, 0, sizeof(*g));
}

void
graph_free(struct graph *g)
{
	size_t	i;

	for (i = 0; i < g->n; i++) {
		free(g->nodes[i].kind);
		free(g->nodes[i].name);
	}
	free(g->nodes);
	free(g->edges);
	memset(g, 0, sizeof(*g));
}

size_t
graph_add(struct graph *g, const char *kind, const char *name)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 16;
		g->nodes = xrealloc(g->nodes, g->cap * sizeof(*g->nodes));
	}
	g->nodes[g->n].kind = xstrdup(kind);
	g->nodes[g->n].name = xstrdup(name);
	return (g->n++);
}

size_t
graph_find(const struct graph *g, const char *kind, const char *name,
    size_t from)
{
	size_t	i;

	for (i = from; i < g->n; i++)
		if (strcmp(g->nodes[i].kind, kind) == 0 &&
		    strcmp(g->nodes[i].name, name) == 0)
			return (i);
	return ((size_t)-1);
}

void
graph_edge(struct graph *g, size_t before, size_t after)
{
	if (before == after || before >= g->n || after >= g->n)
		return;
	if (g->nedges == g->ecap) {
		g->ecap = g->ecap ? 2 * g->ecap : 16;
		g->edges = xrealloc(g->edges, 2 * g->ecap * sizeof(*g->edges));
	}
	g->edges[2 * g->nedges] = before;
	g->edges[2 * g->nedges + 1] = after;
	g->nedges++;
}

/* A min-heap of node numbers. */
static void
heap_push(size_t *h, size_t *n, size_t v)
{
	size_t	i = (*n)++, p;

	while (i > 0 && h[p = (i - 1) / 2] > v) {
		h[i] = h[p];
		i = p;
	}
	h[i] = v;
}

static size_t
heap_pop(size_t *h, size_t *n)
{
	size_t	top = h[0], v = h[--*n], i = 0, c;

	while ((c = 2 * i + 1) < *n) {
		if (c + 1 < *n && h[c + 1] < h[c])
			c++;
		if (h[c] >= v)
			break;
		h[i] = h[c];
		i = c;
	}
	h[i] = v;
	return (top);
}

/*
 * A cycle among the nodes left (indeg > 0): walking back from one of them
 * along edges from nodes left must come round.  Written to err from its
 * lowest-numbered node, in the direction of the edges.
 */
static void
report_cycle(const struct graph *g, const size_t *indeg,
    struct vf_error *err)
{
	size_t		*path, *seen, n = 0, i, j, start, v, low;
	struct vbuf	 b;

	path = xcalloc(g->n + 1, sizeof(*path));
	seen = xcalloc(g->n, sizeof(*seen));	/* position + 1 in path */
	for (v = 0; indeg[v] == 0; v++)
		;
	while (seen[v] == 0) {
		seen[v] = ++n;
		path[n - 1] = v;
		for (i = 0; i < g->nedges; i++)
			if (g->edges[2 * i + 1] == v &&
			    indeg[g->edges[2 * i]] > 0)
				break;
		v = g->edges[2 * i];
	}
	/* path[seen[v] - 1 .. n - 1] is the cycle, against the edges. */
	start = seen[v] - 1;
	low = n - 1;
	for (i = start; i < n; i++)
		if (path[i] < path[low])
			low = i;
	vbuf_init(&b);
	vbuf_puts(&b, "dependency cycle: ");
	for (i = 0, j = low; i <= n - start; i++) {
		v = path[j];
		vbuf_appendf(&b, "%s%s %s", i > 0 ? " -> " : "",
		    g->nodes[v].kind, g->nodes[v].name);
		j = j == start ? n - 1 : j - 1;
	}
	vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0, "%s", b.data);
	vbuf_free(&b);
	free(path);
	free(seen);
}

int
graph_sort(const struct graph *g, size_t *order, struct vf_error *err)
{
	size_t	*indeg, *first, *adj, *heap, nheap = 0, k = 0, i, v, w;
	int	 rc = 0;

	indeg = xcalloc(g->n + 1, sizeof(*indeg));
	first = xcalloc(g->n + 1, sizeof(*first));
	adj = xcalloc(g->nedges + 1, sizeof(*adj));
	heap = xcalloc(g->n + 1, sizeof(*heap));
	/* The edges out of v are adj[first[v] .. first[v + 1] - 1]. */
	for (i = 0; i < g->nedges; i++) {
		first[g->edges[2 * i] + 1]++;
		indeg[g->edges[2 * i + 1]]++;
	}
	for (v = 0; v < g->n; v++)
		first[v + 1] += first[v];
	for (i = 0; i < g->nedges; i++)
		adj[first[g->edges[2 * i]]++] = g->edges[2 * i + 1];
	for (v = g->n; v > 0; v--)
		first[v] = first[v - 1];
	first[0] = 0;
	for (v = 0; v < g->n; v++)
		if (indeg[v] == 0)
			heap_push(heap, &nheap, v);
	while (nheap > 0) {
		v = heap_pop(heap, &nheap);
		order[k++] = v;
		for (i = first[v]; i < first[v + 1]; i++)
			if (--indeg[w = adj[i]] == 0)
				heap_push(heap, &nheap, w);
	}
	if (k < g->n) {
		report_cycle(g, indeg, err);
		rc = -1;
	}
	free(indeg);
	free(first);
	free(adj);
	free(heap);
	return (rc);
}
