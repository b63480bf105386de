import Core
/// Fills `{slot}` placeholders in a sentence template from lists of fillers.
///
/// A slot used twice in one template gets two different fillers ("someone {trait} and {trait}").
enum SentenceTemplate {
    /// Slots every template may use.
    static let sharedSlots: [String: [String]] = [
        "partner": ["a partner", "someone", "a match", "the person I date", "a partner in life"],
    ]

    static func fill(_ template: String, slots: [String: [String]], rng: inout SplitMix64) -> String {
        var result = ""
        var used: [String: Set<String>] = [:]
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            let fillers = slots[name] ?? sharedSlots[name] ?? []
            precondition(!fillers.isEmpty, "template slot {\(name)} has no fillers")
            let fresh = fillers.filter { !(used[name]?.contains($0) ?? false) }
            let choice = rng.pick(fresh.isEmpty ? fillers : fresh)
            used[name, default: []].insert(choice)
            result += choice
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// Every sentence a template can produce (for counting the generator's variety).
    static func expansions(_ template: String, slots: [String: [String]]) -> Set<String> {
        guard let open = template.firstIndex(of: "{"), let close = template[open...].firstIndex(of: "}") else {
            return [template]
        }
        let name = String(template[template.index(after: open)..<close])
        let fillers = slots[name] ?? sharedSlots[name] ?? []
        var results = Set<String>()
        for filler in fillers {
            let once = String(template[..<open]) + filler + String(template[template.index(after: close)...])
            results.formUnion(expansions(once, slots: slots))
        }
        return results
    }
}
