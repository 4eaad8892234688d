import TelephonyCore

/// What the conformance suite runs on: a card's clock and the channel pairs wired back to back.
///
/// Every backend builds one: the simulated card with its manual clock and cabled ports, the DAHDI
/// backend with the kernel's clock and two dynamic spans wired to each other. Channels are opened
/// by the caller and handed in; the suite closes the ones it checks closing on.
public struct ConformanceTarget: Sendable {
    /// An FXS port cabled to an FXO port.
    public struct AnalogPair: Sendable {
        public var fxsPort: any TelephonyChannel
        public var fxoPort: any TelephonyChannel
        public init(fxsPort: any TelephonyChannel, fxoPort: any TelephonyChannel) {
            self.fxsPort = fxsPort
            self.fxoPort = fxoPort
        }
    }

    /// Two digital channels of the same kind (clear, D-channel or CAS) wired to each other.
    public struct DigitalPair: Sendable {
        public var a: any TelephonyChannel
        public var b: any TelephonyChannel
        public init(_ a: any TelephonyChannel, _ b: any TelephonyChannel) {
            self.a = a
            self.b = b
        }
    }

    /// A name for the report, e.g. `simulated` or `dahdi`.
    public var name: String
    /// Lets `frames` frames of the card's clock pass: ticks a manual clock, or waits for a real one.
    public var advance: @Sendable (_ frames: Int) async throws -> Void
    public var analogPairs: [AnalogPair]
    public var clearPairs: [DigitalPair]
    public var dChannelPairs: [DigitalPair]
    public var casPairs: [DigitalPair]
    /// Shuts a span down (`true`) or starts it again; the suite checks that its peer span goes
    /// into alarm and recovers. `nil` skips the alarm check.
    public var shutSpan: (@Sendable (_ span: Int, _ shut: Bool) async throws -> Void)?
    /// The card, to read span alarms.
    public var card: (any TelephonyCard)?
    /// Spans wired back to back, for the alarm check.
    public var spanPairs: [(Int, Int)]

    public init(name: String, advance: @escaping @Sendable (Int) async throws -> Void,
                analogPairs: [AnalogPair] = [], clearPairs: [DigitalPair] = [],
                dChannelPairs: [DigitalPair] = [], casPairs: [DigitalPair] = [],
                card: (any TelephonyCard)? = nil, spanPairs: [(Int, Int)] = [],
                shutSpan: (@Sendable (Int, Bool) async throws -> Void)? = nil) {
        self.name = name
        self.advance = advance
        self.analogPairs = analogPairs
        self.clearPairs = clearPairs
        self.dChannelPairs = dChannelPairs
        self.casPairs = casPairs
        self.card = card
        self.spanPairs = spanPairs
        self.shutSpan = shutSpan
    }
}

/// The outcome of one conformance check.
public struct ConformanceCheck: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var passed: Bool
    /// What was measured or what went wrong.
    public var detail: String

    public init(name: String, passed: Bool, detail: String) {
        self.name = name
        self.passed = passed
        self.detail = detail
    }

    /// One line: `PASS  name: detail`.
    public var description: String { "\(passed ? "PASS" : "FAIL")  \(name): \(detail)" }
}

/// Every check of one run.
public struct ConformanceReport: Sendable, CustomStringConvertible {
    public var target: String
    public var checks: [ConformanceCheck]

    public var passed: Bool { !checks.isEmpty && checks.allSatisfy(\.passed) }
    public var failures: [ConformanceCheck] { checks.filter { !$0.passed } }

    /// A line per check and a closing `N passed, N failed` line.
    public var description: String {
        var lines = checks.map(\.description)
        lines.append("conformance \(target): \(checks.count - failures.count) passed, \(failures.count) failed")
        return lines.joined(separator: "\n")
    }
}
