import IVRScript

/// One call running one script: a sans-I/O state machine.
///
/// The owner (the call engine, or `offhook simulate`) feeds it events with the current time
/// and performs the actions it returns; the call never blocks, sleeps or reads a clock:
///
/// ```swift
/// var call = IVRCall(script: script, tables: loaded.tables)
/// var actions = call.handle(.callStarted(info), at: clock.now)   // [.play([zh/main/menu], bargeIn: true, id: …)]
/// actions = call.handle(.digit("1"), at: clock.now)               // [.stopPlayback(…), …]
/// ```
///
/// Menus follow VoiceXML's form interpretation: the long prompt plays on entry and the short
/// one on each repeat; a key during a barge-in prompt stops it; the first-key timer starts only
/// when the prompt ends; no-input and no-match have separate counters, reset on each entry,
/// and the handler with the largest count not above the counter runs.
///
/// - Complexity: each event is handled in time proportional to the statements it runs.
public struct IVRCall: Sendable {
    public let script: Script
    /// Tables the runtime answers itself; `lookup` in any other table becomes a `lookup` action.
    public let tables: [String: CSVTable]
    /// The transcript so far.
    public private(set) var transcript = IVRTranscript()
    /// Variables: built-ins, inputs, `set`, `record`, `TABLE.COLUMN`.
    public internal(set) var variables: [String: String] = [:]
    /// The language prompts are played in.
    public internal(set) var language: String

    /// How many no-input or no-match events a menu survives with no handler leaving it.
    public static let safetyRetryLimit = 10
    static let defaultTimeout = Duration.seconds(5)
    static let defaultBetweenKeys = Duration.seconds(3)

    var state = State.notStarted
    var stack: [Frame] = []
    var pending: [IVRAction] = []
    var startInstant: ContinuousClock.Instant?
    var now: ContinuousClock.Instant?
    var startTime = CivilDateTime(date: CivilDate(year: 2000, month: 1, day: 1), hour: 0, minute: 0)
    var nextID = 0
    var isResuming = false
    /// A menu's counters while one of its choices or handlers runs, for when it repeats.
    var suspendedCounters: (block: Int, noInputs: Int, noMatches: Int)?
    var statementBudget = 0
    /// Statements one event may run before the call is ended as a runaway loop.
    static let statementBudgetPerEvent = 1000

    public init(script: Script, tables: [String: CSVTable] = [:]) {
        self.script = script
        self.tables = tables
        self.language = script.defaultLanguage
    }

    /// Whether the script has finished with the call.
    public var isFinished: Bool { transcript.endReason != nil }

    /// Handles one event at time `now` and returns what the owner must do, in order.
    public mutating func handle(_ event: IVREvent, at now: ContinuousClock.Instant) -> [IVRAction] {
        self.now = now
        pending = []
        statementBudget = Self.statementBudgetPerEvent
        guard !isFinished else { return [] }
        switch event {
        case .callStarted(let info):
            start(info, at: now)
        case .digit(let key):
            record(.heard(key))
            digit(key)
        case .promptFinished(let id):
            promptFinished(id)
        case .timerFired(let id):
            timerFired(id)
        case .faxToneDetected:
            record(.faxTone)
            faxTone()
        case .recordingFinished(let id, let file):
            guard case .recording(let expected, let name) = state, expected == id else { break }
            variables[name] = file
            record(.recorded(name: name, file: file))
            resume()
        case .queueResult(let outcome):
            queueResult(outcome)
        case .agentCallEnded:
            guard case .withAgent(let after) = state else { break }
            if let after { goto(after) } else { end(.agent, hangUp: true) }
        case .lookupResult(let row):
            guard case .lookup(let table, let key) = state else { break }
            applyLookup(table: table, key: key, row: row)
            resume()
        case .hangup:
            end(.callerHungUp, hangUp: false)
        }
        return pending
    }

    // MARK: Internals shared by the extensions

    /// What the call is waiting for.
    enum State: Sendable {
        case notStarted
        /// Running statements (transient inside `handle`).
        case running
        /// A step's `play` or `say` is playing.
        case playing(PlaybackID)
        case pausing(TimerID)
        case lookup(table: String, key: String)
        case recording(RecordingID, name: String)
        case queued(after: String?)
        case withAgent(after: String?)
        case menu(MenuState)
        case ended
    }

    /// A list of statements being run, and what happens when it runs out.
    struct Frame: Sendable {
        var statements: [Statement]
        var index = 0
        /// For the outermost frame: the menu to repeat when the list runs out (nil: a dead end).
        var returnsTo: Int?
    }

    mutating func makeID() -> Int {
        nextID += 1
        return nextID
    }

    var elapsed: Duration {
        guard let startInstant, let now else { return .zero }
        return startInstant.duration(to: now)
    }

    mutating func record(_ event: IVRTranscript.Event) {
        transcript.append(event, at: elapsed)
    }

    mutating func emit(_ action: IVRAction) {
        pending.append(action)
    }

    /// Finishes the call, cancelling what is outstanding.
    mutating func end(_ reason: EndReason, hangUp: Bool) {
        cancelOutstanding()
        state = .ended
        stack = []
        transcript.endReason = reason
        record(.ended(reason))
        if hangUp { emit(.hangup(reason)) }
    }

    /// Stops playback and timers that belong to the current state.
    mutating func cancelOutstanding() {
        switch state {
        case .playing(let id): emit(.stopPlayback(id))
        case .pausing(let timer): emit(.cancelTimer(timer))
        case .menu(let menu):
            switch menu.phase {
            case .prompting(let id): emit(.stopPlayback(id))
            case .waiting(let timer), .collecting(let timer): emit(.cancelTimer(timer))
            }
        default: break
        }
    }

    private mutating func start(_ info: CallInfo, at now: ContinuousClock.Instant) {
        guard case .notStarted = state else { return }
        startInstant = now
        startTime = info.localTime
        variables["caller"] = info.caller
        variables["dialled"] = info.dialled
        if let wanted = info.language {
            setLanguage(wanted)
        }
        guard let first = script.blocks.first else {
            end(.scriptError, hangUp: true)
            return
        }
        goto(first.name.value)
    }

    mutating func setLanguage(_ wanted: String) {
        language = wanted
        variables["language"] = wanted
        record(.language(wanted))
    }

    private mutating func faxTone() {
        guard let fax = script.faxBlock?.value else {
            record(.note("no fax branch; tone ignored"))
            return
        }
        switch state {
        case .queued, .withAgent, .ended: return
        default: break
        }
        cancelOutstanding()
        goto(fax)
    }

    private mutating func queueResult(_ outcome: QueueOutcome) {
        guard case .queued(let after) = state else { return }
        switch outcome {
        case .answered(let agent):
            record(.queueResult("answered by \(agent)"))
            state = .withAgent(after: after)
        case .overflow:
            record(.queueResult("overflow"))
            resume()
        case .callerAbandoned:
            record(.queueResult("caller abandoned"))
            end(.callerHungUp, hangUp: false)
        }
    }

    private mutating func promptFinished(_ id: PlaybackID) {
        switch state {
        case .playing(let current) where current == id:
            resume()
        case .menu(var menu):
            guard case .prompting(let current) = menu.phase, current == id else { return }
            startFirstDigitTimer(&menu)
        default:
            break
        }
    }

    private mutating func timerFired(_ id: TimerID) {
        switch state {
        case .pausing(let current) where current == id:
            resume()
        case .menu(let menu):
            menuTimerFired(id, menu)
        default:
            break
        }
    }
}
