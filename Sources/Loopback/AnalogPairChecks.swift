import ChannelConformance
import TelephonyCore

/// The checks across an FXS port cabled to an FXO port: hook, ring and caller ID across, then,
/// with the FXO port off hook, tone level, frequency sweep, echo return loss and DTMF in both
/// directions.
///
/// The pair is left idle (both on hook) at the end.
struct AnalogPairChecks {
    let pair: LoopbackTarget.AnalogPair
    let advance: @Sendable (Int) async throws -> Void
    let limits: LoopbackLimits

    private var fxs: any TelephonyChannel { pair.fxsPort }
    private var fxo: any TelephonyChannel { pair.fxoPort }
    private var fxsName: String { "FXS \(fxs.info.number)" }
    private var fxoName: String { "FXO \(fxo.info.number)" }

    func run() async -> [LoopbackCheck] {
        var recorder = CheckRecorder(pair: pair.label)
        let waiter = Waiter(advance: advance)
        do {
            try fxs.setAudioFormat(.linear16)
            try fxo.setAudioFormat(.linear16)
            _ = try await waiter.settle(5, [fxs, fxo])
        } catch {
            await recorder.check("open the pair") { throw error }
            return recorder.checks
        }
        await hook(&recorder, waiter)
        await ring(&recorder, waiter)
        await recorder.check("answer (FXO off hook) for the audio checks") {
            try fxo.setHook(.offHook)
            var seen: [LineEvent] = []
            let frames = try await waiter.waitForEvent(on: fxs, within: limits.edgeMS / 20, seen: &seen) { $0 == .offHook }
            _ = try await waiter.settle(5, [fxs, fxo])
            return .init(passed: frames != nil, measured: [Measurement("off-hook seen", frames.map { Double($0 * 20) }, "ms")],
                         detail: frames.map { "\(fxsName) saw the answer after \($0 * 20) ms" }
                            ?? "\(fxsName) saw no off-hook in \(limits.edgeMS) ms (events: \(seen))")
        }
        await TransmissionChecks(pair: pair, advance: advance, limits: limits).run(&recorder)
        await DTMFChecks(pair: pair, advance: advance).run(&recorder)
        // Leave the pair idle for whoever comes next.
        try? fxo.setHook(.onHook)
        _ = try? await waiter.settle(limits.hangUpMS / 20, [fxs, fxo])
        return recorder.checks
    }

    private func hook(_ recorder: inout CheckRecorder, _ waiter: Waiter) async {
        await recorder.check("off-hook across") {
            try fxo.setHook(.offHook)
            var seen: [LineEvent] = []
            let frames = try await waiter.waitForEvent(on: fxs, within: limits.edgeMS / 20, seen: &seen) { $0 == .offHook }
            let hook = try fxs.hookState()
            return .init(passed: frames != nil && hook == .offHook,
                         measured: [Measurement("off-hook seen", frames.map { Double($0 * 20) }, "ms")],
                         detail: frames.map { "\(fxoName) off hook, \(fxsName) saw off-hook after \($0 * 20) ms and reads \(hook)" }
                            ?? "\(fxoName) off hook, \(fxsName) saw no off-hook in \(limits.edgeMS) ms (reads \(hook), events: \(seen))")
        }
        await recorder.check("on-hook across") {
            try fxo.setHook(.onHook)
            var seen: [LineEvent] = []
            let frames = try await waiter.waitForEvent(on: fxs, within: limits.hangUpMS / 20, seen: &seen) { $0 == .onHook }
            let hook = try fxs.hookState()
            return .init(passed: frames != nil && hook == .onHook,
                         measured: [Measurement("on-hook seen", frames.map { Double($0 * 20) }, "ms")],
                         detail: frames.map { "\(fxoName) on hook, \(fxsName) saw on-hook after \($0 * 20) ms (flash window included)" }
                            ?? "\(fxoName) on hook, \(fxsName) saw no on-hook in \(limits.hangUpMS) ms (reads \(hook), events: \(seen))")
        }
    }

