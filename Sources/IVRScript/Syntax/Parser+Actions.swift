extension ParserState {
    /// Parses `ACTION (then ACTION)*` up to the end of the line (or `else`, inside an `if`).
    mutating func parseActions(_ cursor: inout TokenCursor, stopAtElse: Bool) throws(ParseFailure) -> [Statement] {
        var statements: [Statement] = []
        repeat {
            statements.append(try parseAction(&cursor))
            if stopAtElse, cursor.peek?.isWord("else") == true { break }
        } while cursor.accept("then")
        return statements
    }

    mutating func parseAction(_ cursor: inout TokenCursor) throws(ParseFailure) -> Statement {
        guard let word = cursor.peek, word.kind == .word else { throw cursor.expected("an action such as 'goto'") }
        let keyword = word.text.lowercased()
        guard Parser.actionKeywords.contains(keyword) else {
            let guess = Spelling.closest(to: keyword, in: Parser.actionKeywords)
            throw ParseFailure(diagnostic: Diagnostic.unknownAction(word.text).at(word.range)
                .note(guess.map(Diagnostic.noteDidYouMean)))
        }
        _ = cursor.next()
        let action: Action
        switch keyword {
        case "play":
            action = .play(try prompts(&cursor))
        case "say":
            guard let format = cursor.peek, format.kind == .word else { throw cursor.expected("what to say: 'digits', 'number', 'money', 'date' or 'time'") }
            guard let parsed = SayFormat(rawValue: format.text.lowercased()) else {
                let guess = Spelling.closest(to: format.text.lowercased(), in: SayFormat.allCases.map(\.rawValue))
                throw ParseFailure(diagnostic: Diagnostic.unknownSayFormat(format.text).at(format.range)
                    .note(guess.map(Diagnostic.noteDidYouMean)))
            }
            _ = cursor.next()
            action = .say(parsed, try parseExpression(&cursor))
        case "set":
            let name = try cursor.expectWord("a variable name")
            if !cursor.accept("to") && !cursor.acceptSymbol("=") { throw cursor.expected("'to'") }
            action = .set(name, try parseExpression(&cursor))
        case "if":
            let condition = try parseCondition(&cursor)
            try cursor.expect("then")
            let then = try parseActions(&cursor, stopAtElse: true)
            var otherwise: [Statement] = []
            if cursor.accept("else") { otherwise = try parseActions(&cursor, stopAtElse: true) }
            action = .when(condition, then: then, else: otherwise)
        case "lookup":
            let key = try parseExpression(&cursor)
            try cursor.expect("in")
            action = .lookup(key: key, table: try cursor.expectWord("a table name"))
        case "goto":
            action = .goto(try cursor.expectWord("the name of a menu, input or step"))
        case "hangup":
            action = .hangup
        case "queue":
            let name = try cursor.expectWord("a queue name")
            var after: Located<String>?
            if cursor.accept("after") { after = try cursor.expectWord("the block to run after the agent hangs up") }
            action = .queue(name, after: after)
        case "transfer":
            guard let kindWord = cursor.peek, kindWord.kind == .word,
                  let kind = TransferKind(rawValue: kindWord.text.lowercased())
            else { throw cursor.expected("'extension' or 'outside'") }
            _ = cursor.next()
            action = .transfer(kind, try parseExpression(&cursor))
        case "record":
            let name = try cursor.expectWord("a variable for the recording")
            var maximum = Duration.seconds(120)
            var endKey: String? = "#"
            while !cursor.isAtEnd, cursor.peek?.isWord("then") == false, cursor.peek?.isWord("else") == false {
                if cursor.accept("max") {
                    maximum = try cursor.expectDuration().value
                } else if cursor.accept("end") {
                    try cursor.expect("key")
                    endKey = cursor.accept("none") ? nil : try key(&cursor).value
                } else {
                    throw cursor.expected("'max', 'end key' or 'then'")
                }
            }
            action = .record(name, maximum: maximum, endKey: endKey)
        case "log":
            action = .log(try cursor.expectWord("a call-record field name"), try parseExpression(&cursor))
        case "pause":
            action = .pause(try cursor.expectDuration().value)
        default:  // "receive"
            try cursor.expect("fax")
            action = .receiveFax
        }
        return Statement(action, range: word.range)
    }

    // MARK: Expressions and conditions

    mutating func parseExpression(_ cursor: inout TokenCursor) throws(ParseFailure) -> Expression {
        var left = try parseTerm(&cursor)
        while let op = cursor.peek, op.isSymbol("+") || op.isSymbol("-") {
            _ = cursor.next()
            let right = try parseTerm(&cursor)
            let range = SourceRange(left.range.start, length: right.range.start.column + right.range.length - left.range.start.column)
            left = Expression(op.text == "+" ? .add(left, right) : .subtract(left, right), range: range)
        }
        return left
    }

    private mutating func parseTerm(_ cursor: inout TokenCursor) throws(ParseFailure) -> Expression {
        guard let token = cursor.peek else { throw cursor.expected("a value") }
        switch token.kind {
        case .number where token.text.allSatisfy(\.isWholeNumber):
            // Whole numbers keep their digits as written: phone numbers have leading zeros.
            _ = cursor.next()
            return Expression(.text(token.text), range: token.range)
        case .number:
            _ = cursor.next()
            return Expression(.number(Double(token.text) ?? 0), range: token.range)
        case .string, .date, .time:
            _ = cursor.next()
            return Expression(.text(token.text), range: token.range)
        case .word where !["then", "else", "and", "or", "in", "is"].contains(token.text.lowercased()):
            _ = cursor.next()
            return Expression(.name(token.text), range: token.range)
        default:
            throw cursor.expected("a value")
        }
    }

    mutating func parseCondition(_ cursor: inout TokenCursor) throws(ParseFailure) -> Condition {
        var left = try parseConjunction(&cursor)
        while cursor.accept("or") { left = .or(left, try parseConjunction(&cursor)) }
        return left
    }

    private mutating func parseConjunction(_ cursor: inout TokenCursor) throws(ParseFailure) -> Condition {
        var left = try parseNegation(&cursor)
        while cursor.accept("and") { left = .and(left, try parseNegation(&cursor)) }
        return left
    }

    private mutating func parseNegation(_ cursor: inout TokenCursor) throws(ParseFailure) -> Condition {
        if cursor.accept("not") { return .not(try parseNegation(&cursor)) }
        if cursor.acceptSymbol("(") {
            let inner = try parseCondition(&cursor)
            guard cursor.acceptSymbol(")") else { throw cursor.expected("')'") }
            return inner
        }
        if cursor.peek?.isWord("holiday") == true, cursor.peekNext.map({ $0.isWord("then") || $0.isWord("and") || $0.isWord("or") }) ?? true {
            _ = cursor.next()
            return .holiday
        }
        if let name = cursor.peek, name.kind == .word, cursor.peekNext?.isWord("is") == true {
            _ = cursor.next()
            _ = cursor.next()
            if cursor.accept("open") { return .hours(Located(name.text, name.range), open: true) }
            if cursor.accept("closed") { return .hours(Located(name.text, name.range), open: false) }
            throw cursor.expected("'open' or 'closed'")
        }
        let left = try parseExpression(&cursor)
        if cursor.accept("in") { return .member(left, table: try cursor.expectWord("a table name")) }
        if cursor.peek?.isWord("not") == true, cursor.peekNext?.isWord("in") == true {
            _ = cursor.next()
            _ = cursor.next()
            return .not(.member(left, table: try cursor.expectWord("a table name")))
        }
        if let op = cursor.peek, op.kind == .symbol, let comparison = Comparison(rawValue: op.text) {
            _ = cursor.next()
            return .compare(comparison, left, try parseExpression(&cursor))
        }
        return .isTrue(left)
    }
}
