import ArgumentParser
import CDR
import Logging
import ServiceLifecycle

/// `offhook run`: the daemon. Brings the card up and runs its services until SIGINT/SIGTERM.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the daemon on the card (the simulated card when no card is present).")

    @OptionGroup var options: ConfigOptions

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    @Option(name: .long, help: ArgumentHelp("Where call records and queue events are written (SQLite).", valueName: "FILE"))
    var db = SQLiteCallRecordStore.defaultPath

    @OptionGroup var control: ControlOptions

    func run() async throws {
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "offhook")
        let description = try options.load()
        let opened: OpenedCard
        do {
            opened = try CardFactory.open(description)
        } catch {
            logger.critical("cannot open the card: \(error)")
            throw ExitCode(ExitStatus.noCard)
        }
        logger.info("card up", metadata: ["backend": "\(opened.card.name)", "config": "\(options.path)"])
        print(try ChannelTable(card: opened.card, description: description).text)

        let records = CDRWriter(logger: logger)
        let watch = opened.simulated.map { _ in CallWatch(lines: description.config.linePorts) }
        var services: [any Service] = [
            CallRecordService(writer: records, path: db, logger: logger),   // first: stops last
            ChannelMonitorService(card: opened.card, logger: logger),
            CallService(opened: opened, description: description, logger: logger, records: records, watch: watch),
        ]
        if let simulated = opened.simulated {
            services.append(SimulatedClockService(card: simulated, logger: logger))
            if let watch { services.append(control.service(card: simulated, description: description, watch: watch, logger: logger)) }
        } else if control.path != nil {
            logger.notice("--control: the control socket serves the simulated card only; a real card's lines are called from the network")
        }
        let group = ServiceGroup(configuration: .init(
            services: services.map { .init(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
