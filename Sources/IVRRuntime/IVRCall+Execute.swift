import IVRScript

extension IVRCall {
    /// Sends the call to the block `name`.
    mutating func goto(_ name: String) {
        guard let index = script.blocks.firstIndex(where: { $0.name.value == name }) else {
            record(.note("no block called '\(name)'"))
            end(.scriptError, hangUp: true)
            return
        }
        let block = script.blocks[index]
        record(.entered(kind: block.kind.rawValue, name: name))
        stack = []
        switch block.kind {
        case .step:
            stack = [Frame(statements: block.statements, returnsTo: nil)]
            if isResuming { state = .running } else { resume() }
        case .menu, .input:
            enterMenu(index)
        }
    }

    /// Runs statements until one has to wait for an event, or the call moves on.
    mutating func resume() {
        state = .running
        isResuming = true
        defer { isResuming = false }
        while case .running = state {
            guard var frame = stack.popLast() else { return }
            statementBudget -= 1
            guard statementBudget > 0 else {
                record(.note("more than \(Self.statementBudgetPerEvent) statements without waiting: a loop"))
                end(.scriptError, hangUp: true)
                return
            }
            guard frame.index < frame.statements.count else {
                if stack.isEmpty { ranOut(returningTo: frame.returnsTo) }
                continue
            }
            let statement = frame.statements[frame.index]
            frame.index += 1
            stack.append(frame)
            execute(statement)
        }
    }

    /// The outermost list ran out: repeat the menu it came from, or it is a dead end.
    private mutating func ranOut(returningTo menu: Int?) {
        if let menu {
            repeatMenu(menu)
        } else {
            record(.note("the step ended without saying where the call goes"))
            end(.deadEnd, hangUp: true)
        }
    }

    /// Runs `statements` (a choice or handler of the menu `menu`); repeats the menu if they run out.
    mutating func run(_ statements: [Statement], returningTo menu: Int?) {
        stack = [Frame(statements: statements, returnsTo: menu)]
        if isResuming { state = .running } else { resume() }
    }

    private mutating func execute(_ statement: Statement) {
        switch statement.action {
        case .play(let prompts):
            play(prompts.map(\.name))
        case .say(let format, let expression):
            let value = evaluate(expression)
            let names = Speech.prompts(format, value, language: language)
            if names.isEmpty {
                record(.note("cannot say '\(value)' as \(format.rawValue)"))
            } else {
                play(names)
            }
        case .set(let name, let expression):
            let value = evaluate(expression)
            if name.value == "language" {
                setLanguage(value)
            } else {
                variables[name.value] = value
            }
        case .when(let condition, let then, let otherwise):
            let branch = test(condition) ? then : otherwise
            if !branch.isEmpty { stack.append(Frame(statements: branch, returnsTo: nil)) }
        case .lookup(let keyExpression, let table):
            let key = evaluate(keyExpression)
            if let local = tables[table.value] {
                applyLookup(table: table.value, key: key, row: local.row(forKey: key))
            } else {
                state = .lookup(table: table.value, key: key)
                emit(.lookup(table: table.value, key: key))
            }
        case .goto(let target):
            goto(target.value)
        case .hangup:
            end(.hangup, hangUp: true)
        case .queue(let name, let after):
            let declaration = script.queues.first { $0.name.value == name.value }
            record(.queued(name.value))
            state = .queued(after: after?.value)
            emit(.queue(name: name.value, maximumWait: declaration?.maximumWait, callerID: variables["caller"] ?? ""))
        case .transfer(let kind, let expression):
            let number = evaluate(expression)
            record(.transferred("\(kind.rawValue) \(number)"))
            emit(.transfer(kind, number: number))
            end(.transferred, hangUp: false)
        case .record(let name, let maximum, let endKey):
            let id = RecordingID(makeID())
            state = .recording(id, name: name.value)
            emit(.record(id, maximum: maximum, endKey: endKey?.first))
        case .log(let field, let expression):
            let value = evaluate(expression)
            record(.logged(field: field.value, value: value))
            emit(.log(field: field.value, value: value))
        case .pause(let duration):
            let timer = TimerID(.pause, generation: makeID())
            state = .pausing(timer)
            emit(.startTimer(timer, after: duration))
        case .receiveFax:
            emit(.receiveFax)
            end(.fax, hangUp: false)
        }
    }

    /// Plays prompt names in the current language, without barge-in, and waits for the end.
    private mutating func play(_ names: [String]) {
        let files = names.map { PromptFile(language: language, name: $0) }
        let id = PlaybackID(makeID())
        record(.played(files.map(\.path)))
        state = .playing(id)
        emit(.play(files, bargeIn: false, id: id))
    }

    mutating func applyLookup(table: String, key: String, row: [String: String]?) {
        record(.lookedUp(table: table, key: key, found: row != nil))
        variables["found"] = row == nil ? "no" : "yes"
        for (column, value) in row ?? [:] {
            variables["\(table).\(column)"] = value
        }
    }
}
