import Foundation
import Testing

extension DaemonTests {
    /// The control socket's life: one daemon per path, stale files cleared, the keyboard as keypad.
    @Suite(.timeLimit(.minutes(2))) struct ControlSocketTests {
        @Test func aSecondDaemonLeavesTheFirstOneSocketAlone() async throws {
            let first = try await DaemonProcess.start()
            defer { first.stopInBackground() }
            let second = try await DaemonProcess.start(socket: first.socket)
            #expect(await second.logShows("control socket not started: another daemon is listening at \(first.socket)"), "\(second.log.suffix(2000))")
            _ = await second.stopped()
            let status = try await OffhookProcess.runAsync(["call", "--socket", first.socket, "--keys", "1 9"])
            #expect(status.status == 0, "the first daemon still answers: \(status.stderr)")
            #expect(first.log.contains("ringing line 5"))
        }

        @Test func aStaleSocketFileIsReplaced() async throws {
            let path = NSTemporaryDirectory() + "offhook-stale-\(UUID().uuidString.prefix(8)).sock"
            defer { unlink(path) }
            try await DaemonProcess.start(socket: path).kill()
            #expect(FileManager.default.fileExists(atPath: path), "SIGKILL left the socket file behind")
            let daemon = try await DaemonProcess.start(socket: path)
            defer { daemon.stopInBackground() }
            let client = try RawControlClient(path: path)
            defer { client.close() }
            client.send("{\"op\":\"status\"}\n")
            #expect(await client.received(until: { $0.contains("status") }, timeout: 5).last?.contains("exchange lines: 5, 6, 7, 8") == true)
        }

        @Test func theKeyboardIsTheKeypad() async throws {
            let daemon = try await DaemonProcess.start()
            defer { daemon.stopInBackground() }
            struct Session: Sendable {
                var text = "", sawMenu = false, sawMain = false, sawRecord = false, status: Int32 = -1
            }
            let socket = daemon.socket
            let session = try await onOwnThread { () throws -> Session in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: OffhookProcess.binary)
                process.arguments = ["call", "--socket", socket, "--from", "13600000006"]
                let input = Pipe(), output = Pipe()
                process.standardInput = input
                process.standardOutput = output
                process.standardError = FileHandle(forWritingAtPath: "/dev/null")
                try process.run()
                var session = Session()
                func readUntil(_ wanted: String) -> Bool {
                    output.fileHandleForReading.read(into: &session.text, until: wanted, seconds: 20)
                }
                session.sawMenu = readUntil("enter menu choose-language")
                // A client gone early would make the write raise SIGPIPE: check it still runs.
                guard session.sawMenu, process.isRunning else { return session }
                input.fileHandleForWriting.write(Data("2".utf8))      // the keyboard is the keypad
                session.sawMain = readUntil("enter menu main")
                guard session.sawMain, process.isRunning else { return session }
                input.fileHandleForWriting.write(Data("q".utf8))      // q hangs up
                session.sawRecord = readUntil("call record:")
                process.waitUntilExit()
                session.status = process.terminationStatus
                return session
            }
            let text = session.text
            #expect(session.sawMenu, "\(text)")
            #expect(session.sawMain, "\(text)")
            #expect(session.sawRecord, "\(text)")
            #expect(session.status == 0)
            #expect(text.contains("] key 2"))
            #expect(text.contains("ended: the caller hung up"))
        }
    }
}
