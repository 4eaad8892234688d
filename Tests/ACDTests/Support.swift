import ACD
import Logging

/// A fixed origin for test time; every test counts seconds from it.
let t0 = ContinuousClock.now

func at(_ seconds: Double) -> ContinuousClock.Instant { t0 + .milliseconds(Int(seconds * 1000)) }

let quietLogger = Logger(label: "acd-tests", factory: { _ in SwiftLogNoOpLogHandler() })

/// A distributor with one queue "support" served by `ports` (tier positions in port order).
func makeDistributor(_ configuration: Queue.Configuration = .init(name: "support"),
                     ports: [Int] = [1, 2, 3], levels: [Int: Int] = [:],
                     loggedIn: [(port: Int, at: Double)] = []) throws -> CallDistributor {
    var acd = try CallDistributor(
        queues: [configuration], agents: ports.map { Agent(port: $0) },
        tiers: ports.enumerated().map { Tier(queue: configuration.name, agent: $1, level: levels[$1] ?? 1, position: $0 + 1) },
        logger: quietLogger)
    for login in loggedIn {
        let actions = acd.agentDialled(port: login.port, digits: "*1", at: at(login.at))
        precondition(actions.contains(.confirmFeature(port: login.port, .logIn)))
    }
    return acd
}

extension Array where Element == CallDistributor.Action {
    /// The actions other than reports.
    var effects: [CallDistributor.Action] {
        filter { if case .report = $0 { false } else { true } }
    }
    /// The reported events.
    var events: [CallDistributor.Event] {
        compactMap { if case .report(let event, _) = $0 { event } else { nil } }
    }
    /// The ports rung.
    var rung: [Int] {
        compactMap { if case .ringAgent(let port, _, _) = $0 { port } else { nil } }
    }
}
