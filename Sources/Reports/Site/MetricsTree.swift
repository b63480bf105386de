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

    func value(_ keyPath: String) -> Any? {
        var node: Any = root
        for key in keyPath.split(separator: ".", omittingEmptySubsequences: false) {
            guard let object = node as? [String: Any], let next = object[String(key)] else { return nil }
            node = next
        }
        return node
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
