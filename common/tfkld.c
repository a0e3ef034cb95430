/*
 * tfkld.c: TF-KLD weights, a randomised truncated SVD of the weighted
 * sentences x features matrix (Halko, Martinsson and Tropp 2011: range
 * finder with power iterations, then the small eigenproblem), the fold-in
 * of a sentence and the model file.  See tfkld.h.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "hash.h"
#include "tfkld.h"
#include "xalloc.h"

/* Oversampling and power iterations of the randomised SVD. */
#define OVERSAMPLE	20
#define POWER_ITER	3

/*
 * Prior strength (in pairs) of the shrinkage of p_k and q_k: 50 had the
 * best 5-fold cross-validated accuracy on MSRP of 2, 10, 50 and 200.
 */
#define ALPHA		50.0

static const char magic[8] = "TFKLD1\n";

struct tfkld {
	size_t		 nfeat, dim;
	uint64_t	*key;
	float		*weight;
	float		*scale;		/* row k = scale[k] * q[k * dim ..] */
	int8_t		*q;
	uint32_t	*slot;		/* feature id + 1; 0 empty */
	size_t		 mask;
};

/* LAPACK, Fortran calling convention (hidden lengths of strings last). */
extern void dgeqrf_(const int *m, const int *n, double *a, const int *lda,
    double *tau, double *work, const int *lwork, int *info);
extern void dorgqr_(const int *m, const int *n, const int *k, double *a,
    const int *lda, const double *tau, double *work, const int *lwork,
    int *info);
extern void dgesvd_(const char *jobu, const char *jobvt, const int *m,
    const int *n, double *a, const int *lda, double *s, double *u,
    const int *ldu, double *vt, const int *ldvt, double *work,
    const int *lwork, int *info, size_t ljobu, size_t ljobvt);
extern void dsyev_(const char *jobz, const char *uplo, const int *n,
    double *a, const int *lda, double *w, double *work, const int *lwork,
    int *info, size_t ljobz, size_t luplo);

void
tfkld_keys(const uint64_t *w, size_t nw, uint64_t **keys, size_t *n,
    size_t *cap)
{
	size_t i;

	if (*n + 2 * nw > *cap)
		xgrow((void **)keys, cap, *n + 2 * nw, sizeof(**keys));
	for (i = 0; i < nw; i++) {
		(*keys)[(*n)++] = hash_mix(w[i] ^ 0x756e6967ULL);
		if (i + 1 < nw)
			(*keys)[(*n)++] = hash_mix(w[i] * 0x9e3779b97f4a7c15ULL
			    + hash_mix(w[i + 1] + 1));
	}
}

double
tfkld_kld(double p, double q)
{
	return p * log(p / q) + (1 - p) * log((1 - p) / (1 - q));
}

double
tfkld_weight(double b1, double u1, double b0, double u0, double p0,
    double q0, double alpha)
{
	double p = (b1 + alpha * p0) / (u1 + alpha);
	double q = (b0 + alpha * q0) / (u0 + alpha);

	return tfkld_kld(p, q);
}

/* ---- the model ---- */

static void
table(struct tfkld *t)
{
	size_t size = 16, k, h;

	while (size < 2 * t->nfeat)
		size *= 2;
	t->mask = size - 1;
	t->slot = xcalloc(size, sizeof(*t->slot));
	for (k = 0; k < t->nfeat; k++) {
		for (h = t->key[k] & t->mask; t->slot[h] != 0;
		    h = (h + 1) & t->mask)
			;
		t->slot[h] = (uint32_t)k + 1;
	}
}

static long
lookup(const struct tfkld *t, uint64_t key)
{
	size_t h;

	for (h = key & t->mask; t->slot[h] != 0; h = (h + 1) & t->mask)
		if (t->key[t->slot[h] - 1] == key)
			return (long)t->slot[h] - 1;
	return -1;
}

