import Testing
@testable import FineTuning

@Suite("Adam and AdamW")
struct AdamOptimizerTests {
    /// Step 1 by hand: the bias-corrected moments are g and g^2, so each element moves by lr * sign(g)
    /// (up to eps) after AdamW's decay p * (1 - lr * wd): 1 * 0.999 - 0.1 = 0.899, -2 * 0.999 + 0.1 = -1.898.
    /// Biases are not decayed: 0.25 + 0.1 = 0.35. Step 2 values follow the same formula
    /// (m = 0.9 m + 0.1 g, v = 0.999 v + 0.001 g^2, corrections 1 - 0.9^2 and 1 - 0.999^2).
    @Test("two AdamW steps equal the hand-computed ones")
    func handComputedSteps() {
        var optimizer = AdamOptimizer(shapes: [2, 1], decays: [true, false], weightDecay: 0.01)
        var parameters: [[Float]] = [[1, -2], [0.25]]
        optimizer.update(&parameters, gradients: [[0.5, -0.1], [-0.2]], learningRate: 0.1)
        #expect(abs(parameters[0][0] - 0.899) < 1e-6)
        #expect(abs(parameters[0][1] - -1.898) < 1e-6)
        #expect(abs(parameters[1][0] - 0.35) < 1e-6)
        optimizer.update(&parameters, gradients: [[0.5, 0.3], [0.4]], learningRate: 0.1)
        #expect(abs(parameters[0][0] - 0.798101) < 1e-5)
        #expect(abs(parameters[0][1] - -1.94552099) < 1e-5)
        #expect(abs(parameters[1][0] - 0.31338964) < 1e-5)
    }

    @Test("without weight decay a zero gradient leaves the weights alone")
    func adamHasNoDecay() {
        var optimizer = AdamOptimizer(shapes: [3], decays: [true], weightDecay: 0)
        var parameters: [[Float]] = [[1, 2, 3]]
        optimizer.update(&parameters, gradients: [[0, 0, 0]], learningRate: 0.5)
        #expect(parameters == [[1, 2, 3]])
    }

    @Test("the learning-rate schedule warms up linearly then decays to zero")
    func schedule() {
        #expect(AdapterTrainer.learningRate(step: 0, total: 100, warmup: 10, peak: 1) == 0)
        #expect(AdapterTrainer.learningRate(step: 5, total: 100, warmup: 10, peak: 1) == 0.5)
        #expect(AdapterTrainer.learningRate(step: 10, total: 100, warmup: 10, peak: 1) == 1)
        #expect(abs(AdapterTrainer.learningRate(step: 55, total: 100, warmup: 10, peak: 1) - 0.5) < 1e-12)
        #expect(AdapterTrainer.learningRate(step: 0, total: 100, warmup: 0, peak: 2) == 2)
    }
}
