import Synchronization
import TelephonyCore

/// A channel of the ``SimulatedCard``: the same contract as a DAHDI channel.
public final class SimulatedChannel: TelephonyChannel, Sendable {
    let card: SimulatedCard
    let endpoint: Endpoint
    public var info: ChannelInfo { endpoint.info }

    init(card: SimulatedCard, endpoint: Endpoint) {
        self.card = card
        self.endpoint = endpoint
    }

    deinit { close() }

    public var audioFormat: AudioFormat { endpoint.format }

    public func setAudioFormat(_ format: AudioFormat) throws(ChannelError) {
        try checkOpen("setAudioFormat")
        guard info.portKind != .dChannel else {
            throw ChannelError(.unsupported, operation: "setAudioFormat", channel: info.number)
        }
        endpoint.format = format
    }

    public func setHook(_ command: HookCommand) throws(ChannelError) {
        let number = info.number
        let kind = info.portKind
        let timing = card.timing
        let result: ChannelError? = card.state.withLock { state in
            guard state.ports[number]?.isOpen == true else {
                return ChannelError(.closed, operation: "setHook(\(command))", channel: number)
            }
            guard let index = state.ports[number]!.line else {
                return ChannelError(.unsupported, operation: "setHook(\(command))", channel: number)
            }
            let now = state.frame
            switch (kind, command) {
            case (.fxs, .ring):
                if !state.lines[index].effectiveLoopClosed(at: now) {
                    state.lines[index].ringCadence = state.ports[number]!.ringCadenceFrames
                    state.lines[index].ringStartFrame = now + 1
                }
            case (.fxs, .ringOff):
                state.lines[index].ringCadence = nil
            case (.fxs, .onHook):
                state.lines[index].ringCadence = nil
                state.lines[index].batteryOffUntil = now + 1 + timing.kewlFrames
            case (.fxs, .offHook):
                state.lines[index].batteryOffUntil = nil
            case (.fxo, .offHook):
                state.lines[index].loopClosed = true
            case (.fxo, .onHook):
                state.lines[index].loopClosed = false
                state.lines[index].flashUntil = nil
            case (.fxo, .flash):
                guard state.lines[index].loopClosed else {
                    return ChannelError(.invalidArgument, operation: "setHook(flash) while on hook", channel: number)
                }
                state.lines[index].flashUntil = now + 1 + timing.flashFrames
            default:
                return ChannelError(.unsupported, operation: "setHook(\(command)) on an \(kind) port", channel: number)
            }
            return nil
        }
        if let result { throw result }
    }

    public func hookState() throws(ChannelError) -> HookState {
        let number = info.number
        let state: HookState?? = card.state.withLock { state in
            guard state.ports[number]?.isOpen == true else { return .none }
            return .some(state.hookState(of: number))
        }
        guard let open = state else { throw ChannelError(.closed, operation: "hookState", channel: number) }
        guard let hook = open else { throw ChannelError(.unsupported, operation: "hookState", channel: number) }
        return hook
    }

    public func setPolarity(reversed: Bool) throws(ChannelError) {
        let number = info.number
        let error: ChannelError? = card.state.withLock { state in
            guard state.ports[number]?.isOpen == true else { return ChannelError(.closed, operation: "setPolarity", channel: number) }
            guard info.portKind == .fxs, let index = state.ports[number]!.line else {
                return ChannelError(.unsupported, operation: "setPolarity", channel: number)
            }
            state.lines[index].polarityReversed = reversed
            return nil
        }
        if let error { throw error }
    }

