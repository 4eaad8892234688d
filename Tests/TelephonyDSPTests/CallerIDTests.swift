import DSPTestSupport
import Testing
import TelephonyDSP

@Suite("Caller ID: message layer, FSK (Bell 202, V.23) and DTMF, generated and decoded")
struct CallerIDTests {
    static let full = CallerIDMessage(format: .mdmf, number: "13912345678", name: "ZHANG WEI", dateTime: "11231530")
    static let messages: [CallerIDMessage] = [
        full,
        CallerIDMessage(format: .mdmf, numberAbsence: .private, nameAbsence: .private, dateTime: "01010000"),
        CallerIDMessage(format: .sdmf, number: "5551234567", dateTime: "12311159"),
        CallerIDMessage(format: .sdmf, numberAbsence: .unavailable, dateTime: "07040900"),
    ]

    @Test("encode then decode gives the message back; the checksum makes the bytes sum to 0")
    func coding() throws {
        for m in Self.messages {
            let bytes = try m.encoded()
            #expect(bytes.reduce(UInt8(0), &+) == 0)
            #expect(try CallerIDMessage(decoding: bytes) == m)
        }
        // GR-30 SDMF example layout: type 0x04, length, 8 date digits, number.
        let sdmf = try Self.messages[2].encoded()
        #expect(sdmf[0] == 0x04 && Int(sdmf[1]) == 18 && sdmf.count == 21)
    }

    @Test("a damaged message is refused with the reason")
    func damaged() throws {
        var bytes = try Self.full.encoded()
        bytes[5] ^= 0x01
        #expect(throws: CallerIDError.self) { try CallerIDMessage(decoding: bytes) }
        #expect(throws: CallerIDError.self) { try CallerIDMessage(decoding: Array(bytes.prefix(6))) }
        var unknown = try Self.full.encoded()
        unknown[0] = 0x33
        unknown[unknown.count - 1] = CallerIDMessage.checksum(unknown.dropLast())
        #expect(throws: CallerIDError.self) { try CallerIDMessage(decoding: unknown) }
    }

    static func receive(_ samples: [Int16], configuration: FSKCallerIDReceiver.Configuration) -> (CallerIDMessage?, FSKCallerIDReceiver) {
        var rx = FSKCallerIDReceiver(configuration: configuration)
        var found: CallerIDMessage?
        var i = 0
        while i < samples.count {
            let n = min(160, samples.count - i)
            if let m = samples.withUnsafeBufferPointer({ rx.process(UnsafeBufferPointer(rebasing: $0[i..<i + n])) }) {
                found = m
            }
            i += n
        }
        return (found, rx)
    }

    /// The transmission with 200 ms of silence around it, through G.711 and white noise.
    static func line(_ message: CallerIDMessage, _ standard: FSKStandard, law: G711.Law, snr: Double,
                     level: Double = -13.5) throws -> [Int16] {
        let tx = try FSKCallerIDGenerator.samples(message: message, standard: standard, level: level)
        let signal = ToneSignals.silence(ms: 200) + tx.map(Double.init) + ToneSignals.silence(ms: 200)
        let noisy = ToneSignals.withNoise(signal, signalDBm0: level, snr: snr, seed: 11)
        return DTMFSignals.munge(noisy, law: law)
    }

    @Test("FSK round trip through G.711 and noise at 20 dB S/N", arguments: FSKStandard.allCases, G711.Law.allCases)
    func fskRoundTrip(standard: FSKStandard, law: G711.Law) throws {
        for message in Self.messages {
            let samples = try Self.line(message, standard, law: law, snr: 20)
            let (got, rx) = Self.receive(samples, configuration: .init(standard: standard, requiresChannelSeizure: true))
            #expect(got == message, "\(standard) \(law): \(String(describing: rx.lastError)) seizure \(rx.seizureBits)")
            #expect(rx.seizureBits >= 280 && rx.markBits >= 170, "seizure \(rx.seizureBits), mark \(rx.markBits)")
        }
    }

    @Test("measured margin: lowest S/N at which Bell 202 and V.23 still decode", arguments: FSKStandard.allCases)
    func noiseMargin(standard: FSKStandard) throws {
        var lowest = 99.0
        for snr in stride(from: 20.0, through: 6.0, by: -2.0) {
            let samples = try Self.line(Self.full, standard, law: .aLaw, snr: snr)
            guard Self.receive(samples, configuration: .init(standard: standard)).0 == Self.full else { break }
            lowest = snr
        }
        // GR-30 asks for reception at 20 dB S/N; record the margin.
        #expect(lowest <= 12, "\(standard) decodes down to \(lowest) dB S/N")
        print("FSK \(standard): decodes down to \(lowest) dB S/N")
    }

