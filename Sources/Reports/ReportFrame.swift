import Evaluation

/// What every report page says about its run, whatever the task: title, dates, reading time, the
/// command and seed that reproduce it, notes, settings, the training curve and the probes. Both
/// report templates open it as a section (`{{#frame}}…{{/frame}}`), so its names read as top-level.
struct ReportFrame {
    var title: String
    var runName: String
    var created: String
    var createdISO: String
    var readingMinutes: Int
    var toolVersion: String
    var commandLine: String
    var seed: String
    var notes: String?
    var hyperparameters: [ReportView.KeyValue]
    var training: ReportView.TrainingView?
    var probes: ReportView.ProbesView?
    var guards: GuardsView?
    var matryoshka: MatryoshkaView?

    init(_ r: RunResult, embedCharts: Bool, readingMinutes: Int) {
        title = r.run.title
        runName = r.run.name
        created = ReportFormat.date(r.run.created)
        createdISO = MetricsDocument.iso8601(r.run.created)
        self.readingMinutes = readingMinutes
        toolVersion = r.run.toolVersion
        commandLine = r.run.commandLine.map(ReportView.shellQuoted).joined(separator: " ")
        seed = String(r.run.seed)
        notes = r.run.notes.flatMap { $0.isEmpty ? nil : $0 }
        hyperparameters = r.run.hyperparameters.map { ReportView.KeyValue(key: $0.key, value: $0.value) }
        training = r.training.map { ReportView.trainingView($0, embedCharts: embedCharts) }
        probes = ReportView.probesView(r.probes)
        guards = GuardsView(r.guards)
        matryoshka = MatryoshkaView(r, embedCharts: embedCharts)
    }
}
