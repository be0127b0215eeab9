/*
 * cli.c: helpers of the CLI's commands.
 */
#include <stdarg.h>
#include <stdio.h>

#include "cli.h"
#include "util.h"

int
cli_bad_usage(const char *cmd, const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "verifier %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'verifier %s -h'.\n", cmd);
	return (VF_EXIT_USAGE);
}
