/// A legend laid out as a flowing row of entries that wraps to the available width.
struct Legend {
    enum Swatch {
        /// A line segment in the series dash pattern.
        case line
        /// A line segment with the series marker in its middle.
        case lineWithMarker
        /// The series marker alone (scatter classes).
        case marker
        /// A filled, outlined box (histogram areas).
        case area
        /// A neutral dashed line (chance diagonal, reference lines).
        case reference
    }

    struct Entry {
        let label: String
        let style: SeriesStyle
        let swatch: Swatch
    }

    static let rowHeight = 18.0
    static let swatchWidth = 26.0
    static let maxLabel = 60

    let entries: [Entry]
    /// When set, entries go into a grid of this many equal columns (if it fits) instead of flowing:
    /// e.g. 2 puts each run's positive and negative entries on one row.
    var columns: Int? = nil

    private func entryWidth(_ entry: Entry, width: Double) -> Double {
        Legend.swatchWidth + 6 + XMLText.width(Legend.shortened(entry.label, width: width)) + 18
    }

    /// Rows of entry indices and their x offsets within `width`.
    private func layout(width: Double) -> [[(index: Int, offset: Double)]] {
        if let columns, columns > 0 {
            let column = entries.map { entryWidth($0, width: width) }.max() ?? 0
            if Double(columns) * column <= width {
                return stride(from: 0, to: entries.count, by: columns).map { start in
                    (start..<min(start + columns, entries.count)).map { ($0, Double($0 - start) * column) }
                }
            }
        }
        var rows: [[(index: Int, offset: Double)]] = [[]]
        var cursor = 0.0
        for (index, entry) in entries.enumerated() {
            let entryWidth = entryWidth(entry, width: width)
            if cursor > 0, cursor + entryWidth > width {
                rows.append([])
                cursor = 0
            }
            rows[rows.count - 1].append((index, cursor))
            cursor += entryWidth
        }
        return rows
    }

    /// The label as drawn: at most `maxLabel` characters and never wider than one legend row.
    static func shortened(_ label: String, width: Double) -> String {
        let room = Int((width - swatchWidth - 6 - 4) / (12 * 0.6))
        return XMLText.truncate(label, to: max(8, min(maxLabel, room)))
    }

    func height(width: Double) -> Double {
        entries.isEmpty ? 0 : Double(layout(width: width).count) * Legend.rowHeight
    }

    func render(left: Double, top: Double, width: Double) -> String {
        guard !entries.isEmpty else { return "" }
        var out = "<g class=\"tl-legend\">"
        for (row, items) in layout(width: width).enumerated() {
            let y = top + Double(row) * Legend.rowHeight + Legend.rowHeight / 2
            for item in items {
                let entry = entries[item.index]
                let x = left + item.offset
                out += swatch(entry, x: x, y: y)
                let label = Legend.shortened(entry.label, width: width)
                out += "<text x=\"\(SVGNumber.px(x + Legend.swatchWidth + 6))\" y=\"\(SVGNumber.px(y + 4))\">\(XMLText.escape(label))</text>"
            }
        }
        out += "</g>"
        return out
    }

    private func swatch(_ entry: Entry, x: Double, y: Double) -> String {
        let p = SVGNumber.px
        let style = entry.style
        let segment = "M\(p(x)) \(p(y))h\(p(Legend.swatchWidth))"
        switch entry.swatch {
        case .line:
            return "<g \(style.groupAttributes)><path d=\"\(segment)\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2.5\"\(style.dashAttribute)/></g>"
        case .lineWithMarker:
            return "<g \(style.groupAttributes)><path d=\"\(segment)\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\"\(style.dashAttribute)/>"
                + style.marker.path(x: x + Legend.swatchWidth / 2, y: y, r: 3.5) + "</g>"
        case .marker:
            return "<g \(style.groupAttributes)>" + style.marker.path(x: x + Legend.swatchWidth / 2, y: y, r: 3.5) + "</g>"
        case .area:
            return "<g \(style.groupAttributes)><path d=\"M\(p(x + 3)) \(p(y - 6))h20v12h-20Z\" fill=\"currentColor\" fill-opacity=\"0.25\" stroke=\"currentColor\" stroke-width=\"1.5\"\(style.dashAttribute)/></g>"
        case .reference:
            return "<path class=\"tl-reference\" d=\"\(segment)\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.7\" stroke-dasharray=\"4 4\"/>"
        }
    }
}
