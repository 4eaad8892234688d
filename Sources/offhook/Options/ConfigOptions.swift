import ArgumentParser
import HardwareConfig

/// `--config FILE`, shared by every command that needs the card's description.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Offhook's config file (next to DAHDI's system.conf), or a system.conf itself.",
        discussion: "Default: /etc/offhook/offhook.conf when it exists, else Hardware/simulated/offhook.conf.",
        valueName: "file"))
    var config: String?

    /// The config path to use.
    var path: String {
        if let config { return config }
        return fileExists("/etc/offhook/offhook.conf") ? "/etc/offhook/offhook.conf" : "Hardware/simulated/offhook.conf"
    }

    /// Loads and checks the description, or exits with its located diagnostics.
    func load() throws -> HardwareDescription {
        do {
            return try HardwareDescription.load(path: path)
        } catch {
            printError(error.description)
            printError("offhook: refusing to start: \(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s") in the configuration")
            throw ExitCode(ExitStatus.badConfiguration)
        }
    }
}

/// Exit statuses of `offhook` commands.
enum ExitStatus {
    static let failure: Int32 = 1
    static let badConfiguration: Int32 = 78   // EX_CONFIG
    static let noCard: Int32 = 69             // EX_UNAVAILABLE
}
