import CDR
import Foundation

/// `offhook report`'s text and JSON.
struct ReportOutput {
    let database: String
    let query: ReportQuery
    let report: QueueReport
    let timeZone: TimeZone

    // MARK: Text

    var text: String {
        var lines: [String] = []
        let zone = timeZone.secondsFromGMT() == 0 && ["UTC", "GMT"].contains(timeZone.identifier)
            ? "UTC" : timeZone.abbreviation() ?? timeZone.identifier
        lines.append("Call records in \(database), \(period) (\(zone))")
        let calls = report.calls
        lines.append("Calls: \(calls.calls), answered \(calls.answered), billable \(calls.billableSeconds) s")
        lines.append("")
        let t = report.totals
        let threshold = Int(query.serviceLevelThreshold.components.seconds)
        lines.append("Queue \(query.queue ?? "(all)")")
        lines.append(row("Offered", "\(t.offered)"))
        lines.append(row("Answered", "\(t.answered)"))
        lines.append(row("Abandoned", "\(t.abandoned)", note: t.abandonRate.map { "\(percent($0)) of waits ended" }))
        lines.append(row("Overflowed", "\(t.overflowed)"))
        lines.append(row("Service level", t.serviceLevel.map(percent) ?? "-",
                         note: "\(t.answeredWithinThreshold) of \(t.waitsEnded) answered within \(threshold) s"))
        lines.append(row("Average speed of answer", seconds(t.averageSpeedOfAnswer)))
        lines.append(row("Average handle time", seconds(t.averageHandleTime)))
        if !report.agents.isEmpty {
            lines.append("")
            lines.append("Agent  Answered  No answer  Talk (s)  AHT (s)")
            for a in report.agents {
                lines.append(pad("\(a.agent)", 5) + pad("\(a.answered)", 10) + pad("\(a.noAnswer)", 11)
                             + pad(String(format: "%.0f", a.totalTalk), 10) + pad(number(a.averageHandleTime), 9))
            }
        }
        if !report.hours.isEmpty {
            lines.append("")
            lines.append("Hour              Offered  Answered  Abandoned  Service level  ASA (s)")
            for h in report.hours {
                let f = h.figures
                lines.append(column(hour(h.start), 16) + pad("\(f.offered)", 9) + pad("\(f.answered)", 10)
                             + pad("\(f.abandoned)", 11) + pad(f.serviceLevel.map(percent) ?? "-", 15)
                             + pad(number(f.averageSpeedOfAnswer), 9))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func row(_ label: String, _ value: String, note: String? = nil) -> String {
        "  " + column(label, 24) + pad(value, 8) + (note.map { "  (\($0))" } ?? "")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    private func percent(_ fraction: Double) -> String { String(format: "%.1f%%", fraction * 100) }
    private func number(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "-" }
    private func seconds(_ value: Double?) -> String { value.map { String(format: "%.1f s", $0) } ?? "-" }

    /// "all time", "from 2026-11-23 00:00", "to …", or "2026-11-23 00:00 to 2026-11-24 00:00".
    private var period: String {
        switch (query.from == .distantPast ? nil : query.from, query.to == .distantFuture ? nil : query.to) {
        case (nil, nil): "all time"
        case (let from?, nil): "from \(hour(from))"
        case (nil, let to?): "to \(hour(to))"
        case (let from?, let to?): "\(hour(from)) to \(hour(to))"
        }
    }

    private func hour(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    // MARK: JSON

    private struct JSONReport: Encodable {
        struct Figures: Encodable {
            var offered, answered, answeredWithinThreshold, abandoned, overflowed, completed: Int
            var serviceLevel, abandonRate, averageSpeedOfAnswerSeconds, averageHandleTimeSeconds: Double?
            init(_ f: QueueFigures) {
                (offered, answered, answeredWithinThreshold) = (f.offered, f.answered, f.answeredWithinThreshold)
                (abandoned, overflowed, completed) = (f.abandoned, f.overflowed, f.completed)
                (serviceLevel, abandonRate) = (f.serviceLevel, f.abandonRate)
                (averageSpeedOfAnswerSeconds, averageHandleTimeSeconds) = (f.averageSpeedOfAnswer, f.averageHandleTime)
            }
        }
        struct Agent: Encodable {
            var agent, answered, noAnswer, completed: Int
            var talkSeconds: Double
            var averageHandleTimeSeconds: Double?
        }
        struct Hour: Encodable {
            var start: String
            var figures: Figures
        }
        var database: String
        var from, to, queue: String?
        var serviceLevelThresholdSeconds: Int
        var calls: CallFigures
        var totals: Figures
        var agents: [Agent]
        var hours: [Hour]
    }

    func json() throws -> String {
        let iso = ISO8601DateFormatter()
        iso.timeZone = timeZone
        func stamp(_ date: Date) -> String? { date == .distantPast || date == .distantFuture ? nil : iso.string(from: date) }
        let value = JSONReport(
            database: database, from: stamp(query.from), to: stamp(query.to), queue: query.queue,
            serviceLevelThresholdSeconds: Int(query.serviceLevelThreshold.components.seconds),
            calls: report.calls, totals: .init(report.totals),
            agents: report.agents.map { .init(agent: $0.agent, answered: $0.answered, noAnswer: $0.noAnswer,
                                              completed: $0.completed, talkSeconds: $0.totalTalk,
                                              averageHandleTimeSeconds: $0.averageHandleTime) },
            hours: report.hours.map { .init(start: iso.string(from: $0.start), figures: .init($0.figures)) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
