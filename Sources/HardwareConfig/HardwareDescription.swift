#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TelephonyCore

/// A card described by `system.conf` and Offhook's config: the layout, the roles of the ports,
/// the simulated wiring and the routes, checked against each other.
public struct HardwareDescription: Sendable {
    public var config: OffhookConfig
    public var systemConf: SystemConf
    /// The path `system.conf` was read from.
    public var systemConfPath: String
    public var layout: CardLayout

    /// Reads and checks a configuration.
    ///
    /// `path` is Offhook's config file (its `[card] system-conf` names `system.conf`, relative to
    /// it), or a `system.conf` itself (any file whose name ends in `system.conf`), in which case
    /// the defaults apply.
    public static func load(path: String) throws(ConfigError) -> HardwareDescription {
        let isSystemConf = path.hasSuffix("system.conf")
        let config: OffhookConfig
        if isSystemConf {
            config = OffhookConfig(path: path)
        } else {
            config = try OffhookConfig(parsing: try readFile(path), path: path)
        }
        let systemPath = isSystemConf ? path : resolve(config.systemConf, relativeTo: path)
        let systemConf = try SystemConf(parsing: try readFile(systemPath), path: systemPath)
        return try HardwareDescription(config: config, systemConf: systemConf, systemConfPath: systemPath)
    }

    /// Builds the layout and checks the config against it.
    public init(config: OffhookConfig, systemConf: SystemConf, systemConfPath: String) throws(ConfigError) {
        self.config = config
        self.systemConf = systemConf
        self.systemConfPath = systemConfPath
        layout = try LayoutBuilder(config: config, systemConf: systemConf, systemConfPath: systemConfPath).build()
        try validateRoles()
    }

    /// A path named in a config file, resolved against that file's folder.
    public static func resolve(_ path: String, relativeTo file: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        guard let slash = file.lastIndex(of: "/") else { return path }
        return normalize(String(file[...slash]) + path)
    }

