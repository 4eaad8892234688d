import DAHDI
import TelephonyCore

/// Offhook's checks of the DAHDI backend on two spans wired back to back, as `make vm-test`
/// builds them: channel N of span 1 meets channel N + `offset` of span 2 (see
/// scripts/vm/guest/etc/dahdi/system.conf for the layout these defaults follow).
struct DAHDILoopChecks {
    struct Layout {
        var offset = 31
        var clearChannels = Array(1...15) + Array(17...20)
        var dChannel = 16
        var fxoPorts = [21, 22, 23, 24]        // fxsks on span 1; their peers are fxoks (FXS ports)
        var casChannels = [25, 26, 27, 28]     // cas on both spans
        var echoCancellerChannel = 20          // echocanceller=mg2 in system.conf
        var peerSpanAddress = (driver: "loc", address: "1:1")
    }

    let card: DAHDICard
    let layout: Layout
    let report: SelfTestReport

    init(card: DAHDICard, layout: Layout = Layout()) {
        self.card = card
        self.layout = layout
        self.report = SelfTestReport(scope: "dahdi")
    }

    func runAll() {
        checkSpans()
        checkChannelParameters()
        checkAudio()
        checkLinearAudio()
        checkHDLC()
        checkLoopStart()
        checkEventPendingRefusesAudio()
        checkCASBits()
        checkEchoCanceller()
        checkErrors()
    }

    private func open(_ number: Int) throws -> DAHDIChannel { try card.openDAHDIChannel(number) }

    // MARK: Spans and channels

    func checkSpans() {
        report.check("DAHDI_SPANSTAT: 2 spans of 31 channels, no alarms") {
            let spans = try card.spanStatuses()
            let detail = spans.map { "span \($0.number) \($0.name) type=\($0.spanType) channels=\($0.totalChannels) alarms=\($0.alarms)" }
            let ok = spans.count == 2 && spans.allSatisfy { $0.totalChannels == 31 && $0.alarms.isEmpty }
            return (ok, detail.joined(separator: "\n"))
        }
        report.check("spans() reports E1 spans 1-31 and 32-62 with D-channels 16 and 47") {
            let spans = try card.spans()
            let ok = spans.map(\.channels) == [1...31, 32...62] && spans.allSatisfy { $0.kind == .e1 }
                && spans.map(\.dChannel) == [layout.dChannel, layout.dChannel + layout.offset]
            return (ok, spans.map { "span \($0.number) \($0.kind) \($0.channels) d=\($0.dChannel.map(String.init) ?? "-")" }.joined(separator: "\n"))
        }
    }

    func checkChannelParameters() {
        let layout = layout
        report.check("DAHDI_GET_PARAMS: signalling, span, position and A-law as configured") {
            let expected: [(Int, ChannelSignalling)] = [
                (layout.clearChannels[0], .clear), (layout.dChannel, .dChannel),
                (layout.fxoPorts[0], .fxsKewlStart), (layout.fxoPorts[0] + layout.offset, .fxoKewlStart),
                (layout.casChannels[0], .cas),
            ]
            var lines: [String] = []
            var ok = true
            for (number, signalling) in expected {
                let channel = try open(number)
                defer { channel.close() }
                let p = try channel.parameters()
                let span = number > layout.offset ? 2 : 1
                let good = p.signalling == signalling && p.span == span && p.position == (number - 1) % layout.offset + 1
                    && channel.audioFormat == .aLaw
                ok = ok && good
                lines.append("channel \(number): \(p.kernelName) sig=\(p.signalling.map(\.rawValue) ?? "?") span=\(p.span) pos=\(p.position) law=\(channel.audioFormat)")
            }
            let blockSize = try open(layout.clearChannels[0]).blockSize()
            lines.append("block size \(blockSize)")
            return (ok && blockSize == 160, lines.joined(separator: "\n"))
        }
    }

    // MARK: Audio

