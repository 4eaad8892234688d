import Media
import Signalling
import TelephonyCore

/// A caller waiting for an agent, as the call engine hands it to the ACD.
public struct QueueRequest: Sendable, Hashable {
    public var call: CallID
    public var queue: String
    public var callerID: String
    public var maximumWait: Duration?
}

extension CallEngine {
    /// Takes an FXS port with an agent's phone into service.
    public func addAgentPhone(_ channel: any TelephonyChannel, configuration: FXSPort.Configuration,
                              analyzers: [any FrameAnalyzer] = []) throws(ChannelError) {
        let leg = try media.attach(channel, analyzers: analyzers)
        agents[channel.info.number] = AgentPhone(channel: channel, leg: leg, machine: FXSPort(configuration: configuration))
    }

    /// The ports of the agents' phones in service.
    public var agentPorts: [Int] { agents.keys.sorted() }

    /// Callers whose scripts asked for a queue since last asked (for the ACD).
    public func takeQueueRequests() -> [QueueRequest] {
        defer { queueRequests.removeAll() }
        return queueRequests
    }

    /// What the agents' phones did since last asked (for the ACD).
    public func takeAgentEvents() -> [AgentPhoneEvent] {
        defer { agentEvents.removeAll() }
        return agentEvents
    }

    /// Rings an agent's phone for `call`, sending the caller's number as caller ID.
    public func ringAgent(port: Int, for call: CallID, callerID: String?) {
        guard agents[port] != nil, transferLine(ringing: port) == nil else { return }
        agents[port]!.call = call
        let id = callerID.map { CallerID(number: $0.isEmpty ? nil : $0, numberAbsence: $0.isEmpty ? .unavailable : nil) }
        performAgent(agents[port]!.machine.handle(.ring(id), at: now()), port: port)
    }

    /// Stops ringing an agent's phone (another agent answered, or the caller left).
    public func stopRingingAgent(port: Int) {
        guard agents[port] != nil else { return }
        agents[port]!.call = nil
        performAgent(agents[port]!.machine.handle(.stopRinging, at: now()), port: port)
    }

    /// Connects a waiting caller to the agent who answered: audio both ways.
    public func bridge(call: CallID, toAgent port: Int) {
        guard let line = lines.firstIndex(where: { $0.call?.id == call }), agents[port] != nil else { return }
        agents[port]!.call = call
        lines[line].leg.stopPlayback()
        lines[line].leg.bridge(to: agents[port]!.leg)
        lines[line].call?.agentPort = port
        performAgent(agents[port]!.machine.handle(.farEndAnswered, at: now()), port: port)
        deliver(.queueAnswered(agentPort: port), line: line, at: now())
    }

    /// Tells a waiting caller's script that the queue overflowed.
    public func overflow(call: CallID) {
        guard let line = lines.firstIndex(where: { $0.call?.id == call }) else { return }
        lines[line].leg.stopPlayback()
        deliver(.queueOverflowed, line: line, at: now())
    }

    /// Plays hold music (looped) or an announcement to a waiting caller.
    public func play(_ audio: PromptAudio, toCall call: CallID, loops: Bool = true) {
        guard let line = lines.firstIndex(where: { $0.call?.id == call }) else { return }
        lines[line].leg.play(audio, id: -1, loops: loops)
    }

    /// Plays a waiting caller the queue announcement their session composes (place in the
    /// queue, expected wait), once, in place of the hold music.
    ///
    /// - Returns: how long the announcement lasts (the owner resumes the hold music after it),
    ///   or `nil` when the call is gone or its session has no announcement (nothing changes:
    ///   the hold music plays on).
    public func announce(toCall call: CallID, position: Int, expectedWait: Duration?) -> Duration? {
        guard let line = lines.firstIndex(where: { $0.call?.id == call }), lines[line].call?.agentPort == nil,
              var session = lines[line].session else { return nil }
        let audio = session.queueAnnouncement(position: position, expectedWait: expectedWait, at: now())
        lines[line].session = session
        guard let audio, !audio.samples.isEmpty else { return nil }
        lines[line].leg.play(audio, id: -1)
        return audio.duration
    }

    // MARK: Inside the tick

    func tickAgents(at time: Duration) {
        for port in agents.keys.sorted() {
            for event in agents[port]!.leg.takeEvents() {
                switch event {
                case .line(let lineEvent):
                    if let input = FXSPort.Input(lineEvent) {
                        performAgent(agents[port]!.machine.handle(input, at: time), port: port)
                    }
                case .dtmf(let digit):
                    performAgent(agents[port]!.machine.handle(.digit(digit), at: time), port: port)
                default:
                    break
                }
            }
            performAgent(agents[port]!.machine.advance(to: time), port: port)
        }
    }

    /// The caller on `call` hung up: the agent hears busy tone (and hangs up).
    func callerLeft(_ call: CallID) {
        for port in agents.keys where agents[port]!.call == call {
            agents[port]!.call = nil
            performAgent(agents[port]!.machine.handle(.farEndDisconnected, at: now()), port: port)
        }
    }

    func performAgent(_ actions: [FXSPort.Action], port: Int) {
        guard let phone = agents[port] else { return }
        for action in actions {
            switch action {
            case .playTone(let tone):
                if let audio = tones?[tone] { phone.leg.play(audio, id: -1, loops: true) }
            case .stopTone:
                phone.leg.stopPlayback()
            case .ringerOn:
                try? phone.channel.setHook(.ring)
            case .ringerOff:
                try? phone.channel.setHook(.ringOff)
            case .openLoop:
                try? phone.channel.setHook(.onHook)
            case .sendCallerID(let id):
                if let samples = callerIDAudio?(id) { phone.leg.play(PromptAudio(samples: samples, name: "caller-id"), id: -1) }
            case .report(let event):
                switch event {
                case .dialled(let digits): agentEvents.append(.dialled(port: port, digits: digits))
                case .answered:
                    if !transferPhoneAnswered(port: port) { agentEvents.append(.answered(port: port)) }
                case .hungUp:
                    if transferPhoneHungUp(port: port) { break }
                    agentEvents.append(.hungUp(port: port))
                    if let call = phone.call { agentLeft(call, port: port) }
                case .offHook, .digit, .flash, .dialTimeout: break
                }
            }
        }
    }

    /// The agent hung up on `call`: the caller goes back to the script.
    private func agentLeft(_ call: CallID, port: Int) {
        agents[port]?.call = nil
        guard let line = lines.firstIndex(where: { $0.call?.id == call }) else { return }
        lines[line].leg.bridge(to: nil)
        deliver(.agentCallEnded, line: line, at: now())
    }
}