static struct tfkld *
alloc_model(size_t nfeat, size_t dim)
{
	struct tfkld *t = xcalloc(1, sizeof(*t));

	t->nfeat = nfeat;
	t->dim = dim;
	t->key = xcalloc(nfeat + 1, sizeof(*t->key));
	t->weight = xcalloc(nfeat + 1, sizeof(*t->weight));
	t->scale = xcalloc(nfeat + 1, sizeof(*t->scale));
	t->q = xcalloc(nfeat * dim + 1, 1);
	return t;
}

/* Row k of the projection: r[0..dim), quantised to signed bytes. */
static void
set_row(struct tfkld *t, size_t k, const double *r)
{
	double max = 0;
	size_t d;

	for (d = 0; d < t->dim; d++)
		if (fabs(r[d]) > max)
			max = fabs(r[d]);
	t->scale[k] = (float)(max / 127);
	for (d = 0; d < t->dim; d++)
		t->q[k * t->dim + d] = max > 0 ?
		    (int8_t)lrint(r[d] / max * 127) : 0;
}

struct tfkld *
tfkld_from(const uint64_t *key, const double *weight, const double *v,
    size_t nfeat, size_t dim)
{
	struct tfkld *t = alloc_model(nfeat, dim);
	double r[TFKLD_DIM];
	size_t k, d;

	for (k = 0; k < nfeat; k++) {
		t->key[k] = key[k];
		t->weight[k] = (float)weight[k];
		for (d = 0; d < dim; d++)
			r[d] = weight[k] * v[k * dim + d];
		set_row(t, k, r);
	}
	table(t);
	return t;
}

void
tfkld_free(struct tfkld *t)
{
	if (t == NULL)
		return;
	free(t->key);
	free(t->weight);
	free(t->scale);
	free(t->q);
	free(t->slot);
	free(t);
}

size_t
tfkld_nfeat(const struct tfkld *t)
{
	return t->nfeat;
}

size_t
tfkld_dim(const struct tfkld *t)
{
	return t->dim;
}

double
tfkld_feature_weight(const struct tfkld *t, uint64_t key)
{
	long k = lookup(t, key);

	return k < 0 ? -1 : t->weight[k];
}

size_t
tfkld_vector(const struct tfkld *t, const uint64_t *keys, size_t n,
    float *out)
{
	double acc[TFKLD_DIM] = { 0 }, norm = 0;
	const int8_t *q;
	size_t i, d, found = 0;
	long k;

	for (i = 0; i < n; i++) {
		if ((k = lookup(t, keys[i])) < 0)
			continue;
		found++;
		q = t->q + (size_t)k * t->dim;
		for (d = 0; d < t->dim; d++)
			acc[d] += (double)t->scale[k] * q[d];
	}
	for (d = 0; d < t->dim; d++)
		norm += acc[d] * acc[d];
	norm = norm > 0 ? 1 / sqrt(norm) : 0;
	for (d = 0; d < t->dim; d++)
		out[d] = (float)(acc[d] * norm);
	return found;
}

void
tfkld_pair(const float *a, const float *b, size_t dim, double *f)
{
	double dot = 0;
	size_t d;

	for (d = 0; d < dim; d++) {
		f[d] = (double)a[d] + b[d];
		f[dim + d] = fabs((double)a[d] - b[d]);
		dot += (double)a[d] * b[d];
	}
	f[2 * dim] = dot;
}

/* ---- training ---- */

static int
u64_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* The sorted, unique keys of sentence i into *u; returns how many. */
static size_t
sent_set(const struct tfkld_train_set *ts, size_t i, uint64_t *u)
{
	size_t n = ts->off[i + 1] - ts->off[i], k, m = 0;

	memcpy(u, ts->keys + ts->off[i], n * sizeof(*u));
	qsort(u, n, sizeof(*u), u64_cmp);
	for (k = 0; k < n; k++)
		if (m == 0 || u[m - 1] != u[k])
			u[m++] = u[k];
	return m;
}

