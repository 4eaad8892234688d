import TelephonyCore

/// Checks across two digital channels wired to each other (clear, D-channel or CAS).
struct DigitalChecks {
    let pair: ConformanceTarget.DigitalPair
    let advance: @Sendable (Int) async throws -> Void

    private var label: String { "\(pair.a.info.portKind) \(pair.a.info.number)↔\(pair.b.info.number)" }

    private func check(_ name: String, into checks: inout [ConformanceCheck], _ body: () async throws -> (Bool, String)) async {
        do {
            let (passed, detail) = try await body()
            checks.append(ConformanceCheck(name: "\(label): \(name)", passed: passed, detail: detail))
        } catch {
            checks.append(ConformanceCheck(name: "\(label): \(name)", passed: false, detail: "threw \(error)"))
        }
    }

    /// Bit-exact audio both ways on clear channels (DAHDI's patlooptest idea).
    func runClear() async -> [ConformanceCheck] {
        var checks: [ConformanceCheck] = []
        let waiter = Waiter(advance: advance)
        for (name, source, sink, seed) in [("a→b", pair.a, pair.b, UInt32(11)), ("b→a", pair.b, pair.a, UInt32(12))] {
            await check("audio \(name) is bit-exact", into: &checks) {
                let (sent, received) = try await waiter.sendPattern(from: source, to: sink, frames: 25, seed: seed)
                guard let offset = received.firstRange(of: sent) else {
                    return (false, "\(sent.count) bytes sent, \(received.count) received, pattern not found")
                }
                return (true, "\(sent.count) bytes intact, \(offset / max(1, sink.audioFormat.bytesPerFrame)) frames of delay")
            }
        }
        return checks
    }

    /// HDLC frames cross intact both ways; one read returns one frame (payload and 2 FCS bytes).
    func runDChannel() async -> [ConformanceCheck] {
        var checks: [ConformanceCheck] = []
        for (name, source, sink) in [("a→b", pair.a, pair.b), ("b→a", pair.b, pair.a)] {
            await check("HDLC frames \(name) arrive whole and in order", into: &checks) {
                let payloads: [[UInt8]] = [8, 20, 44, 3, 120].enumerated().map { index, length in
                    (0..<length).map { UInt8(truncatingIfNeeded: $0 * 7 + index * 31 + 1) }
                }
                var buffer = [UInt8](repeating: 0, count: 1024)
                _ = try await Waiter(advance: advance).settle(2, [sink])
                while case .bytes = try buffer.withUnsafeMutableBytes({ try sink.read(into: $0) }) {}
                // A write is refused while an event waits on the source (DAHDI's ELAST): take
                // the events first, and again if one arrives in between.
                var events = try source.drainEvents()
                var refused = 0
                for payload in payloads {
                    let frame = payload + [0, 0]     // room for the FCS the channel computes
                    var result = try frame.withUnsafeBytes { try source.write($0) }
                    if result == .eventPending {
                        events += try source.drainEvents()
                        result = try frame.withUnsafeBytes { try source.write($0) }
                    }
                    if result != .bytes(frame.count) { refused += 1 }
                }
                // 64 kbit/s carries the five frames in about 40 ms; up to 2 s is allowed for a
                // loaded machine (a VM under TCG) before the frames count as lost.
                var received: [[UInt8]] = []
                var waited = 0
                while waited < 100 && received.count < payloads.count {
                    try await advance(1)
                    waited += 1
                    while true {
                        let result = try buffer.withUnsafeMutableBytes { try sink.read(into: $0) }
                        if case .bytes(let n) = result { received.append(Array(buffer[0..<max(0, n - 2)])) }
                        else if result == .eventPending { events += try sink.drainEvents() }
                        else { break }
                    }
                }
                var detail = "\(payloads.count) frames sent (\(payloads.map(\.count)) bytes), \(received.count) received "
                    + "(\(received.map(\.count)) bytes) within \(waited * 20) ms, intact and in order: \(received == payloads)"
                if refused > 0 { detail += "; \(refused) write(s) refused" }
                if !events.isEmpty { detail += "; events \(events)" }
                return (received == payloads, detail)
            }
        }
        return checks
    }

    /// Every ABCD value crosses, with a bits-changed event each time it changes.
    func runCAS() async -> [ConformanceCheck] {
        var checks: [ConformanceCheck] = []
        for (name, source, sink) in [("a→b", pair.a, pair.b), ("b→a", pair.b, pair.a)] {
            await check("all 16 ABCD values \(name), each with bits-changed", into: &checks) {
                var wrong: [String] = []
                var previous = try sink.receivedBits()
                for value in ([UInt8](0...15)).filter({ $0 != previous }) + [previous] {
                    try source.setTransmitBits(value)
                    var seen: [LineEvent] = []
                    let frames = try await Waiter(advance: advance).waitForEvent(on: sink, within: 10, seen: &seen) { $0 == .bitsChanged }
                    let got = try sink.receivedBits()
                    if frames == nil || got != value { wrong.append("\(value)→\(got)\(frames == nil ? " (no event)" : "")") }
                    previous = value
                }
                return (wrong.isEmpty, wrong.isEmpty ? "16 values crossed" : "wrong: \(wrong.joined(separator: ", "))")
            }
        }
        return checks
    }
}
