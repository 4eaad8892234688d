extension CheckPass {
    /// Reports empty menus, missing prompts, choices that can never be taken and handlers that never run.
    mutating func checkMenus() {
        for block in script.blocks where block.kind != .step {
            let kindName = block.kind.rawValue
            if block.prompt.isEmpty {
                diagnostics.append(Diagnostic.noPrompt(kindName, block.name.value).at(block.name.range))
            }
            if block.kind == .menu, block.choices.isEmpty {
                diagnostics.append(Diagnostic.menuWithoutChoices(block.name.value).at(block.name.range))
            }
            if block.kind == .input, block.done == nil {
                diagnostics.append(Diagnostic.inputWithoutDone(block.name.value).at(block.name.range))
            }
            var firstLine: [String: Int] = [:]
            for choice in block.choices {
                let key = choice.key
                if let line = firstLine[key.value] {
                    diagnostics.append(Diagnostic.duplicateChoice(key.value).at(key.range).note(Diagnostic.noteFirstDefined(line: line)))
                    continue
                }
                firstLine[key.value] = key.range.start.line
                if key.value.contains(where: { "ABCD".contains($0) }) {
                    diagnostics.append(Diagnostic.keyNotOnPhones(key.value).at(key.range))
                }
            }
            var handlerLines: [String: Int] = [:]
            for handler in block.handlers {
                let id = "\(handler.event.rawValue) \(handler.count)"
                if let line = handlerLines[id] {
                    diagnostics.append(Diagnostic.duplicateHandler(handler.event.rawValue, count: handler.count).at(handler.range)
                        .note(Diagnostic.noteFirstDefined(line: line)))
                }
                handlerLines[id] = handler.range.start.line
            }
            for event in [InputEvent.noInput, .noMatch] where !givesUp(block, on: event) {
                diagnostics.append(Diagnostic.neverGivesUp(kindName, block.name.value, event: event).at(block.name.range)
                    .note(Diagnostic.noteAddHandler(event)))
            }
        }
    }

    /// Whether some handler for `event` leaves the block (goes elsewhere or ends the call).
    private func givesUp(_ block: Block, on event: InputEvent) -> Bool {
        block.handlers.contains { handler in
            guard handler.event == event else { return false }
            var leaves = false
            Script.walk(handler.actions) { statement in
                switch statement.action {
                case .goto(let target) where target.value != block.name.value: leaves = true
                case .hangup, .transfer, .queue, .receiveFax: leaves = true
                default: break
                }
            }
            return leaves
        }
    }
}
