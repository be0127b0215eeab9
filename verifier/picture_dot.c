/*
 * picture_dot.c: a picture (picture.h) as Graphviz DOT, and the DOT
 * rendered to SVG or PNG by Graphviz's `dot` program, run with
 * posix_spawn and pipes.  Not libgvc: libverifier.a is linked by the
 * apps and the fuzzers too, and libgvc brings a dozen shared libraries
 * and a plugin configuration to every one of them for a command that
 * only the CLI runs.  The SVG carries the SHA-256 of its DOT, so that
 * `verifier graph --check` can tell a stale picture from a current one
 * without depending on the Graphviz version that drew it.
 */
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "picture.h"

extern char	**environ;

/* The colours of a node: header fill, border; by kind and by change. */
struct look {
	const char	*what;
	const char	*fill;
	const char	*border;
	const char	*tag;		/* before the title, NULL for none */
};

static const struct look kind_looks[] = {
	{ "table", "#dbe8f5", "#4a6f94", NULL },
	{ "view", "#e4f2dc", "#5a8a45", "view" },
	{ "materialized view", "#d6ecd0", "#44763a", "materialized view" },
	{ "enum", "#f5ecd0", "#9a7b28", "enum" },
	{ "domain", "#f3e3d3", "#9a6a3a", "domain" },
	{ "composite type", "#efe0ef", "#86508a", "composite type" },
	{ "function", "#e6e3f5", "#5b5196", "function" },
	{ "procedure", "#e6e3f5", "#5b5196", "procedure" },
	{ "trigger", "#f5e0e0", "#a04848", "trigger" },
	{ "policy", "#e0f0f0", "#3f8080", "policy" },
	{ NULL, "#eeeeee", "#666666", NULL },
};

static const struct look change_looks[] = {
	{ "create", "#c8efc8", "#2e7d32", "created" },
	{ "alter", "#fde3b8", "#c66a00", "altered" },
	{ "drop", "#f8c8c8", "#c62828", "dropped" },
	{ "recreate", "#cfd9f7", "#2f4fb0", "dropped and re-created" },
	{ "context", "#f2f2f2", "#9e9e9e", NULL },
	{ NULL, NULL, NULL, NULL },
};

static const struct look *
look_of(const struct look *v, const char *what)
{
	for (; v->what != NULL; v++)
		if (what != NULL && strcmp(v->what, what) == 0)
			return (v);
	return (v);
}

/* Appends s as the inside of a DOT string. */
static void
dot_str(struct vbuf *out, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			vbuf_putc(out, '\\');
		if (*s == '\n')
			vbuf_puts(out, "\\n");
		else
			vbuf_putc(out, *s);
	}
}

static void
node_id(struct vbuf *out, const struct picture_node *n)
{
	vbuf_putc(out, '"');
	dot_str(out, n->kind);
	vbuf_putc(out, ':');
	dot_str(out, n->name);
	vbuf_putc(out, '"');
}

static void
write_node(const struct picture *pic, const struct picture_node *n,
    struct vbuf *out)
{
	const struct look	*k = look_of(kind_looks, n->kind), *c = NULL;
	const char		*fill = k->fill, *border = k->border;

	if (pic->change) {
		c = look_of(change_looks, n->change);
		fill = c->fill;
		border = c->border;
	}
	vbuf_puts(out, "  ");
	node_id(out, n);
	vbuf_appendf(out, " [color=\"%s\"", border);
	if (n->destructive)
		vbuf_puts(out, ", penwidth=3");
	if (strcmp(n->kind, "view") == 0 ||
	    strcmp(n->kind, "materialized view") == 0)
		vbuf_puts(out, ", style=rounded");
	vbuf_appendf(out, ", label=<<TABLE BORDER=\"%d\" CELLBORDER=\"0\" "
	    "CELLSPACING=\"0\" CELLPADDING=\"3\" COLOR=\"%s\">"
	    "<TR><TD COLSPAN=\"4\" BGCOLOR=\"%s\">", n->destructive ? 3 : 1,
	    border, fill);
	if (k->tag != NULL) {
		vbuf_puts(out, "<I>");
		picture_html(out, k->tag);
		vbuf_puts(out, "</I> ");
	}
	vbuf_puts(out, "<B>");
	picture_html(out, n->title);
	vbuf_puts(out, "</B>");
	if (c != NULL && c->tag != NULL) {
		vbuf_puts(out, "<BR/><I>");
		picture_html(out, c->tag);
		if (n->destructive)
			vbuf_puts(out, ", destructive");
		vbuf_puts(out, "</I>");
	}
	vbuf_puts(out, "</TD></TR>");
	vbuf_append(out, n->rows.data != NULL ? n->rows.data : "",
	    n->rows.len);
	vbuf_puts(out, "</TABLE>>];\n");
}

