import ACD
import HardwareConfig
import Logging
import Media
import TelephonyDSP

/// Builds the ACD from the `[queue NAME]` sections of Offhook's config.
enum ACDConfiguration {
    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    static func distributor(from config: OffhookConfig, logger: Logger) throws -> CallDistributor {
        var queues: [Queue.Configuration] = []
        var tiers: [Tier] = []
        var agentPorts = Set(config.agentPorts)
        for section in config.queues {
            let strategy: RoutingStrategyName
            if let name = section.strategy {
                guard let parsed = RoutingStrategyName(rawValue: name) else {
                    let valid = RoutingStrategyName.allCases.map(\.rawValue).joined(separator: ", ")
                    throw Invalid(description: "\(config.path):\(section.line):1: error: queue '\(section.name)': unknown strategy '\(name)'; expected one of: \(valid)")
                }
                strategy = parsed
            } else {
                strategy = .longestIdleAgent
            }
            let defaults = Queue.Configuration(name: section.name)
            queues.append(Queue.Configuration(
                name: section.name, strategy: strategy, ringTimeout: section.ringTimeout ?? defaults.ringTimeout,
                maxWait: section.maxWait ?? defaults.maxWait, announceEvery: section.announceEvery ?? defaults.announceEvery,
                wrapUp: section.wrapUp ?? defaults.wrapUp,
                whenNoAgents: section.whenNoAgents.flatMap(Queue.NoAgentsPolicy.init(rawValue:)) ?? .overflow))
            for (position, port) in section.agents.enumerated() {
                tiers.append(Tier(queue: section.name, agent: port, position: position + 1))
                agentPorts.insert(port)
            }
        }
        return try CallDistributor(queues: queues, agents: agentPorts.sorted().map { Agent(port: $0) }, tiers: tiers, logger: logger)
    }

    /// A gentle hold melody (a rising triad and a rest, −20 dBm0), 8 s long, looped by the engine.
    static func holdMusic() -> PromptAudio? {
        guard let spec = try? ToneSpec(parsing: "523/400,659/400,784/400,659/400,0/800") else { return nil }
        var generator = ToneGenerator(spec: spec, level: -20)
        var samples = [Int16](repeating: 0, count: 8 * 8000)
        let count = samples.withUnsafeMutableBufferPointer { generator.generate(into: $0) }
        return PromptAudio(samples: Array(samples.prefix(count)), name: "hold")
    }
}
