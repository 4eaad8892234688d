import Foundation
import Testing

/// `[lines NAME]` and `[agents]` in the running daemon on the simulated card: the exchange sends
/// DTMF caller ID on lines set to `caller-id = dtmf`, the daemon decodes it, and the simulated
/// agents log in with the configured code.
extension AgentDaemonTests {
    @Suite(.timeLimit(.minutes(2))) struct LineOptionsDaemonTests {
        @Test func dtmfCallerIDAndACustomLoginCodeWorkInTheDaemon() async throws {
            let desk = try PhoneCommandTests.makeDesk()
            defer { try? FileManager.default.removeItem(atPath: desk.folder) }
            let handle = try #require(FileHandle(forWritingAtPath: desk.config))
            handle.seekToEndOfFile()
            handle.write(Data("""
                [lines old-exchange]
                channels = 5-6
                caller-id = dtmf
                disconnect = loop-current-drop, polarity-reversal

                [agents]
                login = *71

                """.utf8))
            handle.closeFile()
            let daemon = try await DaemonProcess.start(config: desk.config, ["--agent-answer-after", "1", "--agent-talk-time", "2"])
            try await Task.sleep(for: .seconds(2))   // the agents log in two seconds after the start
            let result = try await OffhookProcess.runAsync(["call", "--socket", daemon.socket, "--keys", "0", "--from", "13912345678"])
            let log = await daemon.stopped()
            #expect(result.status == 0, "\(result.stderr)\n\(log.suffix(3000))")
            #expect(log.contains("agents log in by dialling *71, out *2, ready *3, pause *4"), "\(log.prefix(3000))")
            #expect(log.contains("lines 'old-exchange' (5,6): disconnect by loop-current-drop, polarity-reversal; caller ID dtmf after-first-ring"))
            #expect(log.contains("queue event: agentStatusChanged(agent: 1, from: logged out, to: available)"), "agent 1 dialled *71")
            #expect(result.stdout.contains("] queue result: answered by "), "\(result.stdout)")
            #expect(result.stdout.contains("call record: call-1, caller '13912345678', route desk, queue service, agent on port "),
                    "the DTMF caller ID was decoded: \(result.stdout)")
        }
    }
}
