import HardwareConfig
import TelephonyCore

/// The spans and channels of a card, as `offhook channels` prints them (like `lsdahdi`).
struct ChannelTable: Encodable {
    struct Span: Encodable {
        var number: Int
        var name: String
        var description: String
        var kind: String
        var alarms: [String]
        var zone: String?
        var channels: [Channel]
    }

    struct Channel: Encodable {
        var number: Int
        var name: String
        var type: String
        var signalling: String
        var position: Int
        var hook: String?
        var ringing: Bool
        var open: Bool
        var role: String?
        /// The extension numbers (offhook.conf `[extensions]`) that ring this port's phone.
        var extensions: [String]?
    }

    var backend: String
    var spans: [Span]

    init(card: any TelephonyCard, description: HardwareDescription) throws {
        backend = card.name
        let status = try card.channelStatus()
        spans = try card.spans().map { span in
            Span(number: span.number, name: span.name, description: span.description, kind: span.kind.rawValue,
                 alarms: span.alarms.isEmpty ? [] : span.alarms.description.split(separator: ",").map(String.init),
                 zone: span.toneZone,
                 channels: status.filter { span.channels.contains($0.info.number) }.map { channel in
                     Channel(number: channel.info.number, name: channel.info.name, type: channel.info.portKind.rawValue,
                             signalling: channel.info.signalling.rawValue, position: channel.info.position,
                             hook: channel.hookState?.rawValue, ringing: channel.isRinging, open: channel.isOpen,
                             role: Self.role(of: channel.info, description),
                             extensions: Self.extensions(of: channel.info, description))
                 })
        }
    }

    static func role(of channel: ChannelInfo, _ description: HardwareDescription) -> String? {
        if description.config.agentPorts.contains(channel.number) { return "agent" }
        if description.config.linePorts.contains(channel.number) {
            // A line with options of its own names its `[lines NAME]` section.
            let section = description.config.lineSections.first { $0.channels.contains(channel.number) }
            return section.map { "line (\($0.name))" } ?? "line"
        }
        if description.config.cables.contains(where: { $0.fxs == channel.number || $0.fxo == channel.number }) { return "loopback" }
        let span = description.layout.span(containing: channel.number)
        if let span, let trunk = description.config.trunks.first(where: { $0.spans.contains(span.number) }) {
            return channel.portKind == .dChannel ? "trunk \(trunk.name) D-channel" : "trunk \(trunk.name)"
        }
        if let span,
           let cable = description.config.spanCables.first(where: { $0.0 == span.number || $0.1 == span.number }) {
            return "loopback \(cable.0):\(cable.1)"
        }
        return nil
    }

    static func extensions(of channel: ChannelInfo, _ description: HardwareDescription) -> [String]? {
        let numbers = description.config.extensions.filter { $0.port == channel.number }.map(\.number)
        return numbers.isEmpty ? nil : numbers
    }

    /// The text rendering: a header per span, a row per channel.
    var text: String {
        var lines: [String] = []
        for span in spans {
            let alarms = span.alarms.isEmpty ? "OK" : span.alarms.joined(separator: ",")
            lines.append("### Span \(span.number): \(span.name) \"\(span.description)\" \(alarms)\(span.zone.map { " zone=\($0)" } ?? "")")
            for channel in span.channels {
                var row = column(String(channel.number), 5) + column(channel.type, 5) + column(channel.signalling, 8)
                row += column(channel.hook ?? "-", 10) + column(channel.ringing ? "ringing" : "", 9) + column(channel.name, 12)
                row += channel.role ?? ""
                if let numbers = channel.extensions { row += " ext " + numbers.joined(separator: ",") }
                while row.last == " " { row.removeLast() }
                lines.append(row)
            }
        }
        return lines.joined(separator: "\n")
    }
}
