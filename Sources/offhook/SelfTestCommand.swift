import ArgumentParser
import DAHDI

/// `offhook selftest`: Offhook's checks against a backend, one PASS/FAIL line each.
struct SelfTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selftest",
        abstract: "Run Offhook's channel checks against a card and print one PASS/FAIL line per check.",
        discussion: """
            --backend dahdi expects two spans wired back to back, channel N of span 1 meeting \
            channel N+31 of span 2, as `make vm-test` configures them (two dahdi_dynamic_loc \
            E1 spans). The last check destroys span 2 to raise an alarm on span 1.
            """
    )

    enum Backend: String, ExpressibleByArgument, CaseIterable {
        case dahdi
    }

    @Option(help: "The card to test: \(Backend.allCases.map(\.rawValue).joined(separator: ", ")).")
    var backend: Backend = .dahdi

    @Option(help: "The DAHDI device directory.")
    var device: String = "/dev/dahdi"

    func run() throws {
        let card = try DAHDICard(directory: device)
        let checks = DAHDILoopChecks(card: card)
        checks.runAll()
        print(checks.report.summary)
        if checks.report.failed > 0 { throw ExitCode(1) }
    }
}
