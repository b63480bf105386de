import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses rendered SVG as XML: proves it is well-formed and lists what a browser would see.
final class SVGInspector: NSObject, XMLParserDelegate {
    private(set) var elements: [String] = []
    private(set) var attributes: [String: [String]] = [:]
    private(set) var text = ""
    private(set) var isWellFormed = false

    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        isWellFormed = parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements.append(elementName)
        for (name, value) in attributeDict {
            attributes[name, default: []].append(value)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    /// Every numeric token in attribute values (coordinates, path data, sizes).
    var numbers: [String] {
        let separators = CharacterSet(charactersIn: " ,MLHVZhvzaAlmQqCcSsTt()").union(.whitespacesAndNewlines)
        return attributes.filter { ["d", "x", "y", "viewBox", "stroke-width", "transform"].contains($0.key) }
            .flatMap { $0.value }
            .flatMap { $0.components(separatedBy: separators) }
            .filter { !$0.isEmpty && $0 != "rotate" }
    }
}
