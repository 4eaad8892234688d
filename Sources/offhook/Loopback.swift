import ArgumentParser
import Foundation
import HardwareConfig
import Loopback
import TelephonyCore
import TelephonyDSP
import ToneZones

/// `offhook loopback`: the loopback harness, what an installer runs after cabling a card.
struct LoopbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loopback",
        abstract: "Test ports wired back to back: hook, ring, caller ID, DTMF, level, sweep, echo, E1 pattern, HDLC, a PRI call.",
        discussion: """
            Pairs come from the config's [wiring] section (cable = FXS:FXO, span-cable = SPAN:SPAN) \
            unless --pair names them. On the simulated card the harness drives the card's own clock \
            and finishes in a moment; on a real card it takes about 25 s of real time per analog \
            pair and a few seconds per span pair. Exits with status 1 when any check fails; every check prints what it measured.
            """)

    @OptionGroup var options: ConfigOptions

    @Option(name: .customLong("pair"), help: ArgumentHelp(
        "A pair wired back to back: FXS:FXO channel numbers (1:3) or two spans (span2:span3). Repeatable.",
        valueName: "A:B"))
    var pairs: [String] = []

    @Flag(name: .long, help: "Print JSON (the same checks and measured values) instead of a table.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("The most loss accepted across an analog pair at 1004 Hz.", valueName: "dB"))
    var maxLoss = LoopbackLimits().loss.upperBound

    @Option(name: .long, help: ArgumentHelp("The least echo return loss accepted at an analog port.", valueName: "dB"))
    var minEchoReturnLoss = LoopbackLimits().minimumEchoReturnLossDB

    /// A parsed `--pair`.
    enum Pair: Equatable {
        case analog(fxs: Int, fxo: Int)
        case spans(Int, Int)

        /// Parses `1:3` (channels) or `span2:span3` (spans).
        init(parsing text: String) throws(ValidationError) {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let usage = "--pair '\(text)': expected FXS:FXO channel numbers like 1:3, or two spans like span2:span3"
            guard parts.count == 2 else { throw ValidationError(usage) }
            let spans = parts.map { $0.lowercased().hasPrefix("span") }
            if spans[0] && spans[1] {
                guard let a = Int(parts[0].dropFirst(4)), let b = Int(parts[1].dropFirst(4)), a > 0, b > 0, a != b else {
                    throw ValidationError(usage)
                }
                self = .spans(a, b)
            } else {
                guard !spans[0], !spans[1], let a = Int(parts[0]), let b = Int(parts[1]), a > 0, b > 0, a != b else {
                    throw ValidationError(usage)
                }
                self = .analog(fxs: a, fxo: b)
            }
        }
    }

    func validate() throws {
        for pair in pairs { _ = try Pair(parsing: pair) }
        let lowest = LoopbackLimits().loss.lowerBound
        guard maxLoss.isFinite, maxLoss > lowest else {
            throw ValidationError("--max-loss \(maxLoss): expected a loss in dB above \(lowest)")
        }
        guard minEchoReturnLoss.isFinite, minEchoReturnLoss >= 0 else {
            throw ValidationError("--min-echo-return-loss \(minEchoReturnLoss): expected 0 dB or more")
        }
    }

    func run() async throws {
        let description = try options.load()
        var chosen = try pairs.map { (text: String) throws(ValidationError) in try Pair(parsing: text) }
        if chosen.isEmpty {
            chosen = description.config.cables.map { .analog(fxs: $0.fxs, fxo: $0.fxo) }
                + description.config.spanCables.map { .spans($0.0, $0.1) }
        }
        guard !chosen.isEmpty else {
            printError("offhook: nothing to test: \(options.path) has no [wiring] cable or span-cable, and no --pair was given")
            throw ExitCode(ExitStatus.badConfiguration)
        }
        let opened: OpenedCard
        do {
            opened = try CardFactory.open(description)
        } catch {
            printError("offhook: cannot open the card: \(error)")
            throw ExitCode(ExitStatus.noCard)
        }
        // The simulated card's clock is ticked by hand; a real card's runs by itself.
        let advance: @Sendable (Int) async throws -> Void
        if let simulated = opened.simulated {
            advance = { simulated.advance(frames: $0) }
        } else {
            let pacer = FramePacer()
            advance = { try await pacer.advance($0) }
        }
        var limits = LoopbackLimits()
        limits.loss = limits.loss.lowerBound...maxLoss
        limits.minimumEchoReturnLossDB = minEchoReturnLoss
        let target: LoopbackTarget
        do {
            target = try LoopbackTarget.open(
                card: opened.card, advance: advance,
                analogPairs: chosen.compactMap { if case .analog(let fxs, let fxo) = $0 { (fxs, fxo) } else { nil } },
                spanPairs: chosen.compactMap { if case .spans(let a, let b) = $0 { (a, b) } else { nil } },
                ringCadence: Self.ringCadence, callerID: Self.callerID(at: Date()), limits: limits)
        } catch {
            printError("offhook: \(error)")
            throw ExitCode(ExitStatus.badConfiguration)
        }
        // On a real card the run takes real time: show each pair's results on stderr as they come.
        var progress: (@Sendable ([LoopbackCheck]) -> Void)?
        if opened.simulated == nil {
            progress = { checks in
                for check in checks { printError(check.description) }
            }
        }
        let report = await LoopbackHarness.run(target, progress: progress)
        target.closeChannels()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.table)
        }
        if !report.passed { throw ExitCode(ExitStatus.failure) }
    }

    /// The caller ID the FXS ports send: the harness's number and name, stamped with `date`
    /// (local time, `MMDDHHMM`, as caller ID carries it).
    static func callerID(at date: Date) -> CallerIDMessage {
        let parts = Calendar.current.dateComponents([.month, .day, .hour, .minute], from: date)
        let stamp = [parts.month, parts.day, parts.hour, parts.minute].map { value in
            let text = String(value ?? 0)
            return text.count < 2 ? "0" + text : text
        }.joined()
        var message = LoopbackTarget.AnalogPair.defaultCallerID
        message.dateTime = stamp
        return message
    }

    /// A zone's ring cadence from libtonezone, or the built-in zones when libtonezone lacks it.
    static func ringCadence(zone: String) -> [Int] {
        if let cadence = try? ToneZones.zone(zone).ringCadenceMS, !cadence.isEmpty { return cadence }
        return [ToneZone.china, ToneZone.unitedStates].first { $0.code == zone }?.ringCadenceMS ?? [2000, 4000]
    }
}
