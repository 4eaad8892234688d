import TelephonyCore

extension SimulatedCard {
    /// Cables an FXS port to an FXO port of the same card, back to back, as an installer does
    /// to test a card: the FXS port rings the FXO port, the FXO port's hook is the FXS port's
    /// phone, and audio crosses while the loop is up. The ports' virtual devices are detached.
    ///
    /// A faulty bench can be modelled: `lossDB` attenuates the audio both ways, and
    /// `echoReturnLossDB` returns each port's own transmission to it that many dB down while the
    /// loop is up (a hybrid's echo). Both are applied to linear samples between the two ports'
    /// G.711 coders; a cable with 0 dB loss and no echo carries the bytes unchanged (bit-exact).
    ///
    /// - Throws: `ChannelError` `.invalidArgument` when the ports are not an FXS and an FXO port
    ///   or a figure is negative or not finite; `.busy` when a port is already cabled.
    public func cable(fxsPort: Int, fxoPort: Int, lossDB: Double = 0, echoReturnLossDB: Double? = nil) throws(ChannelError) {
        guard lossDB.isFinite, lossDB >= 0, echoReturnLossDB.map({ $0.isFinite && $0 >= 0 }) ?? true else {
            throw ChannelError(.invalidArgument, operation: "cable: loss \(lossDB) dB, echo return loss \(echoReturnLossDB.map { "\($0)" } ?? "none") dB: expected finite figures of 0 dB or more")
        }
        let fault = CableFault(lossDB: lossDB, echoReturnLossDB: echoReturnLossDB)
        let error: ChannelError? = state.withLock { state in
            guard let fxs = state.ports[fxsPort], fxs.info.portKind == .fxs, let fxsLine = fxs.line else {
                return ChannelError(.invalidArgument, operation: "cable: channel \(fxsPort) is not an FXS port", channel: fxsPort)
            }
            guard let fxo = state.ports[fxoPort], fxo.info.portKind == .fxo, let fxoLine = fxo.line else {
                return ChannelError(.invalidArgument, operation: "cable: channel \(fxoPort) is not an FXO port", channel: fxoPort)
            }
            for end in [state.lines[fxsLine].phoneEnd, state.lines[fxoLine].exchangeEnd] {
                switch end {
                case .phone(let i): state.phones[i].line = nil
                case .exchange(let i): state.exchanges[i].line = nil
                case .port: return ChannelError(.busy, operation: "cable: port already cabled", channel: fxsPort)
                }
            }
            // Reuse the FXS port's line slot; retire the FXO port's by pointing it nowhere useful.
            state.lines[fxsLine] = AnalogLine(exchangeEnd: .port(fxsPort), phoneEnd: .port(fxoPort))
            state.lines[fxsLine].fault = fault.isNone ? nil : fault
            state.lines[fxoLine] = AnalogLine(exchangeEnd: .exchange(-1), phoneEnd: .phone(-1))
            state.retiredLines.insert(fxoLine)
            state.ports[fxoPort]!.line = fxsLine
            return nil
        }
        if let error { throw error }
    }

    /// Cables two digital spans back to back: each timeslot carries the other's audio, the
    /// D-channels exchange HDLC frames, and CAS bits cross.
    public func cable(span first: Int, to second: Int) throws(ChannelError) {
        let kinds = layout.spans.filter { $0.number == first || $0.number == second }
        guard first != second, kinds.count == 2, kinds.allSatisfy({ $0.kind != .analog }) else {
            throw ChannelError(.invalidArgument, operation: "cable: spans \(first) and \(second) must be two digital spans")
        }
        guard kinds[0].kind == kinds[1].kind else {
            throw ChannelError(.invalidArgument, operation: "cable: span \(first) is \(kinds[0].kind), span \(second) is \(kinds[1].kind)")
        }
        state.withLock { state in
            state.spans[first]?.cabledTo = second
            state.spans[second]?.cabledTo = first
        }
    }

    /// Corrupts what a digital span transmits on one timeslot (1-31), as a bad cable or framer
    /// would: every byte sent is XORed with `mask` (0 repairs it). For testing the pattern test.
    public func setTimeslotFault(span number: Int, timeslot: Int, xorMask mask: UInt8) throws(ChannelError) {
        let found = state.withLock { state -> Bool in
            guard state.spans[number] != nil, (1...31).contains(timeslot) else { return false }
            state.spans[number]!.faultyTimeslots[timeslot] = mask
            return true
        }
        if !found { throw ChannelError(.invalidArgument, operation: "setTimeslotFault: span \(number) timeslot \(timeslot)") }
    }

    /// Shuts a digital span down (stops transmitting) or brings it back; its peer goes into red
    /// alarm while it is shut, as with a pulled cable.
    public func setShut(span number: Int, _ shut: Bool) throws(ChannelError) {
        let found = state.withLock { state -> Bool in
            guard state.spans[number] != nil else { return false }
            state.spans[number]!.isShut = shut
            return true
        }
        if !found { throw ChannelError(.noSuchSpan, operation: "setShut", channel: nil) }
    }

    /// The virtual phone on an FXS port, or `nil` if the port is cabled or not an FXS port.
    public func phone(on fxsPort: Int) -> VirtualPhone? {
        state.withLock { state in
            guard let port = state.ports[fxsPort], port.info.portKind == .fxs, let line = port.line,
                  case .phone(let index) = state.lines[line].phoneEnd, index >= 0 else { return nil }
            return VirtualPhone(card: self, index: index, port: fxsPort)
        }
    }

    /// The virtual exchange line behind an FXO port, or `nil` if the port is cabled or not FXO.
    public func exchangeLine(on fxoPort: Int) -> VirtualExchangeLine? {
        state.withLock { state in
            guard let port = state.ports[fxoPort], port.info.portKind == .fxo, let line = port.line,
                  case .exchange(let index) = state.lines[line].exchangeEnd, index >= 0 else { return nil }
            return VirtualExchangeLine(card: self, index: index, port: fxoPort)
        }
    }
}
