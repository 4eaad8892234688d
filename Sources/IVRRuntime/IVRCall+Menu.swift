import IVRScript

/// Where a menu or input is in its prompt-and-listen cycle.
struct MenuState: Sendable {
    enum Phase: Sendable {
        /// The prompt is playing; a key stops it (barge-in).
        case prompting(PlaybackID)
        /// The prompt has ended; waiting for the first key.
        case waiting(TimerID)
        /// Some keys are in; waiting for the next.
        case collecting(TimerID)
    }

    var block: Int
    var phase: Phase
    var keys = ""
    var noInputs = 0
    var noMatches = 0
}

extension IVRCall {
    /// Enters a menu or input afresh: counters reset, long prompt.
    mutating func enterMenu(_ index: Int) {
        let block = script.blocks[index]
        let maximum = block.kind == .input ? (block.digits?.value.upperBound ?? 20) : (block.choices.map(\.key.value.count).max() ?? 1)
        emit(.collectDigits(maximum: maximum, endKey: block.kind == .input ? block.endKey?.value.first : nil))
        suspendedCounters = nil
        var menu = MenuState(block: index, phase: .waiting(TimerID(.firstDigit, generation: 0)))
        prompt(&menu, long: true)
    }

    /// Plays the menu's prompt (with barge-in); with no prompt, starts listening at once.
    private mutating func prompt(_ menu: inout MenuState, long: Bool) {
        let block = script.blocks[menu.block]
        let names = (long || block.shortPrompt.isEmpty ? block.prompt : block.shortPrompt).map(\.name)
        menu.keys = ""
        guard !names.isEmpty else {
            startFirstDigitTimer(&menu)
            return
        }
        let files = names.map { PromptFile(language: language, name: $0) }
        let id = PlaybackID(makeID())
        record(.played(files.map(\.path)))
        menu.phase = .prompting(id)
        state = .menu(menu)
        emit(.play(files, bargeIn: true, id: id))
    }

    /// Repeats a menu after a choice or handler came back to it: short prompt, counters kept.
    mutating func repeatMenu(_ index: Int) {
        let previous: MenuState? = if case .menu(let m) = state, m.block == index { m } else { nil }
        let suspended = suspendedCounters?.block == index ? suspendedCounters : nil
        var menu = MenuState(block: index, phase: .waiting(TimerID(.firstDigit, generation: 0)))
        menu.noInputs = previous?.noInputs ?? suspended?.noInputs ?? 0
        menu.noMatches = previous?.noMatches ?? suspended?.noMatches ?? 0
        suspendedCounters = nil
        prompt(&menu, long: false)
    }

    /// Starts the first-key timer: the prompt has ended (VoiceXML: the timeout counts from here).
    mutating func startFirstDigitTimer(_ menu: inout MenuState) {
        let block = script.blocks[menu.block]
        let timer = TimerID(.firstDigit, generation: makeID())
        menu.phase = .waiting(timer)
        state = .menu(menu)
        emit(.startTimer(timer, after: block.timeout?.value ?? Self.defaultTimeout))
    }

    /// A key arrived; outside menus and inputs keys are ignored.
    mutating func digit(_ key: Character) {
        guard case .menu(var menu) = state else { return }
        switch menu.phase {
        case .prompting(let id):
            emit(.stopPlayback(id))
            record(.bargedIn)
        case .waiting(let timer), .collecting(let timer):
            emit(.cancelTimer(timer))
        }
        let block = script.blocks[menu.block]
        if block.kind == .input {
            inputKey(key, &menu, block)
        } else {
            menuKey(key, &menu, block)
        }
    }

    private mutating func menuKey(_ key: Character, _ menu: inout MenuState, _ block: Block) {
        menu.keys.append(key)
        let keys = menu.keys
        let longer = block.choices.contains { $0.key.value.count > keys.count && $0.key.value.hasPrefix(keys) }
        if longer {
            waitForNextKey(&menu, block)
        } else {
            decideMenu(&menu, block)
        }
    }

    private mutating func decideMenu(_ menu: inout MenuState, _ block: Block) {
        if let choice = block.choices.first(where: { $0.key.value == menu.keys }) {
            record(.chose(key: choice.key.value))
            suspendedCounters = (menu.block, menu.noInputs, menu.noMatches)
            state = .running
            run(choice.actions, returningTo: menu.block)
        } else {
            failed(.noMatch, &menu, block)
        }
    }

    private mutating func inputKey(_ key: Character, _ menu: inout MenuState, _ block: Block) {
        let digits = block.digits?.value ?? 1...20
        if let end = block.endKey?.value.first, key == end {
            decideInput(&menu, block)
            return
        }
        menu.keys.append(key)
        if menu.keys.count >= digits.upperBound {
            decideInput(&menu, block)
        } else {
            waitForNextKey(&menu, block)
        }
    }

    private mutating func decideInput(_ menu: inout MenuState, _ block: Block) {
        let digits = block.digits?.value ?? 1...20
        guard digits.contains(menu.keys.count) else {
            failed(menu.keys.isEmpty ? .noInput : .noMatch, &menu, block)
            return
        }
        variables[block.name.value] = menu.keys
        record(.collected(name: block.name.value, value: menu.keys))
        state = .running
        run(block.done ?? [], returningTo: nil)
    }

    private mutating func waitForNextKey(_ menu: inout MenuState, _ block: Block) {
        let timer = TimerID(.betweenKeys, generation: makeID())
        menu.phase = .collecting(timer)
        state = .menu(menu)
        emit(.startTimer(timer, after: block.betweenKeys?.value ?? Self.defaultBetweenKeys))
    }

    mutating func menuTimerFired(_ id: TimerID, _ menu: MenuState) {
        var menu = menu
        let block = script.blocks[menu.block]
        switch menu.phase {
        case .waiting(let current) where current == id:
            failed(.noInput, &menu, block)
        case .collecting(let current) where current == id:
            if block.kind == .input { decideInput(&menu, block) } else { decideMenu(&menu, block) }
        default:
            break
        }
    }

    /// Counts a no-input or no-match and runs the handler the count selects (VoiceXML `count`).
    private mutating func failed(_ event: InputEvent, _ menu: inout MenuState, _ block: Block) {
        let count: Int
        if event == .noInput {
            menu.noInputs += 1
            count = menu.noInputs
            record(.noInput(count: count))
        } else {
            menu.noMatches += 1
            count = menu.noMatches
            record(.noMatch(keys: menu.keys, count: count))
        }
        state = .menu(menu)
        let handler = block.handlers.filter { $0.event == event && $0.count <= count }.max { $0.count < $1.count }
        if count >= Self.safetyRetryLimit, handler.map({ $0.count < count }) ?? true {
            end(.retriesExhausted, hangUp: true)
            return
        }
        guard let handler else {
            repeatMenu(menu.block)
            return
        }
        suspendedCounters = (menu.block, menu.noInputs, menu.noMatches)
        state = .running
        run(handler.actions, returningTo: menu.block)
    }
}
