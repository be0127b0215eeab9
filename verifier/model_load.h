/*
 * model_load.h: the loader's state and its YAML value readers, shared by
 * model_load.c (the file, the checks across objects) and model_objects.c
 * (one reader per object kind).  Internal to the model modules.  Every
 * reader returns 0, or -1 with ld->err set at the node (code
 * VF_EXIT_USAGE); "what" names the value in messages.
 */
#ifndef VERIFIER_MODEL_LOAD_H
#define VERIFIER_MODEL_LOAD_H

#include <yaml.h>

#include "model.h"
#include "model_expr.h"

/* A foreign key whose referenced table is checked once all are loaded. */
struct pending_fk {
	size_t		 table;		/* index in m->tables */
	size_t		 con;		/* index in its constraints */
	yaml_node_t	*ref_table;	/* the references.table scalar */
	yaml_node_t	*ref_columns;	/* references.columns, or NULL */
	yaml_node_t	*node;		/* the foreign key mapping */
};

struct loader {
	const char		*path;
	const char		*text;		/* the file, len bytes */
	size_t			 len;
	yaml_document_t		*doc;
	struct model		*m;
	struct vf_error		*err;
	struct pending_fk	*fks;
	size_t			 nfks;
	/*
	 * Expressions already checked and found good, an open-addressing set
	 * of copies (nslots a power of two, or 0): a model repeats its
	 * defaults (now(), false, 0), and an expression's check depends only
	 * on its text and the schema.
	 */
	char			**good;
	size_t			  ngood, nslots;
};

