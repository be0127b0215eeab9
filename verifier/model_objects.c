/*
 * model_objects.c: one reader per object kind of a model file (enums,
 * columns with their shorthands, primary key, unique constraints,
 * foreign keys, checks, indexes, tables), on the value readers of
 * model_load.h.  A new kind adds its reader here.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_constraint.h"
#include "model_types.h"

static struct model_constraint *
add_constraint(struct model_table *t, enum model_con_kind kind,
    const yaml_node_t *n)
{
	struct model_constraint	*c;

	t->constraints = xrealloc(t->constraints,
	    (t->nconstraints + 1) * sizeof(*t->constraints));
	c = &t->constraints[t->nconstraints++];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->line = (int)n->start_mark.line + 1;
	c->col = (int)n->start_mark.column + 1;
	return (c);
}

static const char *const enum_keys[] = { "values", "comment", "grants",
	NULL };

int
ld_enums(struct loader *ld, yaml_node_t *map)
{
	struct model		*m = ld->m;
	struct model_enum	*e;
	yaml_node_pair_t	*p;
	yaml_node_item_t	*it, *it2;
	yaml_node_t		*k, *v, *n, *lab, *lab2, *g;
	char			 what[128];

	if (ld_want(ld, map, YAML_MAPPING_NODE, "enums") == -1 ||
	    ld_check_names(ld, map, "enum", "") == -1)
		return (-1);
	for (p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		k = ld_node(ld, p->key);
		v = ld_node(ld, p->value);
		m->enums = xrealloc(m->enums, (m->nenums + 1) *
		    sizeof(*m->enums));
		e = &m->enums[m->nenums++];
		memset(e, 0, sizeof(*e));
		e->name = xstrdup(ld_scalar(k));
		e->line = (int)k->start_mark.line + 1;
		e->col = (int)k->start_mark.column + 1;
		snprintf(what, sizeof(what), "enum \"%s\"", e->name);
		/* [labels], or {values: [labels], comment: ..., grants: [...]}. */
		g = NULL;
		if (v->type == YAML_MAPPING_NODE) {
			if (ld_check_keys(ld, v, what, enum_keys) == -1)
				return (-1);
			if ((n = ld_map_get(ld, v, "comment")) != NULL &&
			    ld_str(ld, n, "comment", &e->comment) == -1)
				return (-1);
			g = ld_map_get(ld, v, "grants");
			if ((n = ld_map_get(ld, v, "values")) == NULL)
				return (ld_at(ld, v, "missing key \"values\" "
				    "in %s", what));
			v = n;
		}
		if (ld_want(ld, v, YAML_SEQUENCE_NODE, what) == -1)
			return (-1);
		if (v->data.sequence.items.start == v->data.sequence.items.top)
			return (ld_at(ld, v,
			    "expected at least one label for %s",
			    what));
		for (it = v->data.sequence.items.start;
		    it < v->data.sequence.items.top; it++) {
			lab = ld_node(ld, *it);
			e->values = xrealloc(e->values, (e->nvalues + 1) *
			    sizeof(*e->values));
			if (ld_name(ld, lab, "enum label",
			    &e->values[e->nvalues]) == -1)
				return (-1);
			e->nvalues++;
			for (it2 = v->data.sequence.items.start; it2 < it;
			    it2++) {
				lab2 = ld_node(ld, *it2);
				if (strcmp(ld_scalar(lab2),
				    ld_scalar(lab)) == 0)
					return (ld_at(ld, lab,
					    "duplicate label "
					    "\"%s\" in %s", ld_scalar(lab),
					    what));
			}
		}
		if (g != NULL && ld_grants(ld, g, MODEL_GRANT_TYPE, what, NULL,
		    &e->grants, &e->ngrants) == -1)
			return (-1);
	}
	return (0);
}

/* An integer value of a sequence option: a plain scalar of 64 bits. */
static int
load_int(struct loader *ld, yaml_node_t *n, const char *what,
    long long *out)
{
	const char	*s;
	size_t		 i;
	int		 neg;
	unsigned long long v = 0, lim;

	if (n->type != YAML_SCALAR_NODE)
		return (ld_at(ld, n, "expected an integer for %s, found %s",
		    what, ld_kind(n)));
	if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return (ld_at(ld, n, "expected an integer for %s, found a "
		    "quoted string", what));
	s = ld_scalar(n);
	neg = s[0] == '-';
	i = neg || s[0] == '+';
	lim = neg ? (unsigned long long)INT64_MAX + 1 : INT64_MAX;
	if (s[i] == '\0')
		goto bad;
	for (; s[i] != '\0'; i++) {
		if (s[i] < '0' || s[i] > '9')
			goto bad;
		if (v > (lim - (unsigned long long)(s[i] - '0')) / 10)
			return (ld_at(ld, n, "%s is out of range (a "
			    "sequence counts in 64 bits): %s", what, s));
		v = v * 10 + (unsigned long long)(s[i] - '0');
	}
	*out = neg ? (long long)(0 - v) : (long long)v;
	return (0);
bad:
	return (ld_at(ld, n, "expected an integer for %s, found \"%s\"", what,
	    s));
}

static const char *const seq_opt_keys[] = {
	"start", "increment", "min", "max", "cache", "cycle", NULL
};
static const char *const identity_keys[] = {
	"kind", "start", "increment", "min", "max", "cache", "cycle", NULL
};

/*
 * The options of a sequence (standalone or an identity's) in map, whose
 * keys are already checked; then checks them together as PostgreSQL would
 * for a sequence of type (smallint, integer or bigint).
 */
