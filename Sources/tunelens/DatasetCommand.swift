import ArgumentParser
import Datasets
import Foundation

/// `tunelens dataset`: built-in datasets.
struct DatasetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dataset",
        abstract: "Generate built-in datasets.",
        subcommands: [DatingDatasetCommand.self]
    )
}

/// `tunelens dataset dating`: the dating-compatibility pairs of the demo (see docs/dating-generator.md).
struct DatingDatasetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dating",
        abstract: "Write dating-profile pairs labelled compatible (1) or incompatible (0) to DIR/train.jsonl and DIR/test.jsonl.",
        discussion: "Labels come from the stances each profile takes on dealbreaker topics, with seeded noise; "
            + "the same seed and sizes always give byte-identical files."
    )

    @Option(help: "Random seed.")
    var seed: UInt64 = 7

    @Option(help: "Number of training pairs.")
    var train: Int = 6000

    @Option(help: "Number of held-out test pairs.")
    var test: Int = 1469

    @Option(help: "Output folder (created if missing).")
    var out: String

    func validate() throws {
        guard train >= 0, test >= 0 else { throw ValidationError("--train and --test must be 0 or more") }
        guard train + test > 0 else { throw ValidationError("nothing to generate: --train and --test are both 0") }
        guard train <= 5_000_000, test <= 5_000_000 else { throw ValidationError("at most 5,000,000 pairs per split") }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: out)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ValidationError("\(out): cannot create the output folder")
        }
        let splits = DatingGenerator(seed: seed).makeSplits(train: train, test: test)
        for (name, pairs) in [("train.jsonl", splits.train), ("test.jsonl", splits.test)] {
            let url = folder.appendingPathComponent(name)
            do {
                try DatingGenerator.write(pairs, to: url)
            } catch {
                throw ValidationError("\(url.path): cannot write")
            }
            let positives = pairs.filter(\.label).count
            let relations = DatingPair.Relation.allCases.map { relation in
                "\(pairs.filter { $0.relation == relation }.count) \(relation.rawValue)"
            }
            print("\(url.path): \(pairs.count) pairs, \(positives) compatible, \(pairs.count - positives) incompatible "
                + "(\(relations.joined(separator: ", ")); \(pairs.filter(\.isFlipped).count) labels flipped as noise)")
        }
    }
}