/* The keys in at least mindf sentences, sorted, into a new model. */
static struct tfkld *
vocabulary(const struct tfkld_train_set *ts, size_t mindf, size_t dim)
{
	size_t ns = 2 * ts->npairs, i, n = 0, k, run, nf = 0;
	uint64_t *all = xcalloc(ts->off[ns] + 1, sizeof(*all));
	struct tfkld *t;

	for (i = 0; i < ns; i++)
		n += sent_set(ts, i, all + n);
	qsort(all, n, sizeof(*all), u64_cmp);
	for (k = 0; k < n; k += run) {
		for (run = 1; k + run < n && all[k + run] == all[k]; run++)
			;
		if (run >= mindf)
			all[nf++] = all[k];
	}
	t = alloc_model(nf, dim);
	memcpy(t->key, all, nf * sizeof(*all));
	free(all);
	table(t);
	return t;
}

/* The TF-KLD weight of every feature of t from the labelled pairs. */
static void
weights(struct tfkld *t, const struct tfkld_train_set *ts, double *w)
{
	double *cnt = xcalloc(4 * t->nfeat + 1, sizeof(*cnt)), tot[4] = { 0 };
	uint64_t *a, *b;
	size_t p, na, nb, i, j, max = 0, y;
	long k;

	for (i = 0; i < 2 * ts->npairs; i++)
		if (ts->off[i + 1] - ts->off[i] > max)
			max = ts->off[i + 1] - ts->off[i];
	a = xcalloc(max + 1, sizeof(*a));
	b = xcalloc(max + 1, sizeof(*b));
	for (p = 0; p < ts->npairs; p++) {
		y = ts->y[p] ? 2 : 0;	/* cnt[4k + y]: union, +1: both */
		na = sent_set(ts, 2 * p, a);
		nb = sent_set(ts, 2 * p + 1, b);
		for (i = 0, j = 0; i < na || j < nb;) {
			int both = i < na && j < nb && a[i] == b[j];
			uint64_t key = (j >= nb || (i < na && a[i] < b[j])) ?
			    a[i] : b[j];

			if (both || (i < na && a[i] == key))
				i++;
			if (both || (j < nb && b[j] == key))
				j++;
			if ((k = lookup(t, key)) < 0)
				continue;
			cnt[4 * k + y]++;
			cnt[4 * k + y + 1] += both;
		}
	}
	for (i = 0; i < t->nfeat; i++)
		for (j = 0; j < 4; j++)
			tot[j] += cnt[4 * i + j];
	for (i = 0; i < t->nfeat; i++)
		w[i] = tfkld_weight(cnt[4 * i + 3], cnt[4 * i + 2],
		    cnt[4 * i + 1], cnt[4 * i], tot[3] / tot[2],
		    tot[1] / tot[0], ALPHA);
	free(a);
	free(b);
	free(cnt);
}

/* A sparse matrix, rows of (column, value). */
struct csr {
	size_t		 nrow, ncol;
	size_t		*off;
	uint32_t	*col;
	double		*val;
};

static void
build_csr(const struct tfkld *t, const struct tfkld_train_set *ts,
    const double *w, struct csr *X)
{
	size_t i, k, m = 0;
	long c;

	X->nrow = 2 * ts->npairs;
	X->ncol = t->nfeat;
	X->off = xcalloc(X->nrow + 1, sizeof(*X->off));
	X->col = xcalloc(ts->off[X->nrow] + 1, sizeof(*X->col));
	X->val = xcalloc(ts->off[X->nrow] + 1, sizeof(*X->val));
	for (i = 0; i < X->nrow; i++) {
		/* Repeated keys add up: the term frequency. */
		for (k = ts->off[i]; k < ts->off[i + 1]; k++)
			if ((c = lookup(t, ts->keys[k])) >= 0) {
				X->col[m] = (uint32_t)c;
				X->val[m++] = w[c];
			}
		X->off[i + 1] = m;
	}
}

/* Y (nrow x l, column major) = X A (A: ncol x l, column major). */
static void
mul(const struct csr *X, const double *A, size_t l, double *Y)
{
	size_t i, j, k;

	memset(Y, 0, X->nrow * l * sizeof(*Y));
	for (i = 0; i < X->nrow; i++)
		for (k = X->off[i]; k < X->off[i + 1]; k++)
			for (j = 0; j < l; j++)
				Y[i + j * X->nrow] += X->val[k] *
				    A[X->col[k] + j * X->ncol];
}

