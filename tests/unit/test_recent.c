/* test_recent.c: keys remembered with values, two generations, bounded. */
#include <stdint.h>

#include "recent.h"
#include "unit.h"

int
main(void)
{
	struct recent r, s;
	uint64_t k, *v;
	int added;

	recent_init(&r, 1000, 1);
	CHECK(recent_get(&r, 42) == NULL);
	v = recent_put(&r, 42, &added);
	CHECK(added);
	CHECK_EQ_LONG(*v, 0);
	*v = 7;
	CHECK_EQ_LONG(*recent_put(&r, 42, &added), 7);
	CHECK(!added);
	/* Key 0 is a key like any other. */
	CHECK(recent_get(&r, 0) == NULL);
	*recent_put(&r, 0, &added) = 9;
	CHECK(added);
	CHECK_EQ_LONG(*recent_get(&r, 0), 9);
	/* Values survive the tables' growth. */
	for (k = 100; k < 1100 - 2; k++)
		*recent_put(&r, k * 0x9e3779b97f4a7c15ULL, NULL) = k;
	for (k = 100; k < 1100 - 2; k++) {
		v = recent_get(&r, k * 0x9e3779b97f4a7c15ULL);
		CHECK(v != NULL && *v == k);
	}
	CHECK_EQ_LONG(*recent_get(&r, 42), 7);
	/*
	 * 1000 keys fill a generation; after two more thousand the first are
	 * forgotten, the last thousand are all there, and no table grew past
	 * two slots a key.
	 */
	for (k = 5000; k < 7000; k++)
		recent_put(&r, k, NULL);
	CHECK(recent_get(&r, 42) == NULL);
	CHECK(recent_get(&r, 100 * 0x9e3779b97f4a7c15ULL) == NULL);
	for (k = 6000; k < 7000; k++)
		CHECK(recent_get(&r, k) != NULL);
	CHECK(r.g[0].cap <= 2048 && r.g[1].cap <= 2048);
	CHECK(r.g[0].n + r.g[1].n <= 2000);
	recent_free(&r);
	recent_free(&r);

	/* Without values: presence only, no value array. */
	recent_init(&s, 10, 0);
	recent_put(&s, 5, &added);
	CHECK(added);
	recent_put(&s, 5, &added);
	CHECK(!added);
	CHECK(recent_get(&s, 5) != NULL);
	CHECK(s.g[0].val == NULL);
	recent_free(&s);
	UNIT_END();
}
