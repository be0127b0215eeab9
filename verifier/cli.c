/*
 * cli.c: helpers of the CLI's commands.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

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

int
cli_color(int fd)
{
	const char	*no_color;

	no_color = getenv("NO_COLOR");
	if (no_color != NULL && *no_color != '\0')
		return (0);
	return (isatty(fd));
}
