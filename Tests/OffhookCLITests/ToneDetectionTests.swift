import Testing
import DSPTestSupport
@testable import offhook

/// The seam `offhook dsp detect` calls: fax and China/US call-progress labels as the kit wants.
@Suite struct ToneDetectionTests {
    func detect(_ x: [Double]) -> [(label: String, ms: Double, offMs: Double?)] {
        ToneSignals.pcm(x + ToneSignals.silence(ms: 1500)).withUnsafeBufferPointer { detectTones(samples: $0) }
    }

    @Test func chinaBusyAndUSReorderGetTheKitLabels() throws {
        let busy = detect(ToneSignals.silence(ms: 500) + ToneSignals.cadence([450], dBm0: -10, onMS: 350, offMS: 350, cycles: 6))
        #expect(busy.map(\.label) == ["CN_BUSY"])
        let first = try #require(busy.first)
        let off = try #require(first.offMs)
        #expect(first.ms > 500 && off > first.ms)
        let reorder = detect(ToneSignals.silence(ms: 500) + ToneSignals.cadence([480, 620], dBm0: -24, onMS: 250, offMS: 250, cycles: 8))
        #expect(reorder.map(\.label) == ["US_REORDER"])
    }

    @Test func faxAnswerSequence() {
        let x = ToneSignals.silence(ms: 300) + ToneSignals.answerTone(dBm0: -10, ms: 3000) + ToneSignals.silence(ms: 75)
            + ToneSignals.v21(bits: ToneSignals.hdlcFlags(38), dBm0: -10)
        #expect(detect(x).map(\.label) == ["CED", "V21"])
    }
}