static int
load_seq_opts(struct loader *ld, yaml_node_t *map, const char *what,
    const char *type, struct model_seq_opts *o)
{
	long long	*vals[] = { &o->start, &o->increment, &o->min,
			    &o->max, &o->cache };
	long long	 tmin, tmax, min, max, start, incr;
	yaml_node_t	*n, *at = map;
	char		 w[400];
	size_t		 i;

	memset(o, 0, sizeof(*o));
	for (i = 0; i < 5; i++) {
		if ((n = ld_map_get(ld, map, seq_opt_keys[i])) == NULL)
			continue;
		snprintf(w, sizeof(w), "%s of %s", seq_opt_keys[i], what);
		if (load_int(ld, n, w, vals[i]) == -1)
			return (-1);
		o->have |= 1u << i;
		at = n;
	}
	if ((n = ld_map_get(ld, map, "cycle")) != NULL) {
		snprintf(w, sizeof(w), "cycle of %s", what);
		if (ld_bool(ld, n, w, &o->cycle) == -1)
			return (-1);
		o->have |= MODEL_SEQ_CYCLE;
	}
	tmax = strcmp(type, "smallint") == 0 ? 32767 :
	    strcmp(type, "integer") == 0 ? 2147483647 : INT64_MAX;
	tmin = -tmax - 1;
	incr = o->have & MODEL_SEQ_INCREMENT ? o->increment : 1;
	if (incr == 0)
		return (ld_at(ld, ld_map_get(ld, map, "increment"),
		    "increment of %s must not be zero", what));
	if ((o->have & MODEL_SEQ_CACHE) && o->cache < 1)
		return (ld_at(ld, ld_map_get(ld, map, "cache"),
		    "cache of %s must be at least 1", what));
	if ((o->have & MODEL_SEQ_MIN) && (o->min < tmin || o->min > tmax))
		return (ld_at(ld, ld_map_get(ld, map, "min"),
		    "min of %s is out of range for type %s", what, type));
	if ((o->have & MODEL_SEQ_MAX) && (o->max < tmin || o->max > tmax))
		return (ld_at(ld, ld_map_get(ld, map, "max"),
		    "max of %s is out of range for type %s", what, type));
	min = o->have & MODEL_SEQ_MIN ? o->min : incr > 0 ? 1 : tmin;
	max = o->have & MODEL_SEQ_MAX ? o->max : incr > 0 ? tmax : -1;
	if (min >= max)
		return (ld_at(ld, at, "min of %s must be less than its max "
		    "(%lld >= %lld)", what, min, max));
	start = o->have & MODEL_SEQ_START ? o->start : incr > 0 ? min : max;
	if (start < min || start > max)
		return (ld_at(ld, ld_map_get(ld, map, "start"),
		    "start of %s must be between its min and max "
		    "(%lld to %lld)", what, min, max));
	return (0);
}

/* The integer type an identity column's type names. */
static const char *
int_type(const char *type)
{
	if (strcmp(type, "smallint") == 0 || strcmp(type, "int2") == 0)
		return ("smallint");
	if (strcmp(type, "bigint") == 0 || strcmp(type, "int8") == 0)
		return ("bigint");
	return ("integer");
}

static const char *const column_keys[] = {
	"type", "nullable", "default", "identity", "generated", "primary_key",
	"unique", "comment", "renamed_from", "collation", "sequence_grants",
	NULL
};

