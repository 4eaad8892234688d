import TelephonyCore

extension SystemConf {
    /// Parses `text` (the contents of `path`), reporting every problem at once.
    ///
    /// - Throws: ``ConfigError`` with a located diagnostic per problem.
    public init(parsing text: String, path: String) throws(ConfigError) {
        self.init()
        let file = ConfigLines(path: path, text: text)
        var problems: [ConfigDiagnostic] = []
        for line in file.lines where !line.content.trimmed.isEmpty {
            let content = line.content
            guard let equals = content.firstIndex(of: "=") else {
                problems.append(file.diagnostic(line, at: content.trimmed, "expected 'key=value', e.g. 'fxoks=1-4'"))
                continue
            }
            let key = content[..<equals].trimmed
            let value = content[content.index(after: equals)...].trimmed
            guard !value.isEmpty else {
                problems.append(file.diagnostic(line, at: key, "'\(key)' needs a value after '='"))
                continue
            }
            do {
                try apply(key: key, value: value, line: line, file: file)
            } catch {
                problems.append(error)
            }
        }
        if !problems.isEmpty { throw ConfigError(problems) }
    }

    private static let signallingKeys: [String: ChannelSignalling] = [
        "fxsls": .fxsLoopStart, "fxsgs": .fxsGroundStart, "fxsks": .fxsKewlStart,
        "fxols": .fxoLoopStart, "fxogs": .fxoGroundStart, "fxoks": .fxoKewlStart,
        "bchan": .clear, "clear": .clear, "dchan": .dChannel, "hardhdlc": .hardHDLC,
    ]

    private static let knownButIgnored: Set<String> = [
        "indclear", "unused", "e&m", "e&me1", "nethdlc", "mtp2", "dacs", "dacsrbs", "channel", "channels",
    ]