    public func nextEvent() throws(ChannelError) -> LineEvent? {
        let number = info.number
        let result: Result<LineEvent?, ChannelError> = card.state.withLock { state in
            guard state.ports[number]?.isOpen == true else {
                return .failure(ChannelError(.closed, operation: "nextEvent", channel: number))
            }
            if state.ports[number]!.events.isEmpty { return .success(nil) }
            endpoint.pendingEvents.subtract(1, ordering: .releasing)
            return .success(state.ports[number]!.events.removeFirst())
        }
        return try result.get()
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ChannelError) -> ChannelIO {
        if info.portKind == .dChannel { return try readHDLC(into: buffer) }
        let format = endpoint.format
        guard buffer.count >= format.bytesPerFrame else {
            throw ChannelError(.invalidArgument, operation: "read: buffer smaller than a frame", channel: info.number)
        }
        if endpoint.pendingEvents.load(ordering: .acquiring) > 0 { return .eventPending }
        guard endpoint.rx.count > 0 else { return .wouldBlock }
        if format == .linear16 {
            // Pop the coded frame into the back half, then expand in place from the front.
            let coded = UnsafeMutableRawBufferPointer(rebasing: buffer[AudioFrame.samples..<(2 * AudioFrame.samples)])
            guard endpoint.rx.pop(into: coded) else { return .wouldBlock }
            WireCodec.decode(coded, law: endpoint.wireLaw, into: buffer)
        } else {
            guard endpoint.rx.pop(into: buffer) else { return .wouldBlock }
            if format != endpoint.wireLaw {
                WireCodec.transcode(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<AudioFrame.samples]), from: endpoint.wireLaw, to: format)
            }
        }
        return .bytes(format.bytesPerFrame)
    }

    public func write(_ buffer: UnsafeRawBufferPointer) throws(ChannelError) -> ChannelIO {
        if info.portKind == .dChannel { return try writeHDLC(buffer) }
        let format = endpoint.format
        guard buffer.count >= format.bytesPerFrame else {
            throw ChannelError(.invalidArgument, operation: "write: buffer smaller than a frame", channel: info.number)
        }
        guard endpoint.tx.count < endpoint.tx.capacity else { return .wouldBlock }
        if format == endpoint.wireLaw {
            endpoint.tx.push(UnsafeRawBufferPointer(rebasing: buffer[0..<AudioFrame.samples]))
        } else {
            // Encode on the stack: 160 bytes, no heap allocation.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: AudioFrame.samples) { coded in
                let bytes = UnsafeMutableRawBufferPointer(coded)
                if format == .linear16 {
                    WireCodec.encode(buffer, law: endpoint.wireLaw, into: bytes)
                } else {
                    bytes.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[0..<AudioFrame.samples]))
                    WireCodec.transcode(bytes, from: format, to: endpoint.wireLaw)
                }
                endpoint.tx.push(UnsafeRawBufferPointer(bytes))
            }
        }
        return .bytes(format.bytesPerFrame)
    }

    private func readHDLC(into buffer: UnsafeMutableRawBufferPointer) throws(ChannelError) -> ChannelIO {
        let number = info.number
        let result: Result<ChannelIO, ChannelError> = card.state.withLock { state in
            guard state.ports[number]?.isOpen == true else { return .failure(ChannelError(.closed, operation: "read", channel: number)) }
            guard state.ports[number]!.events.isEmpty else { return .success(.eventPending) }
            guard !state.ports[number]!.hdlcIn.isEmpty else { return .success(.wouldBlock) }
            let frame = state.ports[number]!.hdlcIn.removeFirst()
            guard frame.count <= buffer.count else {
                return .failure(ChannelError(.invalidArgument, operation: "read: HDLC frame of \(frame.count) bytes", channel: number))
            }
            frame.withUnsafeBytes { buffer.copyMemory(from: $0) }
            return .success(.bytes(frame.count))
        }
        return try result.get()
    }

    private func writeHDLC(_ buffer: UnsafeRawBufferPointer) throws(ChannelError) -> ChannelIO {
        let number = info.number
        guard buffer.count >= 3 else {
            throw ChannelError(.invalidArgument, operation: "write: HDLC frame needs a byte and two FCS bytes", channel: number)
        }
        let frame = [UInt8](buffer)
        let error: ChannelError? = card.state.withLock { state in
            guard state.ports[number]?.isOpen == true else { return ChannelError(.closed, operation: "write", channel: number) }
            state.ports[number]!.hdlcOut.append(frame)
            return nil
        }
        if let error { throw error }
        return .bytes(buffer.count)
    }

    public func setTransmitBits(_ bits: UInt8) throws(ChannelError) {
        let number = info.number
        let error: ChannelError? = card.state.withLock { state in
            guard state.ports[number]?.isOpen == true else { return ChannelError(.closed, operation: "setTransmitBits", channel: number) }
            guard info.portKind == .cas else { return ChannelError(.unsupported, operation: "setTransmitBits", channel: number) }
            state.ports[number]!.transmitBits = bits & 0x0F
            return nil
        }
        if let error { throw error }
    }

    public func receivedBits() throws(ChannelError) -> UInt8 {
        let number = info.number
        let result: Result<UInt8, ChannelError> = card.state.withLock { state in
            guard state.ports[number]?.isOpen == true else { return .failure(ChannelError(.closed, operation: "receivedBits", channel: number)) }
            guard info.portKind == .cas else { return .failure(ChannelError(.unsupported, operation: "receivedBits", channel: number)) }
            return .success(state.ports[number]!.receivedBits & 0x0F)
        }
        return try result.get()
    }

    private func checkOpen(_ operation: String) throws(ChannelError) {
        let number = info.number
        guard card.state.withLock({ $0.ports[number]?.isOpen == true }) else {
            throw ChannelError(.closed, operation: operation, channel: number)
        }
    }

    public func close() {
        let number = info.number
        card.state.withLock { state in
            guard state.ports[number]?.isOpen == true else { return }
            state.ports[number]!.isOpen = false
            state.ports[number]!.events.removeAll()
            state.ports[number]!.hdlcIn.removeAll()
            endpoint.pendingEvents.store(0, ordering: .releasing)
        }
    }
}
