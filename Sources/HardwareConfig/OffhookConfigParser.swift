import ACD

extension OffhookConfig {
    /// Parses Offhook's config file, reporting every problem at once.
    public init(parsing text: String, path: String) throws(ConfigError) {
        self.init(path: path)
        let file = ConfigLines(path: path, text: text)
        var problems: [ConfigDiagnostic] = []
        var section: String?
        var routeStart: ConfigLines.Line?
        var pendingRoute: Route?
        var pendingQueue: QueueSection?
        var pendingTrunk: Trunk?
        var trunkStart: ConfigLines.Line?

        var trunkHeaders: [String: Int] = [:]
        var pendingLines: LineOptions?
        var lineHeaders: [String: Int] = [:]
        var agentsHeader: ConfigLines.Line?
        var codeKeys: [FeatureCode: (line: ConfigLines.Line, value: Substring)] = [:]

        func finishLines() {
            guard let options = pendingLines else { return }
            pendingLines = nil
            guard let start = file.lines.first(where: { $0.number == options.line }) else { return }
            if let earlier = lineHeaders[options.name] {
                problems.append(file.diagnostic(start, "lines '\(options.name)' is already given on line \(earlier)"))
                return
            }
            lineHeaders[options.name] = options.line
            if options.channelsLine == nil {
                problems.append(file.diagnostic(start, "lines '\(options.name)' needs 'channels = N' (the FXO ports of [ports] lines it sets, like 5-6)"))
            } else {
                lineSections.append(options)
            }
        }

        func finishQueue() {
            if let queue = pendingQueue { queues.append(queue) }
            pendingQueue = nil
        }

        func finishRoute() {
            guard let route = pendingRoute, let start = routeStart else { return }
            if route.script.isEmpty {
                problems.append(file.diagnostic(start, "route '\(route.name)' needs 'script = FILE'"))
            } else if route.channels.isEmpty && route.dnis.isEmpty {
                problems.append(file.diagnostic(start, "route '\(route.name)' needs 'channels =' or 'dnis ='"))
            } else {
                routes.append(route)
            }
            pendingRoute = nil
        }

        func finishTrunk() {
            guard let trunk = pendingTrunk, let start = trunkStart else { return }
            pendingTrunk = nil
            if let earlier = trunkHeaders[trunk.name] {
                problems.append(file.diagnostic(start, "trunk '\(trunk.name)' is already given on line \(earlier)"))
                return
            }
            trunkHeaders[trunk.name] = trunk.line
            if trunk.spansLine == nil {
                problems.append(file.diagnostic(start, "trunk '\(trunk.name)' needs 'spans = N' (the PRI spans it takes, like 1 or 1-4)"))
            } else if !trunk.spans.isEmpty {
                trunks.append(trunk)
            }
        }

        for line in file.lines where !line.content.trimmed.isEmpty {
            let content = line.content.trimmed
            if content.first == "[" {
                finishRoute()
                finishQueue()
                finishTrunk()
                finishLines()
                guard content.last == "]" else {
                    problems.append(file.diagnostic(line, at: content, "expected ']' to close the section header"))
                    section = nil
                    continue
                }
                let words = content.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
                let name = words.first.map { String($0).lowercased() } ?? ""
                guard Self.keys[name] != nil else {
                    problems.append(file.diagnostic(line, at: content, "unknown section '\(content)'; expected [card], [ports], [extensions], [agents], [wiring], [trunk NAME], [queue NAME], [lines NAME] or [route NAME]"))
                    section = nil
                    continue
                }
                if name == "queue" {
                    guard words.count == 2 else {
                        problems.append(file.diagnostic(line, at: content, "expected '[queue NAME]' with a one-word name"))
                        section = nil
                        continue
                    }
                    pendingQueue = QueueSection(name: String(words[1]), line: line.number)
                } else if name == "route" {
                    guard words.count == 2 else {
                        problems.append(file.diagnostic(line, at: content, "expected '[route NAME]' with a one-word name"))
                        section = nil
                        continue
                    }
                    routeStart = line
                    pendingRoute = Route(name: String(words[1]), channels: [], dnis: [], script: "", language: nil, line: line.number)
                } else if name == "trunk" {
                    guard words.count == 2 else {
                        problems.append(file.diagnostic(line, at: content, "expected '[trunk NAME]' with a one-word name"))
                        section = nil
                        continue
                    }
                    trunkStart = line
                    pendingTrunk = Trunk(name: String(words[1]), line: line.number)
                } else if name == "lines" {
                    guard words.count == 2 else {
                        problems.append(file.diagnostic(line, at: content, "expected '[lines NAME]' with a one-word name"))
                        section = nil
                        continue
                    }
                    pendingLines = LineOptions(name: String(words[1]), line: line.number)
                } else if words.count != 1 {
                    problems.append(file.diagnostic(line, at: content, "section [\(name)] takes no name"))
                }
                if name == "agents" { agentsHeader = line }
                section = name
                continue
            }
            guard let section else {
                problems.append(file.diagnostic(line, at: content, "expected a section header such as [card] before any key"))
                continue
            }
            guard let equals = content.firstIndex(of: "=") else {
                problems.append(file.diagnostic(line, at: content, "expected 'key = value'"))
                continue
            }
            let key = content[..<equals].trimmed, value = content[content.index(after: equals)...].trimmed
            if section == "extensions", let first = key.first, first.isNumber {
                do {
                    try addExtension(key, port: value, line: line, file: file)
                } catch {
                    problems.append(error)
                }
                continue
            }
            guard let expected = Self.keys[section]?[key.lowercased()] else {
                let valid = Self.keys[section]!.keys.sorted().joined(separator: ", ")
                problems.append(file.diagnostic(line, at: key, "unknown key '\(key)' in [\(section)]; expected one of: \(valid)"))
                continue
            }
            guard !value.isEmpty else {
                problems.append(file.diagnostic(line, at: key, "'\(key)' needs a value: \(expected)"))
                continue
            }
            if section == "lines" {
                do { try applyLineOption(key.lowercased(), value: value, expected: expected, to: &pendingLines, line: line, file: file) } catch {
                    problems.append(error)
                }
                continue
            }
            if section == "agents", let feature = FeatureCode(rawValue: key.lowercased()) {
                do throws(ACDError) {
                    try FeatureCodes.check(String(value))
                    if let earlier = codeKeys[feature] {
                        problems.append(file.diagnostic(line, at: key, "'\(key)' is already given on line \(earlier.line.number)"))
                    } else {
                        codeKeys[feature] = (line, value)
                    }
                } catch {
                    problems.append(file.diagnostic(line, at: value, "\(error.description); expected \(expected)"))
                }
                continue
            }
            do {
                try apply(section: section, key: key.lowercased(), value: value, expected: expected, route: &pendingRoute,
                          queue: &pendingQueue, trunk: &pendingTrunk, line: line, file: file)
            } catch {
                problems.append(error)
            }
        }
        finishRoute()
        finishQueue()
        finishTrunk()
        finishLines()
        problems += lineSectionProblems(file: file)
        if let header = agentsHeader {
            do {
                featureCodes = try Self.featureCodes(codeKeys, header: header, file: file)
            } catch {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty {
            throw ConfigError(problems.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) })
        }
    }

