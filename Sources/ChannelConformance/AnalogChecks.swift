import TelephonyCore

/// Checks across an FXS port cabled to an FXO port.
struct AnalogChecks {
    let pair: ConformanceTarget.AnalogPair
    let advance: @Sendable (Int) async throws -> Void

    private var fxs: any TelephonyChannel { pair.fxsPort }
    private var fxo: any TelephonyChannel { pair.fxoPort }
    private var label: String { "analog \(fxs.info.number)↔\(fxo.info.number)" }

    /// Frames allowed for a hook or ring edge to cross (200 ms).
    static let edgeFrames = 10
    /// Frames allowed for a hang-up to be reported (DAHDI waits out a 1.25 s flash window): 2 s.
    static let hangUpFrames = 100
    /// Frames a real card needs after an off-hook before it accepts a flash (DAHDI: 600 ms): 700 ms.
    static let debounceFrames = 35
    /// Frames an FXO port ignores ringing for after hanging up (DAHDI: 2 s): 2.2 s.
    static let ringDebounceFrames = 110

    func run() async -> [ConformanceCheck] {
        var checks: [ConformanceCheck] = []
        let waiter = Waiter(advance: advance)
        func check(_ name: String, _ body: () async throws -> (Bool, String)) async {
            do {
                let (passed, detail) = try await body()
                checks.append(ConformanceCheck(name: "\(label): \(name)", passed: passed, detail: detail))
            } catch {
                checks.append(ConformanceCheck(name: "\(label): \(name)", passed: false, detail: "threw \(error)"))
            }
        }
        var seen: [LineEvent] = []

        await check("ports identify as FXS and FXO") {
            (fxs.info.portKind == .fxs && fxo.info.portKind == .fxo, "\(fxs.info), \(fxo.info)")
        }
        await check("idle pair is on hook") {
            _ = try await waiter.settle(5, [fxs, fxo])
            let a = try fxs.hookState(), b = try fxo.hookState()
            return (a == .onHook && b == .onHook, "FXS port \(a), FXO port \(b)")
        }
        await check("FXO port going off hook is seen by the FXS port") {
            try fxo.setHook(.offHook)
            let frames = try await waiter.waitForEvent(on: fxs, within: Self.edgeFrames, seen: &seen) { $0 == .offHook }
            let hook = try fxs.hookState()
            return (frames != nil && hook == .offHook, frames.map { "off-hook after \($0 * 20) ms, FXS port reads \(hook)" } ?? "no off-hook event in \(Self.edgeFrames * 20) ms (saw \(seen))")
        }
        await check("read reports a pending event before audio") {
            // The off-hook event above was consumed; make a fresh one with a flash. A real card
            // refuses a flash while the off-hook is still debounced (DAHDI: 600 ms, EBUSY).
            _ = try await waiter.settle(Self.debounceFrames, [fxs, fxo])
            try fxo.setHook(.flash)
            var buffer = [UInt8](repeating: 0, count: 1024)
            var sawPending = false
            for _ in 0..<80 where !sawPending {
                try await advance(1)
                let result = try buffer.withUnsafeMutableBytes { try fxs.read(into: $0) }
                if result == .eventPending { sawPending = true }
            }
            let event = try fxs.nextEvent()
            return (sawPending && event == .flash, "read returned eventPending: \(sawPending); the event: \(event.map(String.init(describing:)) ?? "none")")
        }
        await check("audio FXS→FXO is bit-exact") {
            try await audioCheck(from: fxs, to: fxo, waiter: waiter, seed: 1)
        }
        await check("audio FXO→FXS is bit-exact") {
            try await audioCheck(from: fxo, to: fxs, waiter: waiter, seed: 2)
        }
        await check("one frame per 20 ms tick") {
            var buffer = [UInt8](repeating: 0, count: 1024)
            try buffer.withUnsafeMutableBytes { _ = try waiter.drainAudio(fxo, $0) }
            var frames = 0
            for _ in 0..<50 {
                try await advance(1)
                frames += try buffer.withUnsafeMutableBytes { try waiter.drainAudio(fxo, $0) } / fxo.audioFormat.bytesPerFrame
            }
            return ((48...52).contains(frames), "\(frames) frames in 50 ticks")
        }
        await check("FXS port's kewlstart disconnect drops loop current at the FXO port") {
            seen = []
            try fxs.setHook(.onHook)
            let frames = try await waiter.waitForEvent(on: fxo, within: Self.edgeFrames, seen: &seen) { $0 == .loopCurrentDrop }
            return (frames != nil, frames.map { "loop-current drop after \($0 * 20) ms" } ?? "none in \(Self.edgeFrames * 20) ms (saw \(seen))")
        }
        await check("FXO port hanging up is seen as on-hook after the flash window") {
            seen = []
            try fxo.setHook(.onHook)
            let frames = try await waiter.waitForEvent(on: fxs, within: Self.hangUpFrames, seen: &seen) { $0 == .onHook }
            let hook = try fxs.hookState()
            return (frames != nil && hook == .onHook, frames.map { "on-hook after \($0 * 20) ms" } ?? "none in \(Self.hangUpFrames * 20) ms (saw \(seen))")
        }
        await check("FXS port ringing reaches the FXO port") {
            // An FXO port ignores ringing for 2 s after it hangs up (DAHDI's RING_DEBOUNCE_TIME).
            _ = try await waiter.settle(Self.ringDebounceFrames, [fxs, fxo])
            seen = []
            try fxs.setHook(.ring)
            let frames = try await waiter.waitForEvent(on: fxo, within: Self.edgeFrames, seen: &seen) { $0 == .ringBegin || $0 == .ringDetected }
            return (frames != nil, frames.map { "ring after \($0 * 20) ms" } ?? "none in \(Self.edgeFrames * 20) ms (saw \(seen))")
        }
        await check("answering trips the ring") {
            seen = []
            try fxo.setHook(.offHook)
            let frames = try await waiter.waitForEvent(on: fxs, within: Self.edgeFrames, seen: &seen) { $0 == .offHook }
            // No new ring may start once answered (a full US cadence is 6 s; wait 3 s).
            let later = try await waiter.settle(150, [fxs, fxo])
            let rang = later.contains(.ringBegin)
            return (frames != nil && !rang, (frames.map { "answered after \($0 * 20) ms" } ?? "no off-hook (saw \(seen))") + (rang ? ", but it rang again" : ", no ring after"))
        }
        await check("hang-up after the call returns the pair to idle") {
            try fxo.setHook(.onHook)
            _ = try await waiter.settle(Self.hangUpFrames, [fxs, fxo])
            let a = try fxs.hookState(), b = try fxo.hookState()
            let leftover = try fxs.drainEvents() + fxo.drainEvents()
            return (a == .onHook && b == .onHook && leftover.isEmpty, "FXS port \(a), FXO port \(b), leftover events \(leftover)")
        }
        await check("a closed channel refuses operations") {
            fxo.close()
            do {
                try fxo.setHook(.offHook)
                return (false, "setHook on a closed channel did not throw")
            } catch {
                return ((error as? ChannelError)?.code == .closed, "threw \(error)")
            }
        }
        return checks
    }

    private func audioCheck(from source: any TelephonyChannel, to sink: any TelephonyChannel, waiter: Waiter, seed: UInt32) async throws -> (Bool, String) {
        let (sent, received) = try await waiter.sendPattern(from: source, to: sink, frames: 25, seed: seed)
        if let offset = received.firstRange(of: sent) {
            return (true, "\(sent.count) bytes found intact, \(offset) bytes ( \(offset / max(1, sink.audioFormat.bytesPerFrame)) frames) of delay")
        }
        return (false, "\(sent.count) bytes sent, \(received.count) received, pattern not found")
    }
}
