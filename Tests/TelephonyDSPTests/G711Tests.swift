import Testing
import TelephonyDSP
#if canImport(Glibc)
import Glibc
#endif

/// G.711 against SpanDSP's full tables (the DSP corpus kit's `corpus/g711/`), and against the
/// standard's own anchor values when the kit is absent.
@Suite struct G711Tests {
    @Test(.enabled(if: SharedCorpus.hasG711Tables, "needs ../shared/dsp-corpus/corpus/g711"))
    func encodeMatchesSpanDSPForAll65536Inputs() throws {
        let ulaw = try SharedCorpus.bytes("s16_to_ulaw.u8")
        let alaw = try SharedCorpus.bytes("s16_to_alaw.u8")
        try #require(ulaw.count == 65536 && alaw.count == 65536)
        var muMismatches = 0, aMismatches = 0
        for i in 0..<65536 {
            let s = Int16(bitPattern: UInt16(i))
            if G711.encodeMuLaw(s) != ulaw[i] { muMismatches += 1 }
            if G711.encodeALaw(s) != alaw[i] { aMismatches += 1 }
        }
        #expect(muMismatches == 0)
        #expect(aMismatches == 0)
        // The frame functions give the same codes.
        let all = (0..<65536).map { Int16(bitPattern: UInt16($0)) }
        #expect(G711.encode(all, law: .muLaw) == ulaw, "frame encoder differs")
        #expect(G711.encode(all, law: .aLaw) == alaw, "frame encoder differs")
    }

    @Test(.enabled(if: SharedCorpus.hasG711Tables, "needs ../shared/dsp-corpus/corpus/g711"))
    func decodeAndTranscodeMatchSpanDSPForAll256Codes() throws {
        let codes = (0...255).map { UInt8($0) }
        let mu = try SharedCorpus.int16s("ulaw_to_s16.i16le"), a = try SharedCorpus.int16s("alaw_to_s16.i16le")
        #expect(codes.filter { G711.decodeMuLaw($0) != mu[Int($0)] }.isEmpty)
        #expect(codes.filter { G711.decodeALaw($0) != a[Int($0)] }.isEmpty)
        #expect(G711.decode(codes, law: .muLaw) == mu, "frame decoder differs")
        #expect(G711.decode(codes, law: .aLaw) == a, "frame decoder differs")
        let muToA = try SharedCorpus.bytes("ulaw_to_alaw.u8"), aToMu = try SharedCorpus.bytes("alaw_to_ulaw.u8")
        #expect(codes.filter { G711.muLawToALaw($0) != muToA[Int($0)] }.isEmpty)
        #expect(codes.filter { G711.aLawToMuLaw($0) != aToMu[Int($0)] }.isEmpty)
        var frame = codes
        frame.withUnsafeMutableBufferPointer { b in
            G711.transcode(UnsafeBufferPointer(b), into: b, from: .muLaw, to: .aLaw)
        }
        #expect(frame == muToA, "frame transcoder differs")
    }

    @Test func standardAnchorValues() {
        // Silence and the extremes (G.711 tables 1a/2a).
        #expect(G711.encodeMuLaw(0) == 0xFF)
        #expect(G711.encodeALaw(0) == 0xD5)
        #expect(G711.encodeMuLaw(.max) == 0x80)
        #expect(G711.encodeMuLaw(.min) == 0x00)
        #expect(G711.encodeALaw(.max) == 0xAA)
        #expect(G711.encodeALaw(.min) == 0x2A)
        #expect(G711.decodeMuLaw(0x80) == 32124)
        #expect(G711.decodeALaw(0xAA) == 32256)
        #expect(G711.Law.muLaw.silence == G711.encodeMuLaw(0))
    }

    @Test(arguments: G711.Law.allCases)
    func roundTripIsIdempotentAndMonotonic(law: G711.Law) {
        var previous = Int16.min
        for code in 0...255 {
            let x = G711.decode(UInt8(code), law: law)
            // Every reconstruction level encodes back to its own code (bar −0, which is +0).
            #expect(G711.decode(G711.encode(x, law: law), law: law) == x)
            _ = previous
            previous = x
        }
        // Encoding is monotonic in the input.
        var last = G711.decode(G711.encode(.min, law: law), law: law)
        for s in stride(from: Int(Int16.min), through: Int(Int16.max), by: 7) {
            let y = G711.decode(G711.encode(Int16(s), law: law), law: law)
            #expect(y >= last)
            last = y
        }
    }

    @Test func signalLevelConvention() {
        #expect(abs(SignalLevel.sinePeak(dBm0: 3.14) - 32768) < 1e-9)
        let peak = SignalLevel.sinePeak(dBm0: -10)
        let sine: [Int16] = (0..<8000).map { (i: Int) -> Int16 in
            let phase = 2 * Double.pi * 1000 * Double(i) / 8000 + 0.2
            return Int16((peak * sin(phase)).rounded())
        }
        let level = sine.withUnsafeBufferPointer { SignalLevel.dBm0($0) }
        #expect(abs(level - -10) < 0.01)
        #expect(abs(SignalLevel.dBm0(power: SignalLevel.power(dBm0: -36)) - -36) < 1e-9)
    }
}
