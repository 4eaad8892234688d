import ArgumentParser
import DAHDI
import TelephonyCore

/// `offhook channels`: a card's spans and channels, as `lsdahdi` shows them.
struct ChannelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "channels",
        abstract: "List the card's spans and channels with their signalling and state."
    )

    @Option(help: "The DAHDI device directory.")
    var device: String = "/dev/dahdi"

    func run() throws {
        let card: DAHDICard
        do {
            card = try DAHDICard(directory: device)
        } catch {
            throw ValidationError("no DAHDI card: \(error)")
        }
        print(try ChannelListing.render(card: card), terminator: "")
    }
}

/// Renders a card's spans and channels as text.
enum ChannelListing {
    /// One `span N ...` line per span, then one indented line per configured channel.
    ///
    /// ```
    /// span 1 DYN/loc/1:0 E1 channels 1-31 d-channel 16 alarms OK "Dynamic 'loc' span at '1:0'"
    ///    1 DAHDI/1   B    bchan   span 1 ts 1
    /// ```
    static func render(card: any TelephonyCard) throws -> String {
        let spans = try card.spans()
        let channels = try card.channelStatus()
        var text = ""
        for span in spans {
            let range = "\(span.channels.lowerBound)-\(span.channels.upperBound)"
            let d = span.dChannel.map { " d-channel \($0)" } ?? ""
            text += "span \(span.number) \(span.name) \(span.kind) channels \(range)\(d) alarms \(span.alarms) \"\(span.description)\"\n"
            for status in channels where status.info.span == span.number {
                let info = status.info
                var line = pad(String(info.number), 5, right: true) + " " + pad(info.name, 11) + " "
                    + pad(info.portKind.description, 4) + " " + pad(info.signalling.rawValue, 9)
                    + " span \(info.span) ts \(info.position)"
                if let hook = status.hookState { line += " \(hook)" }
                if status.isRinging { line += " ringing" }
                text += line + "\n"
            }
        }
        if spans.isEmpty { text += "no spans\n" }
        return text
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