    func checkAudio() {
        let layout = layout
        report.check("audio bit-exact both ways on \(layout.clearChannels.count) clear channel pairs at once (1 s, one poll loop)") {
            let pairs = try layout.clearChannels.map { (try open($0), try open($0 + layout.offset)) }
            defer { pairs.forEach { $0.0.close(); $0.1.close() } }
            let outcomes = try AudioLoop.run(pairs: pairs, bytes: 8000)
            let bad = outcomes.filter { $0.offset == nil }
            let first = outcomes.first.map { "e.g. \($0.writer)->\($0.reader): \($0.bytes) bytes found at offset \($0.offset.map(String.init) ?? "-") of \($0.received)" } ?? ""
            return (bad.isEmpty && outcomes.count == 2 * pairs.count,
                    bad.isEmpty ? first : bad.map { "\($0.writer)->\($0.reader): not found in \($0.received) bytes" }.joined(separator: "\n"))
        }
    }

    func checkLinearAudio() {
        let layout = layout
        report.check("linear mode (DAHDI_SETLINEAR): samples cross as the exact A-law codes, both ways, and A-law again after") {
            let a = try open(layout.clearChannels[1]), b = try open(layout.clearChannels[1] + layout.offset)
            defer { a.close(); b.close() }
            try a.setAudioFormat(.linear16)
            // a (linear) -> b (A-law): the middle of each code's interval must arrive as that code.
            let codes = LoopbackPattern.bytes(count: 4000, seed: 99).filter { !ALaw.isZeroMagnitude($0) }
            let samples = codes.map { ALaw.decode($0) }
            let forward = try OneWayLoop.run(writer: a, payload: samples.withUnsafeBytes { Array($0) }, reader: b)
            let forwardAt = LoopbackPattern.firstIndex(of: codes, in: forward)
            // b (A-law) -> a (linear): each sample must lie in the interval of the code sent.
            let backward = try OneWayLoop.run(writer: b, payload: codes, reader: a)
            let backwardCodes = backward.withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }.map { ALaw.encode($0) }
            let backwardAt = LoopbackPattern.firstIndex(of: codes, in: backwardCodes)
            // Back to A-law: the clear channel carries bytes bit for bit again.
            try a.setAudioFormat(.aLaw)
            let again = try OneWayLoop.run(writer: a, payload: codes, reader: b)
            let againAt = LoopbackPattern.firstIndex(of: codes, in: again)
            return (forwardAt != nil && backwardAt != nil && againAt != nil && a.audioFormat == .aLaw,
                    "\(codes.count) samples: linear->A-law at \(forwardAt.map(String.init) ?? "not found"), "
                        + "A-law->linear at \(backwardAt.map(String.init) ?? "not found"), "
                        + "back in A-law bit-exact at \(againAt.map(String.init) ?? "not found")")
        }
    }

    // MARK: HDLC

    func checkHDLC() {
        let layout = layout
        report.check("HDLC frames cross the D-channel both ways (dchan \(layout.dChannel) <-> \(layout.dChannel + layout.offset))") {
            let a = try open(layout.dChannel), b = try open(layout.dChannel + layout.offset)
            defer { a.close(); b.close() }
            _ = try LineWatcher.watch([a, b], for: .milliseconds(200))
            var lines: [String] = []
            var intact = 0
            for (writer, reader) in [(a, b), (b, a)] {
                for f in 0..<5 {
                    let length = 3 + f * 13   // Q.921-sized frames, with flag and escape bytes inside
                    var frame = LoopbackPattern.bytes(count: length, seed: UInt32(100 + f))
                    frame[0] = 0x7E; frame[length - 1] = 0x7D
                    let got = try HDLCLoop.send(frame, from: writer, to: reader)
                    if got == frame { intact += 1 } else {
                        lines.append("\(writer.info.number)->\(reader.info.number) frame \(f): sent \(length) bytes, got \(got.map { "\($0.count) bytes" } ?? "nothing")")
                    }
                }
            }
            lines.append("\(intact)/10 frames intact (payload + 2 FCS bytes per read)")
            return (intact == 10, lines.joined(separator: "\n"))
        }
    }

    // MARK: Loop-start (kewlstart) signalling over CAS

    func checkLoopStart() {
        let fxoNumber = layout.fxoPorts[0], fxsNumber = layout.fxoPorts[0] + layout.offset
        let fxo: DAHDIChannel, fxs: DAHDIChannel   // fxo: fxsks (FXO port, phone side); fxs: fxoks (FXS port)
        do { fxo = try open(fxoNumber); fxs = try open(fxsNumber) } catch {
            report.check("loop start: open channels \(fxoNumber), \(fxsNumber)", false, detail: "\(error)")
            return
        }
        defer { fxo.close(); fxs.close() }
        _ = try? LineWatcher.watch([fxo, fxs], for: .milliseconds(300))

        report.check("loop start: FXO port \(fxoNumber) seizes (off-hook) -> FXS port \(fxsNumber) sees off-hook") {
            try fxo.setHook(.offHook)
            let seen = try LineWatcher.watch([fxs], for: .seconds(2)) { $0[0].contains(.offHook) }
            let fxsHook = try fxs.hookState(), fxoHook = try fxo.hookState()
            return (seen[0].contains(.offHook) && fxsHook == .offHook && fxoHook == .offHook,
                    LineWatcher.describe([fxs], seen))
        }
        report.check("loop start: FXO port hangs up (on-hook) -> FXS port sees on-hook after the flash time") {
            try fxo.setHook(.onHook)
            let seen = try LineWatcher.watch([fxs], for: .seconds(3)) { $0[0].contains(.onHook) }
            let fxsHook = try fxs.hookState()
            return (seen[0].contains(.onHook) && fxsHook == .onHook, LineWatcher.describe([fxs], seen))
        }
        report.check("loop start: FXS port rings -> FXO port detects ringing, ringer cadence reported") {
            _ = try LineWatcher.watch([fxo, fxs], for: .milliseconds(200))
            try fxs.setHook(.ring)
            let seen = try LineWatcher.watch([fxo, fxs], for: .seconds(4)) {
                $0[0].contains(.ringDetected) && ($0[1].contains(.ringerOff) || $0[1].contains(.ringerOn))
            }
            let ok = seen[0].contains(.ringBegin) || seen[0].contains(.ringDetected)
            return (ok && (seen[1].contains(.ringerOn) || seen[1].contains(.ringerOff)), LineWatcher.describe([fxo, fxs], seen))
        }
        report.check("loop start: FXO port answers (off-hook) -> FXS port sees off-hook (ring trip)") {
            try fxo.setHook(.offHook)
            let seen = try LineWatcher.watch([fxs, fxo], for: .seconds(2)) { $0[0].contains(.offHook) }
            return (seen[0].contains(.offHook), LineWatcher.describe([fxs, fxo], seen))
        }
        report.check("loop start: audio bit-exact both ways on the answered call") {
            let outcomes = try AudioLoop.run(pairs: [(fxo, fxs)], bytes: 4000)
            return (outcomes.allSatisfy { $0.offset != nil },
                    outcomes.map { "\($0.writer)->\($0.reader): offset \($0.offset.map(String.init) ?? "not found")" }.joined(separator: "\n"))
        }
        report.check("loop start: FXS port disconnects (kewlstart open loop) -> FXO port sees loop-current drop") {
            try fxs.setHook(.onHook)
            let seen = try LineWatcher.watch([fxo], for: .seconds(2)) { $0[0].contains(.loopCurrentDrop) }
            return (seen[0].contains(.loopCurrentDrop), LineWatcher.describe([fxo], seen))
        }
        report.check("loop start: FXO port hangs up -> FXS port sees on-hook") {
            try fxo.setHook(.onHook)
            let seen = try LineWatcher.watch([fxs], for: .seconds(3)) { $0[0].contains(.onHook) }
            let fxoHook = try fxo.hookState()
            return (seen[0].contains(.onHook) && fxoHook == .onHook, LineWatcher.describe([fxs], seen))
        }
    }

    func checkEventPendingRefusesAudio() {
        let fxoNumber = layout.fxoPorts[1], fxsNumber = layout.fxoPorts[1] + layout.offset
        report.check("read returns event-pending (ELAST) while an event waits, audio again after nextEvent") {
            let fxo = try open(fxoNumber), fxs = try open(fxsNumber)
            defer { fxo.close(); fxs.close() }
            _ = try LineWatcher.watch([fxo, fxs], for: .milliseconds(200))
            try fxo.setHook(.offHook)
            defer { try? fxo.setHook(.onHook) }
            var buffer = [UInt8](repeating: 0, count: 160)
            var sawPending = false, event: LineEvent?, readAfter = false
            let deadline = ContinuousClock.now + .seconds(2)
            while ContinuousClock.now < deadline, !readAfter {
                let result = try buffer.withUnsafeMutableBytes { try fxs.read(into: $0) }
                switch result {
                case .eventPending:
                    sawPending = true
                    event = try fxs.nextEvent()
                case .bytes where sawPending: readAfter = true
                default: try DAHDIPoller(channels: [fxs]).wait(timeout: .milliseconds(20))
                }
            }
            return (sawPending && event == .offHook && readAfter,
                    "event-pending seen: \(sawPending), event: \(event?.description ?? "none"), read after: \(readAfter)")
        }
    }

    func checkCASBits() {
        let rxNumber = layout.casChannels[0], txNumber = layout.casChannels[0] + layout.offset
        report.check("CAS bits (SETTXBITS -> GETRXBITS, masked 0x0f): all 16 ABCD values cross") {
            let rx = try open(rxNumber), tx = try open(txNumber)
            defer { rx.close(); tx.close() }
            var wrong: [String] = []
            for value: UInt8 in [0x0, 0x1, 0x2, 0x4, 0x8, 0xF, 0x5, 0xA, 0x3, 0xC, 0x6, 0x9, 0x7, 0xE, 0xB, 0xD] {
                _ = try rx.drainEvents()
                try tx.setTransmitBits(value)
                var got: UInt8 = 0xFF
                let deadline = ContinuousClock.now + .milliseconds(500)
                while ContinuousClock.now < deadline {
                    got = try rx.receivedBits()
                    if got == value { break }
                    try DAHDIPoller(channels: [rx], interest: [.event]).wait(timeout: .milliseconds(10))
                }
                if got != value { wrong.append("sent \(String(value, radix: 16)) got \(String(got, radix: 16))") }
            }
            return (wrong.isEmpty, wrong.isEmpty ? "16/16 values" : wrong.joined(separator: ", "))
        }
    }

    func checkEchoCanceller() {
        let number = layout.echoCancellerChannel
        report.check("echo canceller (DAHDI_ECHOCANCEL_PARAMS): enable 128 taps on channel \(number), then disable") {
            let channel = try open(number)
            defer { channel.close() }
            try channel.setAudioMode(true)
            try channel.setEchoCanceller(tapLength: 128)   // MG2 takes no parameters
            try channel.setEchoCanceller(tapLength: 0)
            return (true, "")
        }
    }

    func checkErrors() {
        report.check("errors name the operation and errno: channel 999 does not exist") {
            do throws(DAHDIError) {
                _ = try card.openDAHDIChannel(999)
                return (false, "opened channel 999")
            } catch {
                let ok = error.isSameKind(as: .noSuchChannel(0, operation: "")) && error.operation == "DAHDI_SPECIFY"
                return (ok, "\(error)")
            }
        }
        report.check("a closed channel reports closed, not a system error") {
            let channel = try open(layout.clearChannels[0])
            channel.close()
            do throws(ChannelError) {
                _ = try channel.nextEvent()
                return (false, "nextEvent worked after close")
            } catch {
                return (error.code == .closed, "\(error)")
            }
        }
    }

    // MARK: Alarms

    /// Destroys span 2; run it last.
    func checkSpanAlarm() {
        let layout = layout
        report.check("span alarm: destroying span 2 puts span 1 into red alarm, its channels get an alarm event") {
            let channel = try open(layout.clearChannels[0])
            defer { channel.close() }
            let before = try channel.spanStatus().alarms
            _ = try channel.drainEvents()
            try card.destroyDynamicSpan(driver: layout.peerSpanAddress.driver, address: layout.peerSpanAddress.address)
            let seen = try LineWatcher.watch([channel], for: .seconds(5)) { $0[0].contains(.alarm) }
            let after = try card.spanStatus(1).alarms
            return (before.isEmpty && seen[0].contains(.alarm) && after.contains(.red),
                    "span 1 alarms before: \(before), after: \(after)\n" + LineWatcher.describe([channel], seen))
        }
    }
}
