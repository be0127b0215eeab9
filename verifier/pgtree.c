/*
 * pgtree.c: libpg_query's parser and scanner through their protobuf
 * results, unpacked with protobuf-c (whose runtime libpg_query carries),
 * a generic walk over the unpacked messages by their descriptors, the
 * keyword kinds of the linked grammar, and the one walker that answers
 * "which other schemas does this SQL touch".
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pgtree.h"

int
pgtree_char_pos(const char *s, size_t off)
{
	return (1 + (int)vf_utf8_len(s, off));
}

/*
 * The message of one of libpg_query's results: its error e, else its
 * protobuf pb unpacked as d (what: what it holds, for the error).
 * Returns the message, or NULL with err set.
 */
static void *
raw_unpack(const PgQueryError *e, PgQueryProtobuf pb,
    const ProtobufCMessageDescriptor *d, const char *what,
    struct vf_error *err)
{
	ProtobufCMessage	*msg;

	if (e != NULL) {
		vf_error_set(err, VF_EXIT_USAGE, NULL, 0,
		    e->cursorpos > 0 ? e->cursorpos : 0, "%s", e->message);
		return (NULL);
	}
	msg = protobuf_c_message_unpack(d, NULL, pb.len,
	    (const uint8_t *)pb.data);
	if (msg == NULL)
		vf_error_set(err, VF_EXIT_USAGE, NULL, 0, 0,
		    "cannot read the %s", what);
	return (msg);
}

int
pgtree_parse(const char *sql, struct pgtree *t, struct vf_error *err)
{
	memset(t, 0, sizeof(*t));
	t->raw = pg_query_parse_protobuf(sql);
	t->tree = raw_unpack(t->raw.error, t->raw.parse_tree,
	    &pg_query__parse_result__descriptor, "parse tree", err);
	if (t->tree == NULL) {
		pg_query_free_protobuf_parse_result(t->raw);
		memset(t, 0, sizeof(*t));
		return (-1);
	}
	return (0);
}

void
pgtree_free(struct pgtree *t)
{
	if (t->tree != NULL) {
		pg_query__parse_result__free_unpacked(t->tree, NULL);
		pg_query_free_protobuf_parse_result(t->raw);
	}
	memset(t, 0, sizeof(*t));
}

int
pgtree_scan(const char *sql, struct pgtree_scan *s, struct vf_error *err)
{
	memset(s, 0, sizeof(*s));
	s->raw = pg_query_scan(sql);
	s->scan = raw_unpack(s->raw.error, s->raw.pbuf,
	    &pg_query__scan_result__descriptor, "scanner's tokens", err);
	if (s->scan == NULL) {
		pg_query_free_scan_result(s->raw);
		memset(s, 0, sizeof(*s));
		return (-1);
	}
	return (0);
}

void
pgtree_scan_free(struct pgtree_scan *s)
{
	if (s->scan != NULL) {
		pg_query__scan_result__free_unpacked(s->scan, NULL);
		pg_query_free_scan_result(s->raw);
	}
	memset(s, 0, sizeof(*s));
}

/* ------------------------------------------------------------------ */
/* Keywords of the linked grammar, cached.                             */

#define KW_SLOTS	4096		/* a power of two */
#define KW_WORD_MAX	63

static struct {
	char	word[KW_WORD_MAX + 1];	/* "" when the slot is free */
	int	kind;
} kw_cache[KW_SLOTS];
static size_t		kw_used;
static pthread_mutex_t	kw_lock = PTHREAD_MUTEX_INITIALIZER;

static uint32_t
kw_hash(const char *s)
{
	uint32_t	h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return (h);
}

static int
kw_scan(const char *word)
{
	struct pgtree_scan	 s;
	const PgQuery__ScanToken *tok;
	int			 kind = PG_QUERY__KEYWORD_KIND__NO_KEYWORD;

	if (pgtree_scan(word, &s, NULL) == -1)
		return (kind);
	if (s.scan->n_tokens == 1) {
		tok = s.scan->tokens[0];
		if (tok->start == 0 && (size_t)tok->end == strlen(word))
			kind = (int)tok->keyword_kind;
	}
	pgtree_scan_free(&s);
	return (kind);
}

