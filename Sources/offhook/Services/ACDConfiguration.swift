import ACD
import CallEngine
import HardwareConfig
import IVRService
import Logging
import Media
import TelephonyDSP

/// Builds the ACD from the `[queue NAME]` sections of Offhook's config, with `[agents]`' feature codes.
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
        return try CallDistributor(queues: queues, agents: agentPorts.sorted().map { Agent(port: $0) }, tiers: tiers,
                                   featureCodes: config.featureCodes ?? .standard, logger: logger)
    }

    /// A gentle hold melody (a rising triad and a rest, −20 dBm0), 8 s long, looped by the engine.
    static func holdMusic() -> PromptAudio? {
        guard let spec = try? ToneSpec(parsing: "523/400,659/400,784/400,659/400,0/800") else { return nil }
        var generator = ToneGenerator(spec: spec, level: -20)
        var samples = [Int16](repeating: 0, count: 8 * 8000)
        let count = samples.withUnsafeMutableBufferPointer { generator.generate(into: $0) }
        return PromptAudio(samples: Array(samples.prefix(count)), name: "hold")
    }

    /// Reads the prompts of the queue announcements (a waiting caller's place and expected
    /// wait) for every language of every routed script, alongside the hold music, and says
    /// which languages lack some: their callers hear the announcement in the route's or the
    /// script's first language instead, or only the hold music.
    static func loadAnnouncementPrompts(routes: [CallRouter.Route], scripts: ScriptStore, logger: Logger) {
        for target in Set(routes.map(\.target)).sorted() {
            guard let entry = scripts.entry(for: target), let script = entry.loaded.script else { continue }
            let languages = script.languages.isEmpty ? [script.defaultLanguage] : script.languages.map(\.value)
            var ready: [String] = []
            for language in languages {
                let missing = entry.prompts.missingAnnouncementPrompts(language: language)
                if missing.isEmpty {
                    ready.append(language)
                } else {
                    logger.warning("\(target): queue announcements in '\(language)' lack \(missing.count) prompt(s) in \(entry.prompts.directory) (\(missing.prefix(4).joined(separator: ", "))\(missing.count > 4 ? ", …" : "")); run `make prompts`")
                }
            }
            if !ready.isEmpty { logger.info("\(target): queue announcements in \(ready.joined(separator: ", "))") }
        }
    }
}
