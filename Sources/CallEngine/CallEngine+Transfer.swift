import Media
import PRI
import Signalling
import TelephonyCore
import TelephonyDSP

/// A script's `transfer`: ringing an extension's phone or dialling out on a free exchange line,
/// bridging the caller on answer, and tearing both legs down when either side hangs up.
///
/// An extension's phone rings with the caller's number as caller ID while the caller hears
/// ringback; it is bridged when lifted. A phone that is off hook or in a call is busy; one not
/// answered within ``TransferSettings/ringTimeout`` gives up. An outside number seizes an idle
/// FXO line, waits for dial tone, sends the digits as DTMF and, analog lines having no answer
/// supervision, bridges the caller once the digits are out (as Asterisk does); the outgoing leg
/// is a call of its own (outbound, ANI = the caller's number, DNIS = the number dialled). A PRI
/// span whose D-channel is up is preferred to analog lines: the number goes in a SETUP on a free
/// B-channel and the caller is bridged on CONNECT. When a transfer fails the caller hears busy
/// or congestion tone for ``TransferSettings/failureToneTime`` and is hung up; the call records
/// the cause.
///
/// Everything here runs in the engine's tick (control side); the media path only plays the
/// tones and DTMF rendered here and bridges legs, as for the ACD.
extension CallEngine {
    /// Sets how transfers are carried out (extension map, ring timeout, outgoing lines).
    public func configureTransfers(_ settings: TransferSettings) {
        transferSettings = settings
    }

    /// The playback id of the DTMF digits an outgoing line sends.
    static let dialPlaybackID = -3

    /// The session asked for a transfer: its part is over, the engine puts the call through.
    func startTransfer(_ target: TransferTarget, line index: Int, at time: Duration) {
        guard let call = lines[index].call else { return }
        lines[index].session = nil
        lines[index].leg.stopPlayback()
        lines[index].call?.transferredTo = target.description
        logger.info("\(call.channel.name): \(call.id) transferred to \(target)")
        switch target {
        case .extension(let number):
            guard let port = transferSettings.port(forExtension: number, agentPorts: agents.keys), agents[port] != nil else {
                failTransfer(line: index, target: target, reason: "\(target) does not exist", tone: .congestion, at: time)
                return
            }
            let phone = agents[port]!
            guard phone.call == nil, phone.machine.state == .idle, phone.machine.hookState == .onHook,
                  transferLine(ringing: port) == nil else {
                failTransfer(line: index, target: target, reason: "\(target) busy", tone: .busy, at: time)
                return
            }
            ringAgent(port: port, for: call.id, callerID: call.caller)
            lines[index].transfer = Transfer(target: target, leg: .phone(port: port),
                                             stage: .ringing(until: time + transferSettings.ringTimeout))
            if let ringback = tones?[.ringback] { lines[index].leg.play(ringback, id: -1, loops: true) }
        case .outside(let number):
            if let out = freePRIBearer() {
                beginOutgoingLeg(line: out, for: index, number: number, at: time)
                if !placePRICall(to: number, callingNumber: call.caller, line: out) {
                    end(line: out, reason: .transferFailed("\(target): '\(number)' cannot be dialled"), at: time)
                }
                return
            }
            guard let out = freeOutgoingLine(besides: index) else {
                failTransfer(line: index, target: target, reason: "\(target): no free line", tone: .congestion, at: time)
                return
            }
            beginOutgoingLeg(line: out, for: index, number: number, at: time)
            signal(.dial(number), line: out, at: time)
        }
    }

    /// Records the outgoing leg's call on line slot `out` (outbound, ANI = the caller's number,
    /// DNIS = `number`) and links it to the caller, who hears ringback meanwhile.
    private func beginOutgoingLeg(line out: Int, for index: Int, number: String, at time: Duration) {
        guard let call = lines[index].call, let target = lines[index].call?.transferredTo else { return }
        lines[out].call = Call(id: makeCallID(), direction: .outbound, channel: lines[out].channel.info,
                               caller: call.caller, dialled: number, startedAt: time)
        lines[out].transferFrom = index
        lines[index].transfer = Transfer(target: .outside(number), leg: .line(index: out), stage: .dialling)
        if let ringback = tones?[.ringback] { lines[index].leg.play(ringback, id: -1, loops: true) }
        logger.info("\(lines[out].channel.info.name): \(lines[out].call!.id) calling '\(number)' for \(call.id) (\(target))")
    }

    /// An idle analog line that transfers may seize, other than the caller's own.
    private func freeOutgoingLine(besides caller: Int) -> Int? {
        lines.indices.first { i in
            i != caller && lines[i].bearer == nil && lines[i].call == nil && lines[i].machine.state == .idle
                && transferSettings.outgoingLines.map { $0.contains(lines[i].channel.info.number) } ?? true
        }
    }

    /// The caller's line whose transfer rings or is bridged to the phone on `port`.
    func transferLine(ringing port: Int) -> Int? {
        lines.indices.first { lines[$0].transfer?.leg == .phone(port: port) }
    }

    /// Plays `tone` to the caller, then hangs up with `reason` (``tickTransfers(at:)``).
    private func failTransfer(line index: Int, target: TransferTarget, reason: String, tone: PortTone, at time: Duration) {
        logger.notice("\(lines[index].channel.info.name): transfer failed: \(reason)")
        lines[index].transfer = Transfer(target: target, leg: nil,
                                         stage: .failing(reason: reason, until: time + transferSettings.failureToneTime))
        lines[index].leg.bridge(to: nil)
        if let audio = tones?[tone] {
            lines[index].leg.play(audio, id: -1, loops: true)
        } else {
            lines[index].leg.stopPlayback()
        }
    }

    // MARK: Inside the tick

