import TelephonyCore
import TelephonyDSP

/// Transmission checks across an answered analog pair, each direction in turn with the far end
/// silent: the 1004 Hz level (received level and loss), a sweep of 300–3400 Hz (loss per
/// frequency), and the echo return loss at the sending port (what comes back on its own
/// channel while the far end says nothing).
struct TransmissionChecks {
    let pair: LoopbackTarget.AnalogPair
    let advance: @Sendable (Int) async throws -> Void
    let limits: LoopbackLimits

    /// Frames of each tone, and of the silence between tones.
    static let toneFrames = 20
    static let gapFrames = 5
    /// The received frames skipped at the start of a tone (the path's delay, any transient).
    static let settleFrames = 8

    /// The tones of one direction: 1004 Hz first, then the sweep.
    private var frequencies: [Double] { [1004] + limits.sweepFrequencies }

    /// What one direction measured, per tone: sent, received at the far end, returned at the near end.
    struct Direction {
        var from: String
        var to: String
        var sent: [Double] = []
        var received: [Double] = []
        var returned: [Double] = []
    }

    func run(_ recorder: inout CheckRecorder) async {
        let fxsName = "FXS \(pair.fxsPort.info.number)", fxoName = "FXO \(pair.fxoPort.info.number)"
        for (source, sink, from, to) in [(pair.fxsPort, pair.fxoPort, fxsName, fxoName), (pair.fxoPort, pair.fxsPort, fxoName, fxsName)] {
            var direction: Direction?
            var failure: (any Error)?
            do {
                direction = try await measure(from: source, to: sink, names: (from, to))
            } catch {
                failure = error
            }
            let arrow = "\(from.prefix(3))→\(to.prefix(3))"
            guard let direction else {
                await recorder.check("level 1004 Hz \(arrow)") { throw failure! }
                continue
            }
            await recorder.check("level 1004 Hz \(arrow)") { level(direction) }
            await recorder.check("sweep 300-3400 Hz \(arrow)") { sweep(direction) }
            await recorder.check("echo return loss at \(from)") { echo(direction) }
        }
    }

    /// Sends every tone from `source` with `sink` silent, and measures both ends.
    private func measure(from source: any TelephonyChannel, to sink: any TelephonyChannel,
                         names: (String, String)) async throws -> Direction {
        let period = Self.toneFrames + Self.gapFrames
        let n = AudioFrame.samples
        var signal: [Int16] = []
        for frequency in frequencies {
            signal += Self.tone(frequency, level: limits.testLevelDBm0, samples: Self.toneFrames * n)
            signal += [Int16](repeating: 0, count: Self.gapFrames * n)
        }
        let received = try await AudioExchange(advance: advance)
            .run(source, sending: signal, sink, sending: [], frames: frequencies.count * period)
        var result = Direction(from: names.0, to: names.1)
        for (i, frequency) in frequencies.enumerated() {
            let window = ((i * period + Self.settleFrames) * n)..<((i * period + Self.toneFrames) * n)
            func slice(_ samples: [Int16]) -> ArraySlice<Int16> {
                samples[min(window.lowerBound, samples.count)..<min(window.upperBound, samples.count)]
            }
            result.sent.append(ToneMeter.level(of: frequency, in: slice(signal)))
            result.received.append(ToneMeter.level(of: frequency, in: slice(received.byB)))
            result.returned.append(ToneMeter.level(of: frequency, in: slice(received.byA)))
        }
        return result
    }

    private func level(_ d: Direction) -> CheckRecorder.Outcome {
        let loss = d.sent[0] - d.received[0]
        let passed = limits.loss.contains(loss)
        let nothing = d.received[0] <= ToneMeter.floorDBm0
        return .init(passed: passed,
                     measured: [Measurement("sent", d.sent[0], "dBm0"),
                                Measurement("received", d.received[0], "dBm0", bound: nothing ? .atMost : nil),
                                Measurement("loss", loss, "dB", bound: nothing ? .atLeast : nil)],
                     detail: "sent \(f(d.sent[0])) dBm0, received \(Self.levelText(d.received[0])) dBm0 at \(d.to), loss \(nothing ? "≥ " : "")\(f(loss)) dB"
                        + " (limit \(f(limits.loss.lowerBound))…\(f(limits.loss.upperBound)) dB)")
    }

