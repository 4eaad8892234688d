import ACD
import ACDService
import CallEngine
import IVRRuntime
import IVRScript
import IVRService
import Logging
import Media
import Signalling
import SimulatedCard
import TelephonyCore
import TelephonyDSP
import ToneZones

/// A caller on a simulated card calling an IVR script: the whole stack `offhook run` uses (the
/// simulated card's FXO port and its exchange line, the media engine with its DTMF, fax-tone,
/// call-progress and caller-ID detectors, the call engine, the IVR application), run on the
/// card's manual clock, much faster than real time.
///
/// The caller acts only through the line, as a person would: the exchange rings the port (with
/// FSK caller ID between the first two rings), keys go down the line as DTMF
/// audio and are heard by the port's DTMF receiver, a fax machine sends its calling tone, and
/// hanging up drops loop current.
///
/// ```swift
/// let simulation = try await IVRSimulation(script: "IVRScripts/hotline.ivr", options: .init(caller: "13800138000"))
/// let result = await simulation.call(keys: try KeyScript(parsing: "1 12345678#"))
/// print(result.text)
/// ```
///
/// Not `Sendable`: one task drives it. Calls follow one another on the same card, so a test can
/// edit and reload the script between calls (``scripts``).
///
/// - Complexity: one card tick, one media pass and one call-engine tick per simulated 20 ms.
public final class IVRSimulation {
    public struct Options: Sendable {
        /// The caller's number, sent as caller ID.
        public var caller: String
        /// The number dialled (picks the route's language like a DNIS); empty on analog lines.
        public var dialled: String
        /// The language the route starts the script in (`nil`: the script's first language).
        public var language: String?
        /// The tone zone of the card (ring cadence, call-progress tones).
        public var zone: String
        /// Where recordings (messages) are written.
        public var recordingDirectory: String
        /// The local time the script sees (office hours).
        public var localTime: @Sendable () -> CivilDateTime
        /// How long the caller waits, once the script listens, before pressing the next group.
        public var keyDelay: Duration
        /// How long the caller speaks when the script records.
        public var messageLength: Duration
        /// The longest a call may last before the caller gives up and hangs up.
        public var timeLimit: Duration
        /// Whether the caller hangs up, rather than wait in silence, when the script listens for
        /// keys and none are left to press.
        public var hangsUpWhenKeysRunOut: Bool
        /// How many agents' phones (FXS ports) serve the script's queues; each agent is ready,
        /// answers `agentAnswerDelay` after its phone starts ringing, and hangs up after
        /// `agentTalkTime`. With none, every queue overflows.
        public var agents: Int
        public var agentAnswerDelay: Duration
        public var agentTalkTime: Duration
        /// How often a caller waiting in a queue hears their place and expected wait (`nil`:
        /// never); 30 s, `offhook run`'s default for `[queue NAME] announce-every`.
        public var announceEvery: Duration?
        public var logger: Logger

        public init(caller: String = "13800138000", dialled: String = "", language: String? = nil, zone: String = "cn",
                    recordingDirectory: String = "/tmp", localTime: @escaping @Sendable () -> CivilDateTime = IVRApplication.systemLocalTime,
                    keyDelay: Duration = .milliseconds(500), messageLength: Duration = .seconds(3),
                    timeLimit: Duration = .seconds(600), hangsUpWhenKeysRunOut: Bool = false, agents: Int = 0, agentAnswerDelay: Duration = .seconds(2),
                    agentTalkTime: Duration = .seconds(5), announceEvery: Duration? = .seconds(30),
                    logger: Logger = Logger(label: "simulate", factory: { _ in SwiftLogNoOpLogHandler() })) {
            self.caller = caller
            self.dialled = dialled
            self.language = language
            self.zone = zone
            self.recordingDirectory = recordingDirectory
            self.localTime = localTime
            self.keyDelay = keyDelay
            self.messageLength = messageLength
            self.timeLimit = timeLimit
            self.hangsUpWhenKeysRunOut = hangsUpWhenKeysRunOut
            self.agents = max(0, agents)
            self.agentAnswerDelay = agentAnswerDelay
            self.agentTalkTime = agentTalkTime
            self.announceEvery = announceEvery
            self.logger = logger
        }
    }