int
pgtree_keyword_kind(const char *word)
{
	size_t	len = strlen(word);
	size_t	h;
	int	kind;

	if (len == 0 || len > KW_WORD_MAX)
		return (kw_scan(word));
	pthread_mutex_lock(&kw_lock);
	for (h = kw_hash(word) & (KW_SLOTS - 1); kw_cache[h].word[0] != '\0';
	    h = (h + 1) & (KW_SLOTS - 1))
		if (strcmp(kw_cache[h].word, word) == 0) {
			kind = kw_cache[h].kind;
			pthread_mutex_unlock(&kw_lock);
			return (kind);
		}
	pthread_mutex_unlock(&kw_lock);
	/* Scanned unlocked: two threads may both scan a word, harmlessly. */
	kind = kw_scan(word);
	pthread_mutex_lock(&kw_lock);
	/* Kept three quarters full at most, so that misses stay short. */
	if (kw_used < KW_SLOTS / 4 * 3) {
		for (h = kw_hash(word) & (KW_SLOTS - 1);
		    kw_cache[h].word[0] != '\0' &&
		    strcmp(kw_cache[h].word, word) != 0;
		    h = (h + 1) & (KW_SLOTS - 1))
			;
		if (kw_cache[h].word[0] == '\0') {
			memcpy(kw_cache[h].word, word, len + 1);
			kw_cache[h].kind = kind;
			kw_used++;
		}
	}
	pthread_mutex_unlock(&kw_lock);
	return (kind);
}

/* ------------------------------------------------------------------ */
/* Generic access to messages by their descriptors.                    */

#define FIELD(m, f, type)	\
	((type)(const void *)((const char *)(m) + (f)->offset))

/* Whether field f of m is set, for a field of a oneof. */
static int
oneof_ok(const ProtobufCMessage *m, const ProtobufCFieldDescriptor *f)
{
	if (!(f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF))
		return (1);
	return (*(const uint32_t *)(const void *)((const char *)m +
	    f->quantifier_offset) == f->id);
}

/* The n children of message field f of m (n = 0 or 1 when not repeated). */
static ProtobufCMessage *const *
children(const ProtobufCMessage *m, const ProtobufCFieldDescriptor *f,
    size_t *n)
{
	ProtobufCMessage *const	*one;

	*n = 0;
	if (f->type != PROTOBUF_C_TYPE_MESSAGE || !oneof_ok(m, f))
		return (NULL);
	if (f->label == PROTOBUF_C_LABEL_REPEATED) {
		*n = *(const size_t *)(const void *)((const char *)m +
		    f->quantifier_offset);
		return (*FIELD(m, f, ProtobufCMessage *const *const *));
	}
	one = FIELD(m, f, ProtobufCMessage *const *);
	*n = *one != NULL;
	return (one);
}

static void
walk(const ProtobufCMessage *m,
    void (*fn)(const PgQuery__Node *, void *), void *arg)
{
	const ProtobufCMessageDescriptor *d = m->descriptor;
	ProtobufCMessage *const	*kids;
	size_t			 i, j, n;

	for (i = 0; i < d->n_fields; i++) {
		kids = children(m, &d->fields[i], &n);
		for (j = 0; j < n; j++) {
			if (kids[j]->descriptor == &pg_query__node__descriptor)
				fn((const PgQuery__Node *)kids[j], arg);
			walk(kids[j], fn, arg);
		}
	}
}

void
pgtree_walk(const ProtobufCMessage *msg,
    void (*fn)(const PgQuery__Node *, void *), void *arg)
{
	if (msg != NULL)
		walk(msg, fn, arg);
}

int
pgtree_only_fields(const ProtobufCMessage *m, const char *const *keep)
{
	const ProtobufCMessageDescriptor *d = m->descriptor;
	const ProtobufCFieldDescriptor	 *f;
	size_t				  i, k;
	int				  kept;

	for (i = 0; i < d->n_fields; i++) {
		f = &d->fields[i];
		for (k = 0, kept = 0; keep[k] != NULL; k++)
			if (strcmp(keep[k], f->name) == 0)
				kept = 1;
		if (kept)
			continue;
		if (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
			if (oneof_ok(m, f))
				return (0);
			continue;
		}
		if (f->label == PROTOBUF_C_LABEL_REPEATED) {
			if (*(const size_t *)(const void *)((const char *)m +
			    f->quantifier_offset) != 0)
				return (0);
			continue;
		}
		switch (f->type) {
		case PROTOBUF_C_TYPE_MESSAGE:
			if (*FIELD(m, f, const void *const *) != NULL)
				return (0);
			break;
		case PROTOBUF_C_TYPE_STRING:
			if (*FIELD(m, f, const char *const *) != NULL &&
			    **FIELD(m, f, const char *const *) != '\0')
				return (0);
			break;
		case PROTOBUF_C_TYPE_BYTES:
			if (FIELD(m, f, const ProtobufCBinaryData *)->len != 0)
				return (0);
			break;
		case PROTOBUF_C_TYPE_INT64:
		case PROTOBUF_C_TYPE_SINT64:
		case PROTOBUF_C_TYPE_SFIXED64:
		case PROTOBUF_C_TYPE_UINT64:
		case PROTOBUF_C_TYPE_FIXED64:
		case PROTOBUF_C_TYPE_DOUBLE:
			if (*FIELD(m, f, const uint64_t *) != 0)
				return (0);
			break;
		default:	/* 32-bit numbers, enums, booleans */
			if (*FIELD(m, f, const uint32_t *) != 0)
				return (0);
			break;
		}
	}
	return (1);
}

