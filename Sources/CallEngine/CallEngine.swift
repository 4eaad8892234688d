import Logging
import Media
import Signalling
import TelephonyCore

/// Owns the calls: turns line signalling into calls, routes each incoming call to an
/// application session, performs what the session asks, and tears the call down cleanly when
/// either side hangs up, recording why.
///
/// The engine is driven by the card's clock: ``tick()`` once per frame (or every few frames)
/// takes the media engine's events for every port, advances each port's signalling machine and
/// each session's timers, and carries out their actions. On the simulated card with a manual
/// clock, tests call `card.advance(frames: 1)` then `await engine.tick()` and everything is
/// deterministic.
public actor CallEngine {
    let media: MediaEngine
    let router: CallRouter
    let application: any CallApplication
    let now: @Sendable () -> Duration
    let logger: Logger
    var lines: [FXOLine] = []
    var trunks: [PRITrunk] = []
    var agents: [Int: AgentPhone] = [:]
    var queueRequests: [QueueRequest] = []
    var agentEvents: [AgentPhoneEvent] = []
    /// Tones for the agents' phones (dial, busy, …), from the span's tone zone.
    var tones: PortTones?
    /// Renders caller ID for an agent's phone (FSK or DTMF audio), when a generator is given.
    var callerIDAudio: (@Sendable (CallerID) -> [Int16])?
    /// How a script's `transfer` is carried out (``configureTransfers(_:)``).
    var transferSettings = TransferSettings()
    private var nextCall = 1
    private var finished: [Call] = []
    private var endedCalls: [CallID] = []

    /// - Parameters:
    ///   - time: the card's clock (frames × 20 ms on the simulated card; monotonic time on DAHDI).
    ///   - tones: the tones agents' phones hear (dial, busy, …).
    ///   - callerIDAudio: renders caller ID sent to agents' phones between rings.
    public init(media: MediaEngine, router: CallRouter, application: any CallApplication,
                time: @escaping @Sendable () -> Duration, logger: Logger, tones: PortTones? = nil,
                callerIDAudio: (@Sendable (CallerID) -> [Int16])? = nil) {
        self.media = media
        self.router = router
        self.application = application
        self.now = time
        self.logger = logger
        self.tones = tones
        self.callerIDAudio = callerIDAudio
    }

    /// Takes an FXO port (a line from the exchange) into service.
    public func addLine(_ channel: any TelephonyChannel, configuration: FXOPort.Configuration,
                        analyzers: [any FrameAnalyzer] = []) throws(ChannelError) {
        let leg = try media.attach(channel, analyzers: analyzers)
        lines.append(FXOLine(channel: channel, leg: leg, machine: FXOPort(configuration: configuration)))
    }

    /// The calls in progress.
    public var activeCalls: [Call] { lines.compactMap(\.call) }

    /// The calls that ended since last asked (for the ACD), oldest first.
    public func takeEndedCallIDs() -> [CallID] {
        defer { endedCalls.removeAll() }
        return endedCalls
    }

    /// The calls that ended and were not taken yet, without taking them.
    public var unreportedFinishedCalls: [Call] { finished }

    /// The calls that ended since last asked (for the call-record writer), oldest first.
    public func takeFinishedCalls() -> [Call] {
        defer { finished.removeAll() }
        return finished
    }

    /// Processes everything that happened since the last tick.
    public func tick() {
        let time = now()
        for index in lines.indices {
            for event in lines[index].leg.takeEvents() {
                handle(event, line: index, at: time)
            }
            if lines[index].bearer == nil {
                perform(lines[index].machine.advance(to: time), line: index, at: time)
            }
            if var session = lines[index].session, let call = lines[index].call,
               let due = session.nextDeadline, due <= time {
                let actions = session.advance(to: time, call: call)
                lines[index].session = session
                lines[index].call?.ivrPath = session.path
                perform(actions, line: index, at: time)
            }
        }
        tickAgents(at: time)
        tickTransfers(at: time)
        tickTrunks(at: time)
    }

    /// Gives the line's signalling an input: its FXO machine, or the PRI call on a B-channel.
    func signal(_ input: FXOPort.Input, line index: Int, at time: Duration) {
        if lines[index].bearer != nil {
            signalPRI(input, line: index)
        } else {
            perform(lines[index].machine.handle(input, at: time), line: index, at: time)
        }
    }

    /// Puts a routed incoming call on `line` into its session, answered at `time`; returns the
    /// call as recorded (the FXO and PRI paths differ only in how they signal the answer).
    func take(_ call: Call, route: CallRouter.Route, session: any CallSessionLogic, line index: Int, at time: Duration) -> Call {
        var call = call
        call.route = route.name
        call.state = .answered
        call.answeredAt = time
        lines[index].call = call
        lines[index].session = session
        return call
    }

    /// Hangs up every call (the daemon is stopping).
    public func shutdown() {
        let time = now()
        for index in lines.indices where lines[index].call != nil {
            deliver(.hangup, line: index, at: time)
            signal(.hangUp, line: index, at: time)
            end(line: index, reason: .shutdown, at: time)
        }
    }

    // MARK: Events

    private func handle(_ event: MediaEvent, line index: Int, at time: Duration) {
        switch event {
        case .line(let lineEvent):
            signal(.line(lineEvent), line: index, at: time)
        case .callerID(let number, let name, let dateTime):
            let id = CallerID(number: number, name: name, dateTime: dateTime)
            signal(.callerID(id), line: index, at: time)
        case .tone(let name, let isOn):
            if isOn, let tone = DetectedTone(label: name) {
                signal(.toneDetected(tone), line: index, at: time)
            }
            deliver(.tone(name: name, isOn: isOn), line: index, at: time)
        case .dtmf(let digit):
            deliver(.dtmf(digit), line: index, at: time)
        case .playbackFinished(let id, let completed) where id == Self.dialPlaybackID:
            if completed { signal(.digitsSent, line: index, at: time) }
        case .playbackFinished(let id, let completed):
            deliver(.playbackFinished(id: id, completed: completed), line: index, at: time)
        case .recordingFinished(let id, let samples):
if id == Self.callRecordingID {
                writeCallRecording(samples, line: index)
            } else if lines[index].session == nil, let lingering = lines[index].lingering {
                lines[index].isRecording = false
                var session = lingering.session
                lines[index].lingering = nil
                _ = session.handle(.recordingFinished(id: id, samples: samples), call: lingering.call, at: time)
            } else {
                lines[index].isRecording = false
                deliver(.recordingFinished(id: id, samples: samples), line: index, at: time)
            }
        case .channelFailed(let error):
            logger.error("\(lines[index].channel.info.name): \(error)")
            if lines[index].call != nil {
                deliver(.hangup, line: index, at: time)
                end(line: index, reason: .channelFailed("\(error)"), at: time)
            }
        }
    }

    /// Gives an event to the line's session, if one runs.
    func deliver(_ event: SessionEvent, line index: Int, at time: Duration) {
        guard var session = lines[index].session, let call = lines[index].call else { return }
        let actions = session.handle(event, call: call, at: time)
        lines[index].call?.ivrPath = session.path
        lines[index].session = event == .hangup ? nil : session
        if event == .hangup && lines[index].isRecording {
            // The message so far is kept: stop the recording and hand its samples over later.
            lines[index].lingering = (session, call)
            lines[index].leg.stopRecording()
        }
        if event != .hangup { perform(actions, line: index, at: time) }
    }

    // MARK: Actions

    private func perform(_ actions: [FXOPort.Action], line index: Int, at time: Duration) {
        for action in actions {
            switch action {
            case .setHook(let command):
                do {
                    try lines[index].channel.setHook(command)
                } catch {
                    logger.error("\(lines[index].channel.info.name): \(error)")
                }
            case .sendDigits(let digits):
                sendDigits(digits, line: index, at: time)
            case .report(let event):
                report(event, line: index, at: time)
            }
        }
    }

    private func report(_ event: FXOPort.Event, line index: Int, at time: Duration) {
        let channel = lines[index].channel.info
        switch event {
        case .ringing(let count):
            if count == 1 { lines[index].firstRingAt = time }
        case .callerID:
            break
        case .incomingCall(let id):
            // The call exists from its first ring; it is offered once the rings (and caller ID) are in.
            var call = Call(id: makeCallID(), direction: .inbound, channel: channel,
                            startedAt: lines[index].firstRingAt ?? time)
            if let id {
                call.caller = id.number ?? call.caller
                call.callerName = id.name ?? call.callerName
            }
            guard let route = router.route(channel: channel.number, dialled: call.dialled),
                  let session = application.makeSession(for: call, route: route) else {
                logger.notice("\(channel.name): no route for a call from '\(call.caller)'; not answering")
                lines[index].call = call
                return
            }
            call = take(call, route: route, session: session, line: index, at: time)
            logger.info("\(channel.name): \(call.id) from '\(call.caller)' answered, route \(route.name)")
            signal(.answer, line: index, at: time)
            deliver(.started, line: index, at: time)
        case .callAbandoned:
            if lines[index].call != nil { end(line: index, reason: .callerAbandoned, at: time) }
        case .farEndDisconnected(let method):
            deliver(.hangup, line: index, at: time)
            if lines[index].call != nil { end(line: index, reason: .farEndHungUp(method: "\(method)"), at: time) }
        case .dialling, .connected, .outgoingFailed:
            outgoingReport(event, line: index, at: time)
        }
    }

    private func perform(_ actions: [SessionAction], line index: Int, at time: Duration) {
        let leg = lines[index].leg
        for action in actions {
            switch action {
            case .play(let audio, let id, let bargeIn): leg.play(audio, id: id, bargeIn: bargeIn)
            case .stopPlayback: leg.stopPlayback()
            case .record(let id, let maximum):
                lines[index].isRecording = true
                leg.record(id: id, maximum: maximum)
            case .queue(let name, let maximumWait):
                if let call = lines[index].call {
                    lines[index].call?.queue = name
                    queueRequests.append(QueueRequest(call: call.id, queue: name, callerID: call.caller, maximumWait: maximumWait))
                }
            case .stopRecording: leg.stopRecording()
            case .transfer(let target):
                startTransfer(target, line: index, at: time)
                return
            case .hangUp(let reason):
                lines[index].session = nil
                leg.stopPlayback()
                signal(.hangUp, line: index, at: time)
                end(line: index, reason: .applicationHungUp(reason: reason), at: time)
                return
            }
        }
    }

    /// A new call's identity.
    func makeCallID() -> CallID {
        defer { nextCall += 1 }
        return CallID(nextCall)
    }

    /// Files a call that never reached a line's session (e.g. a PRI call with no route).
    func record(_ call: Call) {
        endedCalls.append(call.id)
        finished.append(call)
    }

    func end(line index: Int, reason: CallEndReason, at time: Duration) {
        guard lines[index].call != nil else { return }
        let reason = endTransfer(line: index, reason: reason, at: time)
        guard var call = lines[index].call else { return }
        lines[index].leg.bridge(to: nil)
        if lines[index].recordingPath != nil { lines[index].leg.stopRecording() }
        callerLeft(call.id)
        endedCalls.append(call.id)
        call.state = .ended
        call.endedAt = time
        call.endReason = reason
        logger.info("\(call.channel.name): \(call.id) ended: \(reason)")
        finished.append(call)
        lines[index].call = nil
        lines[index].session = nil
    }
}
