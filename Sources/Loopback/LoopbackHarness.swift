import TelephonyCore

/// The loopback harness: what an installer runs after cabling a card's ports back to back.
///
/// On every FXS↔FXO pair: hook and ring across (timed against the zone's cadence), FSK caller
/// ID sent between the rings, then, answered, the 1004 Hz level at −10 dBm0, a 300–3400 Hz
/// sweep, the echo return loss and all 16 DTMF digits, both ways. On every E1 span↔span pair:
/// span alarms, a bit-exact pattern on every B-channel (DAHDI's patlooptest), HDLC frames across
/// the D-channels, and a PRI call through libpri (network side on the first span, user side on
/// the second) set up, carried and torn down. Each check reports what it measured, passed or not.
///
/// ```swift
/// let report = await LoopbackHarness.run(target)
/// print(report.table)                 // or JSONEncoder().encode(report)
/// ```
///
/// - Complexity: about 25 s of card time per analog pair (most of it a ring cadence, a hang-up
///   window, two tone sequences and two digit strings) and a few seconds per span pair; on the
///   simulated card's manual clock that is about a second of wall time for the whole bench.
public enum LoopbackHarness {
    /// Runs every check on every pair of `target`, in order, and returns the report.
    ///
    /// - Parameter progress: called with each pair's checks as soon as that pair is done (a real
    ///   card takes about 25 s an analog pair, so a tool can show them as they come).
    public static func run(_ target: LoopbackTarget, progress: (@Sendable ([LoopbackCheck]) -> Void)? = nil) async -> LoopbackReport {
        // A manual clock never suspends; yield after every frame so a long run shares the
        // cooperative thread pool with the rest of the process (libpri's event streams among them).
        let clock = target.advance
        let advance: @Sendable (Int) async throws -> Void = { frames in
            try await clock(frames)
            await Task.yield()
        }
        var checks: [LoopbackCheck] = []
        for pair in target.analogPairs {
            let done = await AnalogPairChecks(pair: pair, advance: advance, limits: target.limits).run()
            progress?(done)
            checks += done
        }
        for pair in target.spanPairs {
            let done = await SpanPairChecks(pair: pair, advance: advance, limits: target.limits, card: target.card).run()
            progress?(done)
            checks += done
        }
        return LoopbackReport(backend: target.name, checks: checks)
    }
}
