// Elementwise passes of the BERT encoder that sit between its matrix products, vectorised for the
// CPU at hand (AVX-512, AVX2+FMA or SSE2, chosen once at run time). All matrices are row-major floats.
#ifndef TUNELENS_ENCODER_KERNELS_H
#define TUNELENS_ENCODER_KERNELS_H

/// x[r][c] = gelu(x[r][c] + bias[c]), GELU in its exact form x/2 (1 + erf(x / sqrt 2)), with erf
/// approximated to within 1.5e-7 (2.5 ulp) of the true value.
void tl_bias_gelu_erf(float *x, const float *bias, long rows, long cols);

/// x[r] = LayerNorm(x[r] + bias + residual[r]) * gamma + beta, biased variance, for each of `rows`
/// rows of `cols`. `bias` and `residual` may be NULL.
void tl_bias_residual_layernorm(float *x, const float *bias, const float *residual,
                                const float *gamma, const float *beta, long rows, long cols, float epsilon);

/// Softmax of each of `rows` rows of `cols` scores, the rows `stride` floats apart, in place.
void tl_softmax_rows(float *scores, long rows, long cols, long stride);

/// The kernels' erf and exp on one value, for tests against the C library.
float tl_erf(float x);
float tl_exp(float x);

/// The instruction set the kernels run with: "avx512", "avx2" or "sse2".
const char *tl_kernel_isa(void);

#endif
