import ACD

/// Parsing of `[lines NAME]` (per-line FXO options) and `[agents]` (feature codes).
extension OffhookConfig {
    /// Applies one key of a `[lines NAME]` section; a wrong value is reported at the value.
    func applyLineOption(_ key: String, value: Substring, expected: String, to options: inout LineOptions?,
                         line: ConfigLines.Line, file: ConfigLines) throws(ConfigDiagnostic) {
        func fail(_ part: Substring, _ message: String) -> ConfigDiagnostic { file.diagnostic(line, at: part, message) }
        func yesNo() throws(ConfigDiagnostic) -> Bool {
            switch value.lowercased() {
            case "yes", "true", "on": return true
            case "no", "false", "off": return false
            default: throw fail(value, "expected yes or no, found '\(value)'")
            }
        }
        switch key {
        case "channels":
            options?.channelsLine = line.number
            do { options?.channels = try ChannelList.parse(value) } catch { throw fail(error.part, error.message) }
        case "disconnect":
            var methods: Set<LineOptions.Disconnect> = []
            for item in value.split(separator: ",", omittingEmptySubsequences: false) {
                let word = item.trimmed
                guard let method = LineOptions.Disconnect(rawValue: word.lowercased()) else {
                    throw fail(word.isEmpty ? item : word, "expected \(expected), found '\(word)'")
                }
                methods.insert(method)
            }
            options?.disconnect = methods
        case "answer-on-polarity-reversal":
            options?.answerOnPolarityReversal = try yesNo()
        case "caller-id":
            guard let callerID = LineOptions.CallerID(rawValue: value.lowercased()) else {
                throw fail(value, "expected \(expected), found '\(value)'")
            }
            options?.callerID = callerID
        case "caller-id-timing":
            guard let timing = LineOptions.CallerIDTiming(rawValue: value.lowercased()) else {
                throw fail(value, "expected \(expected), found '\(value)'")
            }
            options?.callerIDTiming = timing
        case "wait-for-dial-tone":
            options?.waitForDialTone = try yesNo()
        case "dial-tone-timeout":
            let text = value.hasSuffix("s") ? value.dropLast() : value
            guard let n = Int(text), (1...60).contains(n) else {
                throw fail(value, "expected a number of seconds 1–60, found '\(value)'")
            }
            options?.dialToneTimeout = .seconds(n)
        default:
            throw fail(Substring(key), "unknown key '\(key)'")
        }
    }

    /// Each `[lines NAME]` channel must be one of `[ports] lines` and in one section only;
    /// problems are located at the section's `channels =` value.
    func lineSectionProblems(file: ConfigLines) -> [ConfigDiagnostic] {
        var problems: [ConfigDiagnostic] = []
        var owner: [Int: String] = [:]
        let lines = Set(linePorts)
        for section in lineSections {
            guard let located = file.lines.first(where: { $0.number == section.channelsLine }) else { continue }
            let value = located.content.firstIndex(of: "=").map { located.content[located.content.index(after: $0)...].trimmed }
            for channel in section.channels {
                if !lines.contains(channel) {
                    problems.append(file.diagnostic(located, at: value, "lines '\(section.name)': channel \(channel) is not in [ports] lines; a [lines] section sets FXO exchange lines"))
                }
                if let earlier = owner[channel] {
                    problems.append(file.diagnostic(located, at: value, "lines '\(section.name)': channel \(channel) is already in lines '\(earlier)'; a line takes its options from one section"))
                } else {
                    owner[channel] = section.name
                }
            }
        }
        return problems
    }

    /// The `[agents]` feature codes: those given, the standard ones for the rest, checked
    /// together by ``FeatureCodes``. Each clash (a code that is a prefix of another, or two
    /// equal codes) is reported with ACD's error at the code given later in the file.
    static func featureCodes(_ given: [FeatureCode: (line: ConfigLines.Line, value: Substring)], header: ConfigLines.Line,
                             file: ConfigLines) throws(ConfigError) -> FeatureCodes {
        var codes = FeatureCodes.standard.codes
        for (feature, entry) in given { codes[feature] = String(entry.value) }
        let defaulted = FeatureCode.allCases.filter { given[$0] == nil }.map { "\($0.rawValue) \(codes[$0]!)" }
        let note = defaulted.isEmpty ? "" : " (not given, so kept: \(defaulted.joined(separator: ", ")))"
        var problems: [ConfigDiagnostic] = []
        let features = FeatureCode.allCases
        for (i, a) in features.enumerated() {
            for b in features[(i + 1)...] {
                guard let codeA = codes[a], let codeB = codes[b], codeA.hasPrefix(codeB) || codeB.hasPrefix(codeA) else { continue }
                let (short, long) = codeA.count <= codeB.count ? (codeA, codeB) : (codeB, codeA)
                let message = "\(ACDError.ambiguousFeatureCodes(short, long).description)\(note); no code may be a prefix of another"
                let located = [given[a], given[b]].compactMap { $0 }.max { $0.line.number < $1.line.number }
                if let located {
                    problems.append(file.diagnostic(located.line, at: located.value, message))
                } else {
                    problems.append(file.diagnostic(header, message))
                }
            }
        }
        if !problems.isEmpty { throw ConfigError(problems) }
        do {
            return try FeatureCodes(codes)
        } catch {
            throw ConfigError([file.diagnostic(header, error.description)])
        }
    }
}
