import Foundation
import Testing

/// Agents in the running daemon: the simulated agents who log in with `*1` by themselves, and
/// `offhook phone` playing one. A small script of its own (no office hours) keeps the calls short
/// and the result independent of the time of day.
extension AgentDaemonTests {
    @Suite(.timeLimit(.minutes(2))) struct PhoneCommandTests {
        /// A folder with a one-queue script and an `offhook.conf` for the simulated card that
        /// answers lines 5-6 with it; phones 1-2 serve the queue.
        static func makeDesk() throws -> (folder: String, config: String) {
            let folder = NSTemporaryDirectory() + "offhook-desk-\(UUID().uuidString.prefix(8))"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try """
                languages en
                queue service wait 60s

                menu main
                  prompt "main/menu"
                  press 0 goto agent
                  timeout 3s
                  on no-input goto bye

                step agent
                  queue service after again
                  goto bye

                menu again
                  prompt "survey/rate"
                  press 1 goto bye
                  timeout 3s
                  on no-input goto bye

                step bye
                  hangup

                """.write(toFile: folder + "/desk.ivr", atomically: true, encoding: .utf8)
            try """
                [card]
                backend = simulated
                system-conf = \(OffhookProcess.root)/Hardware/simulated/system.conf
                layout = analog 8, e1, e1

                [ports]
                agents = 1-2
                lines = 5-6

                [queue service]
                agents = 1-2
                ring-timeout = 15
                max-wait = 60
                wrap-up = 1

                [route desk]
                channels = 5-6
                script = desk.ivr
                language = en

                """.write(toFile: folder + "/offhook.conf", atomically: true, encoding: .utf8)
            return (folder, folder + "/offhook.conf")
        }

        @Test func aQueuedCallerReachesASimulatedAgent() async throws {
            let desk = try Self.makeDesk()
            defer { try? FileManager.default.removeItem(atPath: desk.folder) }
            let daemon = try await DaemonProcess.start(config: desk.config, ["--agent-answer-after", "1", "--agent-talk-time", "2"])
            try await Task.sleep(for: .seconds(2))   // the agents log in two seconds after the start
            let result = try await OffhookProcess.runAsync(["call", "--socket", daemon.socket, "--keys", "0", "--from", "13912345678"])
            let log = await daemon.stopped()
            #expect(result.status == 0, "\(result.stderr)\n\(log.suffix(3000))")
            #expect(log.contains("queue event: agentStatusChanged(agent: 1, from: logged out, to: available)"), "agent 1 dialled *1")
            #expect(result.stdout.contains("] queue service"))
            #expect(result.stdout.contains("] queue result: answered by "), "\(result.stdout)")
            #expect(result.stdout.contains("] enter menu again"), "back in the script after the agent hung up")
            #expect(result.stdout.contains("call record: call-1, caller '13912345678', route desk, queue service, agent on port "))
        }

        @Test func thePhoneClientRingsShowsTheCallerIDAndAnswers() async throws {
            let desk = try Self.makeDesk()
            defer { try? FileManager.default.removeItem(atPath: desk.folder) }
            let daemon = try await DaemonProcess.start(config: desk.config, ["--simulated-agents", "off"])
            defer { daemon.stopInBackground() }
            let phone = try RawControlClient(path: daemon.socket)
            defer { phone.close() }
            phone.send("{\"op\":\"phone\",\"port\":2}\n")
            #expect(await phone.received(until: { $0.contains("\"event\":\"phone\"") }, timeout: 5).last?.contains("on hook") == true)
            phone.send("{\"op\":\"dial\",\"digits\":\"*1#\"}\n")
            #expect(await phone.received(until: { $0.contains("error") }, timeout: 2).last?.contains("lift the handset first") == true)
            phone.send("{\"op\":\"lift\"}\n")
            let lifted = await phone.received(until: { $0.contains("\"event\":\"tone\"") }, timeout: 5)
            #expect(lifted.last?.contains("hears CN_DIAL") == true, "China's dial tone, through the call-progress detector: \(lifted)")
            phone.send("{\"op\":\"dial\",\"digits\":\"*1#\"}\n")
            try await Task.sleep(for: .milliseconds(1500))
            phone.send("{\"op\":\"hangup\"}\n")
            _ = await phone.received(until: { $0.contains("\"event\":\"hungUp\"") }, timeout: 5)

            let caller = try RawControlClient(path: daemon.socket)
            defer { caller.close() }
            caller.send("{\"op\":\"call\",\"from\":\"13700000007\",\"keys\":\"0\"}\n")
            let rang = await phone.received(until: { $0.contains("\"event\":\"callerID\"") })
            #expect(rang.contains { $0.contains("\"event\":\"ringing\"") }, "\(rang)")
            #expect(rang.last?.contains("\"number\":\"13700000007\"") == true, "the phone decoded the caller's number: \(rang)")
            phone.send("{\"op\":\"lift\"}\n")
            let answered = await caller.received(until: { $0.contains("queue result") })
            #expect(answered.last?.contains("answered by 2") == true, "\(answered)")
            phone.send("{\"op\":\"hangup\"}\n")
            let ended = await caller.received(until: { $0.contains("\"event\":\"ended\"") })
            #expect(ended.contains { $0.contains("enter menu again") }, "\(ended)")
            #expect(ended.last?.contains("\"ok\":true") == true)
            #expect(ended.last?.contains("agent on port 2") == true)
        }

        @Test func offhookPhoneLogsInAnswersAndShowsTheCaller() async throws {
            let desk = try Self.makeDesk()
            defer { try? FileManager.default.removeItem(atPath: desk.folder) }
            let daemon = try await DaemonProcess.start(config: desk.config, ["--simulated-agents", "off"])
            defer { daemon.stopInBackground() }
            let socket = daemon.socket
            struct Outcome: Sendable { var phone = "", call: OffhookProcess.Result? }
            let outcome = try await onOwnThread { () throws -> Outcome in
                let phone = Process()
                phone.executableURL = URL(fileURLWithPath: OffhookProcess.binary)
                phone.arguments = ["phone", "1", "--socket", socket, "--dial", "*1#", "--answer-after", "3"]
                let output = Pipe(), input = Pipe()
                phone.standardOutput = output
                phone.standardInput = input
                phone.standardError = FileHandle(forWritingAtPath: "/dev/null")
                try phone.run()
                var outcome = Outcome()
                func readUntil(_ wanted: String, seconds: TimeInterval) {
                    _ = output.fileHandleForReading.read(into: &outcome.phone, until: wanted, seconds: seconds)
                }
                readUntil("phone 1: off hook\nphone 1: on hook\n", seconds: 10)   // logged in with *1#
                let caller = Thread.detachNewThreadResult {
                    try? OffhookProcess.run(["call", "--socket", socket, "--keys", "0", "--from", "13500000005"])
                }
                readUntil("phone 1: ringing\n", seconds: 20)
                readUntil("number 13500000005", seconds: 10)   // the caller ID, 1.5 s into the ringing
                Thread.sleep(forTimeInterval: 3)                // answered by itself 3 s into the ringing
                phone.interrupt()                              // the agent goes away: the phone is put down
                phone.waitUntilExit()
                outcome.call = caller.wait(seconds: 30) ?? nil
                return outcome
            }
            #expect(outcome.phone.contains("phone 1: caller ID: MDMF, number 13500000005"), "\(outcome.phone)")
            let call = try #require(outcome.call)
            #expect(call.status == 0, "\(call.stderr)")
            #expect(call.stdout.contains("] queue result: answered by 1"), "\(call.stdout)")
            #expect(call.stdout.contains("] enter menu again"), "back in the script when the agent's phone went down")
        }
    }
}