static int
load_column(struct loader *ld, struct model_table *t, yaml_node_t *k,
    yaml_node_t *v, int *pk, int *uq)
{
	static const char *const identities[] = { "always", "by default",
	    NULL };
	struct model_column	*c;
	yaml_node_t		*n, *tn, *kn;
	struct model_expr	 def;
	char			 what[256], iwhat[300], msg[512], *elem = NULL;
	char			*suffix = NULL, *norm = NULL;
	const char		*label;
	int			 idx, integer = 0, rc = -1, ident, have_e = 0;
	size_t			 i;

	t->columns = xrealloc(t->columns, (t->ncolumns + 1) *
	    sizeof(*t->columns));
	c = &t->columns[t->ncolumns++];
	memset(c, 0, sizeof(*c));
	c->name = xstrdup(ld_scalar(k));
	c->enum_index = -1;
	c->line = (int)k->start_mark.line + 1;
	c->col = (int)k->start_mark.column + 1;
	*pk = *uq = 0;
	snprintf(what, sizeof(what), "column \"%s\" of table \"%s\"", c->name,
	    t->name);

	if (v->type == YAML_SCALAR_NODE)
		tn = v;
	else {
		if (v->type != YAML_MAPPING_NODE)
			return (ld_at(ld, v, "expected a mapping or a type for "
			    "%s, found %s", what, ld_kind(v)));
		if (ld_check_keys(ld, v, what, column_keys) == -1)
			return (-1);
		if ((tn = ld_map_get(ld, v, "type")) == NULL)
			return (ld_at(ld, v, "missing key \"type\" in %s",
			    what));
	}
	if (ld_want(ld, tn, YAML_SCALAR_NODE, "type") == -1)
		goto done;
	if (model_types_split_array(ld_scalar(tn), &elem, &suffix) == -1) {
		ld_at(ld, tn, "unknown type \"%s\" for %s", ld_scalar(tn),
		    what);
		goto done;
	}
	for (i = 0; i < ld->m->nenums; i++)
		if (strcmp(ld->m->enums[i].name, elem) == 0)
			c->enum_index = (int)i;
	if (c->enum_index < 0 && (label = model_types_serial(elem)) != NULL) {
		if (suffix[0] != '\0') {
			ld_at(ld, tn, "type \"%s\" of %s cannot be an array "
			    "(serial is a default plus a sequence)",
			    ld_scalar(tn), what);
			goto done;
		}
		c->type = xstrdup(label);
	} else if (c->enum_index >= 0 || (model_user_type(ld->m, elem,
	    &i) != NULL && i == strlen(elem))) {
		c->type = xmalloc(strlen(elem) + strlen(suffix) + 1);
		strcpy(c->type, elem);
		strcat(c->type, suffix);
	} else if ((idx = model_ext_type(ld->m, elem, &norm, msg,
	    sizeof(msg))) != 0) {
		if (idx == -1) {
			ld_at(ld, tn, "%s: %s", what, msg);
			goto done;
		}
		c->type = xmalloc(strlen(norm) + strlen(suffix) + 1);
		strcpy(c->type, norm);
		strcat(c->type, suffix);
	} else {
		if (model_types_normalise(elem, &norm, &integer, msg,
		    sizeof(msg)) == -1) {
			ld_at(ld, tn, "%s for %s", msg, what);
			goto done;
		}
		c->type = xmalloc(strlen(norm) + strlen(suffix) + 1);
		strcpy(c->type, norm);
		strcat(c->type, suffix);
	}
	if (v->type == YAML_SCALAR_NODE) {
		rc = 0;
		goto done;
	}

	if ((n = ld_map_get(ld, v, "nullable")) != NULL &&
	    ld_bool(ld, n, "nullable", &c->nullable) == -1)
		goto done;
	if (model_serial_base(c->type) != NULL) {
		/* serial is NOT NULL with its own default and sequence. */
		static const char *const no_serial[] = { "nullable",
		    "identity", "generated", "default", NULL };
		static const char *const why[] = { "be nullable",
		    "be an identity", "be generated", "have a default" };

		for (i = 0; no_serial[i] != NULL; i++)
			if ((n = ld_map_get(ld, v, no_serial[i])) != NULL &&
			    (i > 0 || strcmp(ld_scalar(n), "false") != 0)) {
				ld_at(ld, n, "%s %s cannot %s (%s is a "
				    "default plus an owned sequence)", c->type,
				    what, why[i], c->type);
				goto done;
			}
	}
	if ((n = ld_map_get(ld, v, "identity")) != NULL) {
		/* identity: always, or {kind: always, start: 1000, ...}. */
		kn = n;
		if (n->type == YAML_MAPPING_NODE) {
			snprintf(iwhat, sizeof(iwhat), "identity of %s", what);
			if (ld_check_keys(ld, n, iwhat, identity_keys) == -1)
				goto done;
			if ((kn = ld_map_get(ld, n, "kind")) == NULL) {
				ld_at(ld, n, "missing key \"kind\" in %s",
				    iwhat);
				goto done;
			}
		}
		if (ld_word(ld, kn, "identity", identities, &ident) == -1)
			goto done;
		c->identity = ident == 0 ? MODEL_IDENTITY_ALWAYS :
		    MODEL_IDENTITY_BY_DEFAULT;
		if (!integer || suffix[0] != '\0') {
			ld_at(ld, n,
			    "identity %s needs type smallint, integer or "
			    "bigint, not \"%s\"", what, c->type);
			goto done;
		}
		if (c->nullable) {
			ld_at(ld, n, "identity %s cannot be nullable", what);
			goto done;
		}
		if (n->type == YAML_MAPPING_NODE && load_seq_opts(ld, n,
		    iwhat, int_type(c->type), &c->identity_opts) == -1)
			goto done;
	}
	if ((n = ld_map_get(ld, v, "generated")) != NULL) {
		if (c->identity != MODEL_IDENTITY_NONE) {
			ld_at(ld, n, "%s has both identity and generated",
			    what);
			goto done;
		}
		if (ld_expr(ld, n, "generated", &c->generated, NULL) == -1)
			goto done;
	}
	if ((n = ld_map_get(ld, v, "default")) != NULL) {
		if (c->identity != MODEL_IDENTITY_NONE || c->generated) {
			ld_at(ld, n, "%s has a default and is %s", what,
			    c->generated ? "generated" : "an identity");
			goto done;
		}
		/* Only an enum's default is looked into. */
		have_e = c->enum_index >= 0 && suffix[0] == '\0';
		if (ld_expr(ld, n, "default", &c->default_expr,
		    have_e ? &def : NULL) == -1) {
			have_e = 0;
			goto done;
		}
		if (have_e &&
		    (label = model_expr_literal_label(&def)) != NULL) {
			const struct model_enum *e =
			    &ld->m->enums[c->enum_index];

			for (idx = 0; idx < (int)e->nvalues; idx++)
				if (strcmp(e->values[idx], label) == 0)
					break;
			if (idx == (int)e->nvalues) {
				ld_at(ld, n,
				    "default '%s' of %s is not a label "
				    "of enum \"%s\"", label, what, e->name);
				goto done;
			}
		}
	}
	if ((n = ld_map_get(ld, v, "primary_key")) != NULL) {
		if (ld_bool(ld, n, "primary_key", pk) == -1)
			goto done;
		if (*pk && c->nullable) {
			ld_at(ld, n, "primary key %s cannot be nullable", what);
			goto done;
		}
	}
	if ((n = ld_map_get(ld, v, "unique")) != NULL &&
	    ld_bool(ld, n, "unique", uq) == -1)
		goto done;
	if ((n = ld_map_get(ld, v, "comment")) != NULL &&
	    ld_str(ld, n, "comment", &c->comment) == -1)
		goto done;
	if ((n = ld_map_get(ld, v, "renamed_from")) != NULL &&
	    ld_name(ld, n, "renamed_from", &c->renamed_from) == -1)
		goto done;
	if ((n = ld_map_get(ld, v, "collation")) != NULL) {
		if (c->enum_index >= 0 || integer ||
		    model_serial_base(c->type) != NULL) {
			ld_at(ld, n, "%s has type \"%s\", which has no "
			    "collation", what, c->type);
			goto done;
		}
		if (ld_name(ld, n, "collation", &c->collation) == -1)
			goto done;
	}
	if ((n = ld_map_get(ld, v, "sequence_grants")) != NULL) {
		if (c->identity == MODEL_IDENTITY_NONE &&
		    model_serial_base(c->type) == NULL) {
			ld_at(ld, n, "sequence_grants of %s, which has no "
			    "sequence (only serial and identity columns do)",
			    what);
			goto done;
		}
		if (ld_grants(ld, n, MODEL_GRANT_SEQUENCE, what, NULL,
		    &c->seq_grants, &c->nseq_grants) == -1)
			goto done;
	}
	rc = 0;
done:
	if (have_e)
		model_expr_free(&def);
	free(elem);
	free(suffix);
	free(norm);
	return (rc);
}