/* Z (ncol x l, column major) = X' A (A: nrow x l, column major). */
static void
mul_t(const struct csr *X, const double *A, size_t l, double *Z)
{
	size_t i, j, k;

	memset(Z, 0, X->ncol * l * sizeof(*Z));
	for (i = 0; i < X->nrow; i++)
		for (k = X->off[i]; k < X->off[i + 1]; k++)
			for (j = 0; j < l; j++)
				Z[X->col[k] + j * X->ncol] += X->val[k] *
				    A[i + j * X->nrow];
}

/* Replace A (m x l, column major, m >= l) by an orthonormal basis. */
static int
orth(double *A, size_t m, size_t l)
{
	int M = (int)m, L = (int)l, lwork = -1, info;
	double *tau = xcalloc(l, sizeof(*tau)), q, *work;

	dgeqrf_(&M, &L, A, &M, tau, &q, &lwork, &info);
	lwork = (int)q;
	work = xcalloc((size_t)lwork + 1, sizeof(*work));
	dgeqrf_(&M, &L, A, &M, tau, work, &lwork, &info);
	free(work);
	if (info == 0) {
		lwork = -1;
		dorgqr_(&M, &L, &L, A, &M, tau, &q, &lwork, &info);
		lwork = (int)q;
		work = xcalloc((size_t)lwork + 1, sizeof(*work));
		dorgqr_(&M, &L, &L, A, &M, tau, work, &lwork, &info);
		free(work);
	}
	free(tau);
	return info == 0 ? 0 : -1;
}

/* Eigen-decomposition of the symmetric G (l x l): vectors into G. */
static int
eig(double *G, size_t l, double *ev)
{
	int L = (int)l, lwork = -1, info;
	double q, *work;

	dsyev_("V", "U", &L, G, &L, ev, &q, &lwork, &info, 1, 1);
	lwork = (int)q;
	work = xcalloc((size_t)lwork + 1, sizeof(*work));
	dsyev_("V", "U", &L, G, &L, ev, work, &lwork, &info, 1, 1);
	free(work);
	return info == 0 ? 0 : -1;
}

static double
uniform(uint64_t *s)
{
	*s += 0x9e3779b97f4a7c15ULL;
	return (double)(hash_mix(*s) >> 11) / 9007199254740992.0 * 2 - 1;
}

/*
 * The top dim right singular vectors of X into V (ncol x dim, row
 * major), each signed so that its largest entry is positive.
 */
static int
svd(const struct csr *X, size_t dim, uint64_t seed, double *V)
{
	size_t l = dim + OVERSAMPLE, i, j, d, it, arg;
	double *Om, *Y, *Z, *G, *ev, s, best;
	int rc = 0;

	if (l > X->nrow)
		l = X->nrow;
	if (l > X->ncol)
		l = X->ncol;
	Om = xcalloc(X->ncol * l, sizeof(*Om));
	Y = xcalloc(X->nrow * l, sizeof(*Y));
	Z = xcalloc(X->ncol * l, sizeof(*Z));
	G = xcalloc(l * l, sizeof(*G));
	ev = xcalloc(l, sizeof(*ev));
	for (i = 0; i < X->ncol * l; i++)
		Om[i] = uniform(&seed);
	mul(X, Om, l, Y);
	for (it = 0; it < POWER_ITER && rc == 0; it++) {
		rc = orth(Y, X->nrow, l);
		mul_t(X, Y, l, Z);
		if (rc == 0)
			rc = orth(Z, X->ncol, l);
		mul(X, Z, l, Y);
	}
	if (rc == 0)
		rc = orth(Y, X->nrow, l);
	/* B = Q'X; B B' = Z'Z with Z = X'Q; right vectors Z W / sigma. */
	mul_t(X, Y, l, Z);
	for (i = 0; i < l; i++)
		for (j = 0; j < l; j++) {
			for (s = 0, d = 0; d < X->ncol; d++)
				s += Z[d + i * X->ncol] * Z[d + j * X->ncol];
			G[i + j * l] = s;
		}
	if (rc == 0)
		rc = eig(G, l, ev);
	memset(V, 0, X->ncol * dim * sizeof(*V));
	for (d = 0; rc == 0 && d < dim && d < l; d++) {
		j = l - 1 - d;		/* eigenvalues ascend */
		if (ev[j] <= 1e-12)
			continue;
		for (i = 0, best = 0, arg = 0; i < X->ncol; i++) {
			for (s = 0, it = 0; it < l; it++)
				s += Z[i + it * X->ncol] * G[it + j * l];
			V[i * dim + d] = s / sqrt(ev[j]);
			if (fabs(V[i * dim + d]) > best) {
				best = fabs(V[i * dim + d]);
				arg = i;
			}
		}
		if (V[arg * dim + d] < 0)
			for (i = 0; i < X->ncol; i++)
				V[i * dim + d] = -V[i * dim + d];
	}
	free(Om);
	free(Y);
	free(Z);
	free(G);
	free(ev);
	return rc;
}

