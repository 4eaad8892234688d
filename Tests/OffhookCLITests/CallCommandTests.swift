import Foundation
import Testing

/// The tests that run `offhook run` on the simulated card in real time, one at a time per group
/// (two groups run side by side): a debug daemon keeps about a fifth of a core busy, and many at
/// once would starve the other real-time tests (libpri's timers) on a small machine.
@Suite(.serialized) struct DaemonTests {}

/// The daemon tests of the agents' side, one at a time, beside ``DaemonTests``.
@Suite(.serialized) struct AgentDaemonTests {}

extension DaemonTests {
    /// `offhook call` and `offhook phone` against a running `offhook run` on the simulated card,
    /// in real time: the daemon rings its exchange line, its IVR answers, keys go down the line as
    /// DTMF. Each test starts its own daemon; calls are kept short (a call rings about 6 s).
    @Suite(.timeLimit(.minutes(2))) struct CallCommandTests {
        @Test func scriptedKeysWalkTheDaemonsHotline() async throws {
            let daemon = try await DaemonProcess.start()
            let result = try await OffhookProcess.runAsync(["call", "--socket", daemon.socket, "--keys", "1 9", "--from", "13912345678"])
            let log = await daemon.stopped()
            #expect(result.status == 0, "\(result.stderr)\n\(log.suffix(3000))")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "call from 13912345678 on line 5")
            #expect(lines.contains { $0.hasPrefix("answered after ") })
            // The hotline's own menus and prompts, as its IVR session ran them in the daemon.
            for expected in ["] enter menu choose-language", "] play zh/lang/choose", "] key 1", "] enter menu main",
                             "] play zh/main/menu", "] key 9", "] end: caller-hung-up"] {
                #expect(lines.contains { $0.hasSuffix(expected) }, "\(expected) in\n\(result.stdout)")
            }
            #expect(lines.filter { $0.hasSuffix("] enter menu choose-language") }.count == 2, "9 goes back to the language menu")
            #expect(lines.contains("ended: the caller hung up"))
            #expect(lines.contains { $0.hasPrefix("call record: call-1, caller '13912345678', route hotline") && $0.hasSuffix("far end hung up (loop-current drop)") })
            #expect(log.contains("caller=13912345678"), "the daemon wrote the call record")
        }

        @Test func malformedRequestsGetErrorsAndTheDaemonServesTheNextCall() async throws {
            let daemon = try await DaemonProcess.start()
            defer { daemon.stopInBackground() }
            let client = try RawControlClient(path: daemon.socket)
            client.send("not json\n{\"op\":\"bogus\"}\n{\"op\":\"press\",\"keys\":\"1\"}\n{\"op\":\"call\",\"line\":3}\n{\"op\":\"call\",\"keys\":\"1x\"}\n")
            let replies = await client.received(until: { $0.contains("keys:") }, timeout: 10)
            #expect(replies.count == 5, "\(replies)")
            #expect(replies.allSatisfy { $0.hasPrefix("{\"event\":\"error\"") }, "\(replies)")
            #expect(replies.first?.contains("not a request") == true)
            #expect(replies.dropFirst().first?.contains("unknown op 'bogus'") == true)
            #expect(replies.contains { $0.contains("line 3 is not an exchange line") })
            // A line far longer than any request: cut off, and the daemon goes on.
            client.send(String(repeating: "x", count: 100_000))
            let cut = await client.received(until: { $0.contains("longer than") }, timeout: 10)
            #expect(cut.last?.contains("longer than") == true, "\(cut)")
            client.close()

            let result = try await OffhookProcess.runAsync(["call", "--socket", daemon.socket, "--keys", "2"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("] language en"))
            #expect(result.stdout.contains("] enter menu main"))
            #expect(result.stdout.contains("call record: call-1"))
        }

        @Test func aCallerWhoGoesAwayMidCallIsHungUpAndRecorded() async throws {
            let daemon = try await DaemonProcess.start()
            let client = try RawControlClient(path: daemon.socket)
            client.send("{\"op\":\"call\",\"from\":\"13700000003\"}\n")
            let events = await client.received(until: { $0.contains("enter menu choose-language") })
            #expect(events.contains { $0.contains("\"event\":\"answered\"") }, "\(events)")
            client.close()   // mid-call, without hanging up
            try await Task.sleep(for: .seconds(2))
            let again = try await OffhookProcess.runAsync(["call", "--socket", daemon.socket, "--keys", "1", "--line", "5"])
            let log = await daemon.stopped()
            #expect(log.contains("the caller on line 5 went away; hanging up"), "\(log.suffix(3000))")
            let record = log.split(separator: "\n").first { $0.contains("call record") && $0.contains("caller=13700000003") }
            #expect(record?.contains("end=far end hung up (loop-current drop)") == true, "\(log.suffix(3000))")
            #expect(again.status == 0, "the line is free again: \(again.stderr)")
            #expect(again.stdout.contains("call record: call-2"))
        }

        @Test func noDaemonIsAClearError() async throws {
            let path = NSTemporaryDirectory() + "offhook-nobody-\(UUID().uuidString.prefix(8)).sock"
            let result = try await OffhookProcess.runAsync(["call", "--socket", path, "--keys", "1"])
            #expect(result.status == 69)
            #expect(result.stderr.contains("no daemon at \(path): start it with `make run`"), "\(result.stderr)")
        }
    }
}