    /// Removes `.` and `dir/..` steps: `Hardware/simulated/../../IVRScripts/x` → `IVRScripts/x`.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    private func validateRoles() throws(ConfigError) {
        var problems: [ConfigDiagnostic] = []
        let channels = Dictionary(uniqueKeysWithValues: layout.channels.map { ($0.number, $0) })
        let text = (try? Self.readFile(config.path)) ?? ""
        let file = ConfigLines(path: config.path, text: text)
        func lineNumber(containing key: String) -> ConfigLines.Line? {
            file.lines.first { $0.content.trimmed.hasPrefix(key) }
        }
        func problem(_ key: String, line: Int? = nil, _ message: String) {
            let located = line.flatMap { n in file.lines.first { $0.number == n } } ?? lineNumber(containing: key)
            if let located {
                problems.append(file.diagnostic(located, message))
            } else {
                problems.append(ConfigDiagnostic(at: ConfigLocation(file: config.path, line: 1, column: 1), sourceLine: "", message))
            }
        }
        for (key, ports, kind) in [("agents", config.agentPorts, PortKind.fxs), ("lines", config.linePorts, PortKind.fxo)] {
            for port in ports {
                guard let channel = channels[port] else { problem(key, "channel \(port) is not configured in \(systemConfPath)"); continue }
                if channel.portKind != kind {
                    problem(key, "channel \(port) is an \(channel.portKind) port (\(channel.signalling)); '\(key)' must be \(kind) ports")
                }
            }
        }
        for ext in config.extensions {
            let located = file.lines.first { $0.number == ext.line }
            let value = located.flatMap { l in l.content.firstIndex(of: "=").map { l.content[l.content.index(after: $0)...].trimmed } }
            let message: String? = if channels[ext.port] == nil {
                "extension \(ext.number): channel \(ext.port) is not configured in \(systemConfPath)"
            } else if channels[ext.port]?.portKind != .fxs {
                "extension \(ext.number): channel \(ext.port) is an \(channels[ext.port]!.portKind) port; an extension rings a phone on an FXS port"
            } else if !config.agentPorts.contains(ext.port) {
                "extension \(ext.number): channel \(ext.port) is not in [ports] agents; an extension rings one of those phones"
            } else {
                nil
            }
            guard let message else { continue }
            if let located, let value {
                problems.append(file.diagnostic(located, at: value, message))
            } else {
                problem("", line: ext.line, message)
            }
        }
        for port in config.outgoingPorts ?? [] where !config.linePorts.contains(port) {
            problem("outgoing", "channel \(port) is not in [ports] lines; 'outgoing' names exchange lines that transfers may seize")
        }
        for cable in config.cables {
            if channels[cable.fxs]?.portKind != .fxs || channels[cable.fxo]?.portKind != .fxo {
                problem("cable", line: cable.line, "a cable joins an FXS port to an FXO port; channels \(cable.fxs) and \(cable.fxo) are \(channels[cable.fxs]?.portKind.description ?? "unconfigured") and \(channels[cable.fxo]?.portKind.description ?? "unconfigured")")
            }
        }
        for cable in config.spanCables {
            let kinds = [cable.0, cable.1].map { n in layout.spans.first { $0.number == n }?.kind }
            if kinds.contains(where: { $0 == nil || $0 == .analog }) || kinds[0] != kinds[1] || cable.0 == cable.1 {
                problem("span-cable", line: cable.line, "a span cable joins two different digital spans of the same kind; spans \(cable.0) and \(cable.1) are \(kinds.map { $0?.description ?? "missing" }.joined(separator: " and "))")
            }
        }
        for queue in config.queues {
            for port in queue.agents where channels[port]?.portKind != .fxs {
                problem("agents", line: queue.line, "queue '\(queue.name)': channel \(port) is not an FXS port; agents answer on FXS ports")
            }
        }
        for route in config.routes {
            for channel in route.channels where channels[channel] == nil {
                problem("channels", line: route.line, "route '\(route.name)': channel \(channel) is not configured in \(systemConfPath)")
            }
        }
        problems += trunkProblems(file: file)
        if !problems.isEmpty { throw ConfigError(problems) }
    }

    /// Each trunk span must be a digital span of the card with a D-channel, in one trunk only;
    /// problems are located at the trunk's `spans =` value.
    private func trunkProblems(file: ConfigLines) -> [ConfigDiagnostic] {
        var problems: [ConfigDiagnostic] = []
        var owner: [Int: String] = [:]
        for trunk in config.trunks {
            let located = file.lines.first { $0.number == (trunk.spansLine ?? trunk.line) }
            let value = located.flatMap { l in l.content.firstIndex(of: "=").map { l.content[l.content.index(after: $0)...].trimmed } }
            func problem(_ message: String) {
                if let located {
                    problems.append(file.diagnostic(located, at: value, message))
                } else {
                    problems.append(ConfigDiagnostic(at: ConfigLocation(file: config.path, line: trunk.spansLine ?? trunk.line, column: 1),
                                                     sourceLine: "", message))
                }
            }
            for number in trunk.spans {
                guard let span = layout.spans.first(where: { $0.number == number }) else {
                    let known = layout.spans.map { String($0.number) }.joined(separator: ", ")
                    problem("trunk '\(trunk.name)': span \(number) is not configured in \(systemConfPath) (its spans: \(known))")
                    continue
                }
                if span.kind == .analog {
                    problem("trunk '\(trunk.name)': span \(number) is an analog span; a PRI trunk needs an E1 or T1 span")
                } else if span.dChannel == nil {
                    problem("trunk '\(trunk.name)': span \(number) has no D-channel; add 'dchan=' for its timeslot 16 (E1) or 24 (T1) in \(systemConfPath)")
                }
                if let earlier = owner[number] {
                    problem("trunk '\(trunk.name)': span \(number) is already in trunk '\(earlier)'; a span belongs to one trunk")
                } else {
                    owner[number] = trunk.name
                }
            }
        }
        return problems
    }

    /// Reads a whole text file, or fails with a diagnostic naming it.
    static func readFile(_ path: String) throws(ConfigError) -> String {
        guard let handle = fopen(path, "r") else {
            let reason = String(cString: strerror(errno))
            throw ConfigError([ConfigDiagnostic(at: ConfigLocation(file: path, line: 1, column: 1), sourceLine: "", "cannot read the file: \(reason)")])
        }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&chunk, 1, chunk.count, handle)
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
