import AudioFiles
import CallEngine
import IVRRuntime
import IVRScript
import Logging
import Media

/// One call's script, run by the call engine: turns the interpreter's actions into the call's
/// actions (prompts, recordings, hang-up), keeps its timers on the card's clock, and feeds it
/// what happens on the line (keys, fax tone, prompt ends, hang-up).
public struct IVRSession: CallSessionLogic {
    public internal(set) var call: IVRCall
    let prompts: PromptLibrary
    let environment: IVRApplication.Environment
    let tables: [String: CSVTable]
    let language: String?
    private var timers: [TimerID: Duration] = [:]
    var base: (duration: Duration, instant: ContinuousClock.Instant)?
    private var pending: [IVREvent] = []
    /// The key that ends the recording in progress (`record … end key #`).
    private var recordingEndKey: Character?

    init(call: IVRCall, prompts: PromptLibrary, tables: [String: CSVTable], environment: IVRApplication.Environment, language: String?) {
        self.call = call
        self.prompts = prompts
        self.tables = tables
        self.environment = environment
        self.language = language
    }

    /// The recordings written so far (WAV files), oldest first.
    public private(set) var recordings: [String] = []

    /// What the script did so far.
    public var transcript: IVRTranscript { call.transcript }

    /// The names of the menus and blocks the script entered, in order (for the call record).
    public var path: [String] {
        transcript.entries.compactMap { if case .entered(_, let name) = $0.event { name } else { nil } }
    }

    public var nextDeadline: Duration? { timers.values.min() }

    public mutating func handle(_ event: SessionEvent, call record: Call, at now: Duration) -> [SessionAction] {
        if base == nil { base = (now, ContinuousClock.now) }
        switch event {
        case .started:
            let info = CallInfo(caller: record.caller, dialled: record.dialled, language: language,
                                localTime: environment.localTime())
            return run(.callStarted(info), at: now)
        case .dtmf(let digit):
            if call.isRecording, let end = recordingEndKey, digit == end {
                recordingEndKey = nil
                return run(.digit(digit), at: now) + [.stopRecording]
            }
            return run(.digit(digit), at: now)
        case .tone(let name, let isOn):
            return isOn && name == "CNG" ? run(.faxToneDetected, at: now) : []
        case .playbackFinished(let id, _):
            return run(.promptFinished(PlaybackID(id)), at: now)
        case .recordingFinished(let id, let samples):
            recordingEndKey = nil
            let path = "\(environment.recordingDirectory)/\(record.id)-\(id).wav"
            do {
                try WAVWriter.write(samples, to: path)
                recordings.append(path)
            } catch {
                environment.logger.error("recording \(path): \(error)")
            }
            return run(.recordingFinished(RecordingID(id), file: path), at: now)
        case .queueAnswered(let port):
            return run(.queueResult(.answered(agent: String(port))), at: now)
        case .queueOverflowed:
            return run(.queueResult(.overflow), at: now)
        case .agentCallEnded:
            return run(.agentCallEnded, at: now)
        case .hangup:
            _ = run(.hangup, at: now)
            return []
        }
    }

    public mutating func advance(to now: Duration, call record: Call) -> [SessionAction] {
        let due = timers.filter { $0.value <= now }.sorted { $0.value < $1.value }
        var actions: [SessionAction] = []
        for (id, _) in due {
            timers[id] = nil
            actions += run(.timerFired(id), at: now)
        }
        return actions
    }

    /// Gives the interpreter one event (and any answers it asks for at once, such as a table
    /// lookup), returning the call's actions.
    private mutating func run(_ event: IVREvent, at now: Duration) -> [SessionAction] {
        var events = [event]
        var actions: [SessionAction] = []
        while !events.isEmpty {
            let next = events.removeFirst()
            let instant = base!.instant.advanced(by: now - base!.duration)
            for action in call.handle(next, at: instant) {
                switch action {
                case .play(let files, let bargeIn, let id):
                    actions.append(.play(prompts.audio(for: files), id: id.rawValue, bargeIn: bargeIn))
                case .stopPlayback:
                    actions.append(.stopPlayback)
                case .startTimer(let id, let delay):
                    timers[id] = now + delay
                case .cancelTimer(let id):
                    timers[id] = nil
                case .collectDigits:
                    break
                case .record(let id, let maximum, let endKey):
                    recordingEndKey = endKey
                    actions.append(.record(id: id.rawValue, maximum: maximum))
                case .queue(let name, let maximumWait, _):
                    actions.append(.queue(name: name, maximumWait: maximumWait))
                case .transfer(let kind, let number):
                    // The call engine rings the extension or dials out, and bridges on answer.
                    switch kind {
                    case .extension: actions.append(.transfer(.extension(number)))
                    case .outside: actions.append(.transfer(.outside(number)))
                    }
                case .lookup(let table, let key):
                    let row = tables[table]?.row(forKey: key)
                    events.append(.lookupResult(row))
                case .receiveFax:
                    actions.append(.hangUp(reason: "fax"))
                case .hangup(let reason):
                    actions.append(.hangUp(reason: reason.rawValue))
                case .log:
                    break
                }
            }
        }
        return actions
    }
}
