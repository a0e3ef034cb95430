/*
 * output.c: standard output set-up and the final flush that reports write
 * errors.
 */
#include <errno.h>
#include <stdio.h>

#include "output.h"

#define OUT_BUFSIZE	(256 * 1024)

void
out_init(void)
{
	/* With a NULL buffer glibc allocates it and frees it at fclose. */
	setvbuf(stdout, NULL, _IOFBF, OUT_BUFSIZE);
}

int
out_close(void)
{
	int bad;

	bad = fflush(stdout) != 0 || ferror(stdout);
	if (fclose(stdout) != 0 || bad) {
		if (errno == 0)
			errno = EIO;
		return -1;
	}
	return 0;
}