    /// Rings the FXS port and times, at the FXO port, the start of ringing, the first burst and
    /// the pause after it, against the zone's cadence; meanwhile sends caller ID (see
    /// ``RingAndCallerID``).
    private func ring(_ recorder: inout CheckRecorder, _ waiter: Waiter) async {
        let on = pair.ringCadenceMS.first ?? 0
        let off = pair.ringCadenceMS.count > 1 ? pair.ringCadenceMS[1] : 0
        let run: Result<RingAndCallerID.Outcome, any Error>
        do {
            // A real FXO port ignores ringing for 2 s after it hangs up (DAHDI's
            // RING_DEBOUNCE_TIME); the hook checks just hung it up, so wait that out first.
            _ = try await waiter.settle(110, [fxs, fxo])
            run = .success(try await RingAndCallerID(pair: pair, advance: advance, limits: limits).run())
        } catch {
            run = .failure(error)
        }
        _ = try? await waiter.settle(5, [fxs, fxo])
        await recorder.check("ring across (\(pair.zone) cadence \(pair.ringCadenceMS.map(String.init).joined(separator: "/")) ms)") {
            let r = try run.get()
            let seenMS = r.begin.map { $0 * 20 }
            let burst = r.begin.flatMap { b in r.end.map { ($0 - b) * 20 } }
            let pause = r.end.flatMap { e in r.second.map { ($0 - e) * 20 } }
            func within(_ measured: Int?, _ nominal: Int) -> Bool {
                guard let measured else { return false }
                let tolerance = max(Double(limits.cadenceToleranceMinimumMS), Double(nominal) * limits.cadenceTolerance)
                return abs(Double(measured - nominal)) <= tolerance
            }
            let passed = seenMS.map { $0 <= limits.edgeMS } == true && within(burst, on) && (off == 0 || within(pause, off))
            let measured = [Measurement("ring seen", seenMS.map(Double.init), "ms"),
                            Measurement("ring burst", burst.map(Double.init), "ms"),
                            Measurement("ring pause", pause.map(Double.init), "ms")]
            var words: [String] = []
            words.append(seenMS.map { "\(fxoName) saw ring after \($0) ms" } ?? "\(fxoName) saw no ring in \(r.framesWaited * 20) ms (events: \(r.events))")
            if r.begin != nil {
                words.append(burst.map { "burst \($0) ms (zone \(on) ms)" } ?? "the burst never ended")
                if off > 0 { words.append(pause.map { "pause \($0) ms (zone \(off) ms)" } ?? "no second ring") }
            }
            return .init(passed: passed, measured: measured, detail: words.joined(separator: ", "))
        }
        await recorder.check("caller ID across (FSK between rings)") {
            let r = try run.get()
            let sent = r.sent
            guard r.transmittedAt != nil else {
                return .init(passed: false, measured: [Measurement("decoded after", nil, "ms")],
                             detail: "not sent: the first ring never ended at \(fxoName)")
            }
            guard let got = r.decoded, let at = r.decodedAt, let endFrame = r.callerIDAfter else {
                return .init(passed: false, measured: [Measurement("decoded after", nil, "ms")],
                             detail: "\(r.standard) caller ID sent from \(fxsName) (\(sent)); \(fxoName) decoded nothing"
                                + (r.receiverError.map { " (receiver: \($0))" } ?? ""))
            }
            let fields = [("number", sent.number, got.number), ("name", sent.name, got.name), ("date", sent.dateTime, got.dateTime)]
            let wrong = fields.filter { $0.1 != $0.2 }.map { "\($0.0) \($0.2 ?? "none") instead of \($0.1 ?? "none")" }
            let afterRing = (at - endFrame) * 20
            let beforeNext = r.ringAfterCallerID.map { ($0 - at) * 20 }
            return .init(passed: wrong.isEmpty,
                         measured: [Measurement("decoded after", Double(afterRing), "ms"),
                                    Measurement("before next ring", beforeNext.map(Double.init), "ms"),
                                    Measurement("fields matching", Double(fields.count - wrong.count), "fields")],
                         detail: "\(r.standard) from \(fxsName): number \(got.number ?? "none"), name \(got.name.map { "\"\($0)\"" } ?? "none"), date \(got.dateTime ?? "none")"
                            + " decoded at \(fxoName) \(afterRing) ms after the ring"
                            + (beforeNext.map { ", \($0) ms before the next" } ?? "")
                            + (wrong.isEmpty ? ", all fields as sent" : "; wrong: \(wrong.joined(separator: ", "))"))
        }
    }
}
