import Foundation
import Testing

/// `offhook call` and `offhook phone` against a running `offhook run` on the simulated card,
/// in real time: the daemon rings its exchange line, its IVR answers, keys go down the line as
/// DTMF. Each test starts its own daemon; calls are kept short (a call rings about 6 s).
@Suite(.timeLimit(.minutes(2))) struct CallCommandTests {
    @Test func scriptedKeysWalkTheDaemonsHotline() throws {
        let daemon = try DaemonProcess()
        let result = try OffhookProcess.run(["call", "--socket", daemon.socket, "--keys", "1 9", "--from", "13912345678"])
        let log = daemon.stop()
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

    @Test func malformedRequestsGetErrorsAndTheDaemonServesTheNextCall() throws {
        let daemon = try DaemonProcess()
        defer { _ = daemon.stop() }
        let client = try RawControlClient(path: daemon.socket)
        client.send("not json\n{\"op\":\"bogus\"}\n{\"op\":\"press\",\"keys\":\"1\"}\n{\"op\":\"call\",\"line\":3}\n{\"op\":\"call\",\"keys\":\"1x\"}\n")
        let replies = client.receive(until: { $0.contains("keys:") }, timeout: 10)
        #expect(replies.count == 5, "\(replies)")
        #expect(replies.allSatisfy { $0.hasPrefix("{\"event\":\"error\"") }, "\(replies)")
        #expect(replies.first?.contains("not a request") == true)
        #expect(replies.dropFirst().first?.contains("unknown op 'bogus'") == true)
        #expect(replies.contains { $0.contains("line 3 is not an exchange line") })
        // A line far longer than any request: cut off, and the daemon goes on.
        client.send(String(repeating: "x", count: 100_000))
        let cut = client.receive(until: { $0.contains("longer than") }, timeout: 10)
        #expect(cut.last?.contains("longer than") == true, "\(cut)")
        client.close()

        let result = try OffhookProcess.run(["call", "--socket", daemon.socket, "--keys", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("] language en"))
        #expect(result.stdout.contains("] enter menu main"))
        #expect(result.stdout.contains("call record: call-1"))
    }

    @Test func aCallerWhoGoesAwayMidCallIsHungUpAndRecorded() throws {
        let daemon = try DaemonProcess()
        let client = try RawControlClient(path: daemon.socket)
        client.send("{\"op\":\"call\",\"from\":\"13700000003\"}\n")
        let events = client.receive(until: { $0.contains("enter menu choose-language") })
        #expect(events.contains { $0.contains("\"event\":\"answered\"") }, "\(events)")
        client.close()   // mid-call, without hanging up
        Thread.sleep(forTimeInterval: 2)
        let again = try OffhookProcess.run(["call", "--socket", daemon.socket, "--keys", "1", "--line", "5"])
        let log = daemon.stop()
        #expect(log.contains("the caller on line 5 went away; hanging up"), "\(log.suffix(3000))")
        let record = log.split(separator: "\n").first { $0.contains("call record") && $0.contains("caller=13700000003") }
        #expect(record?.contains("end=far end hung up (loop-current drop)") == true, "\(log.suffix(3000))")
        #expect(again.status == 0, "the line is free again: \(again.stderr)")
        #expect(again.stdout.contains("call record: call-2"))
    }

    @Test func noDaemonIsAClearError() throws {
        let path = NSTemporaryDirectory() + "offhook-nobody-\(UUID().uuidString.prefix(8)).sock"
        let result = try OffhookProcess.run(["call", "--socket", path, "--keys", "1"])
        #expect(result.status == 69)
        #expect(result.stderr.contains("no daemon at \(path): start it with `make run`"), "\(result.stderr)")
    }
}

/// The control socket's life: one daemon per path, stale files cleared, the keyboard as keypad.
@Suite(.timeLimit(.minutes(2))) struct ControlSocketTests {
    @Test func aSecondDaemonLeavesTheFirstOneSocketAlone() throws {
        let first = try DaemonProcess()
        defer { _ = first.stop() }
        let second = try DaemonProcess(socket: first.socket)
        #expect(second.waitForLog("control socket not started: another daemon is listening at \(first.socket)"), "\(second.log.suffix(2000))")
        _ = second.stop()
        let status = try OffhookProcess.run(["call", "--socket", first.socket, "--keys", "1 9"])
        #expect(status.status == 0, "the first daemon still answers: \(status.stderr)")
        #expect(first.log.contains("ringing line 5"))
    }

    @Test func aStaleSocketFileIsReplaced() throws {
        let path = NSTemporaryDirectory() + "offhook-stale-\(UUID().uuidString.prefix(8)).sock"
        defer { unlink(path) }
        try DaemonProcess(socket: path).kill()
        #expect(FileManager.default.fileExists(atPath: path), "SIGKILL left the socket file behind")
        let daemon = try DaemonProcess(socket: path)
        defer { _ = daemon.stop() }
        let client = try RawControlClient(path: path)
        defer { client.close() }
        client.send("{\"op\":\"status\"}\n")
        #expect(client.receive(until: { $0.contains("status") }, timeout: 5).last?.contains("exchange lines: 5, 6, 7, 8") == true)
    }

    @Test func theKeyboardIsTheKeypad() throws {
        let daemon = try DaemonProcess()
        defer { _ = daemon.stop() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: OffhookProcess.binary)
        process.arguments = ["call", "--socket", daemon.socket, "--from", "13600000006"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        var text = ""
        func readUntil(_ wanted: String) -> Bool {
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline && !text.contains(wanted) {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { return text.contains(wanted) }
                text += String(decoding: data, as: UTF8.self)
            }
            return text.contains(wanted)
        }
        #expect(readUntil("enter menu choose-language"), "\(text)")
        input.fileHandleForWriting.write(Data("2".utf8))
        #expect(readUntil("enter menu main"), "\(text)")
        input.fileHandleForWriting.write(Data("q".utf8))
        #expect(readUntil("call record:"), "\(text)")
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("] key 2"))
        #expect(text.contains("ended: the caller hung up"))
    }
}
