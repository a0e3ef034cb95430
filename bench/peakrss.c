/*
 * peakrss: run a command and print its peak resident set size in KiB on
 * stderr, for systems without GNU time(1) ("/usr/bin/time -f %M").
 *
 *	peakrss [-o file] command [arg ...]
 *
 * The command's stdin, stdout and stderr are left alone; with -o the figure
 * goes to file instead of stderr.  Exit status is the command's, 127 if it
 * could not be run, 128 + signal if it was killed.
 */
#define _DEFAULT_SOURCE		/* wait4 */
#include <sys/types.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <err.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	struct rusage ru;
	const char *out = NULL;
	FILE *f = stderr;
	pid_t pid;
	int status;

	if (argc > 2 && strcmp(argv[1], "-o") == 0) {
		out = argv[2];
		argc -= 2;
		argv += 2;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: peakrss [-o file] command [arg ...]\n");
		return 2;
	}
	if ((pid = fork()) == -1)
		err(1, "fork");
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		warn("%s", argv[1]);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) == -1)
		err(1, "wait4");
	if (out != NULL && (f = fopen(out, "w")) == NULL)
		err(1, "%s", out);
	fprintf(f, "%ld\n", ru.ru_maxrss);	/* Linux: KiB */
	if (f != stderr && fclose(f) != 0)
		err(1, "%s", out);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
