extension TokenizerRegex {
    /// Why a pattern is refused; the loader turns it into a one-line `TokenizerError`.
    struct SyntaxError: Error {
        let reason: String
    }

    /// The most instructions a pattern may compile to (counted repeats are expanded).
    static let maximumProgramSize = 20_000

    /// Parses and compiles `pattern`; refuses syntax outside the supported subset and patterns
    /// that can match the empty string.
    init(_ pattern: String) throws {
        var parser = Parser(scalars: Array(pattern.unicodeScalars))
        let node = try parser.parseAlternation(caseInsensitive: false)
        guard parser.index == parser.scalars.count else { throw SyntaxError(reason: "unbalanced ')'") }
        guard !node.isNullable else { throw SyntaxError(reason: "the pattern can match the empty string") }
        var compiler = Compiler()
        compiler.programs = [[]]
        try compiler.emit(node, into: 0)
        compiler.programs[0].append(.match)
        self.programs = compiler.programs
        self.source = pattern
    }

    indirect enum Node {
        case empty
        case set(ScalarSet)
        case concatenation([Node])
        case alternation([Node])
        case repetition(Node, min: Int, max: Int?, greedy: Bool)
        case assertion(Assertion)
        case lookahead(Node, negated: Bool)

        /// Whether the node can match without consuming a scalar.
        var isNullable: Bool {
            switch self {
            case .empty, .assertion, .lookahead: return true
            case .set: return false
            case .concatenation(let nodes): return nodes.allSatisfy(\.isNullable)
            case .alternation(let nodes): return nodes.contains(where: \.isNullable)
            case .repetition(let node, let min, _, _): return min == 0 || node.isNullable
            }
        }
    }

    struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0
        var depth = 0

        func fail(_ reason: String) -> SyntaxError { SyntaxError(reason: reason) }

        var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func parseAlternation(caseInsensitive: Bool) throws -> Node {
            depth += 1
            defer { depth -= 1 }
            guard depth < 100 else { throw fail("groups nested too deeply") }
            var branches = [try parseConcatenation(caseInsensitive: caseInsensitive)]
            while peek == "|" {
                index += 1
                branches.append(try parseConcatenation(caseInsensitive: caseInsensitive))
            }
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        mutating func parseConcatenation(caseInsensitive: Bool) throws -> Node {
            var nodes: [Node] = []
            while let scalar = peek, scalar != "|", scalar != ")" {
                var atom = try parseAtom(caseInsensitive: caseInsensitive)
                while let (min, max, greedy) = try parseQuantifier() {
                    switch atom {
                    case .assertion, .lookahead, .empty: throw fail("a quantifier follows nothing to repeat")
                    default: break
                    }
                    atom = .repetition(atom, min: min, max: max, greedy: greedy)
                }
                nodes.append(atom)
            }
            return nodes.count == 1 ? nodes[0] : (nodes.isEmpty ? .empty : .concatenation(nodes))
        }

        mutating func parseAtom(caseInsensitive: Bool) throws -> Node {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "(": return try parseGroup(caseInsensitive: caseInsensitive)
            case "[": return .set(try parseClass(caseInsensitive: caseInsensitive))
            case ".": return .set(ScalarSet(items: [.anyButNewline]))
            case "^": return .assertion(.lineStart)
            case "$": return .assertion(.lineEnd)
            case "*", "+", "?": throw fail("a quantifier follows nothing to repeat")
            case "\\":
                switch peek {
                case "A": index += 1; return .assertion(.textStart)
                case "z": index += 1; return .assertion(.textEnd)
                case "Z": index += 1; return .assertion(.textEndOrFinalNewline)
                default:
                    return .set(ScalarSet(items: [try parseEscape()], caseInsensitive: caseInsensitive))
                }
            default:
                return .set(ScalarSet(items: [.scalar(scalar)], caseInsensitive: caseInsensitive))
            }
        }

        mutating func parseGroup(caseInsensitive: Bool) throws -> Node {
            var insensitive = caseInsensitive
            var lookahead: Bool? = nil  // negated?
            if peek == "?" {
                index += 1
                switch peek {
                case ":": index += 1
                case "=": index += 1; lookahead = false
                case "!": index += 1; lookahead = true
                case "i" where index + 1 < scalars.count && scalars[index + 1] == ":":
                    index += 2
                    insensitive = true
                default:
                    throw fail("group syntax (?\(peek.map { String($0) } ?? "") is not supported")
                }
            }
            let inner = try parseAlternation(caseInsensitive: insensitive)
            guard peek == ")" else { throw fail("missing ')'") }
            index += 1
            if let negated = lookahead { return .lookahead(inner, negated: negated) }
            return inner
        }