    /// The script failed to load; `diagnostics` are rendered `file:line:col: error: …`.
    public struct ScriptNotLoaded: Error, CustomStringConvertible {
        public var diagnostics: String
        public var description: String { diagnostics }
    }

    /// The language asked for is not one the script declares.
    public struct UnknownLanguage: Error, CustomStringConvertible {
        public var language: String
        public var languages: [String]
        public var description: String {
            "'\(language)' is not one of the script's languages (\(languages.joined(separator: ", ")))"
        }
    }

    public let options: Options
    /// The scripts in service; reload one with `scripts.load(path)` between calls.
    public let scripts: ScriptStore
    let card: SimulatedCard
    let engine: CallEngine
    let line: VirtualExchangeLine
    let probe = SessionProbe()
    private var records: [Call] = []
    private var acd: ACDCoordinator
    var agents: [SimulatedAgent]
    /// Queue events (agents rung, answered, overflow…), oldest first, with the card's time.
    public private(set) var queueEvents: [(event: String, at: Duration)] = []

    /// Loads `script` and brings up the card, engines and the line.
    ///
    /// - Throws: ``ScriptNotLoaded`` when the script has errors, ``UnknownLanguage``, a
    ///   `ToneZones` error for an unknown zone.
    public init(script path: String, options: Options) async throws {
        self.options = options
        scripts = ScriptStore(logger: options.logger)
        let (loaded, diagnostics) = scripts.load(path)
        guard loaded else { throw ScriptNotLoaded(diagnostics: diagnostics) }
        let languages = scripts.entry(for: path)?.loaded.script?.languages.map(\.value) ?? []
        if let language = options.language, !languages.isEmpty, !languages.contains(language) {
            throw UnknownLanguage(language: language, languages: languages)
        }
        let zone = try ToneZones.zone(options.zone)
        let card = SimulatedCard(layout: .simulated(fxsPorts: options.agents, fxoPorts: 1, zone: options.zone))
        let port = options.agents + 1
        let media = MediaEngine()
        card.onTick { _ in media.runPass() }
        self.card = card
        let application = IVRApplication(scripts: scripts, environment: .init(
            logger: options.logger, recordingDirectory: options.recordingDirectory, localTime: options.localTime))
        let route = CallRouter.Route(name: "simulate", channels: [port], target: path, language: options.language)
        engine = CallEngine(media: media, router: CallRouter(routes: [route]),
                            application: ProbedApplication(application: application, probe: probe),
                            time: { .milliseconds(20 * card.frameCount) }, logger: options.logger, tones: PortTones(zone: zone))
        try await engine.addLine(card.openChannel(port), configuration: Self.lineConfiguration(zone),
                                 analyzers: Self.analyzers(zone))
        line = card.exchangeLine(on: port)!

        // The script's queues, served by every agent (longest idle first), overflowing at once
        // when nobody is logged in.
        let agentPorts = Array(stride(from: 1, through: options.agents, by: 1))
        let queues = scripts.entry(for: path)?.loaded.script?.queues ?? []
        let distributor = try CallDistributor(
            queues: queues.map { Queue.Configuration(name: $0.name.value, ringTimeout: .seconds(15), maxWait: $0.maximumWait ?? .seconds(120),
                                                     announceEvery: options.announceEvery, wrapUp: .seconds(2), whenNoAgents: .overflow) },
            agents: agentPorts.map { Agent(port: $0) },
            tiers: queues.flatMap { queue in agentPorts.map { Tier(queue: queue.name.value, agent: $0) } },
            logger: options.logger)
        acd = ACDCoordinator(distributor: distributor, holdMusic: Self.holdMusic(), logger: options.logger)
        agents = []
        for agent in agentPorts {
            try await engine.addAgentPhone(card.openChannel(agent), configuration: .cardDebounced(
                ringCadence: RingCadence(zone: zone) ?? .china, callerID: .afterFirstRing(delay: .milliseconds(500))))
            try await acd.setStatus(.available, ofAgent: agent, engine: engine, at: now)
            agents.append(SimulatedAgent(phone: card.phone(on: agent)!))
        }
    }