/* The value of the int32/enum field name of m, or dflt when it has none. */
static int
int_field(const ProtobufCMessage *m, const char *name, int dflt)
{
	const ProtobufCFieldDescriptor	*f;

	f = protobuf_c_message_descriptor_get_field_by_name(m->descriptor,
	    name);
	if (f == NULL || f->label == PROTOBUF_C_LABEL_REPEATED ||
	    (f->type != PROTOBUF_C_TYPE_INT32 &&
	    f->type != PROTOBUF_C_TYPE_ENUM))
		return (dflt);
	return (*FIELD(m, f, const int32_t *));
}

/* ------------------------------------------------------------------ */
/* Other schemas.                                                      */

/* Lists whose first of two or more names is a schema. */
static const char *const qualified_lists[] = {
	"names", "funcname", "name", "type_name", "opname", "collname",
	"defnames", "opclass", "items", "objname", NULL
};

/* How a message was reached: its parent and the parent's field. */
struct frame {
	const ProtobufCMessage	*m;
	const char		*field;		/* in up->m, NULL at the top */
	const struct frame	*up;
};

struct refs_walk {
	const char		*schema;
	int			 flags;
	int			 search_path;	/* in SET search_path's args */
	struct pgtree_refs	*refs;
};

static void
add_ref(struct refs_walk *w, const char *s, int loc)
{
	struct pgtree_refs	*r = w->refs;

	if (s == NULL || *s == '\0' || strcmp(s, w->schema) == 0 ||
	    strcmp(s, "pg_catalog") == 0 ||
	    ((w->flags & PGTREE_REFS_INFO_SCHEMA) &&
	    strcmp(s, "information_schema") == 0) ||
	    ((w->flags & PGTREE_REFS_EXTENSIONS) &&
	    strcmp(s, VF_EXTENSIONS_SCHEMA) == 0))
		return;
	r->v = xrealloc(r->v, (r->n + 1) * sizeof(*r->v));
	r->v[r->n].schema = xstrdup(s);
	r->v[r->n].location = loc;
	r->n++;
}

/* The sval of a String node, or NULL. */
static const char *
node_string(const ProtobufCMessage *m)
{
	const PgQuery__Node	*n = (const PgQuery__Node *)m;

	if (m == NULL || m->descriptor != &pg_query__node__descriptor ||
	    n->node_case != PG_QUERY__NODE__NODE_STRING || n->string == NULL)
		return (NULL);
	return (n->string->sval);
}

static int
is_listed(const char *name, const char *const *list)
{
	size_t	i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(list[i], name) == 0)
			return (1);
	return (0);
}

/*
 * COMMENT ON COLUMN t.c: the List under CommentStmt.object whose first
 * name is a table, not a schema, when it has only two parts.
 */
static int
column_of_comment(const struct frame *fr, size_t n)
{
	const struct frame	*node = fr->up;

	if (n >= 3 || node == NULL || node->up == NULL ||
	    node->field == NULL || strcmp(node->field, "object") != 0 ||
	    node->up->m->descriptor != &pg_query__comment_stmt__descriptor)
		return (0);
	return (((const PgQuery__CommentStmt *)node->up->m)->objtype ==
	    PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN);
}

