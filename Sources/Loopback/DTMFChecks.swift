import TelephonyCore
import TelephonyDSP

/// All sixteen DTMF digits across an answered pair, each way in turn: TelephonyDSP's DTMF
/// generator on the sending port, its DTMF receiver on what the far port hears.
struct DTMFChecks {
    let pair: LoopbackTarget.AnalogPair
    let advance: @Sendable (Int) async throws -> Void

    /// Every key of the Q.23 keypad, in the order they are sent.
    static let digits = "0123456789*#ABCD"

    func run(_ recorder: inout CheckRecorder) async {
        let fxsName = "FXS \(pair.fxsPort.info.number)", fxoName = "FXO \(pair.fxoPort.info.number)"
        for (source, sink, from, to) in [(pair.fxsPort, pair.fxoPort, fxsName, fxoName), (pair.fxoPort, pair.fxsPort, fxoName, fxsName)] {
            await recorder.check("DTMF 16 digits \(from.prefix(3))→\(to.prefix(3))") {
                var generator = DTMFGenerator()
                try generator.enqueue(Self.digits)
                // 16 digits of 50 ms on, 50 ms off, and a little silence either side.
                let frames = (Self.digits.count * (generator.onMS + generator.offMS)) / 20 + 10
                var signal = [Int16](repeating: 0, count: frames * AudioFrame.samples)
                signal.withUnsafeMutableBufferPointer { buffer in
                    let lead = 5 * AudioFrame.samples
                    _ = generator.generate(into: UnsafeMutableBufferPointer(rebasing: buffer[lead...]))
                }
                let received = try await AudioExchange(advance: advance).run(source, sending: signal, sink, sending: [], frames: frames)
                var receiver = DTMFReceiver()
                var detected = ""
                received.byB.withUnsafeBufferPointer { samples in
                    var start = 0
                    while start < samples.count {
                        let end = min(samples.count, start + AudioFrame.samples)
                        var event = receiver.process(UnsafeBufferPointer(rebasing: samples[start..<end]))
                        while let e = event {
                            if e.isDown { detected.append(e.digit.character) }
                            event = receiver.process(UnsafeBufferPointer(rebasing: samples[end..<end]))
                        }
                        start = end
                    }
                }
                let matched = zip(Self.digits, detected).filter { $0 == $1 }.count
                return .init(passed: detected == Self.digits,
                             measured: [Measurement("digits sent", Double(Self.digits.count), "digits"),
                                        Measurement("digits detected", Double(detected.count), "digits"),
                                        Measurement("digits in place", Double(matched), "digits")],
                             detail: "sent \(Self.digits) from \(from), \(to) detected \(detected.isEmpty ? "nothing" : detected) (\(matched) of \(Self.digits.count) in place)")
            }
        }
    }
}
