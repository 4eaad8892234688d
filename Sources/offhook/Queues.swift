import ArgumentParser
import CDR
import Foundation

/// `offhook queues`: the supervisor's view: callers waiting in each queue and every agent's
/// status and state, from the queue events the daemon writes.
struct Queues: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show callers waiting in each queue and every agent's status and state.",
        discussion: """
            Read from the call-record database the daemon writes (milliseconds behind the calls). \
            Callers who joined more than --window minutes ago without an outcome are left out \
            (a daemon stopped while they waited).
            """
    )

    @Option(name: .long, help: ArgumentHelp("The call-record database.", valueName: "FILE"))
    var db = SQLiteCallRecordStore.defaultPath

    @Option(name: .long, help: ArgumentHelp("How far back a waiting caller may have joined, in minutes.", valueName: "MINUTES"))
    var window = 60

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    @Option(name: .long, help: .hidden)
    var now: String?

    func validate() throws {
        guard window > 0 else { throw ValidationError("--window must be a positive number of minutes") }
        if let now, ISO8601DateFormatter().date(from: now) == nil { throw ValidationError("--now: '\(now)' is not an ISO 8601 time") }
    }

    func run() throws {
        guard fileExists(db) else {
            printError("offhook: no call records at \(db) (give the daemon's database with --db)")
            throw ExitCode(66)   // EX_NOINPUT
        }
        let at = now.flatMap { ISO8601DateFormatter().date(from: $0) } ?? Date()
        let view: LiveView
        do {
            view = try SQLiteCallRecordStore(path: db).liveView(since: at.addingTimeInterval(-Double(window) * 60))
        } catch {
            printError("offhook: \(error)")
            throw ExitCode.failure
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(view), as: UTF8.self))
        } else {
            print(Self.text(view, at: at), terminator: "")
        }
    }

    /// "1:05" for 65 seconds.
    static func elapsed(_ from: Date, to: Date) -> String {
        let seconds = max(0, Int(to.timeIntervalSince(from)))
        let s = seconds % 60
        return "\(seconds / 60):\(s < 10 ? "0" : "")\(s)"
    }

    static func text(_ view: LiveView, at now: Date) -> String {
        var lines: [String] = []
        var queues: [String] = []
        for caller in view.waiting where !queues.contains(caller.queue) { queues.append(caller.queue) }
        if queues.isEmpty { lines.append("No callers waiting.") }
        for queue in queues {
            let callers = view.waiting.filter { $0.queue == queue }
            let longest = callers.map(\.since).min().map { elapsed($0, to: now) } ?? "-"
            lines.append("\(queue): \(callers.count) waiting, longest \(longest)")
            for caller in callers {
                lines.append("  \(caller.position). " + column("call \(caller.call)", 10) + column(caller.callerID ?? "-", 14)
                             + "waiting \(elapsed(caller.since, to: now))")
            }
        }
        lines.append("")
        if view.agents.isEmpty {
            lines.append("No agent events yet.")
        } else {
            lines.append("Agent  Status            State            For")
            for agent in view.agents {
                let state = agent.call.map { "\(agent.state) \($0)" } ?? agent.state
                lines.append(column("\(agent.agent)", 7) + column(agent.status, 18) + column(state, 17)
                             + (agent.since.map { elapsed($0, to: now) } ?? "-"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
