extension TokenizerRegex {
    /// Runs the programs over one text. Failed (instruction, position) pairs are remembered across
    /// start positions (a state that failed once fails again), and forgotten after each match,
    /// whose own path is not a failure.
    struct Matcher {
        let regex: TokenizerRegex
        let text: [Unicode.Scalar]
        private var failed: [Set<Int>]
        private var lookaheads: [Int: Bool] = [:]

        init(regex: TokenizerRegex, text: [Unicode.Scalar]) {
            self.regex = regex
            self.text = text
            self.failed = Array(repeating: [], count: regex.programs.count)
        }

        /// The leftmost match starting at or after `start`.
        mutating func firstMatch(from start: Int) -> Range<Int>? {
            var position = start
            while position <= text.count {
                if let end = run(program: 0, at: position) {
                    failed[0] = []
                    return position..<end
                }
                position += 1
            }
            return nil
        }

        /// The end of the highest-priority path of `program` from `start`, or nil.
        private mutating func run(program index: Int, at start: Int) -> Int? {
            let program = regex.programs[index]
            let width = text.count + 1
            var stack: [(pc: Int, position: Int)] = [(0, start)]
            while let thread = stack.popLast() {
                var pc = thread.pc
                var position = thread.position
                while true {
                    guard failed[index].insert(pc * width + position).inserted else { break }
                    switch program[pc] {
                    case .consume(let set):
                        guard position < text.count, set.contains(text[position]) else { break }
                        pc += 1
                        position += 1
                        continue
                    case .split(let preferred, let other):
                        stack.append((other, position))
                        pc = preferred
                        continue
                    case .jump(let target):
                        pc = target
                        continue
                    case .assert(let assertion):
                        guard holds(assertion, at: position) else { break }
                        pc += 1
                        continue
                    case .lookahead(let sub, let negated):
                        guard lookahead(sub, at: position) != negated else { break }
                        pc += 1
                        continue
                    case .match:
                        return position
                    }
                    break
                }
            }
            return nil
        }

        private mutating func lookahead(_ program: Int, at position: Int) -> Bool {
            let key = program * (text.count + 1) + position
            if let known = lookaheads[key] { return known }
            let found = run(program: program, at: position) != nil
            if found { failed[program] = [] }
            lookaheads[key] = found
            return found
        }

        private func holds(_ assertion: Assertion, at position: Int) -> Bool {
            switch assertion {
            case .textStart: return position == 0
            case .textEnd: return position == text.count
            case .textEndOrFinalNewline:
                return position == text.count || (position == text.count - 1 && text[position] == "\n")
            case .lineStart: return position == 0 || text[position - 1] == "\n"
            case .lineEnd: return position == text.count || text[position] == "\n"
            }
        }
    }
}
