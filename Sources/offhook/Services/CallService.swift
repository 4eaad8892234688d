#if canImport(Glibc)
import Glibc
#endif
import ACDService
import CallEngine
import CDR
import HardwareConfig
import IVRService
import Logging
import Media
import ServiceLifecycle
import Signalling
import SimulatedCard
import TelephonyCore
import TelephonyDSP
import ToneZones
import UnixSignals

/// Takes the exchange lines into service: each FXO port in `[ports] lines` answers its calls
/// with the IVR script its route names, and so does each PRI span of `[trunk NAME]`
/// (``PRITrunkWiring``). Scripts are reloaded on SIGHUP and when their files
/// change; a script that fails to check is not loaded and the old one keeps serving.
struct CallService: Service {
    let opened: OpenedCard
    let description: HardwareDescription
    let logger: Logger
    /// Where call records and queue events go (none when `nil`).
    var records: CDRWriter? = nil
    /// What the control socket watches of the calls (simulated card only; none when `nil`).
    var watch: CallWatch? = nil

    func run() async throws {
        let media = MediaEngine()
        let scripts = ScriptStore(logger: logger)
        var routes: [CallRouter.Route] = []
        for route in description.config.routes {
            let path = HardwareDescription.resolve(route.script, relativeTo: description.config.path)
            scripts.load(path)
            routes.append(.init(name: route.name, channels: Set(route.channels), dialledNumbers: Set(route.dnis),
                                target: path, language: route.language))
        }
        let zoneCode = description.layout.defaultZone
        let zone = try ToneZones.zone(zoneCode)
        let start = ContinuousClock.now
        let time: @Sendable () -> Duration
        var pacer: RealTimeClock?
        if let card = opened.simulated {
            card.onTick { _ in media.runPass() }
            time = { .milliseconds(20 * card.frameCount) }
        } else {
            pacer = RealTimeClock { media.runPass() }
            time = { ContinuousClock.now - start }
        }
        let recordings = "IVRScripts/recordings"
        makeDirectory(recordings)
        let ivr = IVRApplication(scripts: scripts, environment: .init(logger: logger, recordingDirectory: recordings))
        let engine = CallEngine(media: media, router: CallRouter(routes: routes),
                                application: watch?.application(ivr) ?? ivr,
                                time: time, logger: logger, tones: PortTones(zone: zone),
                                callerIDAudio: CallerIDAudio.fsk(zone: zoneCode, dateTime: CallService.localDateTimeStamp))
        await engine.configureTransfers(TransferSettings(config: description.config))
        for port in description.config.linePorts {
            let options = description.config.lineOptions(for: port)
            try await engine.addLine(opened.card.openChannel(port), configuration: LineConfiguration.portConfiguration(options, zone: zone),
                                     analyzers: LineConfiguration.analyzers(options, zone: zone, zoneCode: zoneCode))
        }
        for section in description.config.lineSections { logger.info("\(LineConfiguration.summary(section))") }
        if let card = opened.simulated {
            SimulatedExchangeLines.provideDialService(on: card, ports: description.config.linePorts, zone: zone, logger: logger)
        }
        for port in description.config.agentPorts {
            try await engine.addAgentPhone(opened.card.openChannel(port),
                                           configuration: .cardDebounced(ringCadence: RingCadence(zone: zone) ?? .china, callerID: .afterFirstRing(delay: .milliseconds(500))),
                                           analyzers: opened.simulated != nil ? [DTMFAnalyzer()] : [])   // feature codes on the simulated card
        }
        let trunks = try await PRITrunkWiring.takeIntoService(description, card: opened.card, simulated: opened.simulated,
                                                              engine: engine, logger: logger)
        defer { trunks.shutdown() }
        logger.info("\(description.config.agentPorts.count) agent phone(s) in service")
        logger.info("\(description.config.linePorts.count) exchange line(s) in service, zone \(zoneCode), \(routes.count) route(s)")
        if opened.simulated != nil, let first = routes.first {
            // `offhook simulate` runs the same script on a simulated card of its own.
            let language = first.language.map { " --language \($0)" } ?? ""
            logger.notice("simulated card: call the \(first.name) script with `offhook simulate \(first.target)\(language)` (the keyboard is the keypad) or with `--keys \"1 1 12345678#\"`")
        }
        pacer?.start()
        defer { pacer?.stop() }
        watch?.markReady()

        let distributor = try ACDConfiguration.distributor(from: description.config, logger: logger)
        let codes = distributor.featureCodes.codes
        logger.info("\(description.config.queues.count) queue(s); agents log in by dialling \(codes[.logIn] ?? "-"), out \(codes[.logOut] ?? "-"), ready \(codes[.ready] ?? "-"), pause \(codes[.pause] ?? "-")")
        if !description.config.queues.isEmpty { ACDConfiguration.loadAnnouncementPrompts(routes: routes, scripts: scripts, logger: logger) }
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        let watched = routes.map(\.target)
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await _ in hangups {
                        logger.notice("SIGHUP: reloading scripts")
                        scripts.reloadAll()
                    }
                }
                group.addTask {
                    var watcher = FileWatcher(paths: watched)
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .seconds(2))
                        for path in watcher.changed() {
                            logger.notice("\(path) changed: reloading")
                            scripts.load(path)
                        }
                    }
                }
                group.addTask {
                    var acd = ACDCoordinator(distributor: distributor, holdMusic: ACDConfiguration.holdMusic(), logger: logger)
                    var recorder = records.map { CallRecorder(writer: $0, cardTime: time()) }
                    while !Task.isCancelled && !Task.isShuttingDownGracefully {
                        await engine.tick()
                        await acd.tick(engine: engine, at: time())
                        for (event, _) in acd.takeEvents() {
                            logger.info("queue event: \(event)")
                            recorder?.record(event, at: time())
                        }
                        for call in await engine.takeFinishedCalls() {
                            recorder?.record(call)
                            watch?.callEnded(call)
                            logger.info("call record", metadata: [
                                "call": "\(call.id)", "channel": "\(call.channel.name)", "caller": "\(call.caller)",
                                "route": "\(call.route ?? "-")", "talk": "\(call.talkTime)", "end": "\(call.endReason.map(String.init(describing:)) ?? "-")",
                            ])
                        }
                        try? await Task.sleep(for: .milliseconds(20))
                    }
                    // Calls still up when the daemon stops are ended and recorded too.
                    await engine.shutdown()
                    for call in await engine.takeFinishedCalls() { recorder?.record(call) }
                }
                await group.next()
                group.cancelAll()
            }
        } onGracefulShutdown: {
            Task { await engine.shutdown() }
        }
    }

    /// The local date and time as caller ID's `MMDDHHMM`.
    @Sendable static func localDateTimeStamp() -> String? {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return two(parts.tm_mon + 1) + two(parts.tm_mday) + two(parts.tm_hour) + two(parts.tm_min)
    }
}
