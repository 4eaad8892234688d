extension CheckPass {
    /// Reports dead ends, unreachable statements and blocks, and loops the call can never leave.
    mutating func checkFlow() {
        for block in script.blocks {
            switch block.kind {
            case .step:
                if fallsThrough(block.statements) {
                    let at = block.statements.last?.range ?? block.name.range
                    diagnostics.append(Diagnostic.deadEnd(block.name.value).at(at).note(Diagnostic.noteEndWithGoto))
                }
            case .input:
                if let done = block.done, fallsThrough(done) {
                    let at = done.last?.range ?? block.name.range
                    diagnostics.append(Diagnostic.deadEndAfterInput(block.name.value).at(at).note(Diagnostic.noteEndWithGoto))
                }
            case .menu:
                break
            }
            for list in block.choices.map(\.actions) + block.handlers.map(\.actions) {
                _ = fallsThrough(list)
            }
        }
        checkReachability()
    }

    /// Whether running `statements` can reach past the last one; reports statements that can never run.
    private mutating func fallsThrough(_ statements: [Statement]) -> Bool {
        var found: [Diagnostic] = []
        let result = Self.fallsThrough(statements, unreachable: &found)
        diagnostics += found
        return result
    }

    static func fallsThrough(_ statements: [Statement], unreachable: inout [Diagnostic]) -> Bool {
        for (index, statement) in statements.enumerated() {
            let continues: Bool
            switch statement.action {
            case .goto, .hangup, .transfer, .receiveFax:
                continues = false
            case .when(_, let then, let otherwise):
                let a = fallsThrough(then, unreachable: &unreachable)
                let b = otherwise.isEmpty ? true : fallsThrough(otherwise, unreachable: &unreachable)
                continues = a || b
            default:
                continues = true
            }
            if !continues {
                if index + 1 < statements.count {
                    unreachable.append(Diagnostic.unreachableStatement.at(statements[index + 1].range))
                }
                return false
            }
        }
        return true
    }

    /// The blocks each block can send the call to.
    func successors(of block: Block) -> [String] {
        var out: [String] = []
        for list in block.actionLists {
            Script.walkReachable(list) { statement in
                switch statement.action {
                case .goto(let target): out.append(target.value)
                case .queue(_, let after?): out.append(after.value)
                default: break
                }
            }
        }
        return out
    }

    /// Whether the block itself can end the IVR part of the call (hang up, transfer, queue, fax).
    func endsCall(_ block: Block) -> Bool {
        // A dead end ends the call too (the runtime hangs up); it is reported as a dead end.
        var ignored: [Diagnostic] = []
        if block.kind == .step, Self.fallsThrough(block.statements, unreachable: &ignored) { return true }
        if let done = block.done, Self.fallsThrough(done, unreachable: &ignored) { return true }
        var ends = false
        for list in block.actionLists {
            Script.walkReachable(list) { statement in
                switch statement.action {
                case .hangup, .transfer, .queue, .receiveFax: ends = true
                default: break
                }
            }
        }
        return ends
    }

    private mutating func checkReachability() {
        let names = script.blocks.map(\.name.value)
        let next = Dictionary(script.blocks.map { ($0.name.value, successors(of: $0)) }, uniquingKeysWith: { a, _ in a })
        func reach(from roots: [String]) -> Set<String> {
            var seen = Set<String>()
            var stack = roots
            while let name = stack.popLast() {
                guard next[name] != nil, seen.insert(name).inserted else { continue }
                stack += next[name] ?? []
            }
            return seen
        }
        let reached = reach(from: [names[0]] + (script.faxBlock.map { [$0.value] } ?? []))
        for block in script.blocks where !reached.contains(block.name.value) {
            diagnostics.append(Diagnostic.unreachableBlock(block.kind.rawValue, block.name.value).at(block.name.range))
        }
        // Blocks that can end the call, directly or through their successors.
        var finishes = Set(script.blocks.filter(endsCall).map(\.name.value))
        var changed = true
        while changed {
            changed = false
            for name in names where !finishes.contains(name) && (next[name] ?? []).contains(where: finishes.contains) {
                finishes.insert(name)
                changed = true
            }
        }
        var reported = Set<String>()
        for block in script.blocks where reached.contains(block.name.value) && !finishes.contains(block.name.value) {
            let name = block.name.value
            guard !reported.contains(name) else { continue }
            // The loop: the stuck blocks reachable from here that also lead back here.
            let loop = names.filter { other in
                !finishes.contains(other) && reach(from: [name]).contains(other) && reach(from: [other]).contains(name)
            }
            let group = loop.isEmpty ? [name] : loop
            reported.formUnion(group)
            diagnostics.append(Diagnostic.noWayOut(group).at(block.name.range).note(Diagnostic.noteNoWayOut))
        }
    }
}