/* Sets the error at node n (NULL: no position); returns -1. */
int	ld_at(struct loader *ld, const yaml_node_t *n, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/* The node of index idx in the document. */
yaml_node_t	*ld_node(struct loader *ld, int idx);

/* "a mapping", "a sequence", "a scalar" or "nothing", for messages. */
const char	*ld_kind(const yaml_node_t *n);

/* What t is, for messages: "table", or what it stands in for
   ("materialized view", "partition"). */
const char	*ld_rel_kind(const struct model_table *t);

/* Checks that n is a node of type (a scalar: a non-empty one). */
int	ld_want(struct loader *ld, const yaml_node_t *n, yaml_node_type_t type,
	    const char *what);

/* The text of scalar n. */
const char	*ld_scalar(const yaml_node_t *n);

/* A string / a name (at most MODEL_NAME_MAX bytes): a new string. */
int	ld_str(struct loader *ld, yaml_node_t *n, const char *what,
	    char **out);
int	ld_name(struct loader *ld, yaml_node_t *n, const char *what,
	    char **out);

/* true or false. */
int	ld_bool(struct loader *ld, yaml_node_t *n, const char *what, int *out);

/* One of words (NULL-terminated); *out gets its index. */
int	ld_word(struct loader *ld, yaml_node_t *n, const char *what,
	    const char *const *words, int *out);

/* Mapping map has only keys of allowed (NULL-terminated), each once. */
int	ld_check_keys(struct loader *ld, yaml_node_t *map, const char *what,
	    const char *const *allowed);

/* The value of key in mapping map, or NULL. */
yaml_node_t	*ld_map_get(struct loader *ld, yaml_node_t *map,
		    const char *key);

/*
 * The keys of a name -> value mapping are distinct names ("duplicate
 * <what> ...<in>" otherwise).
 */
int	ld_check_names(struct loader *ld, yaml_node_t *map, const char *what,
	    const char *in);

/*
 * The error of expression expr read from scalar n, at its 1-based
 * character position pos when the scalar is written on one line as it
 * reads, else at the scalar.  Returns -1.
 */
int	ld_expr_error(struct loader *ld, yaml_node_t *n, const char *expr,
	    int pos, const char *fmt, ...) __attribute__((format(printf, 5,
	    6)));

/*
 * An expression (model_expr_parse()) that names no schema but the
 * model's own and pg_catalog: *out a new string; when e is not NULL it
 * holds the parse (the caller releases it with model_expr_free()).  With
 * e NULL a text already found good is not parsed again.
 */
int	ld_expr(struct loader *ld, yaml_node_t *n, const char *what,
	    char **out, struct model_expr *e);

/* A sequence of at least one distinct column of t: a new string array. */
int	ld_columns(struct loader *ld, yaml_node_t *seq,
	    const struct model_table *t, const char *what, char ***out,
	    size_t *n);

/* The readers of model_objects.c: the enums mapping, one table. */
int	ld_enums(struct loader *ld, yaml_node_t *map);

/* model_storage.c: storage parameters (`with:`) of what (a table or an
   index), appended to *out (*nout of them). */
int	ld_with(struct loader *ld, yaml_node_t *map, const char *what,
	    struct model_param **out, size_t *nout);
int	ld_table(struct loader *ld, yaml_node_t *k, yaml_node_t *v);
/* The indexes: list of table t (a materialized view's stand-in too). */
int	ld_indexes(struct loader *ld, struct model_table *t, yaml_node_t *seq);
int	ld_sequences(struct loader *ld, yaml_node_t *map);
/* model_view.c: the views mapping (materialized: the
   materialized_views one), read after tables and sequences. */
int	ld_views(struct loader *ld, yaml_node_t *map, int materialized);
/* model_view.c: the views written back as YAML, ns every name of m. */
struct model_names;
void	model_write_views(const struct model *m, const struct model_names *ns,
	    struct vbuf *out);
/* model_yaml.c: the `with:` of storage parameters at indent; one entry of
   an `indexes:` list of table t (its "- " at indent: 6 under a table),
   named only when its name is not the one it would get (ns: every name of
   the model). */
void	model_yaml_with(struct vbuf *out, int indent,
	    const struct model_param *p, size_t n);
void	model_yaml_index(const struct model_names *ns,
	    const struct model_table *t, const struct model_index *ix,
	    int indent, struct vbuf *out);
/*
 * model_view.c: the error at byte offset off (-1: unknown) of text q (a
 * query, a body) read from scalar n: at its line and column in the file
 * when the scalar is a block scalar (each line of q is a line of the
 * file, after its indentation) or one line as it reads, else at the
 * scalar.  Returns -1.  And "key: |" with text as a literal block scalar
 * at indent when it reads back the same (exact: with its last newline or
 * its lack of one, "|-"; else but for that), else as yaml_kv() writes it.
 */
/* model_view.c: the byte offset of 1-based character position pos in s
   (UTF-8). */
int	ld_char_off(const char *s, int pos);
int	ld_text_error(struct loader *ld, yaml_node_t *n, const char *q, int off,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void	yaml_block(struct vbuf *out, int indent, const char *key,
	    const char *text, int exact);
/* model_view.c: the first reference of the statements of t (parsed from
   q, read from n) to a schema other than the model's, as "<label> of
   <what> refers to schema ..." at its place; 0 when none. */
struct pgtree;
int	ld_schema_refs(struct loader *ld, yaml_node_t *n, const char *q,
	    const struct pgtree *t, const char *label, const char *what);
/* model_function.c: the functions list, read after the views. */
int	ld_functions(struct loader *ld, yaml_node_t *seq);
/* model_trigger.c: the triggers (a sequence) of table t, or of view tbl
   when t is NULL, appended to ld->m->triggers. */
int	ld_triggers(struct loader *ld, const char *tbl,
	    const struct model_table *t, yaml_node_t *seq);
/* model_trigger.c: every trigger calls a function of the model (or of
   pg_catalog) that takes no arguments and returns trigger; once the
   functions are read. */
int	ld_trigger_functions(struct loader *ld);
/* model_yaml.c: a scalar as YAML needs it; "key: value\n" at indent. */
void	yaml_scalar(struct vbuf *out, const char *s, int flow);
void	yaml_kv(struct vbuf *out, int indent, const char *key,
	    const char *value);

/*
 * model_domain.c: the domains and composite_types mappings (either may
 * be NULL), read after the enums and before the tables that use them.
 */
int	ld_user_types(struct loader *ld, yaml_node_t *domains,
	    yaml_node_t *comps);

/* No domain or composite type has the name of a table or sequence. */
int	ld_user_types_names(struct loader *ld);

/*
 * model_partition.c: the partition_by and partitions keys of table t
 * (mapping v), partitions appended to the model's flat list.
 */
int	ld_partitioning(struct loader *ld, struct model_table *t,
	    yaml_node_t *v);

/* model_ext.c: `extensions:`, a list of names, into ld->m. */
int	ld_extensions(struct loader *ld, yaml_node_t *seq);

/*
 * model_ext.c: the column type elem when it comes from an extension of the
 * model: "extensions.name" as written, or the bare name of a type of a
 * known extension the model lists ("citext").  Returns 1 with *norm set
 * (a new string, "extensions.citext"), 0 when elem is no extension's
 * type, -1 with msg set when it is one of an extension the model does not
 * list.
 */
int	model_ext_type(const struct model *m, const char *elem, char **norm,
	    char *msg, size_t msglen);

/*
 * model_policy.c: row_level_security, force_row_level_security and
 * policies of table t (mapping v).
 */
int	ld_policies(struct loader *ld, struct model_table *t, yaml_node_t *v);

/*
 * model_grant.c: the grants in seq (a sequence) of the object described
 * by what, on `on`; t is the table whose columns a grant may name (NULL
 * but for tables).  Appended to *out / *nout.
 */
int	ld_grants(struct loader *ld, yaml_node_t *seq, enum model_grant_on on,
	    const char *what, const struct model_table *t,
	    struct model_grant **out, size_t *nout);

/* model_yaml.c, for the writers of other files: a scalar quoted only when
   YAML needs it; "key: [a, b]" at indent (a block list when needed). */
void	model_yaml_scalar(struct vbuf *out, const char *s);
void	model_yaml_list(struct vbuf *out, int indent, const char *key,
	    char *const *names, size_t n);

#endif
