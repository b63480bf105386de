import CEncoderKernels
import Foundation
import Testing
@testable import Embeddings

/// The vectorised erf, exp, GELU, softmax and LayerNorm passes against the C library and plain loops.
@Suite("encoder kernels")
struct EncoderKernelsTests {
    @Test("erf within 1.5e-7 of the C library's over [-6, 6]; exp within 2 ulp over [-87, 0]")
    func erfAndExp() {
        var worstErf: Float = 0
        for step in 0...120_000 {
            let x = Float(step - 60_000) / 10_000
            worstErf = max(worstErf, abs(tl_erf(x) - erff(x)))
        }
        #expect(worstErf <= 1.5e-7, "max |erf error| \(worstErf)")
        var worstExp: Float = 0
        for step in 0...87_000 {
            let x = -Float(step) / 1000
            let exact = expf(x)
            worstExp = max(worstExp, abs(tl_exp(x) - exact) / exact.ulp)
        }
        #expect(worstExp <= 2, "max exp error \(worstExp) ulp")
    }

    @Test("bias + GELU, bias + residual + LayerNorm and softmax match straightforward loops")
    func passes() {
        var state: UInt64 = 7
        func random() -> Float {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(Int64(bitPattern: state >> 11) % 2_000_000) / 250_000 - 4
        }
        let rows = 3, cols = 37
        let x = (0..<(rows * cols)).map { _ in random() }
        let bias = (0..<cols).map { _ in random() }
        let residual = (0..<(rows * cols)).map { _ in random() }
        let gamma = (0..<cols).map { _ in random() }
        let beta = (0..<cols).map { _ in random() }

        var gelu = x
        tl_bias_gelu_erf(&gelu, bias, rows, cols)
        let expectedGelu = x.indices.map { i -> Float in
            let v = x[i] + bias[i % cols]
            return 0.5 * v * (1 + erff(v / Float(2).squareRoot()))
        }
        #expect(maxAbsDifference(gelu, expectedGelu) <= 1e-6)

        var normed = x
        tl_bias_residual_layernorm(&normed, bias, residual, gamma, beta, rows, cols, 1e-12)
        var expectedNorm: [Float] = []
        for row in 0..<rows {
            let v = (0..<cols).map { Double(x[row * cols + $0] + bias[$0] + residual[row * cols + $0]) }
            let mean = v.reduce(0, +) / Double(cols)
            let variance = v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(cols)
            expectedNorm += (0..<cols).map { Float((v[$0] - mean) / (variance + 1e-12).squareRoot()) * gamma[$0] + beta[$0] }
        }
        #expect(maxAbsDifference(normed, expectedNorm) <= 1e-5)

        var scores = x
        tl_softmax_rows(&scores, rows, cols, cols)
        for row in 0..<rows {
            let line = x[(row * cols)..<((row + 1) * cols)].map(Double.init)
            let top = line.max()!
            let total = line.map { exp($0 - top) }.reduce(0, +)
            let expected = line.map { Float(exp($0 - top) / total) }
            #expect(maxAbsDifference(Array(scores[(row * cols)..<((row + 1) * cols)]), expected) <= 1e-7)
        }
    }

    /// Lengths past 64 and heads of 32 and 40 take the scratch that grows and the 16-wide blocks with a
    /// scalar tail; 1, 5 and 17 leave a partial block of four rows.
    @Test("one head's attention matches softmax(q k / sqrt d) v", arguments: [
        (1, 4), (5, 4), (16, 4), (17, 4), (64, 4), (65, 32), (130, 40), (300, 32), (6, 32),
    ])
    func attention(length: Int, size: Int) {
        let hidden = 2 * size, head = 1
        var state: UInt64 = UInt64(length)
        func random() -> Float {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(Int64(bitPattern: state >> 11) % 2_000_000) / 500_000 - 2
        }
        let qkv = (0..<(length * 3 * hidden)).map { _ in random() }
        var context = [Float](repeating: 0, count: length * hidden)
        let scale = 1 / Float(size).squareRoot()
        tl_attention_head(qkv, length, 3 * hidden, hidden, head * size, size, scale, nil, &context, hidden)
        func query(_ i: Int, _ d: Int) -> Double { Double(qkv[i * 3 * hidden + head * size + d]) }
        func key(_ j: Int, _ d: Int) -> Double { Double(qkv[j * 3 * hidden + hidden + head * size + d]) }
        func value(_ j: Int, _ d: Int) -> Double { Double(qkv[j * 3 * hidden + 2 * hidden + head * size + d]) }
        for i in 0..<length {
            var scores: [Double] = []
            for j in 0..<length {
                var dot = 0.0
                for d in 0..<size { dot += query(i, d) * key(j, d) }
                scores.append(dot * Double(scale))
            }
            let top = scores.max()!
            let weights = scores.map { exp($0 - top) }
            let total = weights.reduce(0, +)
            for d in 0..<size {
                var expected = 0.0
                for j in 0..<length { expected += weights[j] / total * value(j, d) }
                #expect(abs(Double(context[i * hidden + head * size + d]) - expected) <= 1e-5, "token \(i), dimension \(d)")
            }
            #expect(context[i * hidden] == 0, "other heads' columns are untouched")
        }
    }
}