    /// Gives up on extensions that rang too long, and hangs up callers whose failure tone ended.
    func tickTransfers(at time: Duration) {
        for index in lines.indices {
            guard let transfer = lines[index].transfer else { continue }
            switch transfer.stage {
            case .ringing(let until) where until <= time:
                if case .phone(let port) = transfer.leg { stopRingingTransfer(port: port) }
                failTransfer(line: index, target: transfer.target, reason: "\(transfer.target) no answer", tone: .congestion, at: time)
            case .failing(let reason, let until) where until <= time:
                lines[index].leg.stopPlayback()
                signal(.hangUp, line: index, at: time)
                end(line: index, reason: .transferFailed(reason), at: time)
            default:
                break
            }
        }
    }

    private func stopRingingTransfer(port: Int) {
        guard agents[port] != nil else { return }
        agents[port]!.call = nil
        performAgent(agents[port]!.machine.handle(.stopRinging, at: now()), port: port)
    }

    /// The phone on `port` was answered: if a transfer rings it, bridge the caller. Returns
    /// whether the phone belonged to a transfer.
    func transferPhoneAnswered(port: Int) -> Bool {
        guard let index = transferLine(ringing: port), case .ringing = lines[index].transfer?.stage else {
            return transferLine(ringing: port) != nil
        }
        lines[index].transfer?.stage = .connected
        lines[index].leg.stopPlayback()
        lines[index].leg.bridge(to: agents[port]!.leg)
        lines[index].call?.agentPort = port
        performAgent(agents[port]!.machine.handle(.farEndAnswered, at: now()), port: port)
        logger.info("\(lines[index].channel.info.name): \(lines[index].call?.id.description ?? "-") connected to port \(port)")
        return true
    }

    /// The phone on `port` hung up: if it took a transfer, the caller is hung up too. Returns
    /// whether the phone belonged to a transfer.
    func transferPhoneHungUp(port: Int) -> Bool {
        guard let index = transferLine(ringing: port), let transfer = lines[index].transfer else { return false }
        agents[port]?.call = nil
        lines[index].transfer = nil
        let time = now()
        signal(.hangUp, line: index, at: time)
        end(line: index, reason: .transferTargetHungUp(transfer.target.description), at: time)
        return true
    }

    /// An outgoing line reported how its dialling went (`.dialling`, `.connected`, `.outgoingFailed`).
    func outgoingReport(_ event: FXOPort.Event, line out: Int, at time: Duration) {
        guard let caller = lines[out].transferFrom else { return }
        switch event {
        case .connected:
            guard lines[caller].transfer?.stage == .dialling else { return }
            lines[caller].transfer?.stage = .connected
            lines[caller].leg.stopPlayback()
            lines[caller].leg.bridge(to: lines[out].leg)
            lines[out].call?.state = .answered
            lines[out].call?.answeredAt = time
            logger.info("\(lines[out].channel.info.name): connected; bridged to \(lines[caller].call?.id.description ?? "-")")
        case .outgoingFailed(let failure):
            let why: String = switch failure {
            case .noDialTone: "no dial tone"
            case .lineBusy: "the line rang in as it was seized"
            case .invalidNumber(let n): "'\(n)' cannot be dialled"
            }
            let target = lines[caller].transfer?.target.description ?? "outside"
            end(line: out, reason: .transferFailed("\(target): \(why)"), at: time)
            signal(.hangUp, line: out, at: time)
        default:
            break
        }
    }

    /// Sends `digits` as DTMF on an outgoing line; `.digitsSent` follows when they are out.
    func sendDigits(_ digits: String, line index: Int, at time: Duration) {
        guard let samples = try? DTMFGenerator.samples(for: digits, onMS: 100, offMS: 100) else {
            signal(.hangUp, line: index, at: time)
            return
        }
        lines[index].leg.play(PromptAudio(samples: samples, name: "dtmf \(digits)"), id: Self.dialPlaybackID)
    }

    /// Ends the other leg of a transfer when one ends; returns the reason to record for the
    /// line ending (a failed transfer keeps its cause even when the caller hangs up during the tone).
    func endTransfer(line index: Int, reason: CallEndReason, at time: Duration) -> CallEndReason {
        var reason = reason
        if let transfer = lines[index].transfer {
            lines[index].transfer = nil
            switch (transfer.leg, transfer.stage) {
            case (_, .failing(let why, _)):
                reason = .transferFailed(why)
            case (.phone(let port)?, .ringing):
                stopRingingTransfer(port: port)
            case (.line(let out)?, _):
                lines[out].transferFrom = nil
                if let call = lines[index].call, lines[out].call != nil {
                    lines[out].leg.stopPlayback()
                    signal(.hangUp, line: out, at: time)
                    end(line: out, reason: .otherLegEnded(call.id), at: time)
                }
            default:
                break       // a bridged phone hears busy tone (callerLeft)
            }
        }
        if let caller = lines[index].transferFrom {
            lines[index].transferFrom = nil
            guard let transfer = lines[caller].transfer, lines[caller].call != nil else { return reason }
            if transfer.stage == .dialling {
                let why: String = if case .transferFailed(let w) = reason { w } else { "\(transfer.target): \(reason)" }
                let busy = lines[index].call?.cause == Int(Q850Cause.userBusy.rawValue)
                failTransfer(line: caller, target: transfer.target, reason: why, tone: busy ? .busy : .congestion, at: time)
            } else {
                lines[caller].transfer = nil
                let method: String? = if case .farEndHungUp(let method) = reason { method } else { nil }
                signal(.hangUp, line: caller, at: time)
                end(line: caller, reason: .transferTargetHungUp(transfer.target.description, method: method), at: time)
            }
        }
        return reason
    }
}
