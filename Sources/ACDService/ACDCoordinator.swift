import ACD
import CallEngine
import Logging
import Media

/// Connects the ACD's call distributor to the call engine: callers whose scripts say `queue`
/// are enqueued, agents' phones are rung and bridged, feature codes dialled on agents' phones
/// change their status, and callers who wait too long go to their script's overflow branch.
///
/// Both sides are sans-I/O; this is the owner that carries the distributor's actions out on the
/// call engine, once per tick. The distributor runs on `ContinuousClock.Instant`s; the engine on
/// the card's clock (a `Duration`), mapped by a fixed origin.
///
/// Waiting callers hear the hold music, and every `announce-every` the announcement their call's
/// session composes in the caller's language (place in the queue, expected wait; see
/// ``CallEngine/announce(toCall:position:expectedWait:)``) in its place; when the announcement
/// has played, the hold music starts again from its beginning. An agent answering meanwhile
/// cuts the announcement off (the bridge stops the caller's playback) and the music is not
/// resumed.
public struct ACDCoordinator: Sendable {
    public private(set) var distributor: CallDistributor
    private let origin = ContinuousClock.now
    private let holdMusic: PromptAudio?
    private let logger: Logger
    /// Calls hearing an announcement, and when (card time) their hold music resumes.
    private var musicResumes: [Int: Duration] = [:]
    /// Whether a call had no announcement to hear (logged once, not every `announce-every`).
    private var reportedMissingAnnouncement = false
    /// Queue events since last taken (for the call records).
    public private(set) var events: [(CallDistributor.Event, ContinuousClock.Instant)] = []

    /// - Parameter holdMusic: what waiting callers hear (looped by repeating it).
    public init(distributor: CallDistributor, holdMusic: PromptAudio?, logger: Logger) {
        self.distributor = distributor
        self.holdMusic = holdMusic
        self.logger = logger
    }

    private func instant(_ time: Duration) -> ContinuousClock.Instant { origin.advanced(by: time) }

    /// Takes what happened on the engine since the last tick, advances the distributor's timers,
    /// and performs its actions.
    public mutating func tick(engine: CallEngine, at time: Duration) async {
        let now = instant(time)
        var actions: [CallDistributor.Action] = []
        for request in await engine.takeQueueRequests() {
            do {
                actions += try distributor.enqueue(call: request.call.rawValue, callerID: request.callerID,
                                                   queue: request.queue, maxWait: request.maximumWait, at: now)
            } catch {
                logger.error("queue \(request.queue) for \(request.call): \(error); overflow")
                await engine.overflow(call: request.call)
            }
        }
        for event in await engine.takeAgentEvents() {
            switch event {
            case .dialled(let port, let digits): actions += distributor.agentDialled(port: port, digits: digits, at: now)
            case .answered(let port): actions += distributor.agentAnswered(port: port, at: now)
            case .hungUp(let port): actions += distributor.agentHungUp(port: port, at: now)
            }
        }
        for call in await engine.takeEndedCallIDs() {
            musicResumes[call.rawValue] = nil
            actions += distributor.callEnded(call: call.rawValue, at: now)
        }
        actions += distributor.advance(to: now)
        await perform(actions, on: engine, at: time)
        await resumeHoldMusic(on: engine, at: time)
    }

    /// Changes an agent's status by hand (a supervisor's console, or a test), as a feature code would.
    public mutating func setStatus(_ status: Agent.Status, ofAgent port: Int, engine: CallEngine, at time: Duration) async throws(ACDError) {
        let actions = try distributor.setStatus(status, ofAgent: port, at: instant(time))
        await perform(actions, on: engine, at: time)
    }

    /// Queue events since last asked, oldest first.
    public mutating func takeEvents() -> [(CallDistributor.Event, ContinuousClock.Instant)] {
        defer { events.removeAll() }
        return events
    }

    private mutating func perform(_ actions: [CallDistributor.Action], on engine: CallEngine, at time: Duration) async {
        for action in actions {
            switch action {
            case .ringAgent(let port, let call, let callerID):
                await engine.ringAgent(port: port, for: CallID(call), callerID: callerID)
            case .stopRinging(let port):
                await engine.stopRingingAgent(port: port)
            case .bridge(let caller, let agent):
                musicResumes[caller] = nil
                await engine.bridge(call: CallID(caller), toAgent: agent)
            case .playHold(let call, _):
                musicResumes[call] = nil
                if let holdMusic { await engine.play(holdMusic, toCall: CallID(call)) }
            case .announce(let call, let position, let expectedWait):
                await announce(call: call, position: position, expectedWait: expectedWait, on: engine, at: time)
            case .overflow(let call, let reason):
                musicResumes[call] = nil
                logger.info("\(CallID(call)) overflows: \(reason.rawValue)")
                await engine.overflow(call: CallID(call))
            case .confirmFeature(let port, let feature):
                logger.info("agent on port \(port): \(feature)")
            case .rejectFeature(let port, let digits):
                logger.notice("agent on port \(port) dialled '\(digits)': not a feature code now")
            case .report(let event, let at):
                events.append((event, at))
            }
        }
    }

    /// Plays the caller the announcement in place of the hold music and notes when the music
    /// resumes; with no announcement to play, the music plays on.
    private mutating func announce(call: Int, position: Int, expectedWait: Duration?, on engine: CallEngine, at time: Duration) async {
        guard let length = await engine.announce(toCall: CallID(call), position: position, expectedWait: expectedWait) else {
            if !reportedMissingAnnouncement {
                reportedMissingAnnouncement = true
                logger.warning("\(CallID(call)): no queue announcement (its script's queue/… prompts are missing or unreadable in the call's languages); such callers hear the hold music only (logged once)")
            }
            return
        }
        logger.debug("\(CallID(call)): announced position \(position), expected wait \(expectedWait.map { "\($0)" } ?? "unknown")")
        musicResumes[call] = time + length
    }

    /// Starts the hold music again for the callers whose announcement has played out.
    private mutating func resumeHoldMusic(on engine: CallEngine, at time: Duration) async {
        for (call, due) in musicResumes where due <= time {
            musicResumes[call] = nil
            if let holdMusic { await engine.play(holdMusic, toCall: CallID(call)) }
        }
    }
}
