/*
 * model_types.h: the type grammar of a model's columns (docs/models.md).
 * Internal to the model modules.
 */
#ifndef VERIFIER_MODEL_TYPES_H
#define VERIFIER_MODEL_TYPES_H

#include "model.h"

/*
 * Splits "elem[][3]" into the element type (trimmed, a new string) and the
 * normalised array suffix ("[][3]", a new string, "" for none); the caller
 * frees both.  -1 (nothing allocated) when a suffix is malformed or the
 * element type is empty.
 */
int	model_types_split_array(const char *type, char **elem, char **suffix);

/*
 * Checks and normalises the built-in type elem: lower case, single spaces,
 * the modifiers glued to the word before them ("numeric(10, 2)" becomes
 * "numeric(10,2)").  On success *norm is a new string (the caller frees
 * it) and *integer is 1 for smallint, integer and bigint (the types of an
 * identity column), else 0.  -1 with msg set ("unknown type ...") otherwise.
 */
int	model_types_normalise(const char *elem, char **norm, int *integer,
	    char *msg, size_t msglen);

/*
 * The serial type elem names, by any of its names ("serial4", "SERIAL"),
 * as written back: "serial", "bigserial" or "smallserial"; NULL when elem
 * is not one.
 */
const char	*model_types_serial(const char *elem);

#endif