        /// `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, `{,m}`, each optionally lazy (`?`); an interval that
        /// does not parse is a literal `{`, as in Oniguruma.
        mutating func parseQuantifier() throws -> (Int, Int?, Bool)? {
            guard let scalar = peek else { return nil }
            var bounds: (Int, Int?)
            switch scalar {
            case "*": bounds = (0, nil); index += 1
            case "+": bounds = (1, nil); index += 1
            case "?": bounds = (0, 1); index += 1
            case "{":
                guard let interval = parseInterval() else { return nil }
                bounds = interval
            default: return nil
            }
            if let max = bounds.1, max < bounds.0 { throw fail("a repeat range is backwards") }
            guard bounds.0 <= 1000, (bounds.1 ?? 0) <= 1000 else { throw fail("a repeat count above 1000") }
            var greedy = true
            if peek == "?" { index += 1; greedy = false } else if peek == "+" {
                throw fail("possessive quantifiers are not supported")
            }
            return (bounds.0, bounds.1, greedy)
        }

        mutating func parseInterval() -> (Int, Int?)? {
            var cursor = index + 1
            func number() -> Int? {
                var value: Int? = nil
                while cursor < scalars.count, let digit = Int(String(scalars[cursor])), scalars[cursor].isASCII {
                    value = min((value ?? 0) * 10 + digit, 100_000)
                    cursor += 1
                }
                return value
            }
            let low = number()
            var high: Int?
            if cursor < scalars.count && scalars[cursor] == "," {
                cursor += 1
                high = number()
                guard low != nil || high != nil else { return nil }
            } else {
                guard let low else { return nil }
                high = low
            }
            guard cursor < scalars.count, scalars[cursor] == "}" else { return nil }
            index = cursor + 1
            return (low ?? 0, high)
        }

