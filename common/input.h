/*
 * input.h: open an operand for reading, whatever its compression.
 *
 * in_open() takes a path, or "-" for standard input, and gives a stream that
 * reads the decompressed bytes: zlib's gzdopen passes data that is not gzip
 * through unchanged, and libbsd's funopen wraps the gzFile as a FILE *, so
 * callers read with getline(3) or fread(3) and never ask which it was.
 * A gzip stream that is corrupt or cut short reads what was decoded and then
 * fails with ferror() set; in_error() then says why, in zlib's words.
 */
#ifndef INPUT_H
#define INPUT_H

#include <stddef.h>
#include <stdio.h>

struct in {
	FILE		*fp;	/* read this */
	const char	*name;	/* operand as given ("-" for stdin), for messages */
	void		*gz;	/* the gzFile behind fp */
	char		 err[128];	/* why the last read failed, or "" */
};

/*
 * Open path ("-" is standard input).  Returns NULL with errno set when the
 * file cannot be opened, and with errno EISDIR for a directory.  The name is
 * not copied: it must outlive the stream.  Close with in_close().
 */
struct in	*in_open(const char *path);

/*
 * Close the stream and free it; in_close(NULL) does nothing.  Returns 0, or
 * -1 when closing failed.
 */
int		 in_close(struct in *in);

/*
 * After a read failed (ferror(in->fp)), the reason: zlib's message for a bad
 * gzip stream, else strerror(errno) as it was when the read failed.
 */
const char	*in_error(const struct in *in);

/*
 * Read the rest of the stream into *buf after its first *len bytes (grown
 * as needed; *cap is its size and the caller frees it), adding to *len.  A NUL is stored after the data
 * (not counted in *len).  Returns 0 at end of input, -1 when a read failed;
 * what was read before the failure is in *buf all the same.
 */
int		 in_slurp(struct in *in, char **buf, size_t *len, size_t *cap);

/*
 * The operand's name without its directory and without a final ".gz", then
 * without a final ".txt" (DESIGN.md's document id).  Writes into out, which
 * has room for strlen(path) + 1 bytes, and returns out.
 */
char		*in_basename_id(const char *path, char *out);

#endif