    @Test("a missing mark signal or a missing seizure are refused")
    func checks() throws {
        let noMark = FSKCallerIDGenerator(bytes: try Self.full.encoded(), standard: .bell202, seizureBits: 300, markBits: 8)
        var g = noMark
        let s = g.generateAll()
        let (got, rx) = Self.receive(s, configuration: .init(standard: .bell202))
        #expect(got == nil && rx.lastError != nil)
        var noSeizure = FSKCallerIDGenerator(bytes: try Self.full.encoded(), standard: .v23, seizureBits: 0, markBits: 80)
        let s2 = noSeizure.generateAll()
        #expect(Self.receive(s2, configuration: .init(standard: .v23, requiresChannelSeizure: true)).0 == nil)
        #expect(Self.receive(s2, configuration: .init(standard: .v23)).0 == Self.full)   // off-hook style is fine
    }

    @Test("a corrupted checksum on the line is dropped with the reason")
    func lineChecksum() throws {
        var bytes = try Self.full.encoded()
        bytes[bytes.count - 1] &+= 1
        var g = FSKCallerIDGenerator(bytes: bytes, standard: .bell202)
        let (got, rx) = Self.receive(g.generateAll(), configuration: .init())
        #expect(got == nil)
        #expect(rx.lastError?.description == "checksum mismatch")
    }

    @Test("DTMF caller ID: number and absence, A…C and D…#, through G.711")
    func dtmfCallerID() throws {
        let cases: [(CallerIDMessage, DTMFDigit, DTMFDigit, String)] = [
            (CallerIDMessage(format: .dtmf, number: "4512345678"), .a, .c, "A4512345678C"),
            (CallerIDMessage(format: .dtmf, number: "031234567"), .d, .pound, "D031234567#"),
            (CallerIDMessage(format: .dtmf, numberAbsence: .private), .a, .c, "B10C"),
            (CallerIDMessage(format: .dtmf, numberAbsence: .unavailable), .d, .c, "B00C"),
        ]
        for (message, start, end, digits) in cases {
            var tx = try DTMFCallerIDGenerator(message: message, start: start, end: end)
            #expect(tx.digits == digits)
            var pcm = [Int16](repeating: 0, count: 800)
            var frame = [Int16](repeating: 0, count: 160)
            while tx.isBusy {
                let n = frame.withUnsafeMutableBufferPointer { tx.generate(into: $0) }
                pcm += frame.prefix(n)
            }
            pcm += [Int16](repeating: 0, count: 800)
            let line = G711.decode(G711.encode(pcm, law: .aLaw), law: .aLaw)
            var rx = DTMFCallerIDReceiver()
            var got: CallerIDMessage?
            var i = 0
            while i < line.count {
                let n = min(160, line.count - i)
                if let m = line.withUnsafeBufferPointer({ rx.process(UnsafeBufferPointer(rebasing: $0[i..<i + n])) }) { got = m }
                i += n
            }
            #expect(got == message, "sent \(digits), got \(rx.lastDigits)")
        }
        #expect(throws: CallerIDError.self) { try DTMFCallerIDGenerator(message: CallerIDMessage(number: "12-34")) }
    }
}

@Suite("Caller ID: telling Bell 202 from V.23")
struct FSKModemIdentificationTests {
    @Test("the mark signal is on frequency for the sender's modem, ~100 Hz off for the other", arguments: FSKStandard.allCases)
    func markFrequency(sent: FSKStandard) throws {
        let samples = try CallerIDTests.line(CallerIDTests.full, sent, law: .muLaw, snr: 20)
        for standard in FSKStandard.allCases {
            let (got, rx) = CallerIDTests.receive(samples, configuration: .init(standard: standard))
            guard got != nil else { continue }
            let error = abs(rx.markFrequencyError)
            if standard == sent {
                #expect(error < 15, "own modem: mark \(rx.markFrequencyError) Hz off")
            } else {
                #expect(error > 60, "\(standard) receiver: mark \(rx.markFrequencyError) Hz off")
            }
            #expect(abs(rx.messageLevel + 13.5) < 2, "level \(rx.messageLevel) dBm0")
        }
    }
}
