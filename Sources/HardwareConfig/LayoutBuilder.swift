import TelephonyCore

/// Turns `system.conf` (and a simulated card's declared layout) into a ``CardLayout``.
///
/// DAHDI numbers channels card-wide, span after span. With `[card] layout = …` the spans are
/// exactly those, in that order. Without it, the digital spans of `span=` lines (by number)
/// and then `dynamic=` lines come first, 31 channels an E1, 24 a T1; any configured channels after
/// them form one analog span.
struct LayoutBuilder {
    let config: OffhookConfig
    let systemConf: SystemConf
    let systemConfPath: String

    func build() throws(ConfigError) -> CardLayout {
        var specs: [(kind: SpanInfo.Kind, count: Int)] = []
        if let declared = config.layout {
            specs = declared.map { spec in
                switch spec {
                case .analog(let ports): (.analog, ports)
                case .e1: (.e1, 31)
                case .t1: (.t1, 24)
                }
            }
        } else {
            specs = systemConf.spans.sorted { $0.number < $1.number }.map { ($0.kind, $0.kind == .e1 ? 31 : 24) }
            specs += systemConf.dynamicSpans.map { (.e1, $0.channelCount) }
            let digitalChannels = specs.reduce(0) { $0 + $1.count }
            if let highest = systemConf.signalling.keys.max(), highest > digitalChannels {
                specs.append((.analog, highest - digitalChannels))
            }
        }
        var problems: [ConfigDiagnostic] = []
        let text = (try? HardwareDescription.readFile(systemConfPath)) ?? ""
        let file = ConfigLines(path: systemConfPath, text: text)
        func problem(atLine number: Int?, _ message: String) {
            if let number, let line = file.lines.first(where: { $0.number == number }) {
                problems.append(file.diagnostic(line, message))
            } else {
                problems.append(ConfigDiagnostic(at: ConfigLocation(file: systemConfPath, line: 1, column: 1), sourceLine: "", message))
            }
        }

        var spans: [SpanLayout] = []
        var next = 1
        for (index, spec) in specs.enumerated() {
            let number = index + 1
            let range = next...(next + spec.count - 1)
            let spanLine = systemConf.spans.first { $0.number == number }
            if let spanLine, spanLine.kind != spec.kind {
                problem(atLine: spanLine.line, "span \(number) is \(spec.kind) in the card's layout, but this line configures it as \(spanLine.kind)")
            }
            var channels: [ChannelLayout] = []
            for channel in range {
                guard let signalling = systemConf.signalling[channel] else { continue }
                if spec.kind == .analog && !signalling.isAnalog {
                    problem(atLine: systemConf.channelLines[channel], "channel \(channel) is an analog port; '\(signalling)' needs a digital span")
                }
                let law = systemConf.laws[channel] ?? systemConf.defaultLaw
                channels.append(ChannelLayout(number: channel, signalling: signalling, law: law))
            }
            spans.append(SpanLayout(number: number, kind: spec.kind, firstChannel: next, channelCount: spec.count,
                                    channels: channels, timing: spanLine?.timing, lineBuildOut: spanLine?.lineBuildOut,
                                    framing: spanLine?.framing, lineCoding: spanLine?.coding,
                                    namePrefix: config.backend == .dahdi ? "DAHDI" : "SIM"))
            next += spec.count
        }
        for spanLine in systemConf.spans where spanLine.number > specs.count {
            problem(atLine: spanLine.line, "span \(spanLine.number) is not on the card (it has \(specs.count) span\(specs.count == 1 ? "" : "s"))")
        }
        for channel in systemConf.signalling.keys.sorted() where channel >= next {
            problem(atLine: systemConf.channelLines[channel], "channel \(channel) is beyond the card's last channel, \(next - 1)")
        }
        if !problems.isEmpty { throw ConfigError(problems) }
        let zone = systemConf.defaultZone ?? systemConf.loadZones.first ?? "us"
        return CardLayout(spans: spans, defaultZone: zone, loadZones: systemConf.loadZones)
    }
}
