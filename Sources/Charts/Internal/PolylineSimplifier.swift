/// Ramer-Douglas-Peucker simplification of a polyline in pixel space.
///
/// Drops points whose removal moves the line by less than `tolerance` pixels, which removes the
/// long collinear runs of an ROC staircase without any visible change. Deterministic (no
/// randomness, ties keep the first point) and iterative, so long inputs cannot overflow the stack.
/// Ramer (1972), Douglas & Peucker (1973).
/// - Complexity: O(n log n) typical, O(n²) worst case.
enum PolylineSimplifier {
    static func simplify(_ points: [ChartPoint], tolerance: Double) -> [ChartPoint] {
        guard points.count > 2 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var stack = [(0, points.count - 1)]
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            var farthest = first
            var farthestDistance = -1.0
            for index in (first + 1)..<last {
                let distance = segmentDistance(points[index], points[first], points[last])
                if distance > farthestDistance {
                    farthestDistance = distance
                    farthest = index
                }
            }
            if farthestDistance > tolerance {
                keep[farthest] = true
                stack.append((first, farthest))
                stack.append((farthest, last))
            }
        }
        return zip(points, keep).compactMap { $1 ? $0 : nil }
    }

    /// Distance from `p` to the segment `a`-`b` (to `a` when the segment is a point).
    private static func segmentDistance(_ p: ChartPoint, _ a: ChartPoint, _ b: ChartPoint) -> Double {
        let dx = b.x - a.x
        let dy = b.y - a.y
        let lengthSquared = dx * dx + dy * dy
        var t = 0.0
        if lengthSquared > 0 {
            t = min(max(((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared, 0), 1)
        }
        let ex = p.x - (a.x + t * dx)
        let ey = p.y - (a.y + t * dy)
        return (ex * ex + ey * ey).squareRoot()
    }
}
