import TelephonyCore

/// The conformance suite every backend must pass: hook, ring, flash, disconnect, audio, frame
/// timing, events, D-channel, CAS bits, span alarms and clean close, checked across channels wired
/// back to back.
///
/// ```swift
/// let report = await ChannelConformance.verify(target)
/// #expect(report.passed, "\(report)")
/// ```
///
/// Time limits are generous enough for a real card (DAHDI reports an FXS port's hang-up only
/// after its 1.25 s flash window) and exact enough to catch a backend that loses or invents events.
public enum ChannelConformance {
    /// Runs every check that the target's pairs allow and returns the report.
    public static func verify(_ target: ConformanceTarget) async -> ConformanceReport {
        var checks: [ConformanceCheck] = []
        for pair in target.analogPairs {
            checks += await AnalogChecks(pair: pair, advance: target.advance).run()
        }
        for pair in target.clearPairs {
            checks += await DigitalChecks(pair: pair, advance: target.advance).runClear()
        }
        for pair in target.dChannelPairs {
            checks += await DigitalChecks(pair: pair, advance: target.advance).runDChannel()
        }
        for pair in target.casPairs {
            checks += await DigitalChecks(pair: pair, advance: target.advance).runCAS()
        }
        if let shut = target.shutSpan, let card = target.card {
            for (first, second) in target.spanPairs {
                checks.append(await spanAlarmCheck(card: card, first: first, second: second, shut: shut, advance: target.advance))
            }
        }
        return ConformanceReport(target: target.name, checks: checks)
    }

    static func spanAlarmCheck(card: any TelephonyCard, first: Int, second: Int,
                               shut: @Sendable (Int, Bool) async throws -> Void,
                               advance: @Sendable (Int) async throws -> Void) async -> ConformanceCheck {
        let name = "span \(first)↔\(second): shutting span \(first) alarms span \(second), restarting clears it"
        do {
            func alarms(_ span: Int) throws -> SpanAlarms {
                try card.spans().first { $0.number == span }?.alarms ?? []
            }
            let before = try alarms(second)
            guard before.isEmpty else { return ConformanceCheck(name: name, passed: false, detail: "span \(second) in \(before) before the test") }
            try await shut(first, true)
            var during: SpanAlarms = []
            for _ in 0..<150 {
                try await advance(1)
                during = try alarms(second)
                if !during.isEmpty { break }
            }
            try await shut(first, false)
            var after: SpanAlarms = during
            for _ in 0..<250 {
                try await advance(1)
                after = try alarms(second)
                if after.isEmpty { break }
            }
            let passed = !during.isEmpty && after.isEmpty
            return ConformanceCheck(name: name, passed: passed, detail: "while shut: \(during), after restart: \(after)")
        } catch {
            return ConformanceCheck(name: name, passed: false, detail: "\(error)")
        }
    }
}
