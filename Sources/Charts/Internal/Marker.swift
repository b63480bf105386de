/// Point marker shapes, so series are told apart by shape as well as colour.
enum Marker: CaseIterable {
    case circle, square, triangle, diamond

    /// A path (with `fill="currentColor"`) for the marker centred on (x, y) with radius `r`.
    func path(x: Double, y: Double, r: Double) -> String {
        let p = SVGNumber.px
        let d: String
        switch self {
        case .circle:
            d = "M\(p(x - r)) \(p(y))a\(p(r)) \(p(r)) 0 1 0 \(p(2 * r)) 0a\(p(r)) \(p(r)) 0 1 0 \(p(-2 * r)) 0Z"
        case .square:
            let s = r * 0.9
            d = "M\(p(x - s)) \(p(y - s))h\(p(2 * s))v\(p(2 * s))h\(p(-2 * s))Z"
        case .triangle:
            let s = r * 1.15
            d = "M\(p(x)) \(p(y - s))L\(p(x + s)) \(p(y + s * 0.8))H\(p(x - s))Z"
        case .diamond:
            let s = r * 1.2
            d = "M\(p(x)) \(p(y - s))L\(p(x + s)) \(p(y))L\(p(x)) \(p(y + s))L\(p(x - s)) \(p(y))Z"
        }
        return "<path d=\"\(d)\" fill=\"currentColor\"/>"
    }
}