    /// What callers waiting in a queue hear: a quiet repeating triad (−20 dBm0), 4 s.
    static func holdMusic() -> PromptAudio? {
        guard let spec = try? ToneSpec(parsing: "523/400,659/400,784/400,0/800") else { return nil }
        var generator = ToneGenerator(spec: spec, level: -20)
        var samples = [Int16](repeating: 0, count: 4 * 8000)
        let count = samples.withUnsafeMutableBufferPointer { generator.generate(into: $0) }
        return PromptAudio(samples: Array(samples.prefix(count)), name: "hold")
    }

    /// The FXO port's configuration `offhook run` uses for exchange lines (CallService).
    public static func lineConfiguration(_ zone: ToneZone) -> FXOPort.Configuration {
        FXOPort.Configuration(ringCadence: RingCadence(zone: zone) ?? .china, callerID: .afterFirstRing,
                              disconnect: .init(loopCurrentDrop: true, polarityReversal: false, tones: [.busy, .congestion]))
    }

    /// The detectors `offhook run` runs on an exchange line (CallService).
    public static func analyzers(_ zone: ToneZone) -> [any FrameAnalyzer] {
        [CallerIDAnalyzer(standard: CallerIDAnalyzer.standard(forZone: zone.code)), DTMFAnalyzer(), FaxToneAnalyzer(),
         CallProgressAnalyzer(zone: zone)]
    }

    // MARK: The clock

    /// Simulated time since the card started.
    public var now: Duration { .milliseconds(20 * card.frameCount) }

    /// One 20 ms frame: the card, the media engine, then the call engine.
    public func step() async {
        card.advance(frames: 1)
        await engine.tick()
        await acd.tick(engine: engine, at: now)
        for (event, _) in acd.takeEvents() { queueEvents.append(("\(event)", now)) }
        records += await engine.takeFinishedCalls()
        for index in agents.indices {
            agents[index].step(at: now, answerAfter: options.agentAnswerDelay, talkFor: options.agentTalkTime)
        }
    }

    func run(frames: Int) async {
        for _ in 0..<frames { await step() }
    }

    static func frames(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 50 + duration.components.attoseconds / 20_000_000_000_000_000)
    }

    // MARK: What the caller does

    /// What the script shows now.
    public var snapshot: SessionSnapshot { probe.snapshot }

    /// Whether the port has answered (the line is off hook).
    public var isAnswered: Bool { line.isAnswered }

    /// What the caller heard from the port on this call (prompts, hold music, the agent), as
    /// 8 kHz linear audio; the last minute at most.
    public var heardAudio: [Int16] { line.heardSamples() }

    /// Whether caller audio (keys, tones, speech) is still going down the line.
    public var isSending: Bool { line.isSending }

    /// Rings the port, with the caller's number as caller ID between the rings.
    public func ring() {
        probe.reset()
        line.clearHeard()
        line.ring(callerIDAudio: CallerAudio.callerID(options.caller, standard: CallerIDAnalyzer.standard(forZone: options.zone)))
    }

    /// Presses `keys` as DTMF audio (80 ms on, 80 ms off).
    public func press(_ keys: String) { try? line.press(keys) }

    /// Sends a fax machine's calling tone (CNG).
    public func sendFaxTone() { line.send(samples: CallerAudio.faxCallingTone()) }

    /// Speaks (a stand-in for a voice) for `duration`.
    public func speak(for duration: Duration) {
        line.send(samples: CallerAudio.speech(milliseconds: Self.frames(duration) * 20))
    }

    /// Hangs up: the exchange drops loop current (or stops ringing before the answer).
    public func hangUp() {
        if line.isAnswered { line.disconnect(by: .loopCurrentDrop()) } else { line.stopRinging() }
    }

    /// The call records of the calls that ended, oldest first.
    public var callRecords: [Call] { records }
}
