// The kernels' bodies, included once per instruction set by encoder_kernels.c with TL_TARGET (a
// function attribute) and TL_NAME(name) (a suffixed name) defined. Loops are written branch-free so
// the compiler vectorises them for that instruction set.

TL_TARGET static inline float TL_NAME(exp_approx)(float x) {
    // exp(x) = 2^n e^r, n = round(x / ln 2), |r| <= ln 2 / 2; Cephes' expf polynomial (about 1 ulp).
    x = x < -87.0f ? -87.0f : x;
    x = x > 88.0f ? 88.0f : x;
    float n = __builtin_rintf(x * 1.44269504088896341f);
    float r = x - n * 0.693359375f;
    r = r - n * -2.12194440e-4f;
    float p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    p = p * r * r + r + 1.0f;
    union { float f; int i; } scale;
    scale.i = ((int)n + 127) << 23;
    return p * scale.f;
}

TL_TARGET static inline float TL_NAME(erf_approx)(float x) {
    // |x| < 1: x P(x^2); 1 <= |x| <= 4: 1 - exp(-x^2) R(1/|x|); least-squares fits made by
    // scripts/fixtures/fit_erf.py against scipy's erf; beyond 4, erf rounds to +-1 in float.
    float a = x < 0 ? -x : x;
    a = a > 4.0f ? 4.0f : a;
    float t = a * a;
    float small = 7.889707194408402e-05f;
    small = small * t + -0.0008021006360650063f;
    small = small * t + 0.005189552437514067f;
    small = small * t + -0.02685445360839367f;
    small = small * t + 0.11283600330352783f;
    small = small * t + -0.3761262595653534f;
    small = small * t + 1.1283791065216064f;
    small = small * a;
    float s = 1.0f / (a < 1.0f ? 1.0f : a);
    float big = -0.036747343838214874f;
    big = big * s + 0.25560110807418823f;
    big = big * s + -0.7859939932823181f;
    big = big * s + 1.3852672576904297f;
    big = big * s + -1.4849669933319092f;
    big = big * s + 0.8731004595756531f;
    big = big * s + -0.057213835418224335f;
    big = big * s + -0.2888633906841278f;
    big = big * s + 0.00373165518976748f;
    big = big * s + 0.5636388063430786f;
    big = big * s + 2.9910768716945313e-05f;
    big = 1.0f - TL_NAME(exp_approx)(-t) * big;
    float r = a < 1.0f ? small : big;
    return x < 0 ? -r : r;
}

TL_TARGET static void TL_NAME(bias_gelu_erf)(float *x, const float *bias, long rows, long cols) {
    for (long row = 0; row < rows; row++) {
        float *restrict line = x + row * cols;
        for (long c = 0; c < cols; c++) {
            float v = line[c] + bias[c];
            line[c] = 0.5f * v * (1.0f + TL_NAME(erf_approx)(v * 0.70710678118654752f));
        }
    }
}

TL_TARGET static void TL_NAME(bias_geglu_erf)(float *x, const float *bias, long rows, long inner) {
    for (long row = 0; row < rows; row++) {
        float *restrict input = x + row * 2 * inner;
        const float *restrict gate = input + inner;
        if (bias) {
            for (long c = 0; c < inner; c++) {
                float v = input[c] + bias[c];
                input[c] = 0.5f * v * (1.0f + TL_NAME(erf_approx)(v * 0.70710678118654752f)) * (gate[c] + bias[inner + c]);
            }
        } else {
            for (long c = 0; c < inner; c++) {
                float v = input[c];
                input[c] = 0.5f * v * (1.0f + TL_NAME(erf_approx)(v * 0.70710678118654752f)) * gate[c];
            }
        }
    }
}

/// One row: out = (in - mean) / sqrt(variance + epsilon) * gamma + beta; `out` may be `in`.
TL_TARGET static inline void TL_NAME(normalize_row)(const float *in, float *out, const float *gamma,
                                                    const float *beta, long cols, float epsilon) {
#pragma clang fp reassociate(on)
    float sum = 0;
    for (long c = 0; c < cols; c++) sum += in[c];
    float mean = sum / (float)cols;
    float squares = 0;
    for (long c = 0; c < cols; c++) {
        float centered = in[c] - mean;
        squares += centered * centered;
    }
    float inverse = 1.0f / __builtin_sqrtf(squares / (float)cols + epsilon);
    if (beta) {
        for (long c = 0; c < cols; c++) out[c] = (in[c] - mean) * inverse * gamma[c] + beta[c];
    } else {
        for (long c = 0; c < cols; c++) out[c] = (in[c] - mean) * inverse * gamma[c];
    }
}

