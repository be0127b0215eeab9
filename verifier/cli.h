/*
 * cli.h: what the CLI's commands (main.c, cmd_schema.c) share.  Only the
 * CLI prints; the library below it returns errors as values.
 */
#ifndef VERIFIER_CLI_H
#define VERIFIER_CLI_H

/*
 * Prints "verifier CMD: <message>" and the hint "Try 'verifier CMD -h'."
 * to stderr and returns VF_EXIT_USAGE, for "return (cli_bad_usage(...))".
 */
int	cli_bad_usage(const char *cmd, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/*
 * Whether output to fd may be coloured: fd is a terminal and NO_COLOR
 * (https://no-color.org) is unset or empty.
 */
int	cli_color(int fd);

#endif
