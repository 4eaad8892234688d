import ArgumentParser
import Foundation
import PRI
import SimulatedCard

/// `offhook pri-loop`: one ISDN PRI call across two D-channels wired back to back, network side
/// to user side, with the time each step took.
struct PRILoopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pri-loop",
        abstract: "Place one PRI call between a network side and a user side wired back to back.",
        discussion: """
            --over socketpair runs libpri on both ends of a socket pair; --over simulated runs it \
            on the D-channels (timeslot 16) of two cabled E1 spans of the simulated card. The user \
            side calls, the network side alerts and answers, the user side clears with cause 16.
            """
    )

    enum Transport: String, ExpressibleByArgument, CaseIterable {
        case socketpair, simulated
    }

    @Option(help: "The switch type both sides speak: \(SwitchType.allCases.map(\.rawValue).joined(separator: ", ")).")
    var switchtype: String = SwitchType.euroISDN.rawValue

    @Option(help: "What carries the D-channel frames: \(Transport.allCases.map(\.rawValue).joined(separator: ", ")).")
    var over: Transport = .simulated

    @Option(help: "The number to call (DNIS at the network side).")
    var called: String = "5550100"

    @Option(help: "The calling number (ANI).")
    var calling: String = "5550199"

    @Option(help: "Seconds allowed for each step.")
    var timeout: Double = 5

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func validate() throws {
        guard SwitchType(rawValue: switchtype) != nil else {
            throw ValidationError("unknown switch type '\(switchtype)'; expected one of \(SwitchType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for number in [called, calling] where number.isEmpty || !PartyNumber(number).hasValidDigits {
            throw ValidationError("'\(number)' is not a number (digits, * and # only)")
        }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }

    func run() async throws {
        let switchType = SwitchType(rawValue: switchtype)!
        let limit = Duration.milliseconds(Int64(timeout * 1000))
        var report: PRILoopReport
        switch over {
        case .socketpair:
            let (a, b) = try DChannelTransport.makeSocketPair()
            report = await PRILoopReport.run(switchType: switchType, transport: "socket pair") {
                try await BackToBackCallCheck.run(network: a, user: b, switchType: switchType,
                                                  called: called, calling: calling, timeout: limit)
            }
        case .simulated:
            let card = SimulatedCard(layout: .simulated(fxsPorts: 0, fxoPorts: 0, e1Spans: 2))
            try card.cable(span: 1, to: 2)
            let spans = try card.spans().compactMap(PRISpanChannels.init(span:))
            let net = try DChannelBridge(channel: try card.openChannel(spans[0].dChannel))
            let cpe = try DChannelBridge(channel: try card.openChannel(spans[1].dChannel))
            // The card's clock, fast-forwarded: a 20 ms frame per millisecond.
            let clock = Task {
                while !Task.isCancelled {
                    card.advance(frames: 1)
                    _ = try net.pump() + cpe.pump()
                    try await Task.sleep(for: .milliseconds(1))
                }
            }
            report = await PRILoopReport.run(switchType: switchType, transport: "simulated E1 spans 1 and 2") {
                try await BackToBackCallCheck.run(network: net.transport, user: cpe.transport, switchType: switchType,
                                                  called: called, calling: calling, timeout: limit)
            }
            clock.cancel()
            report.cardFrames = card.frameCount
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.table, terminator: "")
        }
        if !report.passed { throw ExitCode(1) }
    }
}

/// What `offhook pri-loop` prints.
struct PRILoopReport: Encodable {
    var switchType: String
    var transport: String
    var passed: Bool
    var failedStep: String?
    var failure: String?
    var linkUpMS: Double?
    var setupMS: Double?
    var clearingMS: Double?
    var channel: Int?
    var calledNumber: String?
    var callingNumber: String?
    var cause: Int?
    var causeName: String?
    /// On the simulated card: the 20 ms frames its (fast-forwarded) clock ticked.
    var cardFrames: Int?

    static func run(switchType: SwitchType, transport: String,
                    _ check: () async throws -> BackToBackCallCheck.Result) async -> PRILoopReport {
        var report = PRILoopReport(switchType: switchType.rawValue, transport: transport, passed: false)
        do {
            let result = try await check()
            report.passed = true
            report.linkUpMS = milliseconds(result.linkUpTime)
            report.setupMS = milliseconds(result.setupTime)
            report.clearingMS = milliseconds(result.clearingTime)
            report.channel = result.channel
            report.calledNumber = result.receivedCalledNumber
            report.callingNumber = result.receivedCallingNumber
            report.cause = result.receivedCause.rawValue
            report.causeName = result.receivedCause.name
        } catch let failure as BackToBackCallCheck.Failure {
            report.failedStep = failure.step
            report.failure = failure.detail
        } catch {
            report.failedStep = "start"
            report.failure = "\(error)"
        }
        return report
    }

    private static func milliseconds(_ d: Duration) -> Double {
        (Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 * 1000 / 1000).rounded(toPlaces: 3)
    }

    /// PASS/FAIL lines with the measured figures.
    var table: String {
        var text = "PRI back-to-back call (\(switchType), \(transport); wall-clock times)\n"
        if passed {
            text += "PASS  D-channel up    \(format(linkUpMS))\n"
            text += "PASS  call set up     \(format(setupMS))  B\(channel ?? 0), DNIS \(calledNumber ?? ""), ANI \(callingNumber ?? "-")\n"
            text += "PASS  call cleared    \(format(clearingMS))  cause \(cause ?? 0) (\(causeName ?? ""))\n"
        } else {
            text += "FAIL  \(failedStep ?? "?"): \(failure ?? "")\n"
        }
        if let cardFrames { text += "card clock: \(cardFrames) frames of 20 ms\n" }
        return text
    }

    private func format(_ ms: Double?) -> String {
        let text = ms.map { String(format: "%.3f ms", $0) } ?? "-"
        return text.count >= 12 ? text : String(repeating: " ", count: 12 - text.count) + text
    }
}

extension Double {
    fileprivate func rounded(toPlaces places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (self * scale).rounded() / scale
    }
}