static const char *const replident_keys[] = { "index", NULL };

/*
 * replica_identity: default, full, nothing or {index: name}; the index is
 * checked once every name is known (model_check_replident()).
 */
static int
load_replident(struct loader *ld, struct model_table *t, yaml_node_t *n)
{
	yaml_node_t	*x;
	const char	*s;

	t->replident_line = (int)n->start_mark.line + 1;
	t->replident_col = (int)n->start_mark.column + 1;
	if (n->type == YAML_MAPPING_NODE) {
		if (ld_check_keys(ld, n, "replica_identity", replident_keys) ==
		    -1)
			return (-1);
		if ((x = ld_map_get(ld, n, "index")) == NULL)
			return (ld_at(ld, n, "missing key \"index\" in "
			    "replica_identity of table \"%s\"", t->name));
		if (ld_name(ld, x, "index", &t->replident_index) == -1)
			return (-1);
		t->replident = 'i';
		return (0);
	}
	s = n->type == YAML_SCALAR_NODE ? ld_scalar(n) : "";
	if (strcmp(s, "default") == 0)
		t->replident = 0;
	else if (strcmp(s, "full") == 0)
		t->replident = 'f';
	else if (strcmp(s, "nothing") == 0)
		t->replident = 'n';
	else if (n->type == YAML_SCALAR_NODE)
		return (ld_at(ld, n, "expected default, full, nothing or "
		    "{index: name} for replica_identity of table \"%s\", "
		    "found \"%s\"", t->name, s));
	else
		return (ld_at(ld, n, "expected default, full, nothing or "
		    "{index: name} for replica_identity of table \"%s\", "
		    "found %s", t->name, ld_kind(n)));
	return (0);
}

static const char *const table_keys[] = {
	"comment", "renamed_from", "columns", "primary_key", "unique",
	"foreign_keys", "checks", "indexes", "exclude", "unlogged", "with",
	"partition_by", "partitions", "grants", "row_level_security",
	"force_row_level_security", "policies", "triggers", "replica_identity",
	NULL
};
static const char *const pk_keys[] = {
	"name", "columns", "deferrable", "initially_deferred", "comment", NULL
};
static const char *const unique_keys[] = {
	"name", "columns", "deferrable", "initially_deferred",
	"nulls_not_distinct", "comment", NULL
};
static const char *const fk_keys[] = {
	"name", "columns", "references", "on_delete", "on_update",
	"deferrable", "initially_deferred", "validated", "comment", NULL
};
static const char *const ref_keys[] = { "table", "columns", NULL };
static const char *const check_keys_[] = {
	"name", "expression", "validated", "no_inherit", "comment", NULL
};
static const char *const index_keys[] = {
	"name", "unique", "method", "columns", "include", "where",
	"nulls_not_distinct", "with", "comment", NULL
};
static const char *const index_key_keys[] = {
	"column", "expression", "desc", "nulls", "collation", "opclass", NULL
};
static const char *const methods[] = {
	"btree", "hash", "gist", "spgist", "gin", "brin", NULL
};
static const char *const nulls_words[] = { "first", "last", NULL };

/* The optional name key of a constraint or index mapping. */
static int
get_opt_name(struct loader *ld, yaml_node_t *map, char **name, int *given)
{
	yaml_node_t	*n;

	if ((n = ld_map_get(ld, map, "name")) == NULL)
		return (0);
	if (ld_name(ld, n, "name", name) == -1)
		return (-1);
	*given = 1;
	return (0);
}

static int
load_unique(struct loader *ld, struct model_table *t, yaml_node_t *seq)
{
	yaml_node_item_t	*it;
	yaml_node_t		*u, *cols;
	struct model_constraint	*c;
	char			 what[128];

	snprintf(what, sizeof(what), "unique constraint of table \"%s\"",
	    t->name);
	if (ld_want(ld, seq, YAML_SEQUENCE_NODE, what) == -1)
		return (-1);
	for (it = seq->data.sequence.items.start;
	    it < seq->data.sequence.items.top; it++) {
		u = ld_node(ld, *it);
		if (ld_want(ld, u, YAML_MAPPING_NODE, what) == -1 ||
		    ld_check_keys(ld, u, what, unique_keys) == -1)
			return (-1);
		c = add_constraint(t, MODEL_CON_UNIQUE, u);
		if (ld_con_options(ld, u, c, what) == -1)
			return (-1);
		if (get_opt_name(ld, u, &c->name, &c->name_given) == -1)
			return (-1);
		if ((cols = ld_map_get(ld, u, "columns")) == NULL)
			return (ld_at(ld, u, "missing key \"columns\" in %s",
			    what));
		if (ld_columns(ld, cols, t, what, &c->columns,
		    &c->ncolumns) == -1)
			return (-1);
	}
	return (0);
}

