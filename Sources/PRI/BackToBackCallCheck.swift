/// One PRI call placed across two D-channels wired back to back, measured step by step: what
/// the loopback harness and `offhook pri-loop` run after an installer cables two E1 spans.
///
/// The user side calls the network side, which checks the called and calling numbers, alerts
/// and answers; the user side then clears with cause 16 and the network side must see that
/// cause. Each step has to finish within the timeout, or the check fails naming the step.
///
/// ```swift
/// let (a, b) = try DChannelTransport.makeSocketPair()
/// let result = try await BackToBackCallCheck.run(network: a, user: b)
/// print(result.setupTime)                      // SETUP to CONNECT, as the caller saw it
/// ```
public enum BackToBackCallCheck {
    /// What one run measured.
    public struct Result: Sendable, Hashable {
        /// From starting the two D-channels until both reported multiple-frame operation.
        public var linkUpTime: Duration
        /// From placing the call until the caller saw CONNECT.
        public var setupTime: Duration
        /// From the caller's hang-up until both sides released the call.
        public var clearingTime: Duration
        /// The B-channel the network side chose.
        public var channel: Int
        /// The number the network side received as called party (DNIS).
        public var receivedCalledNumber: String
        /// The number the network side received as calling party (ANI).
        public var receivedCallingNumber: String?
        /// The cause the network side received.
        public var receivedCause: Q850Cause
    }

    /// Why a run failed.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The step that did not complete ("D-channel up on the network side", …).
        public var step: String
        /// What was seen instead.
        public var detail: String
        public var description: String { "\(step): \(detail)" }
    }

    /// Runs the check; both transports are consumed (the D-channels close when it ends).
    ///
    /// - Parameters:
    ///   - switchType: the variant both sides speak.
    ///   - called: the number to call; `calling` the number to send as ANI.
    ///   - timeout: the limit for each step.
    /// - Throws: `Failure` naming the first step that failed, or `PRIError` if a D-channel
    ///   could not start.
    public static func run(network: DChannelTransport, user: DChannelTransport, switchType: SwitchType = .euroISDN,
                           called: String = "5550100", calling: String = "5550199",
                           timeout: Duration = .seconds(10), log: @escaping PRILogHandler = { _ in }) async throws -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        let net = try DChannel(transport: network, configuration: PRIConfiguration(side: .network, switchType: switchType), log: log)
        let cpe = try DChannel(transport: user, configuration: PRIConfiguration(side: .user, switchType: switchType), log: log)
        defer {
            net.shutdown()
            cpe.shutdown()
        }
        var events = MergedEvents(network: net.events, user: cpe.events)
        defer { events.finish() }

        try await events.expect("D-channel up on both sides", within: timeout, count: 2) { side, event in
            event == .dChannelUp ? side : nil
        }
        let linkUp = clock.now - start

        let placed = clock.now
        let id = try cpe.placeCall(OutgoingCall(called: PartyNumber(called, numberType: .unknown),
                                                calling: PartyNumber(calling, numberType: .unknown)))
        let incoming = try await events.expectOne("SETUP at the network side", within: timeout) { side, event in
            side == .network ? event.incomingCallValue : nil
        }
        guard incoming.called.digits == called else {
            throw Failure(step: "called number", detail: "sent \(called), received \(incoming.called.digits)")
        }
        net.alert(incoming.id)
        try await events.expectOne("ALERTING at the user side", within: timeout) { side, event in
            if side == .user, case .alerting(id, _) = event { () } else { nil }
        }
        net.answer(incoming.id)
        let answeredChannel = try await events.expectOne("CONNECT at the user side", within: timeout) { side, event -> Int?? in
            if side == .user, case .answered(id, let channel) = event { channel } else { nil }
        }
        let setup = clock.now - placed
        guard answeredChannel == incoming.channel else {
            throw Failure(step: "B-channel", detail: "network chose B\(incoming.channel), user side was told \(answeredChannel.map { "B\($0)" } ?? "none")")
        }

        let hungUp = clock.now
        cpe.hangUp(id, cause: .normalClearing)
        let cause = try await events.expectOne("DISCONNECT at the network side", within: timeout) { side, event in
            if side == .network, case .disconnected(incoming.id, let cause) = event { cause } else { nil }
        }
        try await events.expect("call released on both sides", within: timeout, count: 2) { side, event in
            switch (side, event) {
            case (.network, .released(incoming.id, _, _)), (.user, .released(id, _, _)): side
            default: nil
            }
        }
        return Result(linkUpTime: linkUp, setupTime: setup, clearingTime: clock.now - hungUp, channel: incoming.channel,
                      receivedCalledNumber: incoming.called.digits, receivedCallingNumber: incoming.calling?.digits,
                      receivedCause: cause)
    }
}

extension PRIEvent {
    var incomingCallValue: IncomingCall? { if case .incomingCall(let call) = self { call } else { nil } }
}

/// Both sides' events in one sequence, with a deadline per wait.
private struct MergedEvents {
    enum Item: Sendable { case event(PRISide, PRIEvent), tick }

    private var iterator: AsyncStream<Item>.Iterator
    private let continuation: AsyncStream<Item>.Continuation
    private var seen: [(PRISide, PRIEvent)] = []

    init(network: AsyncStream<PRIEvent>, user: AsyncStream<PRIEvent>) {
        let (stream, continuation) = AsyncStream.makeStream(of: Item.self)
        for (side, events) in [(PRISide.network, network), (.user, user)] {
            Task {
                for await event in events { continuation.yield(.event(side, event)) }
            }
        }
        // A heartbeat so that a wait can notice its deadline when nothing else happens.
        Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(50))
                if case .terminated = continuation.yield(.tick) { return }
            }
        }
        iterator = stream.makeAsyncIterator()
        self.continuation = continuation
    }

    /// Ends the heartbeat.
    func finish() { continuation.finish() }

    /// Waits for the first event `match` accepts; earlier non-matching events stay available.
    mutating func expectOne<T>(_ step: String, within limit: Duration, _ match: (PRISide, PRIEvent) -> T?) async throws -> T {
        let deadline = ContinuousClock.now + limit
        if let i = seen.firstIndex(where: { match($0.0, $0.1) != nil }) {
            let (side, event) = seen.remove(at: i)
            return match(side, event)!
        }
        while ContinuousClock.now < deadline {
            guard let item = await iterator.next() else { break }
            guard case .event(let side, let event) = item else { continue }
            if let value = match(side, event) { return value }
            seen.append((side, event))
        }
        throw BackToBackCallCheck.Failure(step: step, detail: "not seen within \(limit); saw \(seen.map { "\($0.0): \($0.1)" })")
    }

    /// Waits until `match` has accepted `count` events.
    mutating func expect<T>(_ step: String, within limit: Duration, count: Int, _ match: (PRISide, PRIEvent) -> T?) async throws {
        for _ in 0..<count { _ = try await expectOne(step, within: limit, match) }
    }
}
