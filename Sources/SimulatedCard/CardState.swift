import TelephonyCore

/// Everything about the simulated card that changes, guarded by the card's lock.
struct CardState: Sendable {
    var frame = 0
    var ports: [Int: PortState]
    var lines: [AnalogLine] = []
    var phones: [DeviceState] = []
    var exchanges: [DeviceState] = []
    var spans: [Int: SpanState] = [:]
    /// Line slots no longer in use (an FXO port's own line, after it was cabled to an FXS port).
    var retiredLines: Set<Int> = []
    /// One frame of scratch audio, allocated once.
    var scratch = [UInt8](repeating: 0, count: AudioFrame.samples)
    /// A second frame of scratch audio, for faulty cables (see `CableFault`).
    var faultScratch = [UInt8](repeating: 0, count: AudioFrame.samples)

    init(ports: [Int: PortState]) {
        self.ports = ports
    }

    /// Gives every FXS port a phone and every FXO port an exchange line.
    mutating func attachDefaultDevices() {
        for number in ports.keys.sorted() {
            switch ports[number]!.info.portKind {
            case .fxs:
                phones.append(DeviceState(line: lines.count))
                ports[number]!.line = lines.count
                lines.append(AnalogLine(exchangeEnd: .port(number), phoneEnd: .phone(phones.count - 1)))
            case .fxo:
                exchanges.append(DeviceState(line: lines.count))
                ports[number]!.line = lines.count
                lines.append(AnalogLine(exchangeEnd: .exchange(exchanges.count - 1), phoneEnd: .port(number)))
            default:
                break
            }
        }
    }

    // MARK: Queries

    func hookState(of number: Int) -> HookState? {
        guard let port = ports[number], let index = port.line else { return nil }
        let line = lines[index]
        switch port.info.portKind {
        case .fxs: return line.reportedLoopClosed ? .offHook : .onHook
        case .fxo: return line.loopClosed ? .offHook : .onHook
        default: return nil
        }
    }

    func isRinging(_ number: Int) -> Bool {
        guard let index = ports[number]?.line else { return false }
        return lines[index].ringCadence != nil
    }

    func alarms(ofSpan number: Int, kind: SpanInfo.Kind) -> SpanAlarms {
        guard kind != .analog, let span = spans[number] else { return [] }
        if span.isShut { return .notOpen }
        guard let peer = span.cabledTo, let peerState = spans[peer] else { return .red }
        return peerState.isShut ? .red : []
    }

    // MARK: The tick

    /// Advances every loop, moves one frame of audio on every path, and carries D-channel
    /// frames and CAS bits across cabled spans.
    mutating func step(card: SimulatedCard) {
        for index in lines.indices where !retiredLines.contains(index) {
            let edges = lines[index].step(at: frame, timing: card.timing)
            for event in edges.toExchange { post(event, to: lines[index].exchangeEnd, card: card) }
            for event in edges.toPhone { post(event, to: lines[index].phoneEnd, card: card) }
            let line = lines[index]
            if case .exchange(let i) = line.exchangeEnd, let at = exchanges[i].pendingCallerIDAt, frame >= at {
                exchanges[i].outgoing.insert(contentsOf: exchanges[i].pendingCallerID, at: exchanges[i].outgoingIndex)
                exchanges[i].pendingCallerID = []
                exchanges[i].pendingCallerIDAt = nil
            }
            // Towards the phone, audio flows whenever battery is applied (on-hook transmission
            // carries caller ID between rings); towards the exchange only while the loop is up.
            let battery = line.batteryOn(at: frame)
            let loopUp = line.effectiveLoopClosed(at: frame) && battery
            if let fault = line.fault, case .port(let fxs) = line.exchangeEnd, case .port(let fxo) = line.phoneEnd {
                moveFaultyAudio(fxs: fxs, fxo: fxo, fault: fault, forward: battery, backward: loopUp, card: card)
                continue
            }
            moveAudio(from: line.exchangeEnd, to: line.phoneEnd, connected: battery, card: card)
            moveAudio(from: line.phoneEnd, to: line.exchangeEnd, connected: loopUp, card: card)
            if case .exchange(let i) = line.exchangeEnd, exchanges[i].dialService != nil {
                stepDialService(exchange: i, line: index, seized: loopUp)
            }
        }
        stepDigitalSpans(card: card)
    }

    /// Runs the exchange's dial service on the frame the port just sent (in `scratch`).
    private mutating func stepDialService(exchange i: Int, line index: Int, seized: Bool) {
        let ringing = lines[index].ringCadence != nil || exchanges[i].pendingCallerIDAt != nil
        let action = scratch.withUnsafeBytes { heard in
            exchanges[i].dialService!.step(frame: frame, seized: seized, ringing: ringing, heard: heard)
        }
        switch action {
        case .none:
            break
        case .playLoop(let tone):
            exchanges[i].outgoing.removeAll(keepingCapacity: true)
            exchanges[i].outgoingIndex = 0
            exchanges[i].loopTone = tone
        case .silence:
            exchanges[i].outgoing.removeAll(keepingCapacity: true)
            exchanges[i].outgoingIndex = 0
            exchanges[i].loopTone = []
        case .dropLoopCurrent:
            exchanges[i].loopTone = []
            lines[index].batteryOffUntil = frame + 1 + Duration.milliseconds(600).wholeFrames   // as `disconnect(by: .loopCurrentDrop())`
        }
    }

