import Foundation

/// Links between the site's pages: relative, percent-encoded, so the folder works from
/// `file://` and from any static host wherever it is copied.
enum SitePaths {
    /// Characters left as they are in one path segment (RFC 3986 unreserved).
    private static let segmentAllowed = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? segment
    }

    /// `RUN/index.html` from the reports folder.
    static func runPage(_ id: String) -> String {
        encode(id) + "/index.html"
    }

    /// The file name of the diff of `a` and `b`: `A__B.html`.
    static func diffFileName(_ a: String, _ b: String) -> String {
        "\(a)__\(b).html"
    }

    /// The relative link from a file in `fromFolder` to `target`.
    static func relativeLink(from fromFolder: URL, to target: URL) -> String {
        let from = fromFolder.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let to = target.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        return (up + to[common...].map(encode)).joined(separator: "/")
    }
}
