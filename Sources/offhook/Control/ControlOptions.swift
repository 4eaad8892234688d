import ArgumentParser
import HardwareConfig
import Logging
import Media
import SimulatedCard
import ToneZones

/// `offhook run`'s options for the control socket and the simulated agents (simulated card only).
struct ControlOptions: ParsableArguments {
    /// Who sits at the simulated card's desk phones.
    enum SimulatedAgents: String, ExpressibleByArgument, CaseIterable {
        /// Agents log in (`*1`) and answer their phones by themselves.
        case auto
        /// Nobody: the phones ring until an `offhook phone` client answers.
        case off
    }

    @Option(name: .customLong("control"), help: ArgumentHelp(
        "The control socket `offhook call` and `offhook phone` connect to (simulated card only); default $XDG_RUNTIME_DIR/offhook.sock, else /tmp/offhook-UID.sock.",
        valueName: "PATH"))
    var path: String?

    @Option(name: .customLong("simulated-agents"), help: "On the simulated card: auto (agents log in with *1 and answer their phones) or off.")
    var simulatedAgents: SimulatedAgents = .auto

    @Option(name: .customLong("agent-answer-after"), help: "Seconds a simulated agent lets the phone ring before answering.")
    var agentAnswerAfter = 3

    @Option(name: .customLong("agent-talk-time"), help: "Seconds a simulated agent talks before hanging up.")
    var agentTalkTime = 20

    func validate() throws {
        guard (0...600).contains(agentAnswerAfter) else { throw ValidationError("--agent-answer-after: between 0 and 600 seconds") }
        guard (1...3600).contains(agentTalkTime) else { throw ValidationError("--agent-talk-time: between 1 and 3600 seconds") }
        if let path, path.utf8.count > UnixSocket.maximumPathLength {
            throw ValidationError("--control: a socket path of at most \(UnixSocket.maximumPathLength) bytes")
        }
    }

    /// The control service for the simulated `card` described by `description`.
    func service(card: SimulatedCard, description: HardwareDescription, watch: CallWatch, logger: Logger) -> ControlService {
        let configuration = ControlServer.Configuration(
            path: path ?? ControlSocketPath.standard, lines: description.config.linePorts, phones: description.config.agentPorts,
            callerIDStandard: CallerIDAnalyzer.standard(forZone: description.layout.defaultZone),
            zone: try? ToneZones.zone(description.layout.defaultZone),
            callerIDSignalling: Dictionary(uniqueKeysWithValues: description.config.linePorts.map { ($0, description.config.lineOptions(for: $0).callerID) }))
        let agents = simulatedAgents == .auto
            ? DeskAgents.Settings(answerAfter: .seconds(agentAnswerAfter), talkFor: .seconds(agentTalkTime),
                                  loginCode: description.config.featureCodes?.codes[.logIn] ?? "*1") : nil
        return ControlService(server: ControlServer(configuration: configuration, card: card, watch: watch, logger: logger),
                              agents: agents, logger: logger)
    }
}
