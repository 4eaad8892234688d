import IVRRuntime
import IVRScript
import Testing

/// Drives an `IVRCall` the way a call engine would: keeps the clock, the timers and the
/// current playback, and performs nothing else. Tests press keys, finish prompts and let
/// time pass, then read the actions and the transcript.
struct Harness {
    var call: IVRCall
    var now = ContinuousClock.now
    var timers: [TimerID: ContinuousClock.Instant] = [:]
    var playing: (id: PlaybackID, bargeIn: Bool)?
    /// Every action the call returned, in order.
    var actions: [IVRAction] = []
    /// The file paths of every `play`, one list per action.
    var played: [[String]] = []

    /// Parses `source`; the script must check without errors (prompts are not checked).
    init(_ source: String, tables: [String: CSVTable] = [:], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let file = SourceFile(path: "test.ivr", text: source)
        let (script, parsed) = Parser().parse(file)
        let problems = (parsed + Checker().check(script)).filter { $0.severity == .error }
        try #require(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
        call = IVRCall(script: script, tables: tables)
    }

    init(call: IVRCall) {
        self.call = call
    }

    /// Starts the call at `time` (a Monday 10:00 in office hours by default).
    mutating func start(caller: String = "13800000000", language: String? = nil,
                        at time: CivilDateTime = CivilDateTime(date: CivilDate(year: 2026, month: 11, day: 23), hour: 10, minute: 0)) {
        send(.callStarted(CallInfo(caller: caller, dialled: "4008001234", language: language, localTime: time)))
    }

    @discardableResult
    mutating func send(_ event: IVREvent) -> [IVRAction] {
        let result = call.handle(event, at: now)
        for action in result {
            switch action {
            case .play(let files, let bargeIn, let id):
                playing = (id, bargeIn)
                played.append(files.map(\.path))
            case .stopPlayback(let id):
                if playing?.id == id { playing = nil }
            case .startTimer(let id, let delay):
                timers[id] = now.advanced(by: delay)
            case .cancelTimer(let id):
                timers[id] = nil
            default:
                break
            }
        }
        actions += result
        return result
    }

    /// The current prompt plays to its end.
    mutating func finishPrompt() {
        guard let current = playing else { return }
        playing = nil
        send(.promptFinished(current.id))
    }

    /// Plays prompts to their end until the call waits for something else.
    mutating func finishPrompts() {
        var guardCount = 0
        while playing != nil, guardCount < 100 {
            finishPrompt()
            guardCount += 1
        }
    }

    mutating func press(_ keys: String) {
        for key in keys where key != " " { send(.digit(key)) }
    }

    /// Lets `duration` pass, firing due timers in order.
    mutating func advance(by duration: Duration) {
        let target = now.advanced(by: duration)
        while let (id, deadline) = timers.min(by: { $0.value < $1.value }), deadline <= target {
            now = deadline
            timers[id] = nil
            send(.timerFired(id))
        }
        now = target
    }

    /// The last `play` as file paths.
    var lastPlayed: [String] { played.last ?? [] }
    var transcript: IVRTranscript { call.transcript }
    var endReason: EndReason? { call.transcript.endReason }
}
