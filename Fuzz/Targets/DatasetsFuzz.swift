import Foundation

/// libFuzzer entry points for the Datasets readers, compiled into module `Datasets`. `FUZZ_TARGET`:
/// - `pairs`: the first byte picks JSONL, CSV or TSV for `PairDataset`, or a probe set / text list;
/// - `beir`: `corpus.jsonl`, `queries.jsonl` and `qrels/test.tsv`, separated by NUL bytes;
/// - `training-log`: the first byte picks `trainer_state.json` or a tunelens `training_log.jsonl`.
/// A thrown error is a correct answer; a trap, an overflow or a sanitizer report is a bug.
enum DatasetsFuzz {
    static let target = FuzzScratch.target

    static func run(_ input: UnsafeBufferPointer<UInt8>) {
        FuzzScratch.clear()
        guard let selector = input.first else { return }
        let body = UnsafeBufferPointer(rebasing: input.dropFirst())
        switch target {
        case "pairs": pairs(body, selector: selector)
        case "beir": beir(input)
        case "training-log": trainingLog(body, selector: selector)
        default: fatalError("fuzz harness: FUZZ_TARGET must be pairs, beir or training-log")
        }
    }

    static func pairs(_ body: UnsafeBufferPointer<UInt8>, selector: UInt8) {
        let names = ["pairs.jsonl", "pairs.csv", "pairs.tsv", "probes.jsonl", "probes.csv", "texts.txt", "texts.jsonl"]
        let name = names[Int(selector) % names.count]
        let url = FuzzScratch.write(body, to: name)
        if name.hasPrefix("pairs") {
            guard let dataset = try? PairDataset.read(url) else { return }
            if dataset.positiveCount + dataset.negativeCount > dataset.pairs.count { fatalError("label counts exceed the pairs") }
            _ = try? dataset.validateForPairClassification()
        } else if name.hasPrefix("probes") {
            guard let probes = try? ProbeSet.read(url) else { return }
            if probes.probes.isEmpty { fatalError("an empty probe set was accepted") }
        } else {
            guard let list = try? TextList.read(url) else { return }
            if list.texts.count != list.lines.count || list.texts.isEmpty { fatalError("text list lines do not match") }
        }
    }

    static func beir(_ input: UnsafeBufferPointer<UInt8>) {
        let parts = FuzzScratch.parts(input, count: 3)
        FuzzScratch.write(parts[0], to: "beir/corpus.jsonl")
        FuzzScratch.write(parts[1], to: "beir/queries.jsonl")
        FuzzScratch.write(parts[2], to: "beir/qrels/test.tsv")
        guard let dataset = try? RetrievalDataset.read(folder: FuzzScratch.folder.appendingPathComponent("beir")) else { return }
        let ids = Set(dataset.corpus.map(\.id))
        for query in dataset.queries where !dataset.relevant(to: query.id).isSubset(of: ids) {
            fatalError("qrels name a document outside the corpus")
        }
    }

    static func trainingLog(_ body: UnsafeBufferPointer<UInt8>, selector: UInt8) {
        let name = selector % 2 == 0 ? "trainer_state.json" : "training_log.jsonl"
        guard let log = try? TrainingLog.read(FuzzScratch.write(body, to: name)) else { return }
        if log.points.contains(where: { !$0.loss.isFinite }) { fatalError("a non-finite loss was accepted") }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDatasets(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    DatasetsFuzz.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}
