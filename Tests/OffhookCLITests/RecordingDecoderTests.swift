import Foundation
import Testing
import DSPTestSupport
import TelephonyDSP
@testable import offhook

/// `offhook dsp decode`'s seam: real audio through the real detectors, reported as the kit and
/// the JSON output name things.
@Suite struct RecordingDecoderTests {
    func decode(_ x: [Int16]) -> [RecordingDecoder.Event] {
        x.withUnsafeBufferPointer { RecordingDecoder.decode($0) }
    }

    @Test func callerIDThenDigitsThenBusy() throws {
        let message = CallerIDMessage(format: .mdmf, number: "5551234", name: "SMITH J", dateTime: "11231507")
        let fsk = try FSKCallerIDGenerator.samples(message: message, standard: .bell202).map(Double.init)
        var x = ToneSignals.silence(ms: 300) + fsk + ToneSignals.silence(ms: 500)
        x += DTMFSignals.digits("42#")
        x += ToneSignals.cadence([480, 620], dBm0: -24, onMS: 500, offMS: 500, cycles: 4)
        let events = decode(DTMFSignals.munge(x))
        let ids = events.compactMap { e -> CallerIDMessage? in
            if case .callerID(let m, _) = e.kind { return m } else { return nil }
        }
        #expect(ids.contains { $0.number == "5551234" && $0.name == "SMITH J" && $0.dateTime == "11231507" })
        let digits = events.compactMap { e -> Character? in
            if case .dtmf(let d, _) = e.kind { return d.character } else { return nil }
        }
        #expect(String(digits) == "42#")
        let tones = events.compactMap { e -> String? in
            if case .tone(let name, _) = e.kind { return name } else { return nil }
        }
        #expect(tones == ["US_BUSY"])
        #expect(events.map(\.ms) == events.map(\.ms).sorted())
        // JSON objects carry type and ms first, then the fields.
        let json = events.map(\.json)
        #expect(json.contains { $0.hasPrefix("{\"type\": \"callerid\", \"ms\": ") && $0.contains("\"number\": \"5551234\"") && $0.contains("\"datetime\": \"11231507\"") })
        #expect(json.contains { $0.hasPrefix("{\"type\": \"dtmf\"") && $0.contains("\"digit\": \"#\"") })
        #expect(json.contains { $0.contains("\"name\": \"US_BUSY\"") })
    }

    @Test(arguments: FSKStandard.allCases)
    func oneCallerIDPerTransmissionNamedByItsModem(sent: FSKStandard) throws {
        let message = CallerIDMessage(format: .sdmf, number: "13912345678", dateTime: "11231530")
        let fsk = try FSKCallerIDGenerator.samples(message: message, standard: sent).map(Double.init)
        let x = ToneSignals.withNoise(ToneSignals.silence(ms: 200) + fsk + ToneSignals.silence(ms: 200),
                                      signalDBm0: -13.5, snr: 25)
        let vias = decode(DTMFSignals.munge(x, law: .aLaw)).compactMap { e -> String? in
            if case .callerID(let m, let via) = e.kind, m == message { return via } else { return nil }
        }
        #expect(vias == [sent.rawValue])
    }

    @Test func dtmfCallerIDIsFramed() {
        let events = decode(DTMFSignals.munge(DTMFSignals.digits("A13800138000C", ms: 70, gapMS: 70)))
        #expect(events.contains { if case .callerID(let m, "dtmf") = $0.kind { m.number == "13800138000" } else { false } })
    }

    @Test func readsWaveFiles() throws {
        let pcm = DTMFSignals.munge(DTMFSignals.digits("7"))
        var wav = Array("RIFF".utf8) + le32(36 + pcm.count * 2) + Array("WAVEfmt ".utf8) + le32(16)
        wav += le16(1) + le16(1) + le32(8000) + le32(16000) + le16(2) + le16(16)
        wav += Array("data".utf8) + le32(pcm.count * 2)
        for s in pcm { wav += le16(Int(UInt16(bitPattern: s))) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("offhook-decode-\(getpid()).wav").path
        try Data(wav).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try AudioInput.samples(path: path) == pcm)
        // A stereo file is refused with a clear message.
        wav[22] = 2
        try Data(wav).write(to: URL(fileURLWithPath: path))
        #expect(throws: AudioInput.Failure.self) { try AudioInput.samples(path: path) }
        #expect(throws: AudioInput.Failure.self) { try AudioInput.samples(path: "/nonexistent.ul") }
    }

    func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
    func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16(v >> 16) }
}