TL_TARGET static void TL_NAME(bias_residual_layernorm)(float *x, const float *bias, const float *residual,
                                                       const float *gamma, const float *beta,
                                                       long rows, long cols, float epsilon) {
    for (long row = 0; row < rows; row++) {
        float *restrict line = x + row * cols;
        if (bias && residual) {
            const float *restrict add = residual + row * cols;
            for (long c = 0; c < cols; c++) line[c] += bias[c] + add[c];
        } else if (bias) {
            for (long c = 0; c < cols; c++) line[c] += bias[c];
        } else if (residual) {
            const float *restrict add = residual + row * cols;
            for (long c = 0; c < cols; c++) line[c] += add[c];
        }
        TL_NAME(normalize_row)(line, line, gamma, beta, cols, epsilon);
    }
}

TL_TARGET static void TL_NAME(layernorm_into)(const float *x, float *out, const float *gamma, const float *beta,
                                              long rows, long cols, float epsilon) {
    for (long row = 0; row < rows; row++) {
        TL_NAME(normalize_row)(x + row * cols, out + row * cols, gamma, beta, cols, epsilon);
    }
}

TL_TARGET static void TL_NAME(rotary)(float *qkv, long rows, long stride, long hidden, long heads, long size,
                                      const long *positions, const float *cos_table, const float *sin_table) {
    long half = size / 2;
    for (long row = 0; row < rows; row++) {
        const float *restrict c = cos_table + positions[row] * half;
        const float *restrict s = sin_table + positions[row] * half;
        for (long part = 0; part < 2; part++) {  // queries, then keys
            for (long head = 0; head < heads; head++) {
                float *restrict low = qkv + row * stride + part * hidden + head * size;
                float *restrict high = low + half;
                for (long d = 0; d < half; d++) {
                    float a = low[d], b = high[d];
                    low[d] = a * c[d] - b * s[d];
                    high[d] = b * c[d] + a * s[d];
                }
            }
        }
    }
}

TL_TARGET static void TL_NAME(add_relative_bias)(float *scores, long length, long stride, const float *relative) {
    for (long i = 0; i < length; i++) {
        float *restrict row = scores + i * stride;
        const float *restrict bias = relative + (length - 1 - i);
        for (long j = 0; j < length; j++) row[j] += bias[j];
    }
}

TL_TARGET static void TL_NAME(softmax_rows)(float *scores, long rows, long cols, long stride) {
#pragma clang fp reassociate(on)
    for (long row = 0; row < rows; row++) {
        float *restrict line = scores + row * stride;
        // The maximum in 16 lanes (a plain max reduction does not vectorise without fast-math).
        float lanes[16];
        for (int j = 0; j < 16; j++) lanes[j] = line[0];
        long c = 0;
        for (; c + 16 <= cols; c += 16) {
            for (int j = 0; j < 16; j++) lanes[j] = line[c + j] > lanes[j] ? line[c + j] : lanes[j];
        }
        for (; c < cols; c++) lanes[0] = line[c] > lanes[0] ? line[c] : lanes[0];
        float largest = lanes[0];
        for (int j = 1; j < 16; j++) largest = lanes[j] > largest ? lanes[j] : largest;
        float total = 0;
#pragma clang loop vectorize_width(16) interleave_count(1)
        for (c = 0; c < cols; c++) {
            float e = TL_NAME(exp_approx)(line[c] - largest);
            line[c] = e;
            total += e;
        }
        float scale = 1.0f / total;
#pragma clang loop vectorize_width(16) interleave_count(1)
        for (c = 0; c < cols; c++) line[c] *= scale;
    }
}