static void
walk_refs(struct refs_walk *w, const struct frame *fr, int loc)
{
	const ProtobufCMessage		*m = fr->m;
	const ProtobufCMessageDescriptor *d = m->descriptor;
	const ProtobufCFieldDescriptor	*f;
	ProtobufCMessage *const		*kids;
	struct frame			 kid;
	const char			*s;
	size_t				 i, j, n;
	int				 l, sp, schema_objects;

	if ((l = int_field(m, "location", -1)) >= 0)
		loc = l;
	if (w->search_path && d == &pg_query__string__descriptor)
		add_ref(w, ((const PgQuery__String *)m)->sval, loc);
	sp = d == &pg_query__variable_set_stmt__descriptor &&
	    strcmp(((const PgQuery__VariableSetStmt *)m)->name,
	    "search_path") == 0;
	schema_objects = int_field(m, "remove_type", 0) ==
	    PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA ||
	    int_field(m, "objtype", 0) == PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA;
	for (i = 0; i < d->n_fields; i++) {
		f = &d->fields[i];
		if (f->type == PROTOBUF_C_TYPE_STRING &&
		    f->label != PROTOBUF_C_LABEL_REPEATED &&
		    (strcmp(f->name, "schemaname") == 0 ||
		    strcmp(f->name, "newschema") == 0)) {
			add_ref(w, *FIELD(m, f, const char *const *), loc);
			continue;
		}
		if ((kids = children(m, f, &n)) == NULL)
			continue;
		if (f->label == PROTOBUF_C_LABEL_REPEATED && n >= 2 &&
		    is_listed(f->name, qualified_lists) &&
		    (s = node_string(kids[0])) != NULL &&
		    node_string(kids[1]) != NULL &&
		    !(strcmp(f->name, "items") == 0 &&
		    column_of_comment(fr, n)))
			add_ref(w, s, loc);
		if (schema_objects && strcmp(f->name, "objects") == 0)
			for (j = 0; j < n; j++)
				add_ref(w, node_string(kids[j]), loc);
		kid.field = f->name;
		kid.up = fr;
		if (sp && strcmp(f->name, "args") == 0)
			w->search_path++;
		for (j = 0; j < n; j++) {
			kid.m = kids[j];
			walk_refs(w, &kid, loc);
		}
		if (sp && strcmp(f->name, "args") == 0)
			w->search_path--;
	}
}

static int
ref_cmp(const void *a, const void *b)
{
	return (strcmp(((const struct pgtree_ref *)a)->schema,
	    ((const struct pgtree_ref *)b)->schema));
}

/* Each name once, at its first location, then sorted. */
static void
distinct(struct pgtree_refs *r)
{
	size_t	i, j, n = 0;

	for (i = 0; i < r->n; i++) {
		for (j = 0; j < n; j++)
			if (strcmp(r->v[j].schema, r->v[i].schema) == 0)
				break;
		if (j < n) {
			free(r->v[i].schema);
			continue;
		}
		r->v[n++] = r->v[i];
	}
	r->n = n;
	if (n > 1)
		qsort(r->v, r->n, sizeof(*r->v), ref_cmp);
}

void
pgtree_node_foreign_schemas(const PgQuery__Node *node, const char *schema,
    int flags, struct pgtree_refs *refs)
{
	struct refs_walk	w;
	struct frame		top;

	memset(&w, 0, sizeof(w));
	w.schema = schema;
	w.flags = flags;
	w.refs = refs;
	if (node != NULL) {
		top.m = &node->base;
		top.field = NULL;
		top.up = NULL;
		walk_refs(&w, &top, -1);
	}
	if (flags & PGTREE_REFS_DISTINCT)
		distinct(refs);
}

int
pgtree_foreign_schemas(const char *sql, const char *schema, int flags,
    struct pgtree_refs *refs, struct vf_error *err)
{
	struct pgtree	t;
	size_t		i;

	memset(refs, 0, sizeof(*refs));
	if (pgtree_parse(sql, &t, err) == -1)
		return (-1);
	for (i = 0; i < t.tree->n_stmts; i++)
		if (t.tree->stmts[i]->stmt != NULL) {
			pgtree_node_foreign_schemas(t.tree->stmts[i]->stmt,
			    schema, flags & ~PGTREE_REFS_DISTINCT, refs);
			pgtree_function_refs(sql, t.tree->stmts[i], schema,
			    flags, refs);
		}
	if (flags & PGTREE_REFS_DISTINCT)
		distinct(refs);
	pgtree_free(&t);
	return (0);
}

void
pgtree_refs_free(struct pgtree_refs *refs)
{
	size_t	i;

	for (i = 0; i < refs->n; i++)
		free(refs->v[i].schema);
	free(refs->v);
	memset(refs, 0, sizeof(*refs));
}