/* The edges in a stable order: by the DOT text they print as. */
static int
cmp_lines(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

void
picture_dot(const struct picture *pic, struct vbuf *out)
{
	const struct picture_edge	*e;
	struct vbuf			 line;
	char				**lines;
	size_t				 i;

	vbuf_puts(out, "digraph \"");
	dot_str(out, pic->schema);
	/* dot's layered layout grows much faster than the graph (50
	   tables with labelled foreign keys: 9 s; 1,000: past 5 minutes);
	   sfdp draws 1,000 in about 2 s. */
	vbuf_puts(out, pic->n > PICTURE_LAYERED_MAX ? "\" {\n  graph "
	    "[layout=sfdp, overlap=prism, splines=false, " :
	    "\" {\n  graph [rankdir=LR, ");
	vbuf_puts(out, "fontname=\"Helvetica\", labelloc=t, label=\"");
	if (pic->change && pic->n == 0)
		vbuf_appendf(out, "schema %s: the draft changes nothing",
		    pic->schema);
	else if (pic->change)
		vbuf_appendf(out, "schema %s: what the draft changes "
		    "(green created, orange altered, red dropped, blue dropped "
		    "and re-created, thick border destructive, grey untouched)",
		    pic->schema);
	else
		vbuf_appendf(out, "schema %s", pic->schema);
	vbuf_puts(out, "\"];\n  node [shape=plain, fontname=\"Helvetica\", "
	    "fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=9, "
	    "color=\"#555555\"];\n");
	for (i = 0; i < pic->n; i++)
		write_node(pic, &pic->nodes[i], out);
	lines = xcalloc(pic->ne + 1, sizeof(*lines));
	for (i = 0; i < pic->ne; i++) {
		e = &pic->edges[i];
		vbuf_init(&line);
		vbuf_puts(&line, "  ");
		node_id(&line, &pic->nodes[e->from]);
		if (e->port >= 0)
			vbuf_appendf(&line, ":c%ld:e", e->port);
		vbuf_puts(&line, " -> ");
		node_id(&line, &pic->nodes[e->to]);
		if (e->label != NULL) {
			vbuf_puts(&line, " [label=\"");
			dot_str(&line, e->label);
			vbuf_puts(&line, "\"]");
		} else
			vbuf_puts(&line, " [style=dashed, arrowhead=open]");
		vbuf_puts(&line, ";\n");
		lines[i] = vbuf_steal(&line);
	}
	qsort(lines, pic->ne, sizeof(*lines), cmp_lines);
	for (i = 0; i < pic->ne; i++) {
		vbuf_puts(out, lines[i]);
		free(lines[i]);
	}
	free(lines);
	vbuf_puts(out, "}\n");
}

/* Closes the descriptors of the pipes that are open. */
static void
close_fds(int *fds, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (fds[i] != -1) {
			close(fds[i]);
			fds[i] = -1;
		}
}

int
picture_render(const char *dot, size_t len, const char *format,
    struct vbuf *out, struct vf_error *err)
{
	posix_spawn_file_actions_t	 fa;
	struct pollfd			 pf[3];
	struct vbuf			 msg;
	const char			*prog;
	char				 tflag[32], buf[65536], *argv[4];
	char				 progbuf[4096];
	int				 in[2] = { -1, -1 }, o[2] = { -1, -1 };
	int				 e[2] = { -1, -1 }, status, rc = -1;
	size_t				 off = 0;
	ssize_t				 r;
	pid_t				 pid;
	void				(*oldpipe)(int);

	if ((prog = getenv("VERIFIER_DOT")) == NULL || *prog == '\0')
		prog = "dot";
	snprintf(tflag, sizeof(tflag), "-T%s", format);
	snprintf(progbuf, sizeof(progbuf), "%s", prog);
	argv[0] = progbuf;
	argv[1] = tflag;
	argv[2] = NULL;
	vbuf_init(&msg);
	if (pipe2(in, O_CLOEXEC) == -1 || pipe2(o, O_CLOEXEC) == -1 ||
	    pipe2(e, O_CLOEXEC) == -1) {
		vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0, "pipe: %s",
		    strerror(errno));
		goto done;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in[0], 0);
	posix_spawn_file_actions_adddup2(&fa, o[1], 1);
	posix_spawn_file_actions_adddup2(&fa, e[1], 2);
	status = posix_spawnp(&pid, prog, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(in[0]);
	close(o[1]);
	close(e[1]);
	in[0] = o[1] = e[1] = -1;
	if (status != 0) {
		vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0, "cannot run "
		    "Graphviz's %s (Debian package graphviz): %s", prog,
		    strerror(status));
		goto done;
	}
	/* Write and read at once: dot may answer before it has read all. */
	oldpipe = signal(SIGPIPE, SIG_IGN);
	while (o[0] != -1 || e[0] != -1) {
		pf[0].fd = in[1];
		pf[0].events = POLLOUT;
		pf[1].fd = o[0];
		pf[1].events = POLLIN;
		pf[2].fd = e[0];
		pf[2].events = POLLIN;
		if (poll(pf, 3, -1) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (in[1] != -1 && pf[0].revents != 0) {
			r = write(in[1], dot + off, len - off);
			if (r > 0)
				off += (size_t)r;
			if (r < 0 || off == len)
				close_fds(&in[1], 1);
		}
		if (o[0] != -1 && pf[1].revents != 0) {
			if ((r = read(o[0], buf, sizeof(buf))) > 0)
				vbuf_append(out, buf, (size_t)r);
			else
				close_fds(&o[0], 1);
		}
		if (e[0] != -1 && pf[2].revents != 0) {
			if ((r = read(e[0], buf, sizeof(buf))) > 0)
				vbuf_append(&msg, buf, (size_t)r);
			else
				close_fds(&e[0], 1);
		}
	}
	signal(SIGPIPE, oldpipe);
	close_fds(&in[1], 1);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		while (msg.len > 0 && msg.data[msg.len - 1] == '\n')
			msg.data[--msg.len] = '\0';
		vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0, "%s -T%s failed: "
		    "%s", prog, format, msg.len > 0 ? msg.data :
		    "no message");
		goto done;
	}
	rc = 0;
done:
	close_fds(in, 2);
	close_fds(o, 2);
	close_fds(e, 2);
	vbuf_free(&msg);
	return (rc);
}

void
picture_stamp(const char *svg, const char *dot, size_t dotlen,
    struct vbuf *out)
{
	const char	*p = svg;
	char		 hex[65];

	vf_sha256_hex(dot, dotlen, hex);
	/* After the XML declaration, which must come first. */
	if (strncmp(svg, "<?xml", 5) == 0 && (p = strchr(svg, '\n')) != NULL)
		p++;
	else
		p = svg;
	vbuf_append(out, svg, (size_t)(p - svg));
	vbuf_appendf(out, "%s%s -->\n", PICTURE_STAMP, hex);
	vbuf_puts(out, p);
}

int
picture_stamp_read(const char *svg, char hex[65])
{
	const char	*p;
	size_t		 i;

	if ((p = strstr(svg, PICTURE_STAMP)) == NULL)
		return (0);
	p += strlen(PICTURE_STAMP);
	for (i = 0; i < 64; i++) {
		if (!((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' &&
		    p[i] <= 'f')))
			return (0);
		hex[i] = p[i];
	}
	hex[64] = '\0';
	return (1);
}
