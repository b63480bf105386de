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

TL_TARGET static void TL_NAME(bias_residual_layernorm)(float *x, const float *bias, const float *residual,
                                                       const float *gamma, const float *beta,
                                                       long rows, long cols, float epsilon) {
#pragma clang fp reassociate(on)
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
        float sum = 0;
        for (long c = 0; c < cols; c++) sum += line[c];
        float mean = sum / (float)cols;
        float squares = 0;
        for (long c = 0; c < cols; c++) {
            float centered = line[c] - mean;
            squares += centered * centered;
        }
        float inverse = 1.0f / __builtin_sqrtf(squares / (float)cols + epsilon);
        for (long c = 0; c < cols; c++) line[c] = (line[c] - mean) * inverse * gamma[c] + beta[c];
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
        for (c = 0; c < cols; c++) {
            float e = TL_NAME(exp_approx)(line[c] - largest);
            line[c] = e;
            total += e;
        }
        float scale = 1.0f / total;
        for (c = 0; c < cols; c++) line[c] *= scale;
    }
}
