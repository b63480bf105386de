/// Splits CSV (RFC 4180) or TSV records out of a line stream.
///
/// Fields may be quoted with `"`; inside quotes the delimiter and newlines are literal and `""` is one
/// quote, so one record may span several lines (its number is the line it starts on). A quote in the
/// middle of an unquoted field is kept as a literal character, as Python's csv module does.
struct DelimitedParser {
    let delimiter: UInt8
    private static let quote = UInt8(ascii: "\"")

    init(delimiter: UInt8) { self.delimiter = delimiter }

    /// The next non-blank record's fields and starting line, or nil at the end of the file.
    func nextRecord(from stream: LineStream) throws -> (fields: [String], line: Int)? {
        var bytes: [UInt8]
        repeat {
            guard let next = try stream.nextLine() else { return nil }
            bytes = next
        } while bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
        let startLine = stream.lineNumber
        _ = try stream.decode(bytes)

        var fields: [String] = []
        var field: [UInt8] = []
        var index = 0
        var quoted = false
        var afterClosingQuote = false
        while true {
            if index == bytes.count {
                if quoted {
                    guard let more = try stream.nextLine() else {
                        throw DatasetError.malformedCSV(file: stream.file, line: startLine,
                                                        detail: "quoted field never closed")
                    }
                    _ = try stream.decode(more)
                    field.append(UInt8(ascii: "\n"))
                    bytes = more
                    index = 0
                    continue
                }
                fields.append(try decode(field, stream: stream, line: startLine))
                return (fields, startLine)
            }
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == Self.quote {
                    if index < bytes.count, bytes[index] == Self.quote {
                        field.append(Self.quote)
                        index += 1
                    } else {
                        quoted = false
                        afterClosingQuote = true
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == delimiter {
                fields.append(try decode(field, stream: stream, line: startLine))
                field.removeAll(keepingCapacity: true)
                afterClosingQuote = false
            } else if afterClosingQuote {
                throw DatasetError.malformedCSV(file: stream.file, line: stream.lineNumber,
                                                detail: "text after a closing quote in field \(fields.count + 1)")
            } else if byte == Self.quote && field.isEmpty {
                quoted = true
            } else {
                field.append(byte)
            }
        }
    }

    private func decode(_ field: [UInt8], stream: LineStream, line: Int) throws -> String {
        guard let text = String(validating: field, as: UTF8.self) else {
            throw DatasetError.notUTF8(file: stream.file, line: line)
        }
        return text
    }
}
