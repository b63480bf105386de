extension TokenizerRegex {
    /// Compiles nodes into instructions (Thompson's construction, priorities as splits).
    struct Compiler {
        var programs: [[Instruction]] = []

        mutating func emit(_ node: Node, into program: Int) throws {
            guard programs.reduce(0, { $0 + $1.count }) < TokenizerRegex.maximumProgramSize else {
                throw SyntaxError(reason: "the pattern compiles to more than \(TokenizerRegex.maximumProgramSize) instructions")
            }
            switch node {
            case .empty:
                break
            case .set(let set):
                programs[program].append(.consume(set))
            case .concatenation(let nodes):
                for inner in nodes { try emit(inner, into: program) }
            case .alternation(let branches):
                var jumps: [Int] = []
                for (number, branch) in branches.enumerated() {
                    if number < branches.count - 1 {
                        let split = programs[program].count
                        programs[program].append(.jump(-1))  // patched below
                        try emit(branch, into: program)
                        jumps.append(programs[program].count)
                        programs[program].append(.jump(-1))
                        programs[program][split] = .split(preferred: split + 1, other: programs[program].count)
                    } else {
                        try emit(branch, into: program)
                    }
                }
                let end = programs[program].count
                for jump in jumps { programs[program][jump] = .jump(end) }
            case .repetition(let inner, let min, let max, let greedy):
                for _ in 0..<min { try emit(inner, into: program) }
                if let max {
                    // x? repeated: each optional copy may be skipped to the end.
                    var splits: [Int] = []
                    for _ in min..<max {
                        splits.append(programs[program].count)
                        programs[program].append(.jump(-1))
                        try emit(inner, into: program)
                    }
                    let end = programs[program].count
                    for split in splits {
                        programs[program][split] = greedy
                            ? .split(preferred: split + 1, other: end) : .split(preferred: end, other: split + 1)
                    }
                } else {
                    let loop = programs[program].count
                    programs[program].append(.jump(-1))
                    try emit(inner, into: program)
                    programs[program].append(.jump(loop))
                    let end = programs[program].count
                    programs[program][loop] = greedy
                        ? .split(preferred: loop + 1, other: end) : .split(preferred: end, other: loop + 1)
                }
            case .assertion(let assertion):
                programs[program].append(.assert(assertion))
            case .lookahead(let inner, let negated):
                let sub = programs.count
                programs.append([])
                try emit(inner, into: sub)
                programs[sub].append(.match)
                programs[program].append(.lookahead(program: sub, negated: negated))
            }
        }
    }
}