static int
load_fks(struct loader *ld, struct model_table *t, yaml_node_t *seq)
{
	yaml_node_item_t	*it;
	yaml_node_t		*f, *n, *ref, *rt;
	struct model_constraint	*c;
	struct pending_fk	*pf;
	char			 what[128];
	int			 w;

	snprintf(what, sizeof(what), "foreign key of table \"%s\"", t->name);
	if (ld_want(ld, seq, YAML_SEQUENCE_NODE, "foreign_keys") == -1)
		return (-1);
	for (it = seq->data.sequence.items.start;
	    it < seq->data.sequence.items.top; it++) {
		f = ld_node(ld, *it);
		if (ld_want(ld, f, YAML_MAPPING_NODE, what) == -1 ||
		    ld_check_keys(ld, f, what, fk_keys) == -1)
			return (-1);
		c = add_constraint(t, MODEL_CON_FOREIGN, f);
		if (get_opt_name(ld, f, &c->name, &c->name_given) == -1)
			return (-1);
		if ((n = ld_map_get(ld, f, "columns")) == NULL)
			return (ld_at(ld, f, "missing key \"columns\" in %s",
			    what));
		if (ld_columns(ld, n, t, what, &c->columns,
		    &c->ncolumns) == -1)
			return (-1);
		if ((ref = ld_map_get(ld, f, "references")) == NULL)
			return (ld_at(ld, f, "missing key \"references\" in %s",
			    what));
		if (ld_want(ld, ref, YAML_MAPPING_NODE, "references") == -1 ||
		    ld_check_keys(ld, ref, "references", ref_keys) == -1)
			return (-1);
		if ((rt = ld_map_get(ld, ref, "table")) == NULL)
			return (ld_at(ld, ref, "missing key \"table\" in "
			    "references of %s", what));
		if (ld_name(ld, rt, "referenced table", &c->ref_table) == -1)
			return (-1);
		if ((n = ld_map_get(ld, f, "on_delete")) != NULL) {
			if (ld_word(ld, n, "on_delete action", model_fk_actions,
			    &w) == -1)
				return (-1);
			c->on_delete = (enum model_fk_action)w;
		}
		if ((n = ld_map_get(ld, f, "on_update")) != NULL) {
			if (ld_word(ld, n, "on_update action", model_fk_actions,
			    &w) == -1)
				return (-1);
			c->on_update = (enum model_fk_action)w;
		}
		if (ld_con_options(ld, f, c, what) == -1)
			return (-1);
		ld->fks = xrealloc(ld->fks, (ld->nfks + 1) * sizeof(*ld->fks));
		pf = &ld->fks[ld->nfks++];
		pf->table = (size_t)(t - ld->m->tables);
		pf->con = t->nconstraints - 1;
		pf->ref_table = rt;
		pf->ref_columns = ld_map_get(ld, ref, "columns");
		pf->node = f;
	}
	return (0);
}

static int
load_checks(struct loader *ld, struct model_table *t, yaml_node_t *seq,
    int partitioned)
{
	yaml_node_item_t	*it;
	yaml_node_t		*ch, *n;
	struct model_constraint	*c;
	char			 what[128];

	snprintf(what, sizeof(what), "check of table \"%s\"", t->name);
	if (ld_want(ld, seq, YAML_SEQUENCE_NODE, "checks") == -1)
		return (-1);
	for (it = seq->data.sequence.items.start;
	    it < seq->data.sequence.items.top; it++) {
		ch = ld_node(ld, *it);
		if (ld_want(ld, ch, YAML_MAPPING_NODE, what) == -1 ||
		    ld_check_keys(ld, ch, what, check_keys_) == -1)
			return (-1);
		c = add_constraint(t, MODEL_CON_CHECK, ch);
		if (get_opt_name(ld, ch, &c->name, &c->name_given) == -1)
			return (-1);
		if ((n = ld_map_get(ld, ch, "expression")) == NULL)
			return (ld_at(ld, ch,
			    "missing key \"expression\" in %s",
			    what));
		if (ld_expr(ld, n, "check expression", &c->expression,
		    NULL) == -1 || ld_con_options(ld, ch, c, what) == -1)
			return (-1);
		if ((n = ld_map_get(ld, ch, "no_inherit")) != NULL) {
			if (ld_bool(ld, n, "no_inherit", &c->no_inherit) == -1)
				return (-1);
			/* PostgreSQL refuses it: a partition inherits every
			   check of its table. */
			if (c->no_inherit && partitioned)
				return (ld_at(ld, n, "no_inherit: true in %s, "
				    "a partitioned table (its partitions "
				    "inherit every check)", what));
		}
	}
	return (0);
}

static int
load_index_key(struct loader *ld, struct model_table *t, yaml_node_t *kn,
    struct model_index_key *key, const char *what)
{
	yaml_node_t	*n, *col, *ex;
	int		 w;

