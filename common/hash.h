/*
 * hash.h: a fast 64-bit hash of bytes, and smap, a table that interns
 * strings as dense ids 0, 1, 2, ... (vocabularies, feature names, keys).
 */
#ifndef HASH_H
#define HASH_H

#include <stddef.h>
#include <stdint.h>

/* 64-bit hash of s[0..n) under seed; not cryptographic. */
uint64_t	hash_bytes(const void *s, size_t n, uint64_t seed);

/* Mix a 64-bit value into a well-spread one (a bijection). */
uint64_t	hash_mix(uint64_t x);

struct smap;

struct smap	*smap_new(void);
void		 smap_free(struct smap *m);

/* Id of s[0..n), or -1 when it is not in m. */
long		 smap_get(const struct smap *m, const char *s, size_t n);

/*
 * Id of s[0..n), adding it (with the next id) when absent; *added, when
 * not NULL, says whether it was added.  The key is copied.
 */
size_t		 smap_put(struct smap *m, const char *s, size_t n, int *added);

/* Number of keys; the key of an id (NUL-terminated, length in *n). */
size_t		 smap_count(const struct smap *m);
const char	*smap_key(const struct smap *m, size_t id, size_t *n);

#endif
