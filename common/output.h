/*
 * output.h: finishing standard output.  A program that wrote to a full disk
 * or a closed descriptor must say so and exit 1; stdio only tells at flush
 * time, so every tool ends with out_close() (sbase libutil/fshut.c).
 */
#ifndef OUTPUT_H
#define OUTPUT_H

/*
 * Set a large buffer on stdout (call before the first write): records are
 * short, and one write(2) per 256 KiB keeps the system-call cost out of the
 * profile.  stdio owns the buffer.
 */
void	out_init(void);

/* Flush and close stdout.  Returns 0, or -1 with errno set on failure. */
int	out_close(void);

#endif
