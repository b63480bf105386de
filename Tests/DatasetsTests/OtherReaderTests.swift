import Foundation
import Testing
@testable import Datasets

@Suite("Probes and text lists")
struct ProbeAndTextListTests {
    @Test("probes read with their direction")
    func probes() throws {
        let set = try ProbeSet.read(Fixtures.resource("probes.jsonl"))
        #expect(set.probes.map(\.expect) == [.closer, .farther])
        #expect(set.probes[0].b == "myocardial infarction")
        #expect(set.probes[1].line == 2)
    }

    @Test("a probe with an unknown direction names the line")
    func badProbe() throws {
        let url = try Fixtures.write("p.jsonl", "{\"a\":\"x\",\"b\":\"y\",\"expect\":\"closer\"}\n{\"a\":\"x\",\"b\":\"y\",\"expect\":\"nearer\"}\n")
        #expect(Fixtures.message { _ = try ProbeSet.read(url) }
            == "p.jsonl:2: \"expect\" must be \"closer\" or \"farther\", got \"nearer\"")
    }

    @Test("a text file gives one text per non-blank line, with line numbers")
    func plainText() throws {
        let url = try Fixtures.write("texts.txt", "first\n\nsecond, with a comma\n")
        let list = try TextList.read(url)
        #expect(list.texts == ["first", "second, with a comma"])
        #expect(list.lines == [1, 3])
    }

    @Test("JSONL text lists need a text field", arguments: [
        ("{\"text\":\"a\"}\n{\"body\":\"b\"}\n", "t.jsonl:2: missing column \"text\""),
        ("{\"text\":\"a\"}\n{\"text\":\"\"}\n", "t.jsonl:2: \"text\" is empty"),
        ("{\"text\":[\"a\"]}\n", "t.jsonl:1: \"text\" must be text, got a list"),
    ])
    func jsonTextList(contents: String, message: String) throws {
        let url = try Fixtures.write("t.jsonl", contents)
        #expect(Fixtures.message { _ = try TextList.read(url) } == message)
    }

    @Test("a text file with a non-UTF-8 line names it")
    func textNotUTF8() throws {
        let url = try Fixtures.write("t.txt", bytes: Array("ok\nok\n".utf8) + [0xFF, 0x0A])
        #expect(Fixtures.message { _ = try TextList.read(url) } == "t.txt:3: bytes that are not valid UTF-8")
    }
}

@Suite("BEIR retrieval folders")
struct RetrievalDatasetTests {
    @Test("corpus, queries and graded qrels; zero scores are not relevant; unjudged queries dropped")
    func readsFixture() throws {
        let data = try RetrievalDataset.read(folder: Fixtures.resource("beir"))
        #expect(data.corpus.map(\.id) == ["d1", "d2", "3"])
        #expect(data.corpus[0].text == "Heart attack Myocardial infarction is the death of heart muscle.")
        #expect(data.corpus[1].text == "Aspirin reduces fever.")
        #expect(data.queries.map(\.id) == ["q1", "q2"])
        #expect(data.relevant(to: "q1") == ["d1"])
        #expect(data.relevance["q1"]?["d1"] == 2)
        #expect(data.relevant(to: "q2") == ["d2"])
        #expect(data.digests.keys.sorted() == ["corpus.jsonl", "qrels/test.tsv", "queries.jsonl"])
    }