/// The passes ModernBERT and MPNet add: GeGLU, bias-free LayerNorm, rotary embeddings, offset biases.
@Suite("encoder kernels: other architectures")
struct ArchitectureKernelsTests {
    static func randoms(_ count: Int, seed: UInt64) -> [Float] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(Int64(bitPattern: state >> 11) % 2_000_000) / 500_000 - 2
        }
    }

    @Test("GeGLU: gelu(input + b) * (gate + b') over the first half of each row, with and without biases")
    func geglu() {
        let rows = 3, inner = 21
        let x = Self.randoms(rows * 2 * inner, seed: 1)
        let bias = Self.randoms(2 * inner, seed: 2)
        for withBias in [true, false] {
            var out = x
            tl_bias_geglu_erf(&out, withBias ? bias : nil, rows, inner)
            for row in 0..<rows {
                for c in 0..<inner {
                    let v = x[row * 2 * inner + c] + (withBias ? bias[c] : 0)
                    let gate = x[row * 2 * inner + inner + c] + (withBias ? bias[inner + c] : 0)
                    let expected = 0.5 * v * (1 + erff(v / Float(2).squareRoot())) * gate
                    #expect(abs(out[row * 2 * inner + c] - expected) <= 1e-5, "row \(row), column \(c)")
                }
            }
        }
    }

    @Test("LayerNorm into another buffer, with and without a shift, equals the in-place pass")
    func layerNormInto() {
        let rows = 4, cols = 33
        let x = Self.randoms(rows * cols, seed: 3)
        let gamma = Self.randoms(cols, seed: 4)
        let beta = Self.randoms(cols, seed: 5)
        for shift in [beta, nil] {
            var out = [Float](repeating: .nan, count: rows * cols)
            tl_layernorm_into(x, &out, gamma, shift, rows, cols, 1e-5)
            var inPlace = x
            tl_bias_residual_layernorm(&inPlace, nil, nil, gamma, shift ?? [Float](repeating: 0, count: cols), rows, cols, 1e-5)
            #expect(out == inPlace)
        }
    }

    @Test("rotary embeddings turn each (x[d], x[d + size/2]) pair of queries and keys by its position's angle")
    func rotary() {
        let hidden = 8, heads = 2, size = 4, half = 2, rows = 3
        let qkv = Self.randoms(rows * 3 * hidden, seed: 6)
        let table = RotaryTable(theta: 10_000, headSize: size, positions: 10)
        let positions = [0, 7, 3]
        var out = qkv
        tl_rotary(&out, rows, 3 * hidden, hidden, heads, size, positions, table.cos, table.sin)
        for row in 0..<rows {
            for part in 0..<3 {
                for head in 0..<heads {
                    for d in 0..<half {
                        let base = row * 3 * hidden + part * hidden + head * size
                        let (a, b) = (qkv[base + d], qkv[base + d + half])
                        let angle = Double(positions[row]) / pow(10_000, Double(2 * d) / Double(size))
                        let rotated = part == 2 ? (a, b)  // values are not rotated
                            : (Float(Double(a) * cos(angle) - Double(b) * sin(angle)), Float(Double(b) * cos(angle) + Double(a) * sin(angle)))
                        #expect(abs(out[base + d] - rotated.0) <= 1e-5 && abs(out[base + d + half] - rotated.1) <= 1e-5)
                    }
                }
            }
        }
    }

    @Test("an offset bias is added to each score before the softmax (the attention kernel and the separate pass)",
          arguments: [1, 5, 17, 64, 150])
    func relativeBias(length: Int) {
        let hidden = 8, size = 4, head = 1
        let qkv = Self.randoms(length * 3 * hidden, seed: UInt64(length))
        let relative = Self.randoms(2 * length - 1, seed: 7).map { 3 * $0 }
        var context = [Float](repeating: 0, count: length * hidden)
        let scale = 1 / Float(size).squareRoot()
        tl_attention_head(qkv, length, 3 * hidden, hidden, head * size, size, scale, relative, &context, hidden)
        for i in 0..<length {
            var scores: [Double] = []
            for j in 0..<length {
                var dot = 0.0
                for d in 0..<size { dot += Double(qkv[i * 3 * hidden + head * size + d]) * Double(qkv[j * 3 * hidden + hidden + head * size + d]) }
                scores.append(dot * Double(scale) + Double(relative[length - 1 + j - i]))
            }
            let top = scores.max()!
            let weights = scores.map { exp($0 - top) }
            let total = weights.reduce(0, +)
            for d in 0..<size {
                var expected = 0.0
                for j in 0..<length { expected += weights[j] / total * Double(qkv[j * 3 * hidden + 2 * hidden + head * size + d]) }
                #expect(abs(Double(context[i * hidden + head * size + d]) - expected) <= 1e-5, "token \(i), dimension \(d)")
            }
        }

        var scores = Self.randoms(length * length, seed: 8)
        var expected = scores
        for i in 0..<length {
            for j in 0..<length { expected[i * length + j] += relative[length - 1 + j - i] }
        }
        tl_add_relative_bias(&scores, length, length, relative)
        #expect(scores == expected)
    }
}
