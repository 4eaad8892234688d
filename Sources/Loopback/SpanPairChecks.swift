import ChannelConformance
import TelephonyCore

/// The checks across two digital spans cabled to each other.
struct SpanPairChecks {
    let pair: LoopbackTarget.SpanPair
    let advance: @Sendable (Int) async throws -> Void
    let limits: LoopbackLimits
    let card: (any TelephonyCard)?

    func run() async -> [LoopbackCheck] {
        var recorder = CheckRecorder(pair: pair.label)
        return recorder.checks
    }
}