    private mutating func apply(section: String, key: String, value: Substring, expected: String, route: inout Route?,
                                queue: inout QueueSection?, trunk: inout Trunk?, line: ConfigLines.Line, file: ConfigLines) throws(ConfigDiagnostic) {
        func fail(_ part: Substring, _ message: String) -> ConfigDiagnostic { file.diagnostic(line, at: part, message) }
        func channels() throws(ConfigDiagnostic) -> [Int] {
            do { return try ChannelList.parse(value) } catch { throw fail(error.part, error.message) }
        }
        func pair() throws(ConfigDiagnostic) -> (Int, Int) {
            let parts = value.split(separator: ":", omittingEmptySubsequences: false).map(\.trimmed)
            guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]) else {
                throw fail(value, "expected \(expected), found '\(value)'")
            }
            return (a, b)
        }
        func seconds() throws(ConfigDiagnostic) -> Duration {
            let text = value.hasSuffix("s") ? value.dropLast() : value
            guard let n = Int(text), (0...86_400).contains(n) else {
                throw fail(value, "expected a number of seconds 0–86400, found '\(value)'")
            }
            return .seconds(n)
        }
        switch (section, key) {
        case ("queue", "agents"): queue?.agents = try channels()
        case ("queue", "strategy"): queue?.strategy = String(value)
        case ("queue", "ring-timeout"): queue?.ringTimeout = try seconds()
        case ("queue", "max-wait"): queue?.maxWait = try seconds()
        case ("queue", "announce-every"): queue?.announceEvery = try seconds()
        case ("queue", "wrap-up"): queue?.wrapUp = try seconds()
        case ("queue", "when-no-agents"):
            guard value == "overflow" || value == "wait" else { throw fail(value, "expected overflow or wait, found '\(value)'") }
            queue?.whenNoAgents = String(value)
        case ("card", "backend"):
            guard let backend = Backend(rawValue: value.lowercased()) else { throw fail(value, "expected \(expected), found '\(value)'") }
            self.backend = backend
        case ("card", "system-conf"):
            systemConf = String(value)
        case ("card", "layout"):
            var specs: [SpanSpec] = []
            for item in value.split(separator: ",") {
                let words = item.trimmed.split(separator: " ", omittingEmptySubsequences: true)
                switch (words.first?.lowercased(), words.count) {
                case ("e1", 1): specs.append(.e1)
                case ("t1", 1): specs.append(.t1)
                case ("analog", 2):
                    guard let ports = Int(words[1]), (1...256).contains(ports) else {
                        throw fail(words[1], "expected a port count 1–256, found '\(words[1])'")
                    }
                    specs.append(.analog(ports: ports))
                default:
                    throw fail(item.trimmed, "expected 'analog N', 'e1' or 't1', found '\(item.trimmed)'")
                }
            }
            layout = specs
        case ("ports", "agents"):
            agentPorts = try channels()
        case ("ports", "lines"):
            linePorts = try channels()
        case ("ports", "outgoing"):
            outgoingPorts = try channels()
        case ("extensions", "ring-timeout"):
            transferRingTimeout = try seconds()
        case ("wiring", "cable"):
            let (a, b) = try pair()
            cables.append((a, b, line.number))
        case ("wiring", "span-cable"):
            let (a, b) = try pair()
            spanCables.append((a, b, line: line.number))
        case ("trunk", "spans"):
            trunk?.spansLine = line.number
            do { trunk?.spans = try ChannelList.parse(value) } catch {
                throw fail(error.part, "expected \(expected), found '\(error.part)'")
            }
        case ("trunk", "side"):
            switch value.lowercased() {
            case "cpe", "pri_cpe": trunk?.side = .cpe
            case "net", "pri_net": trunk?.side = .net
            default: throw fail(value, "expected cpe (user side, pri_cpe) or net (network side, pri_net), found '\(value)'")
            }
        case ("trunk", "switchtype"):
            guard Self.switchTypes.contains(value.lowercased()) else { throw fail(value, "expected \(expected), found '\(value)'") }
            trunk?.switchType = value.lowercased()
        case ("route", "channels"):
            route?.channels = try channels()
        case ("route", "dnis"):
            route?.dnis = value.split(separator: ",").map { String($0.trimmed) }
        case ("route", "script"):
            route?.script = String(value)
        case ("route", "language"):
            route?.language = String(value)
        default:
            throw fail(Substring(key), "unknown key '\(key)'")
        }
    }

    /// `N = CHANNEL` in `[extensions]`: a number of digits, given once, and one channel.
    private mutating func addExtension(_ number: Substring, port value: Substring, line: ConfigLines.Line,
                                       file: ConfigLines) throws(ConfigDiagnostic) {
        guard number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "*" || $0 == "#") }) else {
            throw file.diagnostic(line, at: number, "expected an extension number of digits (0-9, *, #), found '\(number)'")
        }
        if let earlier = extensions.first(where: { $0.number == number }) {
            throw file.diagnostic(line, at: number, "extension \(number) is already given on line \(earlier.line)")
        }
        guard let port = Int(value), port > 0 else {
            throw file.diagnostic(line, at: value, "expected the channel number of an agent's FXS port, found '\(value)'")
        }
        extensions.append(Extension(number: String(number), port: port, line: line.number))
    }
}