    private func folder(corpus: String = "{\"_id\":\"d1\",\"text\":\"x\"}\n", queries: String = "{\"_id\":\"q1\",\"text\":\"y\"}\n",
                        qrels: String = "query-id\tcorpus-id\tscore\nq1\td1\t1\n", qrelsName: String = "test.tsv") throws -> URL {
        let root = try Fixtures.write("corpus.jsonl", corpus).deletingLastPathComponent()
        try Data(queries.utf8).write(to: root.appendingPathComponent("queries.jsonl"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("qrels"), withIntermediateDirectories: true)
        try Data(qrels.utf8).write(to: root.appendingPathComponent("qrels").appendingPathComponent(qrelsName))
        return root
    }

    @Test("the only .tsv in qrels/ is used when there is no test.tsv")
    func singleQrels() throws {
        let data = try RetrievalDataset.read(folder: folder(qrelsName: "dev.tsv"))
        #expect(data.relevant(to: "q1") == ["d1"])
        #expect(data.digests["qrels/dev.tsv"] != nil)
    }

    @Test("errors name the BEIR file and line")
    func errors() throws {
        #expect(Fixtures.message { _ = try RetrievalDataset.read(folder: folder(qrels: "query-id\tcorpus-id\tscore\nq1\td9\t1\n")) }
            == "qrels/test.tsv:2: unknown corpus id \"d9\"")
        #expect(Fixtures.message { _ = try RetrievalDataset.read(folder: folder(qrels: "query-id\tcorpus-id\tscore\nq7\td1\t1\n")) }
            == "qrels/test.tsv:2: unknown query id \"q7\"")
        #expect(Fixtures.message { _ = try RetrievalDataset.read(folder: folder(qrels: "qid\tdid\tscore\nq1\td1\t1\n")) }
            == "qrels/test.tsv:1: missing column \"query-id\"")
        #expect(Fixtures.message {
            _ = try RetrievalDataset.read(folder: folder(corpus: "{\"_id\":\"d1\",\"text\":\"x\"}\n{\"_id\":\"d1\",\"text\":\"z\"}\n"))
        } == "corpus.jsonl:2: duplicate id \"d1\" (first on line 1)")
        #expect(Fixtures.message { _ = try RetrievalDataset.read(folder: folder(queries: "{\"_id\":\"q1\"}\n")) }
            == "queries.jsonl:1: missing column \"text\"")
        #expect(Fixtures.message { _ = try RetrievalDataset.read(folder: folder(corpus: "{\"_id\":\"d1\",\"title\":\"\",\"text\":\" \"}\n")) }
            == "corpus.jsonl:1: \"text\" is empty")
        #expect(Fixtures.message { _ = try RetrievalDataset.read(folder: folder(qrels: "query-id\tcorpus-id\tscore\nq1\td1\n")) }
            == "qrels/test.tsv:2: malformed CSV: expected 3 fields as in the header, got 2")
    }
}

@Suite("Training logs")
struct TrainingLogTests {
    @Test("a Hugging Face trainer_state.json: losses, learning rates, eval losses and metrics, the summary")
    func trainerState() throws {
        let log = try TrainingLog.read(Fixtures.resource("trainer_state.json"))
        #expect(log.source == .huggingFaceTrainerState)
        #expect(log.points.map(\.step) == [100, 200, 300])
        #expect(log.points.map(\.loss) == [0.2214, 0.1522, 0.1187])
        #expect(log.points[0].learningRate == 1.7340425531914894e-05)
        #expect(log.validation == [.init(step: 188, epoch: 1.0, loss: 0.1634), .init(step: 376, epoch: 2.0, loss: 0.1301)])
        #expect(log.evaluations.count == 2)
        #expect(log.evaluations[1].metrics["eval_dating-dev_cosine_accuracy"] == 0.8021)
        #expect(log.trainLoss == 0.15671380022739352)
        #expect(log.trainRuntime == 88.4127)
    }

    @Test("tunelens' own training_log.jsonl")
    func tunelensLog() throws {
        let log = try TrainingLog.read(Fixtures.resource("training_log.jsonl"))
        #expect(log.source == .tunelensJSONL)
        #expect(log.points.map(\.step) == [50, 100, 188])
        #expect(log.points[1].learningRate == 1.7e-05)
        #expect(log.validation == [.init(step: 188, epoch: 1.0, loss: 0.1655)])
    }

    @Test("a broken trainer_state.json names the line and column")
    func brokenTrainerState() throws {
        let url = try Fixtures.write("trainer_state.json", "{\n  \"log_history\": [\n    {\"loss\": 0.5 \"step\": 1}\n  ]\n}\n")
        #expect(Fixtures.message { _ = try TrainingLog.read(url) }
            == "trainer_state.json:3: malformed JSON: expected ',' or '}' at column 18")
        let noHistory = try Fixtures.write("trainer_state.json", "{\"global_step\": 3}")
        #expect(Fixtures.message { _ = try TrainingLog.read(noHistory) } == "trainer_state.json:1: missing column \"log_history\"")
        let noStep = try Fixtures.write("trainer_state.json", "{\"log_history\": [{\"loss\": 0.5}]}")
        #expect(Fixtures.message { _ = try TrainingLog.read(noStep) }
            == "trainer_state.json: log_history[0]: missing column \"step\"")
    }

    @Test("a tunelens log line with a string loss names the line")
    func badTunelensLog() throws {
        let url = try Fixtures.write("training_log.jsonl", "{\"step\":1,\"epoch\":0.1,\"loss\":0.3}\n{\"step\":2,\"epoch\":0.2,\"loss\":\"low\"}\n")
        #expect(Fixtures.message { _ = try TrainingLog.read(url) } == "training_log.jsonl:2: \"loss\" must be a number, got \"low\"")
    }
}
