extension ParserState {
    /// Parses a menu or input line: prompt, short prompt, timeout, between keys, digits,
    /// end key, press, on.
    mutating func parseSetting(_ keyword: String, in index: Int, _ cursor: inout TokenCursor) throws(ParseFailure) {
        let word = cursor.next()!
        let kind = script.blocks[index].kind
        let allowed: Set<BlockKind> = switch keyword {
        case "press": [.menu]
        case "digits", "end": [.input]
        default: [.menu, .input]
        }
        guard allowed.contains(kind) else {
            throw ParseFailure(diagnostic: Diagnostic.settingNotAllowed(keyword, kind: kind).at(word.range))
        }
        switch keyword {
        case "prompt":
            script.blocks[index].prompt = try prompts(&cursor)
        case "short":
            try cursor.expect("prompt")
            script.blocks[index].shortPrompt = try prompts(&cursor)
        case "timeout":
            script.blocks[index].timeout = try cursor.expectDuration()
        case "between":
            try cursor.expect("keys")
            script.blocks[index].betweenKeys = try cursor.expectDuration()
        case "digits":
            let low = try cursor.expectInteger("the number of digits")
            var high = low
            if cursor.accept("to") { high = try cursor.expectInteger("the largest number of digits") }
            guard low.value >= 1, low.value <= high.value, high.value <= 64 else {
                throw ParseFailure(diagnostic: Diagnostic.badDigitCount.at(low.range))
            }
            script.blocks[index].digits = Located(low.value...high.value, low.range)
        case "end":
            try cursor.expect("key")
            if cursor.accept("none") {
                script.blocks[index].endKey = nil
            } else {
                let key = try self.key(&cursor)
                guard key.value.count == 1 else {
                    throw ParseFailure(diagnostic: Diagnostic.endKeyTooLong(key.value).at(key.range))
                }
                script.blocks[index].endKey = key
            }
        case "press":
            let key = try self.key(&cursor)
            _ = cursor.acceptSymbol(":")
            let actions = try parseActions(&cursor, stopAtElse: false)
            script.blocks[index].choices.append(Choice(key: key, actions: actions))
        default:  // "on"
            try parseHandler(word.range, in: index, &cursor)
        }
        try cursor.expectEnd()
    }

    private mutating func parseHandler(_ range: SourceRange, in index: Int, _ cursor: inout TokenCursor) throws(ParseFailure) {
        guard let name = cursor.peek, name.kind == .word else { throw cursor.expected("'no-input', 'no-match' or 'done'") }
        _ = cursor.next()
        let lower = name.text.lowercased()
        if lower == "done" {
            guard script.blocks[index].kind == .input else {
                throw ParseFailure(diagnostic: Diagnostic.settingNotAllowed("on done", kind: .menu).at(name.range))
            }
            _ = cursor.acceptSymbol(":")
            script.blocks[index].done = try parseActions(&cursor, stopAtElse: false)
            return
        }
        guard let event = InputEvent(rawValue: lower) else {
            let guess = Spelling.closest(to: lower, in: ["no-input", "no-match", "done"])
            throw ParseFailure(diagnostic: Diagnostic.unknownEvent(name.text).at(name.range)
                .note(guess.map(Diagnostic.noteDidYouMean)))
        }
        var count = 1
        if cursor.peek?.kind == .number {
            let n = try cursor.expectInteger("a count")
            guard n.value >= 1 else { throw ParseFailure(diagnostic: Diagnostic.badCount.at(n.range)) }
            count = n.value
            _ = cursor.accept("times")
        }
        _ = cursor.acceptSymbol(":")
        let actions = try parseActions(&cursor, stopAtElse: false)
        script.blocks[index].handlers.append(Handler(event: event, count: count, actions: actions, range: range))
    }

    /// One or more prompt names in quotes, separated by commas.
    mutating func prompts(_ cursor: inout TokenCursor) throws(ParseFailure) -> [PromptReference] {
        var result: [PromptReference] = []
        repeat {
            let name = try cursor.expectString("a prompt name in quotes")
            guard !name.value.isEmpty else { throw ParseFailure(diagnostic: Diagnostic.emptyPromptName.at(name.range)) }
            result.append(PromptReference(name.value, range: name.range))
        } while cursor.acceptSymbol(",")
        return result
    }

    /// A key or run of keys: `1`, `*`, `#`, `12`, `*9` (written without spaces) or `"*9"`.
    mutating func key(_ cursor: inout TokenCursor) throws(ParseFailure) -> Located<String> {
        guard let first = cursor.peek else { throw cursor.expected("a key such as 1, * or #") }
        if first.kind == .string || (first.kind == .word && ["A", "B", "C", "D"].contains(first.text)) {
            _ = cursor.next()
            return try validKey(Located(first.text, first.range))
        }
        var text = ""
        var range = first.range
        while let token = cursor.peek, token.kind == .number || token.isSymbol("*") || token.isSymbol("#"),
              text.isEmpty || token.range.start.column == range.start.column + range.length {
            if !text.isEmpty { range.length += token.range.length }
            text += token.text
            _ = cursor.next()
        }
        guard !text.isEmpty else { throw cursor.expected("a key such as 1, * or #") }
        return try validKey(Located(text, range))
    }

    private func validKey(_ key: Located<String>) throws(ParseFailure) -> Located<String> {
        guard !key.value.isEmpty, key.value.allSatisfy({ "0123456789*#ABCD".contains($0) }) else {
            throw ParseFailure(diagnostic: Diagnostic.badKey(key.value).at(key.range))
        }
        return key
    }
}
