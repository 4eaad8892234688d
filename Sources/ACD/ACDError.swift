/// Why the distributor refused a configuration or a request.
public struct ACDError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Sendable, Hashable {
        case unknownQueue(String)
        case duplicateQueue(String)
        case duplicateAgent(Int)
        case unknownAgent(Int)
        case tierForUnknownQueue(String)
        case tierForUnknownAgent(Int)
        case callAlreadyQueued(Int)
        case badFeatureCode(String)
        case ambiguousFeatureCodes(String, String)
        case unknownFeature(String)
        case missingFeature(String)
    }
    private let code: Code

    /// A request named a queue that is not configured.
    public static func unknownQueue(_ name: String) -> Self { .init(code: .unknownQueue(name)) }
    /// Two queues share a name.
    public static func duplicateQueue(_ name: String) -> Self { .init(code: .duplicateQueue(name)) }
    /// Two agents share a port.
    public static func duplicateAgent(_ port: Int) -> Self { .init(code: .duplicateAgent(port)) }
    /// A request named a port with no agent.
    public static func unknownAgent(_ port: Int) -> Self { .init(code: .unknownAgent(port)) }
    /// A tier names a queue that is not configured.
    public static func tierForUnknownQueue(_ name: String) -> Self { .init(code: .tierForUnknownQueue(name)) }
    /// A tier names a port with no agent.
    public static func tierForUnknownAgent(_ port: Int) -> Self { .init(code: .tierForUnknownAgent(port)) }
    /// The call is already in a queue or talking to an agent.
    public static func callAlreadyQueued(_ call: Int) -> Self { .init(code: .callAlreadyQueued(call)) }
    /// A feature code is empty or holds something other than DTMF keys.
    public static func badFeatureCode(_ code: String) -> Self { .init(code: .badFeatureCode(code)) }
    /// One feature code is a prefix of another, so the longer could never be dialled.
    public static func ambiguousFeatureCodes(_ a: String, _ b: String) -> Self { .init(code: .ambiguousFeatureCodes(a, b)) }
    /// A feature-code table names a feature that does not exist.
    public static func unknownFeature(_ name: String) -> Self { .init(code: .unknownFeature(name)) }
    /// A feature-code table leaves a feature without a code.
    public static func missingFeature(_ name: String) -> Self { .init(code: .missingFeature(name)) }

    public var description: String {
        switch code {
        case .unknownQueue(let n): "unknown queue '\(n)'"
        case .duplicateQueue(let n): "queue '\(n)' is configured twice"
        case .duplicateAgent(let p): "port \(p) has two agents"
        case .unknownAgent(let p): "no agent on port \(p)"
        case .tierForUnknownQueue(let n): "tier names unknown queue '\(n)'"
        case .tierForUnknownAgent(let p): "tier names port \(p), which has no agent"
        case .callAlreadyQueued(let c): "call \(c) is already queued or with an agent"
        case .badFeatureCode(let c): "feature code '\(c)' must be 1 to 8 of 0-9 * #"
        case .ambiguousFeatureCodes(let a, let b): "feature code '\(a)' is a prefix of '\(b)'"
        case .unknownFeature(let n): "unknown feature '\(n)' (expected \(FeatureCode.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .missingFeature(let n): "feature '\(n)' has no code"
        }
    }
}
