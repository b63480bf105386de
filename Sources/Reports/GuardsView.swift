import Evaluation

/// The "Did it break anything else?" section: each guard data set's main measure before and after,
/// the paired test, Holm's adjustment across the guards; `better`/`worse` only when the adjusted p is
/// below 0.05. Every report template includes it (`{{> guards}}`), and the headlines name a regression.
struct GuardsView {
    var count: String
    var rows: [Row]
    /// Some guard got significantly worse; their names, joined for a sentence.
    var regressed: Bool
    var regressedNames: String
    /// How many guards got significantly better, when any did.
    var improvedCount: String?

    struct Row {
        var name: String
        var task: String
        var measure: String
        var items: String
        var baseline: String
        var finetuned: String
        var delta: String
        var lo: String
        var hi: String
        var test: String
        var p: String
        var pAdjusted: String
        /// `better`, `worse` or `same`: the site's colour contract.
        var cssClass: String
        var verdict: String
    }

    init?(_ guards: [GuardOutcome]) {
        guard !guards.isEmpty else { return nil }
        count = guards.count == 1 ? "One guard data set" : "\(ReportFormat.count(guards.count)) guard data sets"
        rows = guards.map { g in
            let (measure, task): (String, String)
            switch g.task {
            case .pairs: (measure, task) = ("AUC", "pairs")
            case .sts: (measure, task) = ("Spearman's rho", "graded similarity")
            case .retrieval: (measure, task) = ("nDCG@10", "retrieval")
            }
            return Row(name: g.name, task: task, measure: measure,
                       items: ReportFormat.count(g.items) + (g.task == .retrieval ? " queries" : " pairs"),
                       baseline: ReportFormat.fixed(g.baseline, 3), finetuned: ReportFormat.fixed(g.finetuned, 3),
                       delta: ReportFormat.signed(g.delta, 3), lo: ReportFormat.signed(g.deltaCI95?.lower, 3),
                       hi: ReportFormat.signed(g.deltaCI95?.upper, 3), test: g.test, p: ReportFormat.pValue(g.p),
                       pAdjusted: ReportFormat.pValue(g.pAdjusted),
                       cssClass: g.improved ? "better" : g.regressed ? "worse" : "same",
                       verdict: g.improved ? "better" : g.regressed ? "worse" : "no measurable change")
        }
        let worse = guards.filter(\.regressed).map(\.name)
        regressed = !worse.isEmpty
        regressedNames = ReportFormat.list(worse)
        let improved = guards.filter(\.improved).count
        improvedCount = improved > 0 ? ReportFormat.count(improved) : nil
    }
}