    private mutating func apply(key: Substring, value: Substring, line: ConfigLines.Line, file: ConfigLines) throws(ConfigDiagnostic) {
        func fail(_ part: Substring, _ message: String) -> ConfigDiagnostic { file.diagnostic(line, at: part, message) }
        func channels(_ list: Substring) throws(ConfigDiagnostic) -> [Int] {
            do { return try ChannelList.parse(list) } catch { throw fail(error.part, error.message) }
        }
        switch key.lowercased() {
        case "span":
            let fields = value.split(separator: ",", omittingEmptySubsequences: false).map(\.trimmed)
            guard fields.count >= 5 else {
                throw fail(value, "expected 'span=<num>,<timing>,<lbo>,<framing>,<coding>', found \(fields.count) field\(fields.count == 1 ? "" : "s")")
            }
            guard let number = Int(fields[0]), number > 0 else { throw fail(fields[0], "expected a span number ≥ 1, found '\(fields[0])'") }
            guard let timing = Int(fields[1]), timing >= 0 else { throw fail(fields[1], "expected a timing priority ≥ 0, found '\(fields[1])'") }
            guard let lbo = Int(fields[2]), (0...7).contains(lbo) else { throw fail(fields[2], "expected a line build-out 0–7, found '\(fields[2])'") }
            let framing = fields[3].lowercased(), coding = fields[4].lowercased()
            let kind: SpanInfo.Kind
            switch framing {
            case "ccs", "cas":
                guard coding == "hdb3" || coding == "ami" else { throw fail(fields[4], "expected E1 line coding 'hdb3' or 'ami' with '\(framing)' framing, found '\(fields[4])'") }
                kind = .e1
            case "esf", "d4":
                guard coding == "b8zs" || coding == "ami" else { throw fail(fields[4], "expected T1 line coding 'b8zs' or 'ami' with '\(framing)' framing, found '\(fields[4])'") }
                kind = .t1
            default:
                throw fail(fields[3], "expected framing 'ccs', 'cas' (E1), 'esf' or 'd4' (T1), found '\(fields[3])'")
            }
            for option in fields.dropFirst(5) where !["crc4", "yellow"].contains(option.lowercased()) {
                throw fail(option, "expected 'crc4' or 'yellow', found '\(option)'")
            }
            if spans.contains(where: { $0.number == number }) { throw fail(fields[0], "span \(number) is configured twice") }
            spans.append(Span(number: number, timing: timing, lineBuildOut: lbo, framing: framing, coding: coding,
                              options: fields.dropFirst(5).map { $0.lowercased() }, kind: kind, line: line.number))
        case "dynamic":
            let fields = value.split(separator: ",", omittingEmptySubsequences: false).map(\.trimmed)
            guard fields.count == 4 else { throw fail(value, "expected 'dynamic=<driver>,<address>,<numchans>,<timing>'") }
            guard let count = Int(fields[2]), (1...31).contains(count) else { throw fail(fields[2], "expected 1–31 channels, found '\(fields[2])'") }
            guard let timing = Int(fields[3]), timing >= 0 else { throw fail(fields[3], "expected a timing priority ≥ 0, found '\(fields[3])'") }
            dynamicSpans.append(Dynamic(driver: String(fields[0]), address: String(fields[1]), channelCount: count, timing: timing, line: line.number))
        case "cas":
            guard let colon = value.firstIndex(of: ":") else { throw fail(value, "expected 'cas=<channels>:<ABCD bits>', e.g. 'cas=25-28:1101'") }
            let bitsText = value[value.index(after: colon)...].trimmed
            guard bitsText.count == 4, let bits = UInt8(bitsText, radix: 2) else { throw fail(bitsText, "expected four ABCD bits such as 1101, found '\(bitsText)'") }
            for channel in try channels(value[..<colon]) {
                try assign(.cas, to: channel, key: key, line: line, file: file)
                casBits[channel] = bits
            }
        case "alaw", "mulaw":
            for channel in try channels(value) { laws[channel] = key.lowercased() == "alaw" ? .aLaw : .muLaw }
        case "deflaw":
            switch value.lowercased() {
            case "alaw": defaultLaw = .aLaw
            case "mulaw": defaultLaw = .muLaw
            default: throw fail(value, "expected 'alaw' or 'mulaw', found '\(value)'")
            }
        case "echocanceller":
            guard let comma = value.firstIndex(of: ",") else { throw fail(value, "expected 'echocanceller=<name>,<channels>', e.g. 'echocanceller=mg2,1-15'") }
            let name = value[..<comma].trimmed
            for channel in try channels(value[value.index(after: comma)...]) { echoCancellers[channel] = String(name) }
        case "loadzone":
            loadZones.append(String(value))
        case "defaultzone":
            defaultZone = String(value)
        case let name where Self.signallingKeys[name] != nil:
            for channel in try channels(value) {
                try assign(Self.signallingKeys[name]!, to: channel, key: key, line: line, file: file)
            }
        case let name where Self.knownButIgnored.contains(name):
            break
        default:
            let known = ["span", "dynamic", "cas", "alaw", "mulaw", "deflaw", "echocanceller", "loadzone", "defaultzone"] + Self.signallingKeys.keys.sorted()
            let hint = known.first { closeEnough($0, String(key).lowercased()) }.map { "; did you mean '\($0)'?" } ?? ""
            throw fail(key, "unknown key '\(key)'\(hint)")
        }
    }

    private mutating func assign(_ signalling: ChannelSignalling, to channel: Int, key: Substring, line: ConfigLines.Line, file: ConfigLines) throws(ConfigDiagnostic) {
        if let previous = channelLines[channel] {
            throw file.diagnostic(line, at: key, "channel \(channel) is already configured on line \(previous)")
        }
        self.signalling[channel] = signalling
        channelLines[channel] = line.number
    }
}

/// Whether two short words differ by at most one edit (for "did you mean").
func closeEnough(_ a: String, _ b: String) -> Bool {
    let a = Array(a), b = Array(b)
    guard abs(a.count - b.count) <= 1, a != b else { return false }
    var previous = Array(0...b.count)
    for i in 1...max(1, a.count) where !a.isEmpty {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(1, b.count) where !b.isEmpty {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count] <= 1
}
