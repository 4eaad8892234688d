/// One measured figure of a loopback check: a name, a value and its unit.
///
/// Every check carries the figures it measured, whether it passed or not, so that a failure
/// says what the bench did (`loss 12.02 dB`), not just that it failed.
public struct Measurement: Sendable, Hashable, Encodable, CustomStringConvertible {
    /// What was measured, e.g. `loss 1004 Hz` or `off-hook seen`.
    public var name: String
    /// The value; `nil` when nothing could be measured (the event never came).
    public var value: Double?
    /// The unit: `ms`, `dB`, `dBm0`, `bits`, `frames`, …
    public var unit: String
    /// Set when the meter reached its limit: the true value is at most (or at least) `value`.
    public var bound: Bound?

    /// Which side of `value` the true value lies on, when the meter hit its floor.
    public enum Bound: String, Sendable, Hashable, Encodable {
        case atMost = "at-most"
        case atLeast = "at-least"
    }

    public init(_ name: String, _ value: Double?, _ unit: String, bound: Bound? = nil) {
        self.name = name
        self.value = value
        self.unit = unit
        self.bound = bound
    }

    enum CodingKeys: String, CodingKey { case name, value, unit, bound }

    /// Writes `value` as `null` when nothing was measured, so every check lists the same keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        if let value, value.isFinite { try container.encode(value, forKey: .value) } else { try container.encodeNil(forKey: .value) }
        try container.encode(unit, forKey: .unit)
        try container.encodeIfPresent(bound, forKey: .bound)
    }

    /// `name value unit`, with dB figures to two decimals; `name: none` when absent.
    public var description: String {
        guard let value else { return "\(name): none" }
        let prefix = bound.map { $0 == .atMost ? "≤ " : "≥ " } ?? ""
        return "\(name) \(prefix)\(Self.format(value, unit: unit)) \(unit)"
    }

    /// A value as the table prints it: integers whole, dB figures to two decimals.
    static func format(_ value: Double, unit: String) -> String {
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if unit.hasPrefix("dB") { return formatFixed(value, decimals: 2) }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return formatFixed(value, decimals: 2)
    }

    static func formatFixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (abs(value) * scale).rounded()
        let whole = Int(rounded / scale)
        var fraction = String(Int(rounded.truncatingRemainder(dividingBy: scale)))
        while fraction.count < decimals { fraction = "0" + fraction }
        let sign = value < 0 && rounded != 0 ? "-" : ""
        return decimals == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}

/// The outcome of one loopback check on one pair.
public struct LoopbackCheck: Sendable, Hashable, Encodable, CustomStringConvertible {
    /// The pair, e.g. `1↔3` (FXS 1 cabled to FXO 3) or `span 2↔3`.
    public var pair: String
    /// The check, e.g. `level 1004 Hz FXS→FXO`.
    public var name: String
    public var passed: Bool
    /// What was measured (also for a failed check).
    public var measured: [Measurement]
    /// The measured figures and limits, in words.
    public var detail: String

    public init(pair: String, name: String, passed: Bool, measured: [Measurement] = [], detail: String) {
        self.pair = pair
        self.name = name
        self.passed = passed
        self.measured = measured
        self.detail = detail
    }

    enum CodingKeys: String, CodingKey { case pair, check, passed, measured, detail }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pair, forKey: .pair)
        try container.encode(name, forKey: .check)
        try container.encode(passed, forKey: .passed)
        try container.encode(measured, forKey: .measured)
        try container.encode(detail, forKey: .detail)
    }

    /// One line: `PASS  pair  name: detail`.
    public var description: String { "\(passed ? "PASS" : "FAIL")  \(pair)  \(name): \(detail)" }
}

/// Every check of one loopback run, as a table or as JSON (through `Encodable`).
public struct LoopbackReport: Sendable, Encodable, CustomStringConvertible {
    /// The backend, e.g. `simulated` or `dahdi`.
    public var backend: String
    public var checks: [LoopbackCheck]

    public init(backend: String, checks: [LoopbackCheck]) {
        self.backend = backend
        self.checks = checks
    }

    /// Whether there was something to check and every check passed.
    public var passed: Bool { !checks.isEmpty && checks.allSatisfy(\.passed) }
    public var failures: [LoopbackCheck] { checks.filter { !$0.passed } }

    enum CodingKeys: String, CodingKey { case backend, passed, checks, summary }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(backend, forKey: .backend)
        try container.encode(passed, forKey: .passed)
        try container.encode(summary, forKey: .summary)
        try container.encode(checks, forKey: .checks)
    }

    /// `N passed, N failed`.
    public var summary: String { "\(checks.count - failures.count) passed, \(failures.count) failed" }

    /// The pass/fail table: one row per check (result, pair, check, measured), then the summary.
    ///
    /// ```
    /// RESULT  PAIR        CHECK                         MEASURED
    /// PASS    1↔3         off-hook across               off-hook seen at FXS 1 after 20 ms
    /// ```
    public var table: String {
        let pairWidth = max(4, checks.map(\.pair.count).max() ?? 0) + 2
        let nameWidth = max(5, checks.map(\.name.count).max() ?? 0) + 2
        func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
        }
        var lines = [pad("RESULT", 8) + pad("PAIR", pairWidth) + pad("CHECK", nameWidth) + "MEASURED"]
        for check in checks {
            lines.append(pad(check.passed ? "PASS" : "FAIL", 8) + pad(check.pair, pairWidth) + pad(check.name, nameWidth) + check.detail)
        }
        lines.append("loopback \(backend): \(summary)")
        return lines.joined(separator: "\n")
    }

    public var description: String { table }
}
