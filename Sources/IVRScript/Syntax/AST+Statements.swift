/// One action of a script, with the range of its first word.
public struct Statement: Sendable, Hashable {
    public var action: Action
    public var range: SourceRange

    public init(_ action: Action, range: SourceRange) {
        self.action = action
        self.range = range
    }
}

/// What a statement does.
public indirect enum Action: Sendable, Hashable {
    /// `play "a", "b"`: plays prompts; the next statement waits for the end.
    case play([PromptReference])
    /// `say number EXPR`: speaks a value in the current language.
    case say(SayFormat, Expression)
    /// `set NAME to EXPR`.
    case set(Located<String>, Expression)
    /// `if COND then ACTIONS [else ACTIONS]`.
    case when(Condition, then: [Statement], else: [Statement])
    /// `lookup KEY in TABLE`: sets `found` and, when found, `TABLE.COLUMN` variables.
    case lookup(key: Expression, table: Located<String>)
    /// `goto BLOCK`.
    case goto(Located<String>)
    /// `hangup`.
    case hangup
    /// `queue NAME [after BLOCK]`: waits for an agent; on overflow the next statement runs.
    /// After the agent hangs up, the caller goes to the `after` block (for a survey) if given.
    case queue(Located<String>, after: Located<String>?)
    /// `transfer extension|outside EXPR`.
    case transfer(TransferKind, Expression)
    /// `record NAME [max 60s] [end key #]`: records the caller; the file name goes in NAME.
    case record(Located<String>, maximum: Duration, endKey: String?)
    /// `log FIELD EXPR`: adds a field to the call record.
    case log(Located<String>, Expression)
    /// `pause 2s`.
    case pause(Duration)
    /// `receive fax`: hands the call to the fax receiver; the call ends there.
    case receiveFax
}

/// How `say` speaks a value.
public enum SayFormat: String, Sendable, Hashable, CaseIterable {
    /// One prompt per digit: 1 2 3.
    case digits
    /// A whole number in words: one hundred twenty-three / 一百二十三.
    case number
    /// An amount with two decimals: 12 dollars 34 cents / 十二元三角四分.
    case money
    /// A date `YYYY-MM-DD` (or `today`).
    case date
    /// A clock time `HH:MM` (or `now`).
    case time
}

/// Where `transfer` sends the call.
public enum TransferKind: String, Sendable, Hashable {
    /// An internal extension (an FXS phone or a port group).
    case `extension`
    /// A number on the public network, dialled out on an FXO port or E1 trunk.
    case outside
}

/// A value: a literal, a variable, or a sum or difference.
public struct Expression: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        case number(Double)
        case text(String)
        /// A variable, a built-in (`caller`, `dialled`, `language`, `found`, `today`, `now`),
        /// `TABLE.COLUMN`, or a declared language name (which stands for itself).
        case name(String)
        case add(Expression, Expression)
        case subtract(Expression, Expression)
    }

    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// A comparison operator in a condition.
public enum Comparison: String, Sendable, Hashable {
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

/// A condition of `if`.
public indirect enum Condition: Sendable, Hashable {
    case not(Condition)
    case and(Condition, Condition)
    case or(Condition, Condition)
    case compare(Comparison, Expression, Expression)
    /// `EXPR in TABLE`: the value is a key of the table (a blacklist, say).
    case member(Expression, table: Located<String>)
    /// `HOURS is open` / `HOURS is closed`.
    case hours(Located<String>, open: Bool)
    /// `holiday`: today is a declared holiday.
    case holiday
    /// `NAME`: a variable is set, non-empty, and not `0`/`no`/`false` (`found`, say).
    case isTrue(Expression)
}
