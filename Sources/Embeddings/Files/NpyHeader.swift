/// The header of a NumPy `.npy` file holding an `N x D` matrix of little-endian floats, as
/// precomputed embeddings arrive from a user's own job.
///
/// Layout (numpy `lib/format.py`, format versions 1.0, 2.0 and 3.0): magic `\x93NUMPY`, major and
/// minor version bytes, the header length (little-endian u16 in 1.0, u32 in 2.0 and 3.0), then the
/// header, a Python dict literal `{'descr': '<f4', 'fortran_order': False, 'shape': (N, D), }`
/// padded with spaces and a newline; the values follow, row-major. Accepted: `descr` `<f4` or `<f2`
/// (float32, float16), C order, a two-dimensional shape, and exactly `N * D` values after the header.
/// Everything else (big-endian, Fortran order, object arrays, a shape the data does not fill) is
/// refused with the reason; the header is never evaluated as Python.
struct NpyHeader: Equatable {
    enum ScalarType: String {
        case float32 = "<f4"
        case float16 = "<f2"

        var size: Int { self == .float32 ? 4 : 2 }
    }

    /// The longest header accepted: numpy writes well under 1 KB; a hostile 4 GB length is refused.
    static let maximumHeaderLength = 65_536

    var scalar: ScalarType
    var rows: Int
    var columns: Int
    /// Where the values start, in bytes from the start of the file.
    var dataOffset: Int

    /// Parses the header of `bytes` (the whole file) and checks the file holds exactly the values it
    /// describes. `path` names the file in errors.
    init(_ bytes: UnsafeRawBufferPointer, path: String) throws {
        func invalid(_ reason: String) -> EmbeddingsError {
            .invalidConfig(path: path, reason: "not a float32/float16 .npy matrix: \(reason)")
        }
        let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else { throw invalid("bad magic (expected \\x93NUMPY)") }
        let major = bytes[6]
        guard (1...3).contains(major) else { throw invalid("unknown format version \(major).\(bytes[7])") }
        let lengthSize = major == 1 ? 2 : 4
        guard bytes.count >= 8 + lengthSize else { throw invalid("header runs past the end of the file") }
        var headerLength = 0
        for i in 0..<lengthSize { headerLength |= Int(bytes[8 + i]) << (8 * i) }
        guard headerLength <= Self.maximumHeaderLength else {
            throw invalid("header length \(headerLength) is over \(Self.maximumHeaderLength) bytes")
        }
        let start = 8 + lengthSize
        guard start + headerLength <= bytes.count else { throw invalid("header runs past the end of the file") }
        guard let text = String(bytes: bytes[start..<(start + headerLength)], encoding: major == 3 ? .utf8 : .ascii) else {
            throw invalid("header is not \(major == 3 ? "UTF-8" : "ASCII")")
        }
        var parser = PythonDictLiteral(text)
        let entries: [String: PythonDictLiteral.Value]
        do {
            entries = try parser.parse()
        } catch let error as PythonDictLiteral.SyntaxError {
            throw invalid("header is not a dict literal: \(error.reason)")
        }
        guard case .string(let descr)? = entries["descr"] else { throw invalid("header has no 'descr' string") }
        guard let scalar = ScalarType(rawValue: descr) else {
            throw invalid("dtype \(descr) (expected '<f4' or '<f2': little-endian float32 or float16)")
        }
        guard case .bool(let fortran)? = entries["fortran_order"] else { throw invalid("header has no 'fortran_order'") }
        guard !fortran else { throw invalid("Fortran order (expected C order, fortran_order False)") }
        guard case .tuple(let shape)? = entries["shape"] else { throw invalid("header has no 'shape' tuple") }
        guard shape.count == 2 else { throw invalid("shape has \(shape.count) dimensions (expected 2: texts x dimension)") }
        let (valueCount, overflow) = shape[0].multipliedReportingOverflow(by: shape[1])
        let available = bytes.count - start - headerLength
        // A hostile shape such as (2^62, 4) must not overflow: the data size decides.
        guard !overflow, valueCount <= available / scalar.size, valueCount * scalar.size == available else {
            throw invalid("shape (\(shape[0]), \(shape[1])) of \(descr) needs \(overflow ? "more" : String(valueCount * scalar.size)) bytes of data, the file has \(available)")
        }
        self.scalar = scalar
        rows = shape[0]
        columns = shape[1]
        dataOffset = start + headerLength
    }
}

