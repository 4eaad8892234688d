import ArgumentParser
import Foundation
import IVRScript
import IVRSimulator
import Logging

/// `offhook simulate SCRIPT`: calls a script on a simulated card and prints what happened.
struct Simulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Call an IVR script on a simulated card and print the transcript.",
        discussion: """
            The whole call path runs in this process on a simulated card: the exchange line rings \
            an FXO port with the caller's number as caller ID between the rings, the call engine \
            answers with the script, and keys go down the line as DTMF audio to the port's DTMF \
            receiver. With --keys the call runs on the card's manual clock (much faster than real \
            time): each space-separated group is pressed the next time the script listens for keys \
            ("-" stays silent and lets the script time out); when the script records, the caller \
            speaks for a few seconds, then presses the next group or hangs up. Without --keys the \
            call runs in real time and the keyboard is the keypad: 0-9 * # A-D press keys, f sends \
            a fax tone, q or Ctrl-C hangs up. With --fax (and no --keys) the caller is a fax machine.
            """
    )

    @Argument(help: "The script to call (for example IVRScripts/hotline.ivr).")
    var script: String

    @Option(parsing: .unconditional, help: "Keys to press, one group per time the script listens, e.g. \"1 12345678# 2\" (- presses nothing).")
    var keys: String?

    @Option(name: .customLong("caller-id"), help: "The caller's number, sent as caller ID.")
    var callerID = "13800138000"

    @Option(help: "The number dialled (DNIS).")
    var dialled = ""

    @Option(help: "The language the call starts in (zh, en); the script's first language by default.")
    var language: String?

    @Option(help: "The tone zone of the simulated card.")
    var zone = "cn"

    @Option(help: "Agents' phones (FXS ports) serving the script's queues; each agent is ready and answers after 2 s, talks 5 s. With 0, queues overflow.")
    var agents = 0

    @Option(name: .customLong("agent-answer-after"), help: "Seconds an agent lets the phone ring before answering.")
    var agentAnswerAfter = 2

    @Option(name: .customLong("announce-every"), help: "Seconds between the announcements (place in the queue, expected wait) a waiting caller hears, as [queue NAME] announce-every in offhook.conf; 0: none.")
    var announceEvery = 30

    @Flag(help: "The caller is a fax machine: it sends the fax calling tone (CNG) once answered.")
    var fax = false

    @Option(help: "Where recorded messages are written (default: a new temporary folder).")
    var recordings: String?

    @Option(help: "The local time the script sees, \"YYYY-MM-DD HH:MM\" (office hours, holidays); now by default.")
    var at: String?

    @Flag(help: "Print the transcript as JSON.")
    var json = false

    /// `--at` as a civil date and time, or `nil` when it does not read as one.
    var localTime: CivilDateTime? {
        guard let at else { return nil }
        let parts = at.split(separator: " ")
        guard parts.count == 2, let date = CivilDate(String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 2, (0..<24).contains(clock[0]), (0..<60).contains(clock[1]) else { return nil }
        return CivilDateTime(date: date, hour: clock[0], minute: clock[1])
    }

    func validate() throws {
        if at != nil && localTime == nil { throw ValidationError("--at: expected \"YYYY-MM-DD HH:MM\", e.g. \"2026-11-23 10:00\"") }
        guard (0...32).contains(agents) else { throw ValidationError("--agents: between 0 and 32") }
        guard (0...3600).contains(agentAnswerAfter) else { throw ValidationError("--agent-answer-after: between 0 and 3600 seconds") }
        guard (0...3600).contains(announceEvery) else { throw ValidationError("--announce-every: between 0 and 3600 seconds (0: none)") }
        if let keys {
            do { _ = try KeyScript(parsing: keys) } catch { throw ValidationError("--keys: \(error)") }
        }
    }

    func run() async throws {
        let folder = recordings ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("offhook-simulate-\(ProcessInfo.processInfo.processIdentifier)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var options = IVRSimulation.Options(caller: callerID, dialled: dialled, language: language, zone: zone,
                                            recordingDirectory: folder, agents: agents, agentAnswerDelay: .seconds(agentAnswerAfter),
                                            announceEvery: announceEvery > 0 ? .seconds(announceEvery) : nil)
        if let fixed = localTime { options.localTime = { fixed } }
        let simulation: IVRSimulation
        do {
            simulation = try await IVRSimulation(script: script, options: options)
        } catch let error as IVRSimulation.ScriptNotLoaded {
            FileHandle.standardError.write(Data("\(error.diagnostics)\(script): not loaded\n".utf8))
            throw ExitCode.failure
        } catch let error as IVRSimulation.UnknownLanguage {
            throw ValidationError("--language: \(error)")
        }
        let result: SimulatedCallResult
        if keys != nil || fax {
            result = await simulation.call(keys: try KeyScript(parsing: keys ?? ""), fax: fax)
        } else {
            result = try await interactiveCall(simulation)
        }
        if json {
            print(result.json)
        } else {
            print(keys == nil && !fax ? result.footer : result.text, terminator: "")
        }
    }
}
