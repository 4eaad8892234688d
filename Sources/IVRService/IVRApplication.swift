import CallEngine
import IVRRuntime
import IVRScript
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The IVR as a call application: each answered call runs the script its route names.
public struct IVRApplication: CallApplication {
    /// What every session needs from the daemon.
    public struct Environment: Sendable {
        public var logger: Logger
        /// Where recordings (messages, fault reports) are written.
        public var recordingDirectory: String
        /// The local wall-clock time (for office hours); tests hand in a fixed one.
        public var localTime: @Sendable () -> CivilDateTime

        public init(logger: Logger, recordingDirectory: String, localTime: @escaping @Sendable () -> CivilDateTime = IVRApplication.systemLocalTime) {
            self.logger = logger
            self.recordingDirectory = recordingDirectory
            self.localTime = localTime
        }
    }

    public let scripts: ScriptStore
    public let environment: Environment

    public init(scripts: ScriptStore, environment: Environment) {
        self.scripts = scripts
        self.environment = environment
    }

    public func makeSession(for call: Call, route: CallRouter.Route) -> (any CallSessionLogic)? {
        guard let entry = scripts.entry(for: route.target), let script = entry.loaded.script else {
            environment.logger.error("route \(route.name): script \(route.target) is not in service")
            return nil
        }
        return IVRSession(call: IVRCall(script: script, tables: entry.loaded.tables), prompts: entry.prompts,
                          tables: entry.loaded.tables, environment: environment, language: route.language)
    }

    /// The machine's local time.
    public static func systemLocalTime() -> CivilDateTime {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return CivilDateTime(date: CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)),
                             hour: Int(parts.tm_hour), minute: Int(parts.tm_min))
    }
}
