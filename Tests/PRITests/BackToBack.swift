import PRI
import Synchronization
import Testing

/// Records a D-channel's events so a test can wait for the one it expects.
final class EventRecorder: Sendable {
    private let events = Mutex<[PRIEvent]>([])
    private let finished = Mutex(false)

    init(_ stream: AsyncStream<PRIEvent>) {
        Task { [self] in
            for await event in stream { self.events.withLock { $0.append(event) } }
            self.finished.withLock { $0 = true }
        }
    }

    struct Timeout: Error, CustomStringConvertible {
        let what: String
        let seen: [PRIEvent]
        var description: String { "timed out waiting for \(what); unconsumed events: \(seen)" }
    }

    /// Waits for the first recorded event `extract` accepts, consumes it and returns the extraction.
    func next<T>(_ what: String, within limit: Duration = .seconds(20), _ extract: (PRIEvent) -> T?) async throws -> T {
        let deadline = ContinuousClock.now + limit
        while true {
            let found: T? = events.withLock { list in
                for (i, e) in list.enumerated() { if let v = extract(e) { list.remove(at: i); return v } }
                return nil
            }
            if let found { return found }
            if ContinuousClock.now > deadline { throw Timeout(what: what, seen: events.withLock { $0 }) }
            try await Task.sleep(for: .milliseconds(1))
        }
    }

    /// Every event not yet consumed.
    var unconsumed: [PRIEvent] { events.withLock { $0 } }
    var isFinished: Bool { finished.withLock { $0 } }
}

/// A network side and a user side wired back to back over a SOCK_SEQPACKET socket pair, as
/// libpri's own testprilib.c does, both with their D-channels up.
struct BackToBack {
    let net: DChannel
    let cpe: DChannel
    let netEvents: EventRecorder
    let cpeEvents: EventRecorder

    static func start(net netConfig: PRIConfiguration = PRIConfiguration(side: .network),
                      cpe cpeConfig: PRIConfiguration = PRIConfiguration(side: .user)) async throws -> BackToBack {
        let (a, b) = try DChannelTransport.makeSocketPair()
        let net = try DChannel(transport: a, configuration: netConfig)
        let cpe = try DChannel(transport: b, configuration: cpeConfig)
        let pair = BackToBack(net: net, cpe: cpe, netEvents: EventRecorder(net.events), cpeEvents: EventRecorder(cpe.events))
        try await pair.netEvents.next("NET D-channel up") { $0 == .dChannelUp ? () : nil }
        try await pair.cpeEvents.next("CPE D-channel up") { $0 == .dChannelUp ? () : nil }
        return pair
    }

    func stop() async throws {
        net.shutdown()
        cpe.shutdown()
        let deadline = ContinuousClock.now + .seconds(2)
        while !(netEvents.isFinished && cpeEvents.isFinished) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(1))
        }
    }
}

extension PRIEvent {
    var incomingCall: IncomingCall? { if case .incomingCall(let c) = self { c } else { nil } }
    func disconnectCause(of id: CallID) -> Q850Cause? { if case .disconnected(id, let c) = self { c } else { nil } }
    func releaseCause(of id: CallID) -> Q850Cause? { if case .released(id, _, let c) = self { c } else { nil } }
    func releasedChannel(of id: CallID) -> Int?? { if case .released(id, let ch, _) = self { ch } else { nil } }
    func alertingChannel(of id: CallID) -> Int?? { if case .alerting(id, let ch) = self { ch } else { nil } }
    func proceedingChannel(of id: CallID) -> Int?? { if case .proceeding(id, let ch) = self { ch } else { nil } }
    func answeredChannel(of id: CallID) -> Int?? { if case .answered(id, let ch) = self { ch } else { nil } }
}
