/*
 * catalog_sql.c: prints the verifier's catalog queries as a psql script,
 * with the schema as the psql variable :'schema', so that the benchmark
 * times the same queries without the verifier around them.
 *
 *	catalog_sql
 */
#include <stdio.h>
#include <string.h>

#include "catalog.h"

int
main(void)
{
	const char	*sql, *p;
	int		 i;

	for (i = 0; i < CATALOG_NSETS; i++) {
		sql = catalog_set_sql(i);
		for (p = sql; *p != '\0'; p++) {
			if (p[0] == '$' && p[1] == '1') {
				fputs(":'schema'", stdout);
				p++;
			} else
				putchar(*p);
		}
		puts(";");
	}
	return (0);
}
