/// How the call engine carries out a script's `transfer`: which phone an extension rings, how
/// long it rings, and which exchange lines may be seized for outside numbers.
public struct TransferSettings: Sendable, Hashable {
    /// The FXS port (channel number) of each extension's phone. When empty, an extension
    /// number that is the channel number of an agent's phone rings that phone.
    public var extensions: [String: Int]
    /// How long an extension rings before the transfer gives up ("no answer").
    public var ringTimeout: Duration
    /// The FXO ports (channel numbers) `transfer outside` may seize; `nil` for every line. (PRI
    /// B-channels are not restricted: a span whose D-channel is up is used first.)
    public var outgoingLines: Set<Int>?
    /// How long the caller hears busy or congestion tone when a transfer fails, before the
    /// call is hung up.
    public var failureToneTime: Duration

    public init(extensions: [String: Int] = [:], ringTimeout: Duration = .seconds(30), outgoingLines: Set<Int>? = nil,
                failureToneTime: Duration = .seconds(3)) {
        self.extensions = extensions
        self.ringTimeout = ringTimeout
        self.outgoingLines = outgoingLines
        self.failureToneTime = failureToneTime
    }

    /// The port `number` rings: from the map, or, when there is no map, the agent's port with
    /// that channel number; `nil` when the extension is unknown.
    func port(forExtension number: String, agentPorts: some Collection<Int>) -> Int? {
        if !extensions.isEmpty { return extensions[number] }
        guard let port = Int(number), agentPorts.contains(port) else { return nil }
        return port
    }
}

/// A caller's transfer in progress, kept on the caller's line.
struct Transfer {
    /// Where the call goes.
    enum Leg: Equatable {
        /// An agent's phone (FXS port).
        case phone(port: Int)
        /// An exchange line (the engine's line slot) carrying the outgoing call.
        case line(index: Int)
    }

    enum Stage: Equatable {
        /// The extension's phone rings, until the given time.
        case ringing(until: Duration)
        /// The outgoing line is seized and dialling.
        case dialling
        /// Bridged.
        case connected
        /// The transfer failed; the caller hears a tone until the given time, then is hung up.
        case failing(reason: String, until: Duration)
    }

    let target: TransferTarget
    var leg: Leg?
    var stage: Stage
}
