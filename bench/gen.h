/*
 * gen.h: the random numbers of the benchmark generators (align-gen,
 * mknews): xorshift64* (Vigna 2016), uniform reals, and ranks drawn by a
 * Zipf law from a cumulative table.  Header-only, so that each generator
 * still compiles alone.
 */
#ifndef GEN_H
#define GEN_H

#include <stdint.h>

static inline uint64_t
gen_next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

/* Uniform in [0, 1). */
static inline double
gen_unif(uint64_t *s)
{
	return (double)(gen_next(s) >> 11) * (1.0 / 9007199254740992.0);
}

/* cum[k] = sum of 1 / (i + 1) for i <= k: the Zipf law, s = 1. */
static inline void
gen_zipf_table(double *cum, unsigned n)
{
	unsigned k;

	for (k = 0; k < n; k++)
		cum[k] = (k ? cum[k - 1] : 0) + 1.0 / (k + 1);
}

/* A rank from 1 to n, by inversion of the cumulative table. */
static inline unsigned
gen_zipf(const double *cum, unsigned n, uint64_t *s)
{
	double u = gen_unif(s) * cum[n - 1];
	unsigned lo = 0, hi = n - 1;

	while (lo < hi) {
		unsigned mid = (lo + hi) / 2;

		if (cum[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo + 1;
}

#endif
