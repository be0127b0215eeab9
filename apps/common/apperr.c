/*
 * apperr.c: the one mapping of database failures to HTTP statuses that
 * both apps use (see apperr.h).
 */
#include <ctype.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "apperr.h"

/* SQLSTATEs (or classes, when two characters) that are worth a retry. */
static const char *const transient[] = {
	"08",		/* connection exception */
	"53",		/* insufficient resources */
	"57P",		/* admin/crash shutdown, cannot connect now */
	"26000",	/* prepared statement gone (DISCARD ALL) */
	"25006",	/* read-only SQL transaction */
	"55P03",	/* lock not available */
	"40001",	/* serialization failure */
	"40P01",	/* deadlock detected */
};

void
apperr_map(const char *sqlstate, int broken, int write, struct apperr *out)
{
	size_t	i;

	out->status = 503;
	out->code = "database_unavailable";
	out->message = "the database is not available; try again";
	if (broken || sqlstate == NULL)
		return;
	for (i = 0; i < sizeof(transient) / sizeof(transient[0]); i++)
		if (strncmp(sqlstate, transient[i], strlen(transient[i])) == 0)
			return;
	if (strcmp(sqlstate, "42501") == 0 && write) {
		out->code = "writes_paused";
		out->message = "writes are paused (the database is being "
		    "moved); try again";
		return;
	}
	if (strncmp(sqlstate, "22", 2) == 0 || strncmp(sqlstate, "23", 2) == 0) {
		out->status = 422;
		out->code = "invalid_value";
		out->message = "a value was refused by the database";
		return;
	}
	out->status = 500;
	out->code = "internal_error";
	out->message = "internal error";
}

/* Whether the len characters at w are one of the writing keywords. */
static int
write_word(const char *w, size_t len)
{
	static const char *const words[] = {
		"INSERT", "UPDATE", "DELETE", "MERGE"
	};
	size_t	i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strlen(words[i]) == len &&
		    strncasecmp(w, words[i], len) == 0)
			return (1);
	return (0);
}

int
apperr_is_write(const char *sql)
{
	const char	*p, *w;
	char		 quote;

	p = sql;
	while (*p != '\0') {
		if (*p == '\'' || *p == '"') {
			quote = *p++;
			while (*p != '\0' && *p != quote)
				p++;
			if (*p != '\0')
				p++;
		} else if (p[0] == '-' && p[1] == '-') {
			while (*p != '\0' && *p != '\n')
				p++;
		} else if (p[0] == '/' && p[1] == '*') {
			p += 2;
			while (*p != '\0' && !(p[0] == '*' && p[1] == '/'))
				p++;
			if (*p != '\0')
				p += 2;
		} else if (isalpha((unsigned char)*p) || *p == '_') {
			w = p;
			while (isalnum((unsigned char)*p) || *p == '_' ||
			    *p == '$')
				p++;
			if (write_word(w, (size_t)(p - w)))
				return (1);
		} else
			p++;
	}
	return (0);
}
