import Logging
import ServiceLifecycle

/// Runs the control socket (``ControlServer``) for as long as the daemon runs, on the simulated
/// card only (a real card's lines are called from the real network), and the automatic agents
/// at the desk phones (``DeskAgents``) unless they are turned off.
///
/// The socket opens once the call service has its lines and phones in service. A control
/// socket that cannot start (another daemon listens at the path) is logged and the
/// daemon runs on without it.
struct ControlService: Service {
    let server: ControlServer
    /// The automatic agents' settings; `nil`: nobody at the desk phones but `offhook phone` clients.
    let agents: DeskAgents.Settings?
    let logger: Logger

    func run() async throws {
        // Callers and agents act on ports the call service has in service.
        while !server.watch.isReady && !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(20))
        }
        do {
            try server.start()
        } catch {
            logger.error("control socket not started: \(error)")
            try? await gracefulShutdown()
            return
        }
        let path = server.configuration.path
        let socket = path == ControlSocketPath.standard ? "" : " --socket \(path)"
        logger.notice("control socket at \(path): call in with `offhook call\(socket)` (the keyboard is the keypad) or `offhook call\(socket) --keys \"1 1 12345678#\"`; take an agent's phone with `offhook phone 1\(socket)`")
        var desks = agents.map { DeskAgents(ports: server.configuration.phones, card: server.card, settings: $0) }
        if let agents {
            logger.notice("simulated agents at phones \(server.configuration.phones.map(String.init).joined(separator: ", ")) log in (\(agents.loginCode)) and answer after \(agents.answerAfter), talk \(agents.talkFor) (--simulated-agents off: none)")
        }
        var reported = false
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            desks?.step(at: server.now) { server.isPhoneHeld($0) }
            if !reported, let desks, desks.loggedIn.count == server.configuration.phones.count, !desks.loggedIn.isEmpty {
                reported = true
                logger.info("simulated agents dialled \(agents?.loginCode ?? "*1") at phones \(desks.loggedIn.map(String.init).joined(separator: ", "))")
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        server.stop()
        logger.info("control socket closed")
    }
}
