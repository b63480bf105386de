// The machine's single-process sgemm rate, the ceiling for the encoder's linear layers.
//
// Times cblas_sgemm (OpenBLAS, row-major, B transposed as in a linear layer) on the shapes of
// all-MiniLM-L6-v2's products for a 4096-token batch, with the given number of OpenBLAS threads,
// and prints the best GFLOP/s over several repetitions: "sgemm GFLOPS CORENAME".
// Build: cc -O2 scripts/sgemm_rate.c -o sgemm_rate $(pkg-config --cflags --libs openblas)
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

void openblas_set_num_threads(int);
char *openblas_get_corename(void);

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    int threads = argc > 1 ? atoi(argv[1]) : 2;
    int repetitions = argc > 2 ? atoi(argv[2]) : 5;
    openblas_set_num_threads(threads);
    // (m, n, k): tokens x out x in for Q|K|V, attention output, intermediate, output.
    const int shapes[4][3] = {{4096, 1152, 384}, {4096, 384, 384}, {4096, 1536, 384}, {4096, 384, 1536}};
    float *a = malloc(sizeof(float) * 4096 * 1536);
    float *b = malloc(sizeof(float) * 1536 * 1536);
    float *c = malloc(sizeof(float) * 4096 * 1536);
    for (long i = 0; i < 4096L * 1536; i++) a[i] = (float)((i * 7919) % 1000) / 1000.0f - 0.5f;
    for (long i = 0; i < 1536L * 1536; i++) b[i] = (float)((i * 104729) % 1000) / 1000.0f - 0.5f;
    double best = 0;
    for (int r = 0; r < repetitions; r++) {
        double flops = 0, start = now();
        for (int s = 0; s < 4; s++) {
            int m = shapes[s][0], n = shapes[s][1], k = shapes[s][2];
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m, n, k, 1.0f, a, k, b, k, 0.0f, c, n);
            flops += 2.0 * m * n * k;
        }
        double rate = flops / (now() - start) / 1e9;
        if (rate > best) best = rate;
    }
    printf("sgemm %.1f %s\n", best, openblas_get_corename());
    free(a); free(b); free(c);
    return 0;
}