        /// One escape after `\` (already consumed), as a set item.
        mutating func parseEscape() throws -> ScalarSet.Item {
            guard let scalar = peek else { throw fail("a pattern ends with '\\'") }
            index += 1
            switch scalar {
            case "t": return .scalar("\t")
            case "n": return .scalar("\n")
            case "r": return .scalar("\r")
            case "f": return .scalar("\u{0C}")
            case "v": return .scalar("\u{0B}")
            case "a": return .scalar("\u{07}")
            case "e": return .scalar("\u{1B}")
            case "s": return .whitespace
            case "S": return .not(.whitespace)
            case "d": return .decimalDigit
            case "D": return .not(.decimalDigit)
            case "w": return .word
            case "W": return .not(.word)
            case "h": return .hexDigit
            case "H": return .not(.hexDigit)
            case "p", "P": return try parseProperty(negated: scalar == "P")
            case "x":
                if peek == "{" {
                    index += 1
                    return .scalar(try hexScalar(until: "}", maximumDigits: 8))
                }
                return .scalar(try hexScalar(digits: 2))
            case "u": return .scalar(try hexScalar(digits: 4))
            default:
                guard !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) else {
                    throw fail("escape \\\(scalar) is not supported")
                }
                return .scalar(scalar)
            }
        }

        mutating func hexScalar(digits: Int) throws -> Unicode.Scalar {
            guard index + digits <= scalars.count,
                  let value = UInt32(String(String.UnicodeScalarView(scalars[index..<(index + digits)])), radix: 16),
                  let scalar = Unicode.Scalar(value) else { throw fail("a bad hexadecimal escape") }
            index += digits
            return scalar
        }

        mutating func hexScalar(until terminator: Unicode.Scalar, maximumDigits: Int) throws -> Unicode.Scalar {
            guard let end = scalars[index...].firstIndex(of: terminator), end > index, end - index <= maximumDigits,
                  let value = UInt32(String(String.UnicodeScalarView(scalars[index..<end])), radix: 16),
                  let scalar = Unicode.Scalar(value) else { throw fail("a bad hexadecimal escape") }
            index = end + 1
            return scalar
        }

        /// `\p{L}`, `\p{^L}`, `\P{Lu}`: general categories only.
        mutating func parseProperty(negated: Bool) throws -> ScalarSet.Item {
            guard peek == "{", let end = scalars[index...].firstIndex(of: "}") else {
                throw fail("\\p needs a {name}")
            }
            var name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
            index = end + 1
            var inverted = negated
            if name.hasPrefix("^") { name.removeFirst(); inverted.toggle() }
            guard let categories = Self.generalCategories[name] else {
                throw fail("property \\p{\(name)} is not supported")
            }
            return inverted ? .not(.categories(categories)) : .categories(categories)
        }

        mutating func parseClass(caseInsensitive: Bool) throws -> ScalarSet {
            var set = ScalarSet(items: [])
            if peek == "^" { index += 1; set.negated = true }
            var first = true
            while true {
                guard let scalar = peek else { throw fail("missing ']'") }
                if scalar == "]" && !first { index += 1; break }
                if scalar == "[" { throw fail("nested classes and [:posix:] names are not supported") }
                if scalar == "&", index + 1 < scalars.count, scalars[index + 1] == "&" {
                    throw fail("class intersection is not supported")
                }
                first = false
                index += 1
                var item: ScalarSet.Item = .scalar(scalar)
                if scalar == "\\" { item = try parseEscape() }
                // A range `a-z`, unless the '-' ends the class.
                if case .scalar(let low) = item, peek == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                    index += 1
                    var highScalar = scalars[index]
                    index += 1
                    if highScalar == "\\" {
                        guard case .scalar(let escaped) = try parseEscape() else {
                            throw fail("a class range ends in a class")
                        }
                        highScalar = escaped
                    }
                    guard low.value <= highScalar.value else { throw fail("a class range is backwards") }
                    guard !caseInsensitive else { throw fail("ranges in (?i:…) are not supported") }
                    item = .range(low.value, highScalar.value)
                }
                set.items.append(item)
            }
            set.caseInsensitive = caseInsensitive
            return set
        }

        static let generalCategories: [String: [Unicode.GeneralCategory]] = {
            let letter: [Unicode.GeneralCategory] = [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]
            let mark: [Unicode.GeneralCategory] = [.nonspacingMark, .spacingMark, .enclosingMark]
            let number: [Unicode.GeneralCategory] = [.decimalNumber, .letterNumber, .otherNumber]
            let punctuation: [Unicode.GeneralCategory] = [.connectorPunctuation, .dashPunctuation, .openPunctuation,
                                                          .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation]
            let symbol: [Unicode.GeneralCategory] = [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]
            let separator: [Unicode.GeneralCategory] = [.spaceSeparator, .lineSeparator, .paragraphSeparator]
            let other: [Unicode.GeneralCategory] = [.control, .format, .surrogate, .privateUse, .unassigned]
            var table: [String: [Unicode.GeneralCategory]] = [
                "L": letter, "Letter": letter, "M": mark, "Mark": mark, "N": number, "Number": number,
                "P": punctuation, "Punctuation": punctuation, "S": symbol, "Symbol": symbol,
                "Z": separator, "Separator": separator, "C": other, "Other": other,
            ]
            let single: [(String, Unicode.GeneralCategory)] = [
                ("Lu", .uppercaseLetter), ("Ll", .lowercaseLetter), ("Lt", .titlecaseLetter), ("Lm", .modifierLetter),
                ("Lo", .otherLetter), ("Mn", .nonspacingMark), ("Mc", .spacingMark), ("Me", .enclosingMark),
                ("Nd", .decimalNumber), ("Nl", .letterNumber), ("No", .otherNumber), ("Pc", .connectorPunctuation),
                ("Pd", .dashPunctuation), ("Ps", .openPunctuation), ("Pe", .closePunctuation),
                ("Pi", .initialPunctuation), ("Pf", .finalPunctuation), ("Po", .otherPunctuation),
                ("Sm", .mathSymbol), ("Sc", .currencySymbol), ("Sk", .modifierSymbol), ("So", .otherSymbol),
                ("Zs", .spaceSeparator), ("Zl", .lineSeparator), ("Zp", .paragraphSeparator), ("Cc", .control),
                ("Cf", .format), ("Cs", .surrogate), ("Co", .privateUse), ("Cn", .unassigned),
            ]
            for (name, category) in single { table[name] = [category] }
            return table
        }()
    }
}
