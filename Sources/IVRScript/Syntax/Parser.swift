/// Turns a script file into a `Script`, reporting every problem it finds.
///
/// Each line is parsed on its own; an error skips the rest of that line only, so one run
/// reports all the lines that are wrong. Name resolution and flow analysis are the
/// `Checker`'s job.
public struct Parser: Sendable {
    public init() {}

    /// Returns the script (as much as could be read) and the problems found, in line order.
    ///
    /// - Complexity: O(length of the file).
    public func parse(_ file: SourceFile) -> (script: Script, diagnostics: [Diagnostic]) {
        let (lines, lexDiagnostics) = Lexer().tokenize(file)
        var state = ParserState(script: Script(file: file))
        state.diagnostics = lexDiagnostics
        for line in lines {
            var cursor = TokenCursor(line)
            do throws(ParseFailure) {
                try state.parseLine(&cursor)
            } catch {
                // The lexer has already reported text it could not read.
                let atInvalid = line.contains { $0.kind == .invalid && $0.range == error.diagnostic.range }
                if !atInvalid { state.diagnostics.append(error.diagnostic) }
            }
        }
        if state.script.blocks.isEmpty {
            state.diagnostics.append(Diagnostic.noBlocks.at(SourceRange(line: 1, column: 1)))
        }
        let sorted = state.diagnostics.enumerated().sorted { a, b in
            let la = a.element.range?.start ?? SourceLocation(line: 0, column: 0)
            let lb = b.element.range?.start ?? SourceLocation(line: 0, column: 0)
            return la == lb ? a.offset < b.offset : la < lb
        }.map(\.element)
        return (state.script, sorted)
    }

    /// The keywords that can begin a line, for "did you mean" notes.
    static let declarationKeywords = ["fax", "holiday", "hours", "languages", "prompts", "queue", "table"]
    static let blockKeywords = ["input", "menu", "step"]
    static let settingKeywords = ["between", "digits", "end", "on", "press", "prompt", "short", "timeout"]
    static let actionKeywords = ["goto", "hangup", "if", "log", "lookup", "pause", "play", "queue", "receive",
                                 "record", "say", "set", "transfer"]
}

struct ParserState {
    var script: Script
    var diagnostics: [Diagnostic] = []

    init(script: Script) {
        self.script = script
    }

    /// The block being filled in (the last one opened).
    var currentIndex: Int? { script.blocks.isEmpty ? nil : script.blocks.count - 1 }

    mutating func parseLine(_ cursor: inout TokenCursor) throws(ParseFailure) {
        guard let first = cursor.peek else { return }
        guard first.kind == .word else {
            throw ParseFailure(diagnostic: Diagnostic.lineMustStartWithKeyword(first.text).at(first.range))
        }
        let keyword = first.text.lowercased()
        if Parser.blockKeywords.contains(keyword) {
            _ = cursor.next()
            try parseBlockHeader(BlockKind(rawValue: keyword)!, &cursor)
        } else if Parser.declarationKeywords.contains(keyword) && !(keyword == "queue" && currentIndex != nil) {
            _ = cursor.next()
            try parseDeclaration(keyword, at: first.range, &cursor)
        } else if keyword == "language" {
            _ = cursor.next()
            try parseDeclaration("languages", at: first.range, &cursor)
        } else if Parser.settingKeywords.contains(keyword) {
            guard let index = currentIndex else {
                throw ParseFailure(diagnostic: Diagnostic.outsideBlock(first.text).at(first.range))
            }
            try parseSetting(keyword, in: index, &cursor)
        } else if Parser.actionKeywords.contains(keyword) {
            guard let index = currentIndex else {
                throw ParseFailure(diagnostic: Diagnostic.outsideBlock(first.text).at(first.range))
            }
            let block = script.blocks[index]
            guard block.kind == .step else {
                throw ParseFailure(diagnostic: Diagnostic.actionInMenu(first.text, kind: block.kind).at(first.range)
                    .note(Diagnostic.noteActionsInMenus))
            }
            let statements = try parseActions(&cursor, stopAtElse: false)
            try cursor.expectEnd()
            script.blocks[index].statements += statements
        } else {
            let candidates = currentIndex == nil
                ? Parser.declarationKeywords + Parser.blockKeywords + ["language"]
                : (script.blocks[currentIndex!].kind == .step ? Parser.actionKeywords : Parser.settingKeywords)
                    + Parser.blockKeywords
            throw ParseFailure(diagnostic: unknownKeyword(first, candidates: candidates))
        }
    }

    func unknownKeyword(_ token: Token, candidates: [String]) -> Diagnostic {
        let all = Parser.declarationKeywords + Parser.blockKeywords + Parser.settingKeywords + Parser.actionKeywords
        let suggestion = Spelling.closest(to: token.text.lowercased(), in: candidates)
            ?? Spelling.closest(to: token.text.lowercased(), in: all)
        return Diagnostic.unknownKeyword(token.text).at(token.range).note(suggestion.map(Diagnostic.noteDidYouMean))
    }

    mutating func parseBlockHeader(_ kind: BlockKind, _ cursor: inout TokenCursor) throws(ParseFailure) {
        let name = try cursor.expectWord("a name for the \(kind.rawValue)")
        try cursor.expectEnd()
        if let earlier = script.block(named: name.value) {
            diagnostics.append(Diagnostic.duplicateBlock(name.value).at(name.range)
                .note(Diagnostic.noteFirstDefined(line: earlier.name.range.start.line)))
        }
        script.blocks.append(Block(kind: kind, name: name))
    }

    mutating func parseDeclaration(_ keyword: String, at range: SourceRange, _ cursor: inout TokenCursor) throws(ParseFailure) {
        switch keyword {
        case "languages":
            guard !cursor.isAtEnd else { throw cursor.expected("a language code such as 'en'") }
            while !cursor.isAtEnd {
                script.languages.append(try cursor.expectWord("a language code such as 'en'"))
                _ = cursor.acceptSymbol(",")
            }
        case "prompts":
            script.promptDirectory = try cursor.expectString("the prompt folder in quotes")
        case "table":
            let name = try cursor.expectWord("a table name")
            let path = try cursor.expectString("the table's file name in quotes")
            script.tables.append(TableDeclaration(name: name, path: path))
        case "queue":
            let name = try cursor.expectWord("a queue name")
            var wait: Duration?
            if cursor.accept("wait") { wait = try cursor.expectDuration().value }
            script.queues.append(QueueDeclaration(name: name, maximumWait: wait))
        case "fax":
            _ = cursor.accept("goto")
            script.faxBlock = try cursor.expectWord("the block that takes fax calls")
        case "hours":
            try parseHours(&cursor)
        case "holiday":
            try parseHoliday(at: range, &cursor)
        default:
            throw ParseFailure(diagnostic: Diagnostic.unknownKeyword(keyword).at(range))
        }
        try cursor.expectEnd()
    }
}
