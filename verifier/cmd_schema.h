/*
 * cmd_schema.h: the verifier commands that compare models, migrations and
 * databases: diff, draft, check, dump (cmd_diff.c, cmd_draft.c,
 * cmd_check.c, cmd_dump.c) and lint (cmd_lint.c).  main.c's command table calls
 * them with argv[0] the command name; each parses its own options (-h for
 * its synopsis) and returns the exit code: 0 clean, 1 differences or a
 * failed gate, 2 bad input or usage.
 */
#ifndef VERIFIER_CMD_SCHEMA_H
#define VERIFIER_CMD_SCHEMA_H

/* verifier diff: the models against the live database. */
int	cmd_diff(int argc, char **argv);

/* verifier draft: a new migration file from the models. */
int	cmd_draft(int argc, char **argv);

/* verifier check: the CI gate of one schema. */
int	cmd_check(int argc, char **argv);

/* verifier dump: the live schema as a model file. */
int	cmd_dump(int argc, char **argv);

/* verifier lint: online-safety rules over migration files. */
int	cmd_lint(int argc, char **argv);

/* verifier graph: pictures of a schema (cmd_graph.c). */
int	cmd_graph(int argc, char **argv);

/* verifier move: the schema to a PostgreSQL of its own (cmd_move.c). */
int	cmd_move(int argc, char **argv);

#endif
