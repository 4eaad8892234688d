extension CheckPass {
    /// Reports references to blocks, queues, tables, hours, languages and variables that do not exist.
    mutating func checkNames() {
        let variables = knownVariables()
        var problems: [Diagnostic] = []
        script.forEachStatement { _, statement in
            problems += self.nameProblems(in: statement, variables: variables)
        }
        diagnostics += problems
    }

    private func knownVariables() -> Set<String> {
        var names = Set(Checker.builtinVariables)
        names.formUnion(languageNames)
        for block in script.blocks where block.kind == .input { names.insert(block.name.value) }
        script.forEachStatement { _, statement in
            switch statement.action {
            case .set(let name, _), .record(let name, _, _): names.insert(name.value)
            default: break
            }
        }
        return names
    }

    private func blockProblem(_ name: Located<String>) -> Diagnostic? {
        guard script.block(named: name.value) == nil else { return nil }
        let guess = Spelling.closest(to: name.value, in: script.blocks.map(\.name.value))
        return Diagnostic.unknownBlock(name.value).at(name.range).note(guess.map(Diagnostic.noteDidYouMean))
    }

    private func tableProblem(_ name: Located<String>) -> Diagnostic? {
        guard !script.tables.contains(where: { $0.name.value == name.value }) else { return nil }
        let guess = Spelling.closest(to: name.value, in: script.tables.map(\.name.value))
        return Diagnostic.unknownTable(name.value).at(name.range).note(guess.map(Diagnostic.noteDidYouMean))
    }

    private func nameProblems(in statement: Statement, variables: Set<String>) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func expression(_ e: Expression) {
            switch e.kind {
            case .add(let a, let b), .subtract(let a, let b): expression(a); expression(b)
            case .name(let name): if let d = variableProblem(name, e.range, variables) { out.append(d) }
            case .number, .text: break
            }
        }
        func condition(_ c: Condition) {
            switch c {
            case .not(let a): condition(a)
            case .and(let a, let b), .or(let a, let b): condition(a); condition(b)
            case .compare(_, let a, let b): expression(a); expression(b)
            case .member(let e, let table): expression(e); if let d = tableProblem(table) { out.append(d) }
            case .hours(let name, _):
                if !script.hours.contains(where: { $0.name.value == name.value }) {
                    let guess = Spelling.closest(to: name.value, in: script.hours.map(\.name.value))
                    out.append(Diagnostic.unknownHours(name.value).at(name.range).note(guess.map(Diagnostic.noteDidYouMean)))
                }
            case .holiday: break
            case .isTrue(let e): expression(e)
            }
        }
        switch statement.action {
        case .goto(let target):
            if let d = blockProblem(target) { out.append(d) }
        case .queue(let name, let after):
            if !script.queues.contains(where: { $0.name.value == name.value }) {
                let guess = Spelling.closest(to: name.value, in: script.queues.map(\.name.value))
                out.append(Diagnostic.unknownQueue(name.value).at(name.range)
                    .note(guess.map(Diagnostic.noteDidYouMean) ?? Diagnostic.noteDeclareQueue(name.value)))
            }
            if let after, let d = blockProblem(after) { out.append(d) }
        case .lookup(let key, let table):
            expression(key)
            if let d = tableProblem(table) { out.append(d) }
        case .when(let c, _, _):
            condition(c)
        case .say(_, let e), .transfer(_, let e), .log(_, let e):
            expression(e)
        case .set(let name, let e):
            if name.value == "language", case .name(let value) = e.kind, !languageNames.isEmpty, !variables.contains(value) {
                out.append(Diagnostic.unknownLanguage(value).at(e.range).note(Diagnostic.noteLanguages(languageNames)))
            } else {
                expression(e)
            }
            if name.value.contains(".") || (Checker.builtinVariables.contains(name.value) && name.value != "language") {
                out.append(Diagnostic.readOnlyVariable(name.value).at(name.range))
            }
        case .play, .hangup, .record, .pause, .receiveFax:
            break
        }
        return out
    }

    private func variableProblem(_ name: String, _ range: SourceRange, _ variables: Set<String>) -> Diagnostic? {
        if variables.contains(name) { return nil }
        if let dot = name.firstIndex(of: ".") {
            let table = String(name[..<dot]), column = String(name[name.index(after: dot)...])
            guard script.tables.contains(where: { $0.name.value == table }) else {
                return Diagnostic.unknownTable(table).at(range)
            }
            guard let columns = environment.tableColumns?[table] else { return nil }
            if columns.contains(column) { return nil }
            let guess = Spelling.closest(to: column, in: columns)
            return Diagnostic.unknownColumn(column, table: table).at(range).note(guess.map(Diagnostic.noteDidYouMean))
        }
        let guess = Spelling.closest(to: name, in: variables)
        return Diagnostic.unknownVariable(name).at(range).note(guess.map(Diagnostic.noteDidYouMean))
    }
}