/// The subset of Python literal syntax a `.npy` header uses: a dict of quoted keys to quoted strings,
/// `True`/`False`, and tuples of non-negative integers.
struct PythonDictLiteral {
    enum Value: Equatable {
        case string(String)
        case bool(Bool)
        case tuple([Int])
    }

    struct SyntaxError: Error {
        var reason: String
    }

    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    mutating func parse() throws -> [String: Value] {
        try expect("{")
        var entries: [String: Value] = [:]
        while true {
            skipSpaces()
            if peek() == "}" { position += 1; break }
            let key = try quoted()
            try expect(":")
            skipSpaces()
            guard entries[key] == nil else { throw SyntaxError(reason: "key '\(key)' given twice") }
            entries[key] = try value()
            skipSpaces()
            if peek() == "," { position += 1; continue }
            try expect("}")
            break
        }
        skipSpaces()
        guard position == scalars.count else { throw SyntaxError(reason: "text after the closing brace") }
        return entries
    }

    private mutating func value() throws -> Value {
        switch peek() {
        case "'", "\"": return .string(try quoted())
        case "(": return .tuple(try tuple())
        default:
            for (word, flag) in [("True", true), ("False", false)] where matches(word) {
                position += word.unicodeScalars.count
                return .bool(flag)
            }
            throw SyntaxError(reason: "unexpected \(describe(peek())) at offset \(position)")
        }
    }

    private mutating func tuple() throws -> [Int] {
        try expect("(")
        var items: [Int] = []
        while true {
            skipSpaces()
            if peek() == ")" { position += 1; return items }
            var digits = ""
            while let scalar = peek(), ("0"..."9").contains(scalar), digits.count < 19 {
                digits.unicodeScalars.append(scalar)
                position += 1
            }
            guard let number = Int(digits) else { throw SyntaxError(reason: "a shape entry is not a non-negative integer") }
            items.append(number)
            skipSpaces()
            if peek() == "," { position += 1; continue }
            try expect(")")
            return items
        }
    }

    private mutating func quoted() throws -> String {
        guard let quote = peek(), quote == "'" || quote == "\"" else { throw SyntaxError(reason: "expected a quoted key") }
        position += 1
        var text = ""
        while let scalar = peek(), scalar != quote {
            guard scalar != "\\", text.unicodeScalars.count < 256 else { throw SyntaxError(reason: "an escaped or overlong string") }
            text.unicodeScalars.append(scalar)
            position += 1
        }
        try expect(String(quote))
        return text
    }

    private mutating func expect(_ token: String) throws {
        skipSpaces()
        guard matches(token) else { throw SyntaxError(reason: "expected \(token) at offset \(position), found \(describe(peek()))") }
        position += token.unicodeScalars.count
    }

    private func matches(_ word: String) -> Bool {
        let wanted = Array(word.unicodeScalars)
        return position + wanted.count <= scalars.count && Array(scalars[position..<(position + wanted.count)]) == wanted
    }

    private mutating func skipSpaces() {
        while let scalar = peek(), scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" { position += 1 }
    }

    private func peek() -> Unicode.Scalar? {
        position < scalars.count ? scalars[position] : nil
    }

    private func describe(_ scalar: Unicode.Scalar?) -> String {
        scalar.map { "'\($0.escaped(asASCII: true))'" } ?? "the end"
    }
}
