import PRI
import Synchronization
import TelephonyCore

/// A PRI call through libpri across the D-channels of two cabled E1 spans: network side on the
/// first span, user side on the second. Each D-channel `TelephonyChannel` is bridged to a
/// `DChannel` (libpri on its own thread) through `DChannelBridge`, a socket pair pumped once per
/// frame. The call: D-channels up, SETUP with ANI and DNIS, ALERTING, CONNECT, audio on the
/// allocated B-channel checked bit-exact both ways, release with a cause. Each step is a check.
struct PRICallCheck {
    let pair: LoopbackTarget.SpanPair
    let advance: @Sendable (Int) async throws -> Void
    let limits: LoopbackLimits

    /// The numbers the call carries.
    static let calling = "075512345678"
    static let called = "95588"
    /// The cause the network side clears with.
    static let cause = Q850Cause.normalClearing

    /// Frames allowed for each step (libpri's timers are in wall time; 10 s covers T200 retries).
    static let stepFrames = 500

    func run(_ recorder: inout CheckRecorder) async {
        guard let aD = pair.a.dChannel, let bD = pair.b.dChannel else { return }
        let net: DChannel, cpe: DChannel, bridges: [DChannelBridge]
        do {
            bridges = [try DChannelBridge(channel: aD), try DChannelBridge(channel: bD)]
            net = try DChannel(transport: bridges[0].transport, configuration: PRIConfiguration(side: .network))
            cpe = try DChannel(transport: bridges[1].transport, configuration: PRIConfiguration(side: .user))
        } catch {
            await recorder.check("PRI: start libpri on both D-channels") { throw error }
            return
        }
        let netLog = PRIEventLog(net.events), cpeLog = PRIEventLog(cpe.events)
        let clock = PRIClock(advance: advance, bridges: bridges)
        defer {
            net.shutdown()
            cpe.shutdown()
        }
        let netSpan = "span \(pair.a.span) (network)", cpeSpan = "span \(pair.b.span) (user)"

        var up = false
        await recorder.check("PRI: D-channels up (Q.921)") {
            let n = try await clock.wait(for: netLog, within: Self.stepFrames) { $0 == .dChannelUp ? () : nil }
            // Both came up in the same run of frames: the user side's time counts from the start too.
            let c = try await clock.wait(for: cpeLog, within: Self.stepFrames) { $0 == .dChannelUp ? () : nil }
                .map { (value: $0.value, frames: $0.frames + (n?.frames ?? Self.stepFrames)) }
            up = n != nil && c != nil
            return .init(passed: up, measured: [Measurement("network side up", n.map { Double($0.frames * 20) }, "ms"),
                                                Measurement("user side up", c.map { Double($0.frames * 20) }, "ms")],
                         detail: "\(netSpan) \(n.map { "up after \($0.frames * 20) ms" } ?? "not up"), \(cpeSpan) \(c.map { "up after \($0.frames * 20) ms" } ?? "not up")"
                            + (up ? "" : " (events: \(netLog.all + cpeLog.all))"))
        }
        guard up else { return }

        var incoming: IncomingCall?
        var id: CallID?
        await recorder.check("PRI: SETUP with ANI/DNIS") {
            id = try cpe.placeCall(OutgoingCall(called: PartyNumber(Self.called, numberType: .national),
                                                calling: PartyNumber(Self.calling, numberType: .national)))
            let got = try await clock.wait(for: netLog, within: Self.stepFrames) { if case .incomingCall(let c) = $0 { c } else { nil } }
            incoming = got?.value
            let ani = incoming?.calling?.digits, dnis = incoming?.called.digits
            let passed = ani == Self.calling && dnis == Self.called
            return .init(passed: passed,
                         measured: [Measurement("SETUP arrived after", got.map { Double($0.frames * 20) }, "ms"),
                                    Measurement("B-channel", incoming.map { Double($0.channel) }, "timeslot")],
                         detail: incoming.map { "user side called \(Self.called) from \(Self.calling); network side got DNIS \(dnis ?? "none"), ANI \(ani ?? "none") on B\($0.channel) after \(got!.frames * 20) ms" }
                            ?? "no SETUP reached the network side in \(Self.stepFrames * 20) ms (events: \(netLog.all))")
        }
        guard let call = incoming, let id else { return }

        await recorder.check("PRI: ALERTING and CONNECT") {
            net.alert(call.id)
            let alerting = try await clock.wait(for: cpeLog, within: Self.stepFrames) { if case .alerting(id, _) = $0 { () } else { nil } }
            net.answer(call.id)
            let answered = try await clock.wait(for: cpeLog, within: Self.stepFrames) { if case .answered(id, let ch) = $0 { ch } else { nil } }
            let channel = answered?.value ?? nil
            let passed = alerting != nil && answered != nil && channel == call.channel
            return .init(passed: passed,
                         measured: [Measurement("alerting after", alerting.map { Double($0.frames * 20) }, "ms"),
                                    Measurement("connect after", answered.map { Double($0.frames * 20) }, "ms")],
                         detail: "\(alerting.map { "ALERTING after \($0.frames * 20) ms" } ?? "no ALERTING"), "
                            + "\(answered.map { "CONNECT after \($0.frames * 20) ms on B\(channel.map(String.init) ?? "?")" } ?? "no CONNECT")"
                            + (passed ? "" : " (network chose B\(call.channel); events: \(cpeLog.all))"))
        }

        await recorder.check("PRI: audio on B\(call.channel) end to end") {
            guard let a = pair.a.bChannels[call.channel], let b = pair.b.bChannels[call.channel] else {
                return .init(passed: false, measured: [], detail: "B-channel \(call.channel) is not open on both spans")
            }
            let lanes = try await PatternTest(advance: advance).run(
                [PatternTest.Lane(source: a, sink: b), PatternTest.Lane(source: b, sink: a)], frames: 10, seed: UInt32(call.channel))
            let results = lanes.map { $0.compare() }
            let errors = results.reduce(0) { $0 + $1.bitErrors }
            let compared = results.reduce(0) { $0 + $1.bytesCompared }
            return .init(passed: results.allSatisfy(\.isBitExact),
                         measured: [Measurement("bytes compared", Double(compared), "bytes"), Measurement("bit errors", Double(errors), "bits")],
                         detail: "channels \(a.info.number)↔\(b.info.number): \(compared) bytes compared both ways, \(errors) bit errors"
                            + (results.contains { $0.offset == nil } ? ", pattern not found" : "")
                            + (results.contains { !$0.slips.isEmpty }
                                ? ", \(results.reduce(0) { $0 + $1.slips.count }) slip(s) (the stream lost or gained bytes)" : ""))
        }

        await recorder.check("PRI: release with cause \(Self.cause.rawValue)") {
            net.hangUp(call.id, cause: Self.cause)
            let disconnected = try await clock.wait(for: cpeLog, within: Self.stepFrames) { if case .disconnected(id, let c) = $0 { c } else { nil } }
            let cpeReleased = try await clock.wait(for: cpeLog, within: Self.stepFrames) { if case .released(id, _, let c) = $0 { c } else { nil } }
            let netReleased = try await clock.wait(for: netLog, within: Self.stepFrames) { if case .released(call.id, _, let c) = $0 { c } else { nil } }
            let cause = disconnected?.value
            let passed = cause == Self.cause && cpeReleased != nil && netReleased != nil
            return .init(passed: passed,
                         measured: [Measurement("cause at user side", cause.map { Double($0.rawValue) }, "Q.850"),
                                    Measurement("released after", netReleased.map { Double($0.frames * 20) }, "ms")],
                         detail: "network side cleared with \(Self.cause.rawValue) (\(Self.cause.name)); user side got "
                            + "\(cause.map { "DISCONNECT cause \($0.rawValue) (\($0.name))" } ?? "no DISCONNECT"), "
                            + "\(cpeReleased != nil ? "released" : "not released"); network side \(netReleased != nil ? "released" : "not released")")
        }
    }
}

