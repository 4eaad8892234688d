import Foundation
import IVRSimulator

extension Simulate {
    /// One call in real time with the keyboard as the keypad, printing the transcript as it goes.
    func interactiveCall(_ simulation: IVRSimulation) async throws -> SimulatedCallResult {
        let terminal = RawTerminal()
        defer { terminal.restore() }
        printNotice("ringing \(script) from \(callerID): keys 0-9 * # A-D, f fax tone, q or Ctrl-C hangs up")
        let ringingAt = simulation.now
        var answeredAt: Duration?
        var printed = 0
        var hungUpAt: Duration?
        let clock = ContinuousClock()
        var next = clock.now
        simulation.ring()
        // A call given up while ringing leaves a record only once the port notices (the next
        // ring does not come); before the caller ID is in, it leaves none.
        while simulation.callRecords.isEmpty && (hungUpAt.map { simulation.now - $0 < .seconds(10) } ?? true) {
            await simulation.step()
            if answeredAt == nil && simulation.isAnswered {
                answeredAt = simulation.now
                printNotice("answered")
                if fax { simulation.sendFaxTone() }
            }
            let entries = simulation.snapshot.transcript.entries
            if !json {
                for entry in entries.dropFirst(printed) { print(entry) }
            }
            printed = entries.count
            if hungUpAt == nil {
                let typed = terminal.readAvailable()
                for byte in typed ?? [] {
                    let key = Character(Unicode.Scalar(byte))
                    switch key {
                    case "q", "Q", "\u{03}", "\u{04}":
                        simulation.hangUp()
                        hungUpAt = simulation.now
                    case "f", "F":
                        simulation.sendFaxTone()
                    default:
                        if let valid = try? KeyScript(parsing: String(key)), !valid.groups.isEmpty {
                            simulation.press(String(key))
                        }
                    }
                }
            }
            next = next.advanced(by: .milliseconds(20))
            try await clock.sleep(until: next)
        }
        for _ in 0..<3 { await simulation.step() }   // a recording cut short by the hang-up is written
        let snapshot = simulation.snapshot
        return SimulatedCallResult(caller: callerID, ringingAt: ringingAt, answeredAt: answeredAt, transcript: snapshot.transcript,
                                   recordings: snapshot.recordings, record: simulation.callRecords.last, keysLeft: [])
    }

    private func printNotice(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
