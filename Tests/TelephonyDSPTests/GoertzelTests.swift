import Foundation
import Testing
import TelephonyDSP

@Suite("Goertzel filter")
struct GoertzelTests {
    static func sine(_ frequency: Double, dBm0: Double, count: Int) -> [Int16] {
        let peak = SignalLevel.sinePeak(dBm0: dBm0)
        return (0..<count).map { Int16((peak * sin(2 * .pi * frequency * Double($0) / 8000 + 0.4)).rounded()) }
    }

    @Test("on-bin sine reads its own level; off by two bins it reads far lower",
          arguments: [697.0, 941.0, 1209.0, 1633.0, 2100.0])
    func selectivity(frequency: Double) {
        let n = 205
        var onBin = Goertzel(frequency: frequency)
        var offBin = Goertzel(frequency: frequency + 2 * 8000 / Double(n))
        let s = Self.sine(frequency, dBm0: -20, count: n)
        s.withUnsafeBufferPointer { onBin.process($0); offBin.process($0) }
        #expect(abs(onBin.level + 20) < 0.3, "on-bin level \(onBin.level)")
        #expect(offBin.level < -40, "two bins off reads \(offBin.level) dBm0")
        onBin.reset()
        #expect(onBin.power == 0 && onBin.count == 0)
    }

    @Test("sample-by-sample and block feeding agree")
    func feedingModes() {
        let s = Self.sine(1336, dBm0: -6, count: 160)
        var a = Goertzel(frequency: 1336), b = Goertzel(frequency: 1336)
        s.withUnsafeBufferPointer { a.process($0) }
        for x in s { b.process(sample: Float(x)) }
        #expect(abs(a.power - b.power) <= a.power * 1e-5)
    }
}
