/// A value with the place in the script it came from.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var range: SourceRange

    public init(_ value: Value, _ range: SourceRange) {
        self.value = value
        self.range = range
    }
}

/// A parsed script: declarations at the top, then named blocks. The first block is where
/// every call starts.
public struct Script: Sendable, Hashable {
    public var file: SourceFile
    /// Prompt languages; the first is the default. Empty means one unnamed language.
    public var languages: [Located<String>] = []
    /// The prompt directory relative to the script (default `prompts`).
    public var promptDirectory: Located<String>?
    public var tables: [TableDeclaration] = []
    public var hours: [HoursDeclaration] = []
    public var holidays: [HolidayDeclaration] = []
    public var queues: [QueueDeclaration] = []
    /// The block a fax (CNG) tone sends the call to, from any point of the call.
    public var faxBlock: Located<String>?
    public var blocks: [Block] = []

    public init(file: SourceFile) {
        self.file = file
    }

    /// Returns the block called `name`, if any.
    public func block(named name: String) -> Block? {
        blocks.first { $0.name.value == name }
    }

    /// The language used until the caller or the script chooses one.
    public var defaultLanguage: String { languages.first?.value ?? "en" }
}

/// `table NAME "file.csv"`: a data table shipped with the script; the first column is the key.
public struct TableDeclaration: Sendable, Hashable {
    public var name: Located<String>
    public var path: Located<String>
}

/// `queue NAME [wait 90s]`: an ACD agent group the script may send callers to.
public struct QueueDeclaration: Sendable, Hashable {
    public var name: Located<String>
    /// How long a caller waits before the queue overflows back to the script.
    public var maximumWait: Duration?
}

/// `hours NAME mon-fri 09:00-18:00, sat 09:00-12:00`: named opening hours.
public struct HoursDeclaration: Sendable, Hashable {
    public var name: Located<String>
    public var rules: [OpeningRule]
}

/// `holiday 2026-10-01 [to 2026-10-07]`: days on which every `hours` is closed.
public struct HolidayDeclaration: Sendable, Hashable {
    public var first: CivilDate
    public var last: CivilDate
    public var range: SourceRange
}

/// The three kinds of block.
public enum BlockKind: String, Sendable, Hashable {
    /// Plays a prompt and waits for one choice key (or a multi-key choice).
    case menu
    /// Plays a prompt and collects a number into a variable named after the block.
    case input
    /// Runs statements top to bottom and must end by sending the call somewhere.
    case step
}

/// A named block: `menu`, `input` or `step`.
public struct Block: Sendable, Hashable {
    public var kind: BlockKind
    public var name: Located<String>
    /// The prompt played on the first visit.
    public var prompt: [PromptReference] = []
    /// The prompt played on repeats (after no-input, no-match, or a choice that comes back);
    /// when empty the `prompt` is replayed.
    public var shortPrompt: [PromptReference] = []
    /// How long to wait for the first key once the prompt has finished.
    public var timeout: Located<Duration>?
    /// How long to wait between keys of a multi-key entry.
    public var betweenKeys: Located<Duration>?
    /// `input` only: how many digits are accepted.
    public var digits: Located<ClosedRange<Int>>?
    /// `input` only: the key that ends the entry early (nil: none).
    public var endKey: Located<String>?
    public var choices: [Choice] = []
    public var handlers: [Handler] = []
    /// `input` only: what happens once the number is complete.
    public var done: [Statement]?
    /// `step` only: the statements in order.
    public var statements: [Statement] = []

    public init(kind: BlockKind, name: Located<String>) {
        self.kind = kind
        self.name = name
    }
}

/// `press KEY ACTIONS`: a menu choice.
public struct Choice: Sendable, Hashable {
    public var key: Located<String>
    public var actions: [Statement]
}

/// The caller did not do what a menu or input expected.
public enum InputEvent: String, Sendable, Hashable {
    /// No key was pressed before the timeout.
    case noInput = "no-input"
    /// Keys were pressed that match no choice (or too few digits).
    case noMatch = "no-match"
}

/// `on no-input [N] ACTIONS`: runs on the N-th (and later) occurrence of `event` in one visit,
/// choosing, as VoiceXML does, the handler with the largest count not above the counter.
public struct Handler: Sendable, Hashable {
    public var event: InputEvent
    public var count: Int
    public var actions: [Statement]
    public var range: SourceRange
}

/// A prompt name as written, such as `"main/welcome"`; resolved per language at run time.
public struct PromptReference: Sendable, Hashable {
    public var name: String
    public var range: SourceRange

    public init(_ name: String, range: SourceRange) {
        self.name = name
        self.range = range
    }
}
