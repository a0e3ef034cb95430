/* test_hash.c: hash_bytes spreads and depends on every byte; smap interns. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "unit.h"

int
main(void)
{
	struct smap *m = smap_new();
	char key[32];
	size_t i, n;
	int added;

	/* Every length and every byte position matters. */
	{
		char a[20] = "abcdefghijklmnopqrs";
		uint64_t h0 = hash_bytes(a, 19, 0);
		for (i = 0; i < 19; i++) {
			a[i] ^= 1;
			CHECK(hash_bytes(a, 19, 0) != h0);
			a[i] ^= 1;
		}
		for (i = 0; i < 19; i++)
			CHECK(hash_bytes(a, i, 0) != hash_bytes(a, i + 1, 0));
		CHECK(hash_bytes(a, 19, 1) != h0);
		CHECK_EQ_LONG(hash_bytes(a, 19, 0), h0);
		CHECK(hash_mix(1) != hash_mix(2));
	}

	CHECK_EQ_LONG(smap_count(m), 0);
	CHECK_EQ_LONG(smap_get(m, "x", 1), -1);
	for (i = 0; i < 10000; i++) {
		snprintf(key, sizeof(key), "key%zu", i);
		CHECK_EQ_LONG(smap_put(m, key, strlen(key), &added), i);
		CHECK(added);
	}
	CHECK_EQ_LONG(smap_count(m), 10000);
	for (i = 0; i < 10000; i += 7) {
		snprintf(key, sizeof(key), "key%zu", i);
		CHECK_EQ_LONG(smap_get(m, key, strlen(key)), i);
		CHECK_EQ_LONG(smap_put(m, key, strlen(key), &added), i);
		CHECK(!added);
		CHECK_EQ_STR(smap_key(m, i, &n), key);
		CHECK_EQ_LONG(n, strlen(key));
	}
	CHECK_EQ_LONG(smap_get(m, "key10000", 8), -1);
	/* The empty key and keys with NUL bytes are keys too. */
	CHECK_EQ_LONG(smap_put(m, "", 0, NULL), 10000);
	CHECK_EQ_LONG(smap_put(m, "a\0b", 3, NULL), 10001);
	CHECK_EQ_LONG(smap_get(m, "a\0c", 3), -1);
	CHECK_EQ_LONG(smap_get(m, "", 0), 10000);
	smap_free(m);
	smap_free(NULL);
	UNIT_END();
}
