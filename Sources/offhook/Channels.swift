import ArgumentParser
import Foundation

/// `offhook channels`: lists spans and channels, like `lsdahdi`.
struct Channels: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the card's spans and channels: type, signalling, hook state, alarms.")

    @OptionGroup var options: ConfigOptions

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let description = try options.load()
        let opened: OpenedCard
        do {
            opened = try CardFactory.open(description)
        } catch {
            printError("offhook: cannot open the card: \(error)")
            throw ExitCode(ExitStatus.noCard)
        }
        let table = try ChannelTable(card: opened.card, description: description)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(table), as: UTF8.self))
        } else {
            print(table.text)
        }
    }
}