    private func sweep(_ d: Direction) -> CheckRecorder.Outcome {
        let reference = d.sent[0] - d.received[0]
        var measured: [Measurement] = []
        var bad: [String] = []
        var losses: [Double] = []
        for (i, frequency) in frequencies.enumerated().dropFirst() {
            let loss = d.sent[i] - d.received[i]
            losses.append(loss)
            let nothing = d.received[i] <= ToneMeter.floorDBm0
            measured.append(Measurement("loss \(Int(frequency)) Hz", loss, "dB", bound: nothing ? .atLeast : nil))
            let flat = abs(loss - reference) <= limits.sweepFlatnessDB
            let inRange = loss >= limits.loss.lowerBound - limits.sweepFlatnessDB && loss <= limits.loss.upperBound + limits.sweepFlatnessDB
            if !flat || !inRange { bad.append("\(Int(frequency)) Hz") }
        }
        if d.received.dropFirst().allSatisfy({ $0 <= ToneMeter.floorDBm0 }) {
            return .init(passed: false, measured: measured,
                         detail: "nothing received above \(Int(ToneMeter.floorDBm0)) dBm0 at \(d.to) at any frequency (loss ≥ \(f(losses.min() ?? 0)) dB)")
        }
        let spread = (losses.max() ?? 0) - (losses.min() ?? 0)
        var words = "loss \(f(losses.min() ?? 0))…\(f(losses.max() ?? 0)) dB over \(Int(limits.sweepFrequencies.first ?? 0))-\(Int(limits.sweepFrequencies.last ?? 0)) Hz, spread \(f(spread)) dB"
        words += " (" + zip(limits.sweepFrequencies, losses).map { "\(Int($0)): \(f($1))" }.joined(separator: ", ") + ")"
        if !bad.isEmpty { words += "; out of limits at \(bad.joined(separator: ", ")) (±\(f(limits.sweepFlatnessDB)) dB of 1004 Hz)" }
        return .init(passed: bad.isEmpty, measured: measured, detail: words)
    }

    private func echo(_ d: Direction) -> CheckRecorder.Outcome {
        let returnLosses = zip(d.sent, d.returned).map { $0 - $1 }
        let atReference = returnLosses[0]
        let worst = returnLosses.min() ?? atReference
        let worstFrequency = frequencies[returnLosses.firstIndex(of: worst) ?? 0]
        // Nothing above the meter's floor came back: the loss is at least what the floor allows.
        let atFloor = d.returned.allSatisfy { $0 <= ToneMeter.floorDBm0 }
        let floorNote = atFloor ? " (nothing returned above \(Int(ToneMeter.floorDBm0)) dBm0)" : ""
        let bound = atFloor ? "≥ " : ""
        return .init(passed: worst >= limits.minimumEchoReturnLossDB,
                     measured: [Measurement("echo return loss 1004 Hz", atReference, "dB", bound: atFloor ? .atLeast : nil),
                                Measurement("echo return loss worst", worst, "dB", bound: atFloor ? .atLeast : nil),
                                Measurement("worst at", worstFrequency, "Hz")],
                     detail: "\(d.to) silent: ERL \(bound)\(f(atReference)) dB at 1004 Hz, worst \(bound)\(f(worst)) dB at \(Int(worstFrequency)) Hz\(floorNote)"
                        + " (limit ≥ \(f(limits.minimumEchoReturnLossDB)) dB)")
    }

    private func f(_ value: Double) -> String { Measurement.formatFixed(value, decimals: 2) }

    static func levelText(_ level: Double) -> String {
        level <= ToneMeter.floorDBm0 ? "below \(Int(ToneMeter.floorDBm0))" : Measurement.formatFixed(level, decimals: 2)
    }

    /// `samples` of a sine at `frequency` and `level` dBm0, from TelephonyDSP's tone generator.
    static func tone(_ frequency: Double, level: Double, samples: Int) -> [Int16] {
        let spec = ToneSpec(segments: [ToneSpec.Segment(frequencies: [frequency], durationMS: nil)])
        var generator = ToneGenerator(spec: spec, level: level)
        var out = [Int16](repeating: 0, count: samples)
        _ = out.withUnsafeMutableBufferPointer { generator.generate(into: $0) }
        return out
    }
}
