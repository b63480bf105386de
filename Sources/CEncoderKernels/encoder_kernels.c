// Run-time dispatch of the encoder's elementwise kernels (kernels_body.h) to the widest instruction set
// the CPU has. The bodies are plain C loops; the compiler vectorises each copy for its target.
#include "encoder_kernels.h"

#include <pthread.h>
#include <stdlib.h>

#if defined(__x86_64__) && defined(__clang__)
#define TL_X86 1
#endif

/// 16 floats as one value (one AVX-512 register, two AVX2 or four SSE ones), loadable from any float address.
typedef float tl_v16 __attribute__((vector_size(64), aligned(4)));

/// This thread's attention scratch of at least `count` floats: grown when a longer sequence needs it,
/// kept for the thread's next call (so long sequences neither allocate nor page-fault per head), and
/// freed when the thread ends. Aborts when memory runs out, as a failed Swift allocation does.
static pthread_key_t scratch_key;
static pthread_once_t scratch_once = PTHREAD_ONCE_INIT;
typedef struct { long capacity; float values[]; } tl_scratch;

static void make_scratch_key(void) {
    if (pthread_key_create(&scratch_key, free) != 0) abort();
}

static float *tl_attention_scratch(long count) {
    pthread_once(&scratch_once, make_scratch_key);
    tl_scratch *scratch = pthread_getspecific(scratch_key);
    if (!scratch || scratch->capacity < count) {
        free(scratch);
        scratch = malloc(sizeof(tl_scratch) + (size_t)count * sizeof(float));
        if (!scratch || pthread_setspecific(scratch_key, scratch) != 0) abort();
        scratch->capacity = count;
    }
    return scratch->values;
}

#define TL_TARGET
#define TL_NAME(name) tl_##name##_generic
#include "kernels_body.h"
#undef TL_TARGET
#undef TL_NAME

#ifdef TL_X86
#define TL_TARGET __attribute__((target("avx2,fma")))
#define TL_NAME(name) tl_##name##_avx2
#include "kernels_body.h"
#undef TL_TARGET
#undef TL_NAME

#define TL_TARGET __attribute__((target("avx512f,avx512vl,avx512bw,avx512dq,avx2,fma")))
#define TL_NAME(name) tl_##name##_avx512
#include "kernels_body.h"
#undef TL_TARGET
#undef TL_NAME
#endif

enum { ISA_UNKNOWN = 0, ISA_GENERIC, ISA_AVX2, ISA_AVX512 };
static int chosen_isa = ISA_UNKNOWN;

static int isa(void) {
    int found = __atomic_load_n(&chosen_isa, __ATOMIC_RELAXED);
    if (found != ISA_UNKNOWN) return found;
    found = ISA_GENERIC;
#ifdef TL_X86
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
        __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq")) {
        found = ISA_AVX512;
    } else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        found = ISA_AVX2;
    }
#endif
    __atomic_store_n(&chosen_isa, found, __ATOMIC_RELAXED);
    return found;
}

#ifdef TL_X86
#define DISPATCH(name, ...)                                                  \
    switch (isa()) {                                                         \
    case ISA_AVX512: tl_##name##_avx512(__VA_ARGS__); return;                \
    case ISA_AVX2: tl_##name##_avx2(__VA_ARGS__); return;                    \
    default: tl_##name##_generic(__VA_ARGS__); return;                       \
    }
#else
#define DISPATCH(name, ...) tl_##name##_generic(__VA_ARGS__);
#endif

void tl_bias_gelu_erf(float *x, const float *bias, long rows, long cols) {
    DISPATCH(bias_gelu_erf, x, bias, rows, cols)
}

void tl_bias_geglu_erf(float *x, const float *bias, long rows, long inner) {
    DISPATCH(bias_geglu_erf, x, bias, rows, inner)
}

void tl_bias_residual_layernorm(float *x, const float *bias, const float *residual,
                                const float *gamma, const float *beta, long rows, long cols, float epsilon) {
    DISPATCH(bias_residual_layernorm, x, bias, residual, gamma, beta, rows, cols, epsilon)
}

void tl_layernorm_into(const float *x, float *out, const float *gamma, const float *beta,
                       long rows, long cols, float epsilon) {
    DISPATCH(layernorm_into, x, out, gamma, beta, rows, cols, epsilon)
}

void tl_rotary(float *qkv, long rows, long stride, long hidden, long heads, long size,
               const long *positions, const float *cos_table, const float *sin_table) {
    DISPATCH(rotary, qkv, rows, stride, hidden, heads, size, positions, cos_table, sin_table)
}

void tl_add_relative_bias(float *scores, long length, long stride, const float *relative) {
    DISPATCH(add_relative_bias, scores, length, stride, relative)
}

void tl_softmax_rows(float *scores, long rows, long cols, long stride) {
    DISPATCH(softmax_rows, scores, rows, cols, stride)
}

void tl_attention_head(const float *qkv, long length, long stride, long hidden, long offset, long size,
                       float scale, const float *relative, float *context, long context_stride) {
    DISPATCH(attention_head, qkv, length, stride, hidden, offset, size, scale, relative, context, context_stride)
}

float tl_erf(float x) { return tl_erf_approx_generic(x); }
float tl_exp(float x) { return tl_exp_approx_generic(x); }

const char *tl_kernel_isa(void) {
    switch (isa()) {
    case ISA_AVX512: return "avx512";
    case ISA_AVX2: return "avx2";
    default: return "sse2";
    }
}
