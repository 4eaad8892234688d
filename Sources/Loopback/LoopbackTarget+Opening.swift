import TelephonyCore
import TelephonyDSP

/// Why a loopback target could not be set up: a pair that names the wrong kind of port, a span
/// that is not digital, a channel that would not open.
public struct LoopbackSetupError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension LoopbackTarget {
    /// Opens the channels of the given pairs on `card` and builds the target.
    ///
    /// - Parameters:
    ///   - analogPairs: FXS and FXO channel numbers wired to each other.
    ///   - spanPairs: digital span numbers wired to each other; every B-channel and the
    ///     D-channel of both spans are opened.
    ///   - ringCadence: the ring cadence (on/off ms) of a tone zone, by its code.
    ///   - callerID: what the FXS ports send between rings (the date is the caller's to give).
    /// - Throws: ``LoopbackSetupError`` naming the pair and what is wrong with it.
    public static func open(card: any TelephonyCard, name: String? = nil,
                            advance: @escaping @Sendable (Int) async throws -> Void,
                            analogPairs: [(fxs: Int, fxo: Int)], spanPairs: [(Int, Int)],
                            ringCadence: (String) -> [Int], callerID: CallerIDMessage = AnalogPair.defaultCallerID,
                            limits: LoopbackLimits = LoopbackLimits()) throws(LoopbackSetupError) -> LoopbackTarget {
        let spans: [SpanInfo]
        let channels: [ChannelInfo]
        do {
            spans = try card.spans()
            channels = try card.channelStatus().map(\.info)
        } catch {
            throw LoopbackSetupError("cannot read the card's spans and channels: \(error)")
        }
        func channel(_ number: Int, _ kinds: Set<PortKind>, role: String) throws(LoopbackSetupError) -> any TelephonyChannel {
            guard let info = channels.first(where: { $0.number == number }) else {
                throw LoopbackSetupError("channel \(number) is not configured on the card")
            }
            guard kinds.contains(info.portKind) else {
                throw LoopbackSetupError("channel \(number) is an \(info.portKind) port (\(info.signalling)); the \(role) must be \(kinds.map(\.description).sorted().joined(separator: " or "))")
            }
            do {
                return try card.openChannel(number)
            } catch {
                throw LoopbackSetupError("cannot open channel \(number): \(error)")
            }
        }
        var analog: [AnalogPair] = []
        for (fxs, fxo) in analogPairs {
            let fxsPort = try channel(fxs, [.fxs], role: "first channel of a pair")
            let fxoPort = try channel(fxo, [.fxo], role: "second channel of a pair")
            let zone = spans.first { $0.channels.contains(fxs) }?.toneZone ?? "us"
            analog.append(AnalogPair(fxsPort: fxsPort, fxoPort: fxoPort, ringCadenceMS: ringCadence(zone), zone: zone, callerID: callerID))
        }
        var digital: [SpanPair] = []
        for (first, second) in spanPairs {
            var ends: [SpanEnd] = []
            for number in [first, second] {
                guard let span = spans.first(where: { $0.number == number }) else {
                    throw LoopbackSetupError("span \(number) does not exist on the card")
                }
                guard span.kind != .analog else {
                    throw LoopbackSetupError("span \(number) is analog; a span pair joins two digital spans")
                }
                var bChannels: [Int: any TelephonyChannel] = [:]
                for info in channels where span.channels.contains(info.number) && info.portKind == .bChannel {
                    bChannels[info.position] = try channel(info.number, [.bChannel], role: "B-channel")
                }
                let d = try span.dChannel.map { (n: Int) throws(LoopbackSetupError) in try channel(n, [.dChannel], role: "D-channel") }
                ends.append(SpanEnd(span: number, dChannel: d, bChannels: bChannels))
            }
            digital.append(SpanPair(a: ends[0], b: ends[1]))
        }
        return LoopbackTarget(name: name ?? card.name, advance: advance, analogPairs: analog, spanPairs: digital,
                              card: card, limits: limits)
    }

    /// Closes every channel the target holds.
    public func closeChannels() {
        for pair in analogPairs {
            pair.fxsPort.close()
            pair.fxoPort.close()
        }
        for pair in spanPairs {
            for end in [pair.a, pair.b] {
                end.dChannel?.close()
                for channel in end.bChannels.values { channel.close() }
            }
        }
    }
}