struct tfkld *
tfkld_train(const struct tfkld_train_set *ts, size_t mindf, size_t dim,
    uint64_t seed, char *err, size_t errlen)
{
	struct tfkld *t;
	struct csr X;
	double *w, *V, r[TFKLD_DIM];
	size_t k, d;

	if (dim > TFKLD_DIM)
		dim = TFKLD_DIM;
	t = vocabulary(ts, mindf, dim);
	w = xcalloc(t->nfeat + 1, sizeof(*w));
	weights(t, ts, w);
	build_csr(t, ts, w, &X);
	V = xcalloc(t->nfeat * dim + 1, sizeof(*V));
	if (svd(&X, dim, seed, V) == -1) {
		snprintf(err, errlen, "LAPACK failed in the SVD");
		tfkld_free(t);
		t = NULL;
	}
	for (k = 0; t != NULL && k < t->nfeat; k++) {
		t->weight[k] = (float)w[k];
		for (d = 0; d < dim; d++)
			r[d] = w[k] * V[k * dim + d];
		set_row(t, k, r);
	}
	free(V);
	free(w);
	free(X.off);
	free(X.col);
	free(X.val);
	return t;
}

/* Row k of t, dequantised, into r[0..dim). */
static void
get_row(const struct tfkld *t, size_t k, double *r)
{
	size_t d;

	for (d = 0; d < t->dim; d++)
		r[d] = (double)t->scale[k] * t->q[k * t->dim + d];
}

int
tfkld_align(struct tfkld *t, const struct tfkld *ref)
{
	int K = (int)t->dim, lwork = -1, info;
	double *M, *U, *VT, *R, S[TFKLD_DIM], a[TFKLD_DIM], b[TFKLD_DIM],
	    r[TFKLD_DIM], q, *work;
	size_t k, i, j, l, dim = t->dim;
	long o;

	if (ref->dim != dim)
		return -1;
	M = xcalloc(dim * dim, sizeof(*M));
	U = xcalloc(dim * dim, sizeof(*U));
	VT = xcalloc(dim * dim, sizeof(*VT));
	R = xcalloc(dim * dim, sizeof(*R));
	for (k = 0; k < t->nfeat; k++) {
		if ((o = lookup(ref, t->key[k])) < 0)
			continue;
		get_row(t, k, a);
		get_row(ref, (size_t)o, b);
		for (j = 0; j < dim; j++)
			for (i = 0; i < dim; i++)
				M[i + j * dim] += a[i] * b[j];
	}
	dgesvd_("A", "A", &K, &K, M, &K, S, U, &K, VT, &K, &q, &lwork, &info,
	    1, 1);
	lwork = (int)q;
	work = xcalloc((size_t)lwork + 1, sizeof(*work));
	dgesvd_("A", "A", &K, &K, M, &K, S, U, &K, VT, &K, work, &lwork,
	    &info, 1, 1);
	free(work);
	/* The orthogonal R = U VT minimises |t R - ref| (Procrustes). */
	for (i = 0; i < dim; i++)
		for (j = 0; j < dim; j++)
			for (l = 0; l < dim; l++)
				R[i + j * dim] += U[i + l * dim] *
				    VT[l + j * dim];
	for (k = 0; info == 0 && k < t->nfeat; k++) {
		get_row(t, k, a);
		for (j = 0; j < dim; j++)
			for (r[j] = 0, i = 0; i < dim; i++)
				r[j] += a[i] * R[i + j * dim];
		set_row(t, k, r);
	}
	free(M);
	free(U);
	free(VT);
	free(R);
	return info == 0 ? 0 : -1;
}

