/// What the checker may look at beyond the script text.
public struct CheckEnvironment: Sendable {
    /// The prompts that exist (or will exist); nil skips the missing-prompt check.
    public var prompts: PromptCatalog?
    /// The column names of each declared table's file, by table name. A declared table missing
    /// from the dictionary has no readable file. nil skips table checks.
    public var tableColumns: [String: [String]]?
    /// Whether to check completeness and flow (dead ends, loops, reachability). Turn it off when
    /// the parser found errors: half-read blocks would only produce follow-on complaints.
    public var checksFlow: Bool
    /// The extension numbers `transfer extension` may name (offhook.conf's `[extensions]`, or
    /// the agents' channel numbers); nil skips the check.
    public var extensions: Set<String>?

    public init(prompts: PromptCatalog? = nil, tableColumns: [String: [String]]? = nil, checksFlow: Bool = true,
                extensions: Set<String>? = nil) {
        self.prompts = prompts
        self.tableColumns = tableColumns
        self.checksFlow = checksFlow
        self.extensions = extensions
    }
}

/// Finds what is wrong with a parsed script without running it: unknown names, missing prompt
/// recordings, unreachable blocks, choices that can never be taken, dead ends and loops with
/// no way out.
public struct Checker: Sendable {
    /// The variables every call has.
    public static let builtinVariables = ["caller", "dialled", "found", "language", "now", "today"]

    public init() {}

    /// Returns the problems in `script`, in line order.
    ///
    /// - Complexity: O(blocks² + statements × languages) — scripts are small.
    public func check(_ script: Script, environment: CheckEnvironment = CheckEnvironment()) -> [Diagnostic] {
        var pass = CheckPass(script: script, environment: environment)
        pass.run()
        return pass.diagnostics.enumerated().sorted { a, b in
            let la = a.element.range?.start ?? SourceLocation(line: 0, column: 0)
            let lb = b.element.range?.start ?? SourceLocation(line: 0, column: 0)
            return la == lb ? a.offset < b.offset : la < lb
        }.map(\.element)
    }
}

/// One run of the checker over one script.
struct CheckPass {
    let script: Script
    let environment: CheckEnvironment
    var diagnostics: [Diagnostic] = []

    init(script: Script, environment: CheckEnvironment) {
        self.script = script
        self.environment = environment
    }

    mutating func run() {
        guard !script.blocks.isEmpty else { return }
        checkDeclarations()
        checkNames()
        checkTransfers()
        if environment.checksFlow {
            checkMenus()
            checkFlow()
        }
        checkPrompts()
    }

    var languageNames: [String] { script.languages.map(\.value) }

    mutating func checkDeclarations() {
        var seen: [String: SourceRange] = [:]
        for language in script.languages {
            if let first = seen[language.value] {
                diagnostics.append(Diagnostic.duplicateDeclaration("language", language.value).at(language.range)
                    .note(Diagnostic.noteFirstDefined(line: first.start.line)))
            }
            seen[language.value] = language.range
        }
        func duplicates(_ kind: String, _ names: [Located<String>]) -> [Diagnostic] {
            var first: [String: Int] = [:]
            var out: [Diagnostic] = []
            for name in names {
                if let line = first[name.value] {
                    out.append(Diagnostic.duplicateDeclaration(kind, name.value).at(name.range).note(Diagnostic.noteFirstDefined(line: line)))
                } else {
                    first[name.value] = name.range.start.line
                }
            }
            return out
        }
        diagnostics += duplicates("table", script.tables.map(\.name))
        diagnostics += duplicates("queue", script.queues.map(\.name))
        diagnostics += duplicates("hours", script.hours.map(\.name))
        if let columns = environment.tableColumns {
            for table in script.tables where columns[table.name.value] == nil {
                diagnostics.append(Diagnostic.missingTableFile(table.path.value).at(table.path.range))
            }
        }
        if let fax = script.faxBlock {
            checkBlockName(fax)
        }
    }

    /// Reports `name` if no block has it.
    mutating func checkBlockName(_ name: Located<String>) {
        guard script.block(named: name.value) == nil else { return }
        let guess = Spelling.closest(to: name.value, in: script.blocks.map(\.name.value))
        diagnostics.append(Diagnostic.unknownBlock(name.value).at(name.range).note(guess.map(Diagnostic.noteDidYouMean)))
    }
}

extension Script {
    /// Calls `body` on every statement of every block, nested ones included, with its block.
    func forEachStatement(_ body: (Block, Statement) -> Void) {
        for block in blocks {
            for list in block.actionLists { Self.walk(list) { body(block, $0) } }
        }
    }

    /// Like `walk`, but skips statements after one that always sends the call elsewhere.
    static func walkReachable(_ statements: [Statement], _ body: (Statement) -> Void) {
        for statement in statements {
            body(statement)
            switch statement.action {
            case .when(_, let then, let otherwise):
                walkReachable(then, body)
                walkReachable(otherwise, body)
            case .goto, .hangup, .transfer, .receiveFax:
                return
            default:
                continue
            }
        }
    }

    static func walk(_ statements: [Statement], _ body: (Statement) -> Void) {
        for statement in statements {
            body(statement)
            if case .when(_, let then, let otherwise) = statement.action {
                walk(then, body)
                walk(otherwise, body)
            }
        }
    }
}

extension Block {
    /// Every list of actions in the block: statements, choices, handlers, `on done`.
    var actionLists: [[Statement]] {
        [statements] + choices.map(\.actions) + handlers.map(\.actions) + (done.map { [$0] } ?? [])
    }
}
