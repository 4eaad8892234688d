import CallEngine
import IVRRuntime
import IVRService
import Media
import Synchronization

/// What the simulated caller can see of the script running its call: the transcript, what the
/// script waits for, and the recordings written. Updated after every event and timer.
public struct SessionSnapshot: Sendable, Hashable {
    public var transcript = IVRTranscript()
    public var keyWait: KeyWait?
    public var isRecording = false
    public var recordings: [String] = []
    /// Whether a session was ever started (the call was answered and routed to the script).
    public var started = false

    public init() {}
}

/// Holds the latest ``SessionSnapshot`` of the calls on one line; shared between the call engine
/// (which runs the session, on its tick) and the caller watching it (`offhook simulate`, the
/// daemon's control socket).
///
/// - Complexity: a lock and a copy of the transcript per update; never on the media path.
public final class SessionProbe: Sendable {
    private let state = Mutex(SessionSnapshot())

    public init() {}

    /// What the script showed last.
    public var snapshot: SessionSnapshot { state.withLock { $0 } }

    /// Forgets the last call (a new one is about to ring).
    public func reset() { state.withLock { $0 = SessionSnapshot() } }

    func update(_ session: IVRSession) {
        state.withLock {
            $0.transcript = session.transcript
            $0.keyWait = session.call.keyWait
            $0.isRecording = session.call.isRecording
            $0.recordings = session.recordings
            $0.started = true
        }
    }
}

/// An ``IVRSession`` that reports to a probe after every step; otherwise the same session.
struct ProbedSession: CallSessionLogic {
    var session: IVRSession
    let probe: SessionProbe

    var nextDeadline: Duration? { session.nextDeadline }
    var path: [String] { session.path }

    mutating func handle(_ event: SessionEvent, call: Call, at now: Duration) -> [SessionAction] {
        defer { probe.update(session) }
        return session.handle(event, call: call, at: now)
    }

    mutating func advance(to now: Duration, call: Call) -> [SessionAction] {
        defer { probe.update(session) }
        return session.advance(to: now, call: call)
    }

    mutating func queueAnnouncement(position: Int, expectedWait: Duration?, at now: Duration) -> PromptAudio? {
        defer { probe.update(session) }
        return session.queueAnnouncement(position: position, expectedWait: expectedWait, at: now)
    }
}

/// The IVR application with the sessions of watched calls probed; other calls run the plain
/// session.
public struct ProbedApplication: CallApplication {
    let application: IVRApplication
    let probe: @Sendable (Call) -> SessionProbe?

    /// Probes every call's session with `probe`.
    public init(application: IVRApplication, probe: SessionProbe) {
        self.application = application
        self.probe = { _ in probe }
    }

    /// Probes each call's session with the probe `probe(call)` picks (e.g. by the call's
    /// channel), or not at all when it returns `nil`.
    public init(application: IVRApplication, probe: @escaping @Sendable (Call) -> SessionProbe?) {
        self.application = application
        self.probe = probe
    }

    public func makeSession(for call: Call, route: CallRouter.Route) -> (any CallSessionLogic)? {
        guard let made = application.makeSession(for: call, route: route) else { return nil }
        guard let session = made as? IVRSession, let probe = probe(call) else { return made }
        return ProbedSession(session: session, probe: probe)
    }
}
