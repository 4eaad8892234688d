import Media
import PRI
import Signalling
import TelephonyCore

extension CallEngine {
    /// Takes an E1 PRI span into service: incoming calls (SETUP) are routed by their called
    /// number (DNIS) and calling number (ANI), answered on their B-channel, and cleared with a
    /// Q.850 cause either way.
    ///
    /// - Parameters:
    ///   - dChannel: libpri on the span's D-channel (user side towards the exchange, usually).
    ///   - bridge: carries the D-channel's frames when the card gives no descriptor; pumped each tick.
    ///   - bChannels: the span's B-channels, by B-channel number.
    public func addPRISpan(_ span: PRISpanChannels, dChannel: DChannel, bridge: DChannelBridge?,
                           bChannels: [Int: any TelephonyChannel], analyzers: () -> [any FrameAnalyzer] = { [] }) throws(ChannelError) {
        var trunk = PRITrunk(dChannel: dChannel, bridge: bridge, inbox: PRIInbox(dChannel.events), span: span)
        let index = trunks.count
        for (b, channel) in bChannels.sorted(by: { $0.key < $1.key }) {
            let leg = try media.attach(channel, analyzers: analyzers())
            trunk.lineForBChannel[b] = lines.count
            var line = FXOLine(channel: channel, leg: leg, machine: FXOPort())
            line.bearer = PRIBearer(trunk: index, bChannel: b)
            lines.append(line)
        }
        trunks.append(trunk)
    }

    /// Whether each PRI span's D-channel is up, in the order they were added.
    public var priSpansUp: [Bool] { trunks.map(\.isUp) }

    func tickTrunks(at time: Duration) {
        for t in trunks.indices {
            if let bridge = trunks[t].bridge { _ = try? bridge.pump() }
            for event in trunks[t].inbox.take() { handle(event, trunk: t, at: time) }
        }
    }

    private func handle(_ event: PRIEvent, trunk t: Int, at time: Duration) {
        switch event {
        case .dChannelUp:
            trunks[t].isUp = true
            logger.info("PRI span \(trunks[t].span.span): D-channel up")
        case .dChannelDown:
            trunks[t].isUp = false
            logger.warning("PRI span \(trunks[t].span.span): D-channel down")
        case .incomingCall(let incoming):
            guard let index = trunks[t].lineForBChannel[incoming.channel] else {
                trunks[t].dChannel.hangUp(incoming.id, cause: .channelUnacceptable)
                return
            }
            lines[index].bearer?.call = incoming.id
            var call = Call(id: makeCallID(), direction: .inbound, channel: lines[index].channel.info,
                            caller: incoming.calling?.digits ?? "", callerName: incoming.callingName,
                            dialled: incoming.called.digits, startedAt: time)
            guard let route = router.route(channel: call.channel.number, dialled: call.dialled),
                  let session = application.makeSession(for: call, route: route) else {
                logger.notice("PRI: no route for \(incoming); rejected")
                trunks[t].dChannel.hangUp(incoming.id, cause: .unallocatedNumber)
                lines[index].bearer?.call = nil
                call.state = .ended
                call.endedAt = time
                call.cause = Int(Q850Cause.unallocatedNumber.rawValue)
                call.endReason = .noRoute
                record(call)
                return
            }
            call = take(call, route: route, session: session, line: index, at: time)
            trunks[t].dChannel.answer(incoming.id)
            logger.info("\(call.channel.name): \(call.id) from '\(call.caller)' to '\(call.dialled)' answered, route \(route.name)")
            deliver(.started, line: index, at: time)
        case .disconnected(let id, let cause):
            guard let index = lines.firstIndex(where: { $0.bearer?.trunk == t && $0.bearer?.call == id }) else { return }
            lines[index].bearer?.call = nil
            lines[index].call?.cause = Int(cause.rawValue)
            if lines[index].call != nil {
                deliver(.hangup, line: index, at: time)
                end(line: index, reason: priDisconnectReason(line: index, cause: cause), at: time)
            }
        case .answered(let id, _):
            guard let index = lines.firstIndex(where: { $0.bearer?.trunk == t && $0.bearer?.call == id }) else { return }
            priOutgoingAnswered(line: index, at: time)
        case .commandFailed(let id?, let reason):
            guard let index = lines.firstIndex(where: { $0.bearer?.trunk == t && $0.bearer?.call == id }),
                  let caller = lines[index].transferFrom, let target = lines[caller].transfer?.target else { return }
            lines[index].bearer?.call = nil
            end(line: index, reason: .transferFailed("\(target): \(reason)"), at: time)
        case .released(let id, _, _):
            if let index = lines.firstIndex(where: { $0.bearer?.trunk == t && $0.bearer?.call == id }) {
                lines[index].bearer?.call = nil
            }
        default:
            break
        }
    }

    /// The engine asks a PRI bearer to answer or hang up (what `FXOPort` would do on a line).
    func signalPRI(_ input: FXOPort.Input, line index: Int) {
        guard let bearer = lines[index].bearer, let id = bearer.call else { return }
        switch input {
        case .hangUp:
            trunks[bearer.trunk].dChannel.hangUp(id, cause: .normalClearing)
            lines[index].call?.cause = Int(Q850Cause.normalClearing.rawValue)
            lines[index].bearer?.call = nil
        case .answer:
            trunks[bearer.trunk].dChannel.answer(id)
        default:
            break
        }
    }
}