	key->line = (int)kn->start_mark.line + 1;
	key->col = (int)kn->start_mark.column + 1;
	if (kn->type == YAML_SCALAR_NODE) {
		col = kn;
		ex = NULL;
	} else {
		if (kn->type != YAML_MAPPING_NODE)
			return (ld_at(ld, kn, "expected a column name or a "
			    "mapping for a key of %s, found %s", what,
			    ld_kind(kn)));
		if (ld_check_keys(ld, kn, "index key", index_key_keys) == -1)
			return (-1);
		col = ld_map_get(ld, kn, "column");
		ex = ld_map_get(ld, kn, "expression");
		if ((col == NULL) == (ex == NULL))
			return (ld_at(ld, kn,
			    "expected exactly one of \"column\" "
			    "and \"expression\" in a key of %s", what));
		if ((n = ld_map_get(ld, kn, "desc")) != NULL &&
		    ld_bool(ld, n, "desc", &key->desc) == -1)
			return (-1);
		if ((n = ld_map_get(ld, kn, "nulls")) != NULL) {
			if (ld_word(ld, n, "nulls order", nulls_words,
			    &w) == -1)
				return (-1);
			key->nulls = w == 0 ? MODEL_NULLS_FIRST :
			    MODEL_NULLS_LAST;
		}
		if ((n = ld_map_get(ld, kn, "collation")) != NULL &&
		    ld_name(ld, n, "collation", &key->collation) == -1)
			return (-1);
		if ((n = ld_map_get(ld, kn, "opclass")) != NULL &&
		    ld_name(ld, n, "opclass", &key->opclass) == -1)
			return (-1);
	}
	if (ex != NULL)
		return (ld_expr(ld, ex, "index expression", &key->expression,
		    NULL));
	if (ld_want(ld, col, YAML_SCALAR_NODE, "index column") == -1)
		return (-1);
	if (!t->open_columns && model_find_column(t, ld_scalar(col)) == NULL)
		return (ld_at(ld, col, "%s refers to missing column \"%s\" of "
		    "%s \"%s\"", what, ld_scalar(col), ld_rel_kind(t),
		    t->name));
	key->column = xstrdup(ld_scalar(col));
	return (0);
}

int
ld_indexes(struct loader *ld, struct model_table *t, yaml_node_t *seq)
{
	yaml_node_item_t	*it, *kit;
	yaml_node_t		*in, *n;
	struct model_index	*ix;
	char			 what[128];
	int			 w;

	snprintf(what, sizeof(what), "index of %s \"%s\"", ld_rel_kind(t),
	    t->name);
	if (ld_want(ld, seq, YAML_SEQUENCE_NODE, "indexes") == -1)
		return (-1);
	for (it = seq->data.sequence.items.start;
	    it < seq->data.sequence.items.top; it++) {
		in = ld_node(ld, *it);
		if (ld_want(ld, in, YAML_MAPPING_NODE, what) == -1 ||
		    ld_check_keys(ld, in, what, index_keys) == -1)
			return (-1);
		t->indexes = xrealloc(t->indexes, (t->nindexes + 1) *
		    sizeof(*t->indexes));
		ix = &t->indexes[t->nindexes++];
		memset(ix, 0, sizeof(*ix));
		ix->line = (int)in->start_mark.line + 1;
		ix->col = (int)in->start_mark.column + 1;
		ix->method = xstrdup("btree");
		if (get_opt_name(ld, in, &ix->name, &ix->name_given) == -1)
			return (-1);
		if ((n = ld_map_get(ld, in, "unique")) != NULL &&
		    ld_bool(ld, n, "unique", &ix->unique) == -1)
			return (-1);
		if ((n = ld_map_get(ld, in, "method")) != NULL) {
			if (ld_word(ld, n, "index method", methods, &w) == -1)
				return (-1);
			free(ix->method);
			ix->method = xstrdup(methods[w]);
		}
		if ((n = ld_map_get(ld, in, "columns")) == NULL)
			return (ld_at(ld, in, "missing key \"columns\" in %s",
			    what));
		if (ld_want(ld, n, YAML_SEQUENCE_NODE, "index columns") == -1)
			return (-1);
		if (n->data.sequence.items.start == n->data.sequence.items.top)
			return (ld_at(ld, n, "expected at least one key for %s",
			    what));
		for (kit = n->data.sequence.items.start;
		    kit < n->data.sequence.items.top; kit++) {
			ix->keys = xrealloc(ix->keys, (ix->nkeys + 1) *
			    sizeof(*ix->keys));
			memset(&ix->keys[ix->nkeys], 0, sizeof(*ix->keys));
			ix->nkeys++;
			if (load_index_key(ld, t, ld_node(ld, *kit),
			    &ix->keys[ix->nkeys - 1], what) == -1)
				return (-1);
		}
		if ((n = ld_map_get(ld, in, "include")) != NULL &&
		    ld_columns(ld, n, t, "index include", &ix->include,
		    &ix->ninclude) == -1)
			return (-1);
		if ((n = ld_map_get(ld, in, "where")) != NULL &&
		    ld_expr(ld, n, "index where", &ix->where, NULL) == -1)
			return (-1);
		if ((n = ld_map_get(ld, in, "with")) != NULL &&
		    ld_with(ld, n, what, &ix->with, &ix->nwith) == -1)
			return (-1);
		if ((n = ld_map_get(ld, in, "comment")) != NULL &&
		    ld_str(ld, n, "comment", &ix->comment) == -1)
			return (-1);
		if ((n = ld_map_get(ld, in, "nulls_not_distinct")) != NULL) {
			if (ld_bool(ld, n, "nulls_not_distinct",
			    &ix->nulls_not_distinct) == -1)
				return (-1);
			if (ix->nulls_not_distinct && !ix->unique)
				return (ld_at(ld, n, "nulls_not_distinct needs "
				    "unique: true in %s", what));
		}
	}
	return (0);
}