TL_TARGET static void TL_NAME(attention_head)(const float *qkv, long length, long stride, long hidden,
                                              long offset, long size, float scale, const float *relative,
                                              float *context, long context_stride) {
#pragma clang fp reassociate(on)
    // Keys transposed and scores padded to a multiple of 16 columns, so every inner loop runs whole
    // vectors; padded scores are -1e30, whose exponential (2^-125) vanishes next to a sum of at least 1.
    long padded = (length + 15) & ~15L;
    float *key_t = tl_attention_scratch((size + length) * padded);
    float *scores = key_t + size * padded;
    for (long d = 0; d < size; d++) {
        for (long j = 0; j < length; j++) key_t[d * padded + j] = qkv[j * stride + hidden + offset + d];
        for (long j = length; j < padded; j++) key_t[d * padded + j] = 0;
    }
    // Four query rows at a time (the last block repeats the final row), so each key vector loaded feeds
    // four independent sums: 16 scores per row, summed over the head's dimensions in registers.
    for (long i = 0; i < length; i += 4) {
        long r1 = i + 1 < length ? i + 1 : length - 1, r2 = i + 2 < length ? i + 2 : length - 1,
             r3 = i + 3 < length ? i + 3 : length - 1;
        const float *q0 = qkv + i * stride + offset, *q1 = qkv + r1 * stride + offset,
                    *q2 = qkv + r2 * stride + offset, *q3 = qkv + r3 * stride + offset;
        for (long j0 = 0; j0 < padded; j0 += 16) {
            tl_v16 s0 = {0}, s1 = {0}, s2 = {0}, s3 = {0};
            for (long d = 0; d < size; d++) {
                tl_v16 key = *(const tl_v16 *)(key_t + d * padded + j0);
                s0 += q0[d] * key;
                s1 += q1[d] * key;
                s2 += q2[d] * key;
                s3 += q3[d] * key;
            }
            *(tl_v16 *)(scores + i * padded + j0) = s0 * scale;
            *(tl_v16 *)(scores + r1 * padded + j0) = s1 * scale;
            *(tl_v16 *)(scores + r2 * padded + j0) = s2 * scale;
            *(tl_v16 *)(scores + r3 * padded + j0) = s3 * scale;
        }
    }
    for (long i = 0; i < length; i++) {
        for (long j = length; j < padded; j++) scores[i * padded + j] = -1e30f;
    }
    if (relative) TL_NAME(add_relative_bias)(scores, length, padded, relative);
    TL_NAME(softmax_rows)(scores, length, padded, padded);
    // Four output rows at a time again: each value vector loaded feeds four sums over the sequence.
    const float *values = qkv + 2 * hidden + offset;
    for (long i = 0; i < length; i += 4) {
        long r1 = i + 1 < length ? i + 1 : length - 1, r2 = i + 2 < length ? i + 2 : length - 1,
             r3 = i + 3 < length ? i + 3 : length - 1;
        const float *p0 = scores + i * padded, *p1 = scores + r1 * padded, *p2 = scores + r2 * padded,
                    *p3 = scores + r3 * padded;
        long d0 = 0;
        for (; d0 + 16 <= size; d0 += 16) {
            tl_v16 s0 = {0}, s1 = {0}, s2 = {0}, s3 = {0};
            for (long j = 0; j < length; j++) {
                tl_v16 value = *(const tl_v16 *)(values + j * stride + d0);
                s0 += p0[j] * value;
                s1 += p1[j] * value;
                s2 += p2[j] * value;
                s3 += p3[j] * value;
            }
            *(tl_v16 *)(context + i * context_stride + offset + d0) = s0;
            *(tl_v16 *)(context + r1 * context_stride + offset + d0) = s1;
            *(tl_v16 *)(context + r2 * context_stride + offset + d0) = s2;
            *(tl_v16 *)(context + r3 * context_stride + offset + d0) = s3;
        }
        for (; d0 < size; d0++) {
            const float *rows[4] = {p0, p1, p2, p3};
            long targets[4] = {i, r1, r2, r3};
            for (int r = 0; r < 4; r++) {
                float sum = 0;
                for (long j = 0; j < length; j++) sum += rows[r][j] * values[j * stride + d0];
                context[targets[r] * context_stride + offset + d0] = sum;
            }
        }
    }
}