/* ---- the file ---- */

static void
put_u64(unsigned char *p, uint64_t v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t
get_u64(const unsigned char *p, size_t n)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

static uint32_t
f2u(float f)
{
	uint32_t u;

	memcpy(&u, &f, sizeof(u));
	return u;
}

static float
u2f(uint32_t u)
{
	float f;

	memcpy(&f, &u, sizeof(f));
	return f;
}

int
tfkld_write(const struct tfkld *t, const char *path)
{
	unsigned char hd[16], *rec;
	size_t k, rl = 16 + t->dim;
	gzFile gz;
	int ok;

	if ((gz = gzopen(path, "wT")) == NULL)
		return -1;
	rec = xmalloc(rl);
	put_u64(hd, t->nfeat, 4);
	put_u64(hd + 4, t->dim, 4);
	ok = gzwrite(gz, magic, 7) == 7 && gzwrite(gz, hd, 8) == 8;
	for (k = 0; ok && k < t->nfeat; k++) {
		put_u64(rec, t->key[k], 8);
		put_u64(rec + 8, f2u(t->weight[k]), 4);
		put_u64(rec + 12, f2u(t->scale[k]), 4);
		memcpy(rec + 16, t->q + k * t->dim, t->dim);
		ok = gzwrite(gz, rec, (unsigned)rl) == (int)rl;
	}
	free(rec);
	if (gzclose(gz) != Z_OK || !ok) {
		if (errno == 0)
			errno = EIO;
		return -1;
	}
	return 0;
}

/* Read n bytes into p; 0, or -1 when the file ends before. */
static int
read_all(gzFile gz, void *p, size_t n)
{
	unsigned char *b = p;
	unsigned chunk;
	int got;

	while (n > 0) {
		chunk = n > (1u << 30) ? 1u << 30 : (unsigned)n;
		if ((got = gzread(gz, b, chunk)) <= 0)
			return -1;
		b += got;
		n -= (size_t)got;
	}
	return 0;
}

struct tfkld *
tfkld_load(const char *path, char *err, size_t errlen)
{
	unsigned char hd[15], *buf = NULL, *rec, extra;
	struct tfkld *t = NULL;
	size_t nf, dim, k;
	gzFile gz;
	int bad;

	if ((gz = gzopen(path, "rb")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	gzbuffer(gz, 1 << 17);
	bad = read_all(gz, hd, 15) == -1 || memcmp(hd, magic, 7) != 0;
	nf = bad ? 0 : get_u64(hd + 7, 4);
	dim = bad ? 0 : get_u64(hd + 11, 4);
	if (!bad && (dim == 0 || dim > TFKLD_DIM || nf > (1u << 26)))
		bad = 1;
	/* One read of the whole body: much faster than one per record. */
	if (!bad) {
		buf = xmalloc(nf * (16 + dim) + 1);
		bad = read_all(gz, buf, nf * (16 + dim)) == -1 ||
		    gzread(gz, &extra, 1) != 0;
	}
	gzclose(gz);
	if (bad) {
		snprintf(err, errlen, "%s: not a latent model (%s)", path,
		    TFKLD_FILE);
		free(buf);
		return NULL;
	}
	t = alloc_model(nf, dim);
	for (k = 0, rec = buf; k < nf; k++, rec += 16 + dim) {
		t->key[k] = get_u64(rec, 8);
		t->weight[k] = u2f((uint32_t)get_u64(rec + 8, 4));
		t->scale[k] = u2f((uint32_t)get_u64(rec + 12, 4));
		memcpy(t->q + k * dim, rec + 16, dim);
	}
	free(buf);
	table(t);
	return t;
}
