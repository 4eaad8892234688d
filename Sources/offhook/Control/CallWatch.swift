import CallEngine
import IVRService
import IVRSimulator
import Synchronization

/// What the control socket sees of the calls on the exchange lines it rings: each line's IVR
/// session as it runs (a ``SessionProbe`` per line, updated on the call engine's tick) and the
/// call records of the calls that ended there.
///
/// The call service hands its IVR application through ``application(_:)`` and every finished
/// call to ``callEnded(_:)``; the control socket reads them. Nothing here runs on the media path.
final class CallWatch: Sendable {
    /// The session probes, by FXO port.
    let probes: [Int: SessionProbe]
    private let ended = Mutex<[Int: [Call]]>([:])
    private let ready = Atomic<Bool>(false)
    /// How many ended calls are kept per line for a client to collect.
    private static let kept = 8

    /// Watches the calls on `lines` (FXO ports).
    init(lines: [Int]) {
        probes = Dictionary(uniqueKeysWithValues: lines.map { ($0, SessionProbe()) })
    }

    /// `application` with the sessions of calls on the watched lines probed.
    func application(_ application: IVRApplication) -> any CallApplication {
        ProbedApplication(application: application) { [probes] call in probes[call.channel.number] }
    }

    /// Whether the call service has its lines and phones in service (callers may ring).
    var isReady: Bool { ready.load(ordering: .acquiring) }

    /// Says the lines and phones are in service.
    func markReady() { ready.store(true, ordering: .releasing) }

    /// Files the record of a call that ended (calls on other lines are ignored).
    func callEnded(_ call: Call) {
        guard probes[call.channel.number] != nil else { return }
        ended.withLock { $0[call.channel.number, default: []] = ($0[call.channel.number, default: []] + [call]).suffix(Self.kept) }
    }

    /// The records of calls on `line` that ended since last asked, oldest first.
    func takeEnded(line: Int) -> [Call] {
        ended.withLock { $0.removeValue(forKey: line) ?? [] }
    }
}
