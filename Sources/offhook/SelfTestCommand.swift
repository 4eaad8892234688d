import ArgumentParser
import ChannelConformance
import DAHDI
import PRI

/// `offhook selftest`: Offhook's checks against a backend, one PASS/FAIL line each.
struct SelfTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selftest",
        abstract: "Run Offhook's channel checks against a card and print one PASS/FAIL line per check.",
        discussion: """
            --backend dahdi expects two spans wired back to back, channel N of span 1 meeting \
            channel N+31 of span 2, as `make vm-test` configures them (two dahdi_dynamic_loc \
            E1 spans). It runs the DAHDI checks, a PRI call through libpri between the D-channels, then the channel conformance suite (the same one \
            the simulated card passes), then destroys span 2 to raise an alarm on span 1.
            """
    )

    enum Backend: String, ExpressibleByArgument, CaseIterable {
        case dahdi
    }

    @Option(help: "The card to test: \(Backend.allCases.map(\.rawValue).joined(separator: ", ")).")
    var backend: Backend = .dahdi

    @Option(help: "The DAHDI device directory.")
    var device: String = "/dev/dahdi"

    func run() async throws {
        let card = try DAHDICard(directory: device)
        let checks = DAHDILoopChecks(card: card)
        checks.runAll()
        print(checks.report.summary)

        let pri = SelfTestReport(scope: "pri")
        for (name, run) in [("DChannelBridge", PRIOverDAHDI.bridged)] {
            do {
                let result = try await run(card, 16, 16 + 31)
                pri.check("PRI call span 1 -> span 2 through libpri on dchan 16/47 (\(name))", true,
                          detail: PRIOverDAHDI.describe(result))
            } catch {
                pri.check("PRI call span 1 -> span 2 through libpri on dchan 16/47 (\(name))", false, detail: "\(error)")
            }
        }
        print(pri.summary)

        let conformance = SelfTestReport(scope: "conformance")
        do {
            let report = await ChannelConformance.verify(try DAHDIConformanceTarget.make(card: card))
            for check in report.checks { conformance.check(check.name, check.passed, detail: check.detail) }
            if report.checks.isEmpty { conformance.check("the suite ran checks", false) }
        } catch {
            conformance.check("open the conformance pairs", false, detail: "\(error)")
        }
        print(conformance.summary)

        checks.checkSpanAlarm()   // last: it destroys span 2 for good
        let failed = checks.report.failed + pri.failed + conformance.failed
        print("selftest: \(checks.report.passed + pri.passed + conformance.passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }
}