int
ld_table(struct loader *ld, yaml_node_t *k, yaml_node_t *v)
{
	struct model		*m = ld->m;
	struct model_table	*t;
	struct model_constraint	*c;
	yaml_node_pair_t	*p;
	yaml_node_t		*cols, *n, *pkn = NULL, *ck, *cv;
	char			 what[128], in[128], colswhat[128];
	int			 pk, uq;
	size_t			 i, npk = 0;

	m->tables = xrealloc(m->tables, (m->ntables + 1) * sizeof(*m->tables));
	t = &m->tables[m->ntables++];
	memset(t, 0, sizeof(*t));
	t->name = xstrdup(ld_scalar(k));
	t->line = (int)k->start_mark.line + 1;
	t->col = (int)k->start_mark.column + 1;
	snprintf(what, sizeof(what), "table \"%s\"", t->name);
	if (ld_want(ld, v, YAML_MAPPING_NODE, what) == -1 ||
	    ld_check_keys(ld, v, what, table_keys) == -1)
		return (-1);
	if ((n = ld_map_get(ld, v, "comment")) != NULL &&
	    ld_str(ld, n, "comment", &t->comment) == -1)
		return (-1);
	if ((n = ld_map_get(ld, v, "renamed_from")) != NULL &&
	    ld_name(ld, n, "renamed_from", &t->renamed_from) == -1)
		return (-1);
	if ((n = ld_map_get(ld, v, "unlogged")) != NULL &&
	    ld_bool(ld, n, "unlogged", &t->unlogged) == -1)
		return (-1);
	if ((n = ld_map_get(ld, v, "with")) != NULL &&
	    ld_with(ld, n, what, &t->with, &t->nwith) == -1)
		return (-1);

	/* Columns first, whatever the order of the keys. */
	if ((cols = ld_map_get(ld, v, "columns")) == NULL)
		return (ld_at(ld, v, "missing key \"columns\" in %s", what));
	snprintf(in, sizeof(in), " in table \"%s\"", t->name);
	snprintf(colswhat, sizeof(colswhat), "columns of table \"%s\"",
	    t->name);
	if (ld_want(ld, cols, YAML_MAPPING_NODE, colswhat) == -1 ||
	    ld_check_names(ld, cols, "column", in) == -1)
		return (-1);
	/* A table may have no columns (columns: {}), as in PostgreSQL. */
	/* Column shorthands become constraints after the primary key. */
	for (p = cols->data.mapping.pairs.start;
	    p < cols->data.mapping.pairs.top; p++) {
		ck = ld_node(ld, p->key);
		cv = ld_node(ld, p->value);
		if (load_column(ld, t, ck, cv, &pk, &uq) == -1)
			return (-1);
		if (pk) {
			if (npk++ > 0)
				return (ld_at(ld, ld_map_get(ld, cv,
				    "primary_key"),
				    "second primary_key column in %s (a "
				    "composite key goes in the table's "
				    "primary_key)", what));
			pkn = ck;
		}
	}
	if ((n = ld_map_get(ld, v, "primary_key")) != NULL) {
		if (npk > 0)
			return (ld_at(ld, n,
			    "%s has a primary_key and a column "
			    "with primary_key: true", what));
		c = add_constraint(t, MODEL_CON_PRIMARY, n);
		if (n->type == YAML_MAPPING_NODE) {
			if (ld_check_keys(ld, n, "primary_key",
			    pk_keys) == -1 ||
			    get_opt_name(ld, n, &c->name, &c->name_given) == -1 ||
			    ld_con_options(ld, n, c, "primary_key") == -1)
				return (-1);
			if ((cols = ld_map_get(ld, n, "columns")) == NULL)
				return (ld_at(ld, n,
				    "missing key \"columns\" in "
				    "primary_key of %s", what));
		} else if (n->type == YAML_SEQUENCE_NODE)
			cols = n;
		else
			return (ld_at(ld, n, "expected a sequence or a mapping "
			    "for primary_key of %s, found %s", what,
			    ld_kind(n)));
		if (ld_columns(ld, cols, t, "primary key", &c->columns,
		    &c->ncolumns) == -1)
			return (-1);
		for (i = 0; i < c->ncolumns; i++)
			if (model_find_column(t, c->columns[i])->nullable)
				return (ld_at(ld, n,
				    "primary key column \"%s\" "
				    "of %s cannot be nullable", c->columns[i],
				    what));
	} else if (pkn != NULL) {
		c = add_constraint(t, MODEL_CON_PRIMARY, pkn);
		c->columns = xcalloc(1, sizeof(*c->columns));
		c->columns[0] = xstrdup(ld_scalar(pkn));
		c->ncolumns = 1;
	}
	/* Unique shorthands, in column order. */
	cols = ld_map_get(ld, v, "columns");
	for (p = cols->data.mapping.pairs.start;
	    p < cols->data.mapping.pairs.top; p++) {
		cv = ld_node(ld, p->value);
		if (cv->type != YAML_MAPPING_NODE ||
		    (n = ld_map_get(ld, cv, "unique")) == NULL ||
		    strcmp(ld_scalar(n), "true") != 0)
			continue;
		c = add_constraint(t, MODEL_CON_UNIQUE, n);
		c->columns = xcalloc(1, sizeof(*c->columns));
		c->columns[0] = xstrdup(ld_scalar(ld_node(ld, p->key)));
		c->ncolumns = 1;
	}
	if ((n = ld_map_get(ld, v, "unique")) != NULL &&
	    load_unique(ld, t, n) == -1)
		return (-1);
	if ((n = ld_map_get(ld, v, "foreign_keys")) != NULL &&
	    load_fks(ld, t, n) == -1)
		return (-1);
	if ((n = ld_map_get(ld, v, "checks")) != NULL &&
	    load_checks(ld, t, n,
	    ld_map_get(ld, v, "partition_by") != NULL) == -1)
		return (-1);
	if ((n = ld_map_get(ld, v, "indexes")) != NULL &&
	    ld_indexes(ld, t, n) == -1)
		return (-1);
	if ((n = ld_map_get(ld, v, "exclude")) != NULL &&
	    ld_exclude(ld, t, n) == -1)
		return (-1);
	if ((n = ld_map_get(ld, v, "grants")) != NULL &&
	    ld_grants(ld, n, MODEL_GRANT_TABLE, what, t, &t->grants,
	    &t->ngrants) == -1)
		return (-1);
	if (ld_policies(ld, t, v) == -1)
		return (-1);
	if ((n = ld_map_get(ld, v, "triggers")) != NULL &&
	    ld_triggers(ld, t->name, t, n) == -1)
		return (-1);
	if ((n = ld_map_get(ld, v, "replica_identity")) != NULL &&
	    load_replident(ld, t, n) == -1)
		return (-1);
	return (ld_partitioning(ld, t, v));
}

