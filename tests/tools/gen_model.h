/*
 * gen_model.h: a generator of valid YAML models (docs/models.md), for the
 * differential test of the expected catalog (tests/integration/
 * 30_diff_expected.sh, fuzz/fuzz_expected.c): the same seed always gives
 * the same bytes.  A model covers every column type the model allows with
 * its modifiers and arrays, enums, defaults and checks of every printed
 * form, keys, foreign keys, indexes of every method, comments, grants,
 * sequences, serial and identity columns, and names of every length up to
 * 63 bytes whose generated names PostgreSQL truncates and numbers.
 */
#ifndef GEN_MODEL_H
#define GEN_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* What a model holds: everything, or one kind of object (small to read). */
enum gen_kind {
	GEN_ALL,
	GEN_TYPES,
	GEN_ENUMS,
	GEN_DEFAULTS,
	GEN_CHECKS,
	GEN_KEYS,
	GEN_FKEYS,
	GEN_INDEXES,
	GEN_COMMENTS,
	GEN_GRANTS,
	GEN_SEQUENCES,
	GEN_NAMES,
	GEN_PLAIN,	/* tables of common types and nothing else */
	GEN_DOMAINS,	/* domains and composite types, and their columns */
	GEN_STORAGE,	/* unlogged tables, storage parameters, collations */
	GEN_NKINDS
};

/* "all", "types", ...: a kind's name, also the generated schema's suffix. */
extern const char *const gen_kind_names[GEN_NKINDS];

/* What a generated model holds, counted as it is written. */
struct gen_stats {
	size_t	tables, columns, enums, sequences, defaults, checks, keys;
	size_t	foreign_keys, indexes, comments, grants;
};

/* The sum of the counts: every object of the model. */
size_t	gen_stats_objects(const struct gen_stats *st);

/*
 * Appends to out a model of schema `schema` with ntables tables (at least
 * 1) of the given kind, drawn from seed.  The grants name the roles
 * auth_svc and billing_svc (initdb/) and PUBLIC; the schema must not be
 * owned by either.  st, when not NULL, is zeroed and filled.
 */
void	gen_model(struct vbuf *out, const char *schema, uint64_t seed,
	    int ntables, enum gen_kind kind, struct gen_stats *st);

#endif
