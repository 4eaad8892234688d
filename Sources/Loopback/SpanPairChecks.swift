import ChannelConformance
import TelephonyCore

/// The checks across two digital spans cabled to each other: alarms, a bit-exact pattern on
/// every B-channel both ways, HDLC frames across the D-channels, and a PRI call.
struct SpanPairChecks {
    let pair: LoopbackTarget.SpanPair
    let advance: @Sendable (Int) async throws -> Void
    let limits: LoopbackLimits
    let card: (any TelephonyCard)?

    func run() async -> [LoopbackCheck] {
        var recorder = CheckRecorder(pair: pair.label)
        if let card { await alarms(&recorder, card) }
        await pattern(&recorder)
        if let a = pair.a.dChannel, let b = pair.b.dChannel {
            await hdlc(&recorder, a, b)
            await PRICallCheck(pair: pair, advance: advance, limits: limits).run(&recorder)
        }
        return recorder.checks
    }

    private func alarms(_ recorder: inout CheckRecorder, _ card: any TelephonyCard) async {
        await recorder.check("spans up (no alarms)") {
            try await advance(5)
            let spans = try card.spans()
            let found = [pair.a.span, pair.b.span].map { n in (n, spans.first { $0.number == n }?.alarms) }
            let text = found.map { "span \($0.0): \($0.1.map { $0.isEmpty ? "OK" : "\($0)" } ?? "missing")" }
            return .init(passed: found.allSatisfy { $0.1?.isEmpty == true }, measured: [],
                         detail: text.joined(separator: ", "))
        }
    }

    /// Timeslots both spans have a B-channel on.
    private var timeslots: [Int] { pair.a.bChannels.keys.filter { pair.b.bChannels[$0] != nil }.sorted() }

    private func pattern(_ recorder: inout CheckRecorder) async {
        let slots = timeslots
        var lanes: [PatternTest.Lane] = []
        for slot in slots {
            lanes.append(PatternTest.Lane(source: pair.a.bChannels[slot]!, sink: pair.b.bChannels[slot]!))
            lanes.append(PatternTest.Lane(source: pair.b.bChannels[slot]!, sink: pair.a.bChannels[slot]!))
        }
        let result: Result<[PatternTest.Lane], any Error>
        do {
            result = .success(try await PatternTest(advance: advance).run(lanes, frames: limits.patternFrames, seed: 0x5A17))
        } catch {
            result = .failure(error)
        }
        for (direction, from, to) in [(0, pair.a.span, pair.b.span), (1, pair.b.span, pair.a.span)] {
            await recorder.check("pattern span \(from)→\(to), every B-channel") {
                let lanes = try result.get()
                var measured: [Measurement] = []
                var bad: [String] = []
                var exact = 0, errors = 0, compared = 0
                var delays: [Int] = []
                for (i, slot) in slots.enumerated() {
                    let lane = lanes[2 * i + direction]
                    let r = lane.compare()
                    compared += r.bytesCompared
                    errors += r.bitErrors
                    if let offset = r.offset { delays.append(offset / AudioFrame.samples) }
                    if r.isBitExact {
                        exact += 1
                    } else {
                        var what = r.offset == nil ? "no sync" : "\(r.bitErrors) bit errors in \(r.bytesCompared) bytes, \(r.bytesMissing) missing"
                        if !r.slips.isEmpty {
                            let list = r.slips.map { "\($0.shift > 0 ? "+" : "")\($0.shift) bytes at byte \($0.atByte)" }
                            what += ", \(r.slips.count) slip\(r.slips.count == 1 ? "" : "s") (\(list.joined(separator: ", ")))"
                        }
                        bad.append("ts \(slot) (\(lane.source.info.number)→\(lane.sink.info.number)): \(what)")
                        measured.append(Measurement("bit errors ts \(slot)", r.offset == nil ? nil : Double(r.bitErrors), "bits"))
                    }
                }
                measured.insert(contentsOf: [Measurement("B-channels bit-exact", Double(exact), "channels"),
                                             Measurement("B-channels", Double(slots.count), "channels"),
                                             Measurement("bytes compared", Double(compared), "bytes"),
                                             Measurement("bit errors", Double(errors), "bits")], at: 0)
                var detail = "\(exact) of \(slots.count) B-channels bit-exact, \(compared) bytes compared, \(errors) bit errors"
                if let low = delays.min(), let high = delays.max() { detail += ", delay \(low == high ? "\(low)" : "\(low)-\(high)") frames" }
                if !bad.isEmpty { detail += "; " + bad.joined(separator: "; ") }
                return .init(passed: !slots.isEmpty && bad.isEmpty, measured: measured,
                             detail: slots.isEmpty ? "no B-channels on both spans" : detail)
            }
        }
    }

    /// HDLC frames of several lengths cross each way whole and in order.
    private func hdlc(_ recorder: inout CheckRecorder, _ a: any TelephonyChannel, _ b: any TelephonyChannel) async {
        for (source, sink) in [(a, b), (b, a)] {
            await recorder.check("HDLC D-channel \(source.info.number)→\(sink.info.number)") {
                let payloads: [[UInt8]] = [8, 20, 44, 3, 120, 260].enumerated().map { index, length in
                    (0..<length).map { UInt8(truncatingIfNeeded: $0 * 13 + index * 29 + 5) }
                }
                var buffer = [UInt8](repeating: 0, count: 1024)
                try await advance(1)
                while true {
                    let result = try buffer.withUnsafeMutableBytes { try sink.read(into: $0) }
                    if result == .wouldBlock { break }
                    if result == .eventPending { _ = try sink.drainEvents() }
                }
                for payload in payloads {
                    _ = try (payload + [0, 0]).withUnsafeBytes { try source.write($0) }
                }
                var received: [[UInt8]] = []
                var frames = 0
                while frames < 50, received.count < payloads.count {
                    try await advance(1)
                    frames += 1
                    while true {
                        let result = try buffer.withUnsafeMutableBytes { try sink.read(into: $0) }
                        if case .bytes(let n) = result { received.append(Array(buffer[0..<max(0, n - 2)])) }
                        else if result == .eventPending { _ = try sink.drainEvents() }
                        else { break }
                    }
                }
                let intact = zip(payloads, received).filter { $0 == $1 }.count
                let passed = received == payloads
                return .init(passed: passed,
                             measured: [Measurement("frames sent", Double(payloads.count), "frames"),
                                        Measurement("frames intact", Double(intact), "frames"),
                                        Measurement("frames received", Double(received.count), "frames"),
                                        Measurement("all arrived after", passed ? Double(frames * 20) : nil, "ms")],
                             detail: "\(payloads.count) frames sent (\(payloads.map(\.count).map(String.init).joined(separator: ", ")) bytes), "
                                + "\(received.count) received, \(intact) intact and in order" + (passed ? ", all within \(frames * 20) ms" : ""))
            }
        }
    }
}