/// The card's clock during the PRI call: each frame also pumps the D-channel bridges and gives
/// libpri's threads a moment to answer (they run in wall time even when the card's clock is manual).
struct PRIClock {
    let advance: @Sendable (Int) async throws -> Void
    let bridges: [DChannelBridge]

    /// Advances frame by frame until `log` holds an event `extract` accepts (consuming it);
    /// returns the value and the frames waited, or `nil` after `limit` frames.
    func wait<T>(for log: PRIEventLog, within limit: Int, _ extract: (PRIEvent) -> T?) async throws -> (value: T, frames: Int)? {
        for frame in 0...limit {
            if let value = log.take(extract) { return (value, frame) }
            guard frame < limit else { break }
            try await advance(1)
            for bridge in bridges { try bridge.pump() }
            try await Task.sleep(for: .milliseconds(1))
            for bridge in bridges { try bridge.pump() }
        }
        return nil
    }
}

/// A D-channel's events, recorded as they come so a step can wait for the one it expects.
final class PRIEventLog: Sendable {
    private let events = Mutex<[PRIEvent]>([])

    init(_ stream: AsyncStream<PRIEvent>) {
        Task { [self] in
            for await event in stream { self.events.withLock { $0.append(event) } }
        }
    }

    /// Removes and returns the first event `extract` accepts.
    func take<T>(_ extract: (PRIEvent) -> T?) -> T? {
        events.withLock { list in
            for (i, event) in list.enumerated() {
                if let value = extract(event) {
                    list.remove(at: i)
                    return value
                }
            }
            return nil
        }
    }

    /// Every event not taken yet.
    var all: [PRIEvent] { events.withLock { $0 } }
}
