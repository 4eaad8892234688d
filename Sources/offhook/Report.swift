import ArgumentParser
import CDR
import Foundation

/// `offhook report`: queue figures from the call records: service level, average speed of
/// answer, abandon rate, average handle time; per agent and per hour.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print queue figures from the call records: service level, speed of answer, abandon rate, handle time.",
        discussion: """
            DATE is YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or YYYY-MM-DDTHH:MM[:SS], in local time \
            (UTC with --utc), or ISO 8601 with a zone (2026-11-23T08:00:00Z). A --to of a bare \
            day includes that day. Service level and abandon rate are fractions of the callers \
            whose wait ended in the period (answered, abandoned or overflowed).
            """
    )

    @Option(name: .long, help: ArgumentHelp("The call-record database.", valueName: "FILE"))
    var db = SQLiteCallRecordStore.defaultPath

    @Option(name: .long, help: ArgumentHelp("Only events at or after this time.", valueName: "DATE"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Only events before this time.", valueName: "DATE"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("Only this queue.", valueName: "NAME"))
    var queue: String?

    @Option(name: .long, help: ArgumentHelp("The service-level threshold in seconds.", valueName: "SECONDS"))
    var threshold = 20

    @Flag(name: .long, help: "Read and print times in UTC instead of local time.")
    var utc = false

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    var timeZone: TimeZone { utc ? TimeZone(identifier: "UTC")! : .current }

    func validate() throws {
        guard threshold > 0 else { throw ValidationError("--threshold must be a positive number of seconds") }
        let period = try self.period()
        guard period.from < period.to else { throw ValidationError("--from must be before --to") }
    }

    func period() throws -> (from: Date, to: Date) {
        let from = try from.map { try ReportDate.parse($0, option: "--from", timeZone: timeZone, endOfDay: false) }
        let to = try to.map { try ReportDate.parse($0, option: "--to", timeZone: timeZone, endOfDay: true) }
        return (from ?? .distantPast, to ?? .distantFuture)
    }

    func run() throws {
        guard fileExists(db) else {
            printError("offhook: no call records at \(db) (give the daemon's database with --db)")
            throw ExitCode(66)   // EX_NOINPUT
        }
        let (from, to) = try period()
        let zone = timeZone
        let query = ReportQuery(from: from, to: to, queue: queue, serviceLevelThreshold: .seconds(threshold),
                                utcOffset: .seconds(zone.secondsFromGMT(for: from == .distantPast ? Date() : from)))
        let report: QueueReport
        do {
            report = try SQLiteCallRecordStore(path: db).report(query)
        } catch {
            printError("offhook: \(error)")
            throw ExitCode.failure
        }
        let output = ReportOutput(database: db, query: query, report: report, timeZone: zone)
        print(json ? try output.json() : output.text, terminator: "")
    }
}

/// The dates `offhook report` accepts.
enum ReportDate {
    /// Parses `text` in `timeZone`; a bare day is its start, or with `endOfDay` the next day's start.
    static func parse(_ text: String, option: String, timeZone: TimeZone, endOfDay: Bool) throws -> Date {
        let iso = ISO8601DateFormatter()
        if let date = iso.date(from: text) { return date }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        let day = parts.first.map { $0.split(separator: "-").map { Int($0) } } ?? []
        let clock = parts.count == 2 ? parts[1].split(separator: ":").map { Int($0) } : []
        guard parts.count <= 2, day.count == 3, day.allSatisfy({ $0 != nil }),
              parts.count == 1 || (2...3).contains(clock.count), clock.allSatisfy({ $0 != nil }) else {
            throw ValidationError("\(option): '\(text)' is not a date (expected YYYY-MM-DD or YYYY-MM-DD HH:MM)")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(calendar: calendar, timeZone: timeZone, year: day[0], month: day[1], day: day[2],
                                        hour: clock.first ?? 0, minute: clock.count > 1 ? clock[1] : 0,
                                        second: clock.count > 2 ? clock[2] : 0)
        guard components.isValidDate, let date = components.date else {
            throw ValidationError("\(option): '\(text)' is not a valid date")
        }
        return parts.count == 1 && endOfDay ? calendar.date(byAdding: .day, value: 1, to: date)! : date
    }
}
