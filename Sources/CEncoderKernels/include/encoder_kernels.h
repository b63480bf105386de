// Elementwise passes of the transformer encoder that sit between its matrix products, vectorised for the
// CPU at hand (AVX-512, AVX2+FMA or SSE2, chosen once at run time). All matrices are row-major floats.
#ifndef TUNELENS_ENCODER_KERNELS_H
#define TUNELENS_ENCODER_KERNELS_H

/// x[r][c] = gelu(x[r][c] + bias[c]), GELU in its exact form x/2 (1 + erf(x / sqrt 2)), with erf
/// approximated to within 1.5e-7 (2.5 ulp) of the true value.
void tl_bias_gelu_erf(float *x, const float *bias, long rows, long cols);

/// x[r][c] = gelu(x[r][c] + bias[c]) * (x[r][inner + c] + bias[inner + c]) for c < inner, in place, over
/// rows of 2 inner floats: a GeGLU, the first half of each row the input and the second the gate (as
/// `input, gate = chunk(2)` splits it). The second half is left as it was. `bias` (2 inner floats) may be NULL.
void tl_bias_geglu_erf(float *x, const float *bias, long rows, long inner);

/// x[r] = LayerNorm(x[r] + bias + residual[r]) * gamma + beta, biased variance, for each of `rows`
/// rows of `cols`. `bias`, `residual` and `beta` (a LayerNorm without bias) may be NULL.
void tl_bias_residual_layernorm(float *x, const float *bias, const float *residual,
                                const float *gamma, const float *beta, long rows, long cols, float epsilon);

/// out[r] = LayerNorm(x[r]) * gamma + beta for each of `rows` rows of `cols`, x unchanged; `beta` may be NULL.
void tl_layernorm_into(const float *x, float *out, const float *gamma, const float *beta,
                       long rows, long cols, float epsilon);

/// Rotary position embedding of the queries and keys of `rows` rows of a packed Q|K|V matrix (rows
/// `stride` apart, queries at 0 and keys at `hidden`, `heads` heads of `size` floats). Row r is at
/// position positions[r]; for each head and d < size/2, with c = cos_table[p][d], s = sin_table[p][d]
/// (tables of size/2 floats per position): x[d] <- x[d] c - x[d + size/2] s and
/// x[d + size/2] <- x[d + size/2] c + x[d] s (rotate_half, as transformers applies it).
void tl_rotary(float *qkv, long rows, long stride, long hidden, long heads, long size,
               const long *positions, const float *cos_table, const float *sin_table);

/// scores[i][j] += relative[length - 1 + j - i] for i, j < length, rows `stride` apart: a bias that
/// depends only on the offset j - i of key from query (relative position buckets, a local window).
void tl_add_relative_bias(float *scores, long length, long stride, const float *relative);

/// Softmax of each of `rows` rows of `cols` scores, the rows `stride` floats apart, in place.
void tl_softmax_rows(float *scores, long rows, long cols, long stride);

/// Scaled dot-product attention of one head over one sequence: for each token i,
/// context[i] = sum_j softmax_j(scale q_i . k_j) v_j, where q_i, k_i and v_i are the `size` floats at
/// `offset`, `hidden + offset` and `2 hidden + offset` of row i of `qkv` (rows `stride` apart), and
/// context rows are `context_stride` apart (written at `offset`). `relative` (NULL for none) adds a bias
/// to each score before the softmax, as tl_add_relative_bias does. Any length and head size: the
/// transposed keys and the scores live in a per-thread scratch that grows to the longest sequence seen.
void tl_attention_head(const float *qkv, long length, long stride, long hidden, long offset, long size,
                       float scale, const float *relative, float *context, long context_stride);

/// The kernels' erf and exp on one value, for tests against the C library.
float tl_erf(float x);
float tl_exp(float x);

/// The instruction set the kernels run with: "avx512", "avx2" or "sse2".
const char *tl_kernel_isa(void);

#endif