    /// Queues an event on an open port and counts it for lock-free `read`.
    mutating func post(_ event: LineEvent, toPort number: Int, card: SimulatedCard) {
        guard ports[number]?.isOpen == true else { return }
        ports[number]!.events.append(event)
        card.endpoints[number]?.pendingEvents.add(1, ordering: .releasing)
    }

    private mutating func post(_ event: LineEvent, to end: AnalogLine.End, card: SimulatedCard) {
        switch end {
        case .port(let n): post(event, toPort: n, card: card)
        case .phone(let i): phones[i].events.append(event)
        case .exchange(let i): exchanges[i].events.append(event)
        }
    }

    /// Takes one frame from `source` and gives it to `sink` (idle when not connected).
    private mutating func moveAudio(from source: AnalogLine.End, to sink: AnalogLine.End, connected: Bool, card: SimulatedCard) {
        let idle: UInt8 = 0xFF
        scratch.withUnsafeMutableBytes { frame in
            var got = false
            switch source {
            case .port(let n):
                if let endpoint = card.endpoints[n] { got = endpoint.tx.pop(into: frame) }
            case .phone(let i):
                got = phones[i].takeFrame(into: frame)
            case .exchange(let i):
                got = exchanges[i].takeFrame(into: frame)
            }
            if !got || !connected { frame.initializeMemory(as: UInt8.self, repeating: idle) }
        }
        switch sink {
        case .port(let n):
            if ports[n]?.isOpen == true, let endpoint = card.endpoints[n] {
                scratch.withUnsafeBytes { _ = endpoint.rx.push($0) }
            }
        case .phone(let i):
            if connected, let line = phones[i].line, lines[line].loopClosed || !scratchIsIdle { phones[i].hear(scratch) }
        case .exchange(let i):
            if connected { exchanges[i].hear(scratch) }
        }
    }

    /// Whether the scratch frame is all idle code (nothing worth recording).
    private var scratchIsIdle: Bool {
        scratch.allSatisfy { $0 == 0xFF }
    }

    private mutating func stepDigitalSpans(card: SimulatedCard) {
        for span in card.layout.spans where span.kind != .analog {
            let alarms = alarms(ofSpan: span.number, kind: span.kind)
            if alarms != spans[span.number]?.reportedAlarms {
                let wasInAlarm = !(spans[span.number]?.reportedAlarms ?? []).isEmpty
                spans[span.number]?.reportedAlarms = alarms
                if wasInAlarm != !alarms.isEmpty {
                    for channel in span.channels { post(alarms.isEmpty ? .noAlarm : .alarm, toPort: channel.number, card: card) }
                }
            }
            let peer = alarms.isEmpty ? spans[span.number]?.cabledTo.flatMap { n in card.layout.spans.first { $0.number == n } } : nil
            for channel in span.channels {
                let position = channel.number - span.firstChannel
                let peerChannel = peer.flatMap { p in p.channels.first { $0.number - p.firstChannel == position } }
                carry(from: channel.number, to: peerChannel?.number, card: card)
            }
        }
    }

    /// Carries one frame (or queued HDLC frames, or CAS bits) from a digital channel to its peer.
    private mutating func carry(from number: Int, to peer: Int?, card: SimulatedCard) {
        guard let port = ports[number] else { return }
        switch port.info.portKind {
        case .dChannel:
            let frames = port.hdlcOut
            ports[number]!.hdlcOut.removeAll(keepingCapacity: true)
            if let peer, ports[peer]?.isOpen == true, ports[peer]?.info.portKind == .dChannel {
                ports[peer]!.hdlcIn.append(contentsOf: frames)
            }
        default:
            if let peer, port.info.portKind == .cas || ports[peer]?.info.portKind == .cas {
                let bits = port.transmitBits & 0x0F
                if ports[peer]!.receivedBits != bits {
                    ports[peer]!.receivedBits = bits
                    post(.bitsChanged, toPort: peer, card: card)
                }
            }
            guard let endpoint = card.endpoints[number] else { return }
            scratch.withUnsafeMutableBytes { frame in
                if !endpoint.tx.pop(into: frame) { frame.initializeMemory(as: UInt8.self, repeating: endpoint.idleByte) }
            }
            if let peer {
                if let mask = spans[port.info.span]?.faultyTimeslots[port.info.position], mask != 0 {
                    for i in scratch.indices { scratch[i] ^= mask }
                }
                if ports[peer]?.isOpen == true, let far = card.endpoints[peer] {
                    scratch.withUnsafeBytes { _ = far.rx.push($0) }
                }
            } else if port.isOpen {
                // An unconnected receiver still gets a frame every tick: the idle code.
                scratch.withUnsafeMutableBytes { _ = $0.initializeMemory(as: UInt8.self, repeating: endpoint.idleByte) }
                scratch.withUnsafeBytes { _ = endpoint.rx.push($0) }
            }
        }
    }
}