static const char *const sequence_keys[] = {
	"type", "start", "increment", "min", "max", "cache", "cycle",
	"owned_by", "comment", "grants", NULL
};
static const char *const seq_types[] = { "smallint", "integer", "bigint",
	NULL };

/*
 * sequences: a mapping of name to options; read after the tables, which
 * owned_by names.
 */
int
ld_sequences(struct loader *ld, yaml_node_t *map)
{
	struct model		*m = ld->m;
	struct model_sequence	*sq;
	const struct model_table *t;
	const struct model_column *c;
	yaml_node_pair_t	*p;
	yaml_node_t		*k, *v, *n;
	const char		*dot;
	char			 what[128];
	int			 ty;

	if (ld_want(ld, map, YAML_MAPPING_NODE, "sequences") == -1 ||
	    ld_check_names(ld, map, "sequence", "") == -1)
		return (-1);
	for (p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		k = ld_node(ld, p->key);
		v = ld_node(ld, p->value);
		m->sequences = xrealloc(m->sequences, (m->nsequences + 1) *
		    sizeof(*m->sequences));
		sq = &m->sequences[m->nsequences++];
		memset(sq, 0, sizeof(*sq));
		sq->name = xstrdup(ld_scalar(k));
		sq->line = (int)k->start_mark.line + 1;
		sq->col = (int)k->start_mark.column + 1;
		snprintf(what, sizeof(what), "sequence \"%s\"", sq->name);
		if (ld_want(ld, v, YAML_MAPPING_NODE, what) == -1 ||
		    ld_check_keys(ld, v, what, sequence_keys) == -1)
			return (-1);
		ty = 2;
		if ((n = ld_map_get(ld, v, "type")) != NULL &&
		    ld_word(ld, n, "sequence type", seq_types, &ty) == -1)
			return (-1);
		sq->type = xstrdup(seq_types[ty]);
		if (load_seq_opts(ld, v, what, sq->type, &sq->opts) == -1)
			return (-1);
		if ((n = ld_map_get(ld, v, "comment")) != NULL &&
		    ld_str(ld, n, "comment", &sq->comment) == -1)
			return (-1);
		if ((n = ld_map_get(ld, v, "grants")) != NULL &&
		    ld_grants(ld, n, MODEL_GRANT_SEQUENCE, what, NULL,
		    &sq->grants, &sq->ngrants) == -1)
			return (-1);
		if ((n = ld_map_get(ld, v, "owned_by")) == NULL)
			continue;
		if (ld_want(ld, n, YAML_SCALAR_NODE, "owned_by") == -1)
			return (-1);
		if ((dot = strchr(ld_scalar(n), '.')) == NULL)
			return (ld_at(ld, n, "expected table.column for "
			    "owned_by of %s, found \"%s\"", what,
			    ld_scalar(n)));
		sq->owned_tbl = xstrndup(ld_scalar(n),
		    (size_t)(dot - ld_scalar(n)));
		sq->owned_col = xstrdup(dot + 1);
		if ((t = model_find_table(m, sq->owned_tbl)) == NULL)
			return (ld_at(ld, n, "owned_by of %s names table "
			    "\"%s\", which is not in the model", what,
			    sq->owned_tbl));
		if ((c = model_find_column(t, sq->owned_col)) == NULL)
			return (ld_at(ld, n, "owned_by of %s names column "
			    "\"%s\", which table \"%s\" does not have", what,
			    sq->owned_col, sq->owned_tbl));
		if (c->identity != MODEL_IDENTITY_NONE ||
		    model_serial_base(c->type) != NULL)
			return (ld_at(ld, n, "owned_by of %s names column "
			    "\"%s\" of table \"%s\", which has its own "
			    "sequence (%s)", what, sq->owned_col,
			    sq->owned_tbl, c->identity != MODEL_IDENTITY_NONE ?
			    "identity" : c->type));
	}
	return (0);
}
