/// Order statistics shared by the metrics and the tasks.
public enum Median {
    /// The middle value (the mean of the two middle values for an even count), as numpy's `median`.
    /// - Precondition: `values` is not empty.
    public static func of(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
