import ArgumentParser
import HardwareConfig
import IVRScript

/// `offhook check SCRIPT...`: parses and checks IVR scripts without running them.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check IVR scripts for mistakes without running them.",
        discussion: """
            Prints every problem as FILE:LINE:COLUMN: error|warning: MESSAGE with the line and a caret. \
            Prompt names are checked against the script's prompt folder (its MANIFEST and recordings). \
            Exits with status 1 when any script has an error.
            """
    )

    @Argument(help: "The scripts to check (for example IVRScripts/*.ivr).")
    var scripts: [String]

    @Flag(name: .customLong("no-prompt-check"), help: "Do not check prompt names against the prompt folder.")
    var noPromptCheck = false

    @Option(name: .long, help: ArgumentHelp(
        "Also check the scripts against this offhook.conf: 'transfer extension N' must name one of its [extensions].",
        valueName: "file"))
    var config: String?

    func run() throws {
        var extensions: Set<String>?
        if let config {
            do {
                extensions = try HardwareDescription.load(path: config).config.extensionNumbers
            } catch {
                printError(error.description)
                throw ExitCode(ExitStatus.badConfiguration)
            }
        }
        let report = CheckReport(paths: scripts, loader: ScriptLoader(checksPrompts: !noPromptCheck, extensions: extensions))
        print(report.output, terminator: "")
        if report.errors > 0 { throw ExitCode.failure }
    }
}
