import Testing
import DSPTestSupport
import TelephonyDSP
#if canImport(Glibc)
import Glibc
#endif

@Suite struct DTMFGeneratorTests {
    func render(_ generator: inout DTMFGenerator, frames: Int) -> [Int16] {
        var out: [Int16] = []
        var frame = [Int16](repeating: 0, count: 160)
        for _ in 0..<frames {
            frame.withUnsafeMutableBufferPointer { _ = generator.generate(into: $0) }
            out += frame
        }
        return out
    }

    /// Power of `x` at `f` Hz (a single DFT bin), as a sine's power A²/2.
    func power(_ x: ArraySlice<Int16>, at f: Double) -> Double {
        var re = 0.0, im = 0.0
        for (n, v) in x.enumerated() {
            re += Double(v) * cos(2 * Double.pi * f * Double(n) / 8000)
            im += Double(v) * sin(2 * Double.pi * f * Double(n) / 8000)
        }
        let a = 2 * (re * re + im * im).squareRoot() / Double(x.count)
        return a * a / 2
    }

    @Test func generatedDigitsAreHeardBack() throws {
        var generator = DTMFGenerator(onMS: 50, offMS: 50)
        try generator.enqueue("0123456789*#ABCD")
        let audio = render(&generator, frames: 90)
        #expect(!generator.isBusy)
        var receiver = DTMFReceiver()
        let heard = DetectorRun.events(DTMFSignals.munge(audio.map(Double.init), law: .aLaw)) { receiver.process($0) }
        #expect(String(heard.filter(\.isDown).map(\.digit.character)) == "0123456789*#ABCD")
    }

    @Test func levelsTwistAndTiming() throws {
        var generator = DTMFGenerator(onMS: 100, offMS: 60, level: -20, twist: 3)
        try generator.enqueue("5")
        let audio = render(&generator, frames: 8)
        // 100 ms on (800 samples) then silence.
        #expect(audio[800...].allSatisfy { $0 == 0 })
        #expect(audio[790..<800].contains { $0 != 0 })
        let low = SignalLevel.dBm0(power: power(audio[0..<800], at: 770))
        let high = SignalLevel.dBm0(power: power(audio[0..<800], at: 1336))
        #expect(abs(low - -20) < 0.1)
        #expect(abs(high - -17) < 0.1)
    }

    @Test func pausesAndBadInput() throws {
        var generator = DTMFGenerator(onMS: 50, offMS: 50, pauseMS: 300)
        #expect(throws: DTMFGenerator.InvalidDigit(character: "x")) { try generator.enqueue("12x") }
        #expect(!generator.isBusy)
        try generator.enqueue("1,2")
        let audio = render(&generator, frames: 40)
        // 1 (50 on, 50 off), 300 pause, 2 (50 on): the second digit starts at 400 ms.
        #expect(audio[800..<3200].allSatisfy { $0 == 0 })
        #expect(audio[3200..<3210].contains { $0 != 0 })
    }
}
