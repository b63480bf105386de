import Foundation

/// A parsed `metrics.json`, read by dotted key paths (`models.finetuned.pair_classification.auc`).
///
/// The metrics contract lets writers add keys, so the site reads the keys it knows by path and
/// walks the rest generically (every numeric leaf becomes a row of the diff).
struct MetricsTree {
    let root: [String: Any]

    init(root: [String: Any]) {
        self.root = root
    }

    /// Parses `data` as a JSON object; `path` names the file in errors.
    init(data: Data, path: String) throws {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw SiteError.malformedJSON(path: path, reason: Self.reason(error))
        }
        guard let root = object as? [String: Any] else {
            throw SiteError.malformedJSON(path: path, reason: "top level is not an object")
        }
        self.root = root
    }

    /// The value at a dotted path. A segment `[field=value]` picks, from a list of objects, the
    /// first whose `field` reads `value` (a string, or a number written as JSON writes it):
    /// `guards.[name=tags.tsv].p`, `matryoshka.[dim=256].finetuned`. Dots inside brackets do not split.
    func value(_ keyPath: String) -> Any? {
        var node: Any = root
        for key in Self.segments(keyPath) {
            if key.hasPrefix("["), key.hasSuffix("]"), let equals = key.firstIndex(of: "=") {
                let field = String(key[key.index(after: key.startIndex)..<equals])
                let wanted = String(key[key.index(after: equals)..<key.index(before: key.endIndex)])
                guard let list = node as? [Any], let next = list.first(where: { item in
                    guard let object = item as? [String: Any] else { return false }
                    return Self.selectorText(object[field]) == wanted
                }) else { return nil }
                node = next
                continue
            }
            guard let object = node as? [String: Any], let next = object[key] else { return nil }
            node = next
        }
        return node
    }

    /// A key path's segments: split on dots outside `[...]`.
    static func segments(_ keyPath: String) -> [String] {
        var segments: [String] = [], current = "", depth = 0
        for character in keyPath {
            if character == "[" { depth += 1 }
            if character == "]" { depth = max(0, depth - 1) }
            if character == ".", depth == 0 {
                segments.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        segments.append(current)
        return segments
    }

    /// How a list item's field reads in a `[field=value]` selector: strings as they are, whole
    /// numbers without a fraction (`256`), other numbers as Swift prints them.
    static func selectorText(_ value: Any?) -> String? {
        if let text = value as? String { return text }
        guard let number = Self.number(value) else { return nil }
        return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }

    /// The list of objects at `keyPath` (`guards`, `matryoshka`); nil when it is not one.
    func objects(_ keyPath: String) -> [[String: Any]]? {
        (value(keyPath) as? [Any])?.compactMap { $0 as? [String: Any] }
    }

    func string(_ keyPath: String) -> String? {
        value(keyPath) as? String
    }

    /// A finite number at `keyPath`; `nil` for a missing key, `null`, a boolean or a non-number.
    func number(_ keyPath: String) -> Double? {
        Self.number(value(keyPath))
    }

    /// A `[lo, hi]` pair of finite numbers.
    func interval(_ keyPath: String) -> ClosedRange<Double>? {
        guard let array = value(keyPath) as? [Any], array.count == 2,
              let lo = Self.number(array[0]), let hi = Self.number(array[1]), lo <= hi else { return nil }
        return lo...hi
    }

    /// `[[x, y], ...]` as points, skipping nothing: one malformed point makes the whole curve absent.
    func points(_ keyPath: String) -> [(x: Double, y: Double)]? {
        guard let array = value(keyPath) as? [Any] else { return nil }
        var points: [(x: Double, y: Double)] = []
        points.reserveCapacity(array.count)
        for item in array {
            guard let pair = item as? [Any], pair.count == 2,
                  let x = Self.number(pair[0]), let y = Self.number(pair[1]) else { return nil }
            points.append((x, y))
        }
        return points
    }

    func numbers(_ keyPath: String) -> [Double]? {
        guard let array = value(keyPath) as? [Any] else { return nil }
        var result: [Double] = []
        for item in array {
            guard let number = Self.number(item) else { return nil }
            result.append(number)
        }
        return result
    }

    /// Every numeric leaf under `keyPath`, as (dotted path, value), sorted by path.
    /// Arrays are not leaves (curves, histograms and intervals are read by name).
    func numericLeaves(under keyPath: String) -> [(path: String, value: Double)] {
        guard let start = value(keyPath) as? [String: Any] else { return [] }
        var leaves: [(path: String, value: Double)] = []
        func walk(_ node: [String: Any], _ prefix: String) {
            for key in node.keys.sorted() {
                let path = prefix + "." + key
                if let child = node[key] as? [String: Any] {
                    walk(child, path)
                } else if let number = Self.number(node[key]) {
                    leaves.append((path, number))
                }
            }
        }
        walk(start, keyPath)
        return leaves
    }

    static func number(_ value: Any?) -> Double? {
        guard let value, !(value is NSNull) else { return nil }
        if let number = value as? NSNumber {
            // JSONSerialization gives booleans as NSNumber too; a boolean is not a metric.
            if type(of: number) == booleanClass { return nil }
            let double = number.doubleValue
            return double.isFinite ? double : nil
        }
        return nil
    }

    /// The class Foundation uses for JSON `true`/`false` (a subclass of NSNumber).
    private static let booleanClass: NSNumber.Type = type(of: NSNumber(value: true))

    private static func reason(_ error: Error) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        return text ?? "cannot parse"
    }
}
