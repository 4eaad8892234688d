import Console
import Foundation
import TelephonyCore
import Testing

@Suite("The ALSA console channel", .serialized)
struct ConsoleChannelTests {
    /// A scratch directory for the file PCMs.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("offhook-console-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// 160-sample frames of a sweep that never repeats within the test.
    static func frames(_ count: Int, seed: Int) -> [[Int16]] {
        (0..<count).map { f in (0..<160).map { Int16(truncatingIfNeeded: (f * 160 + $0) &* 97 &+ seed) } }
    }

    /// ALSA configuration: a `file` PCM that records into `out` and plays back from `in`.
    static func fileDevice(in input: String, out output: String) -> ConsoleDevice {
        .configuration("""
            pcm.consoletest {
                type file
                slave.pcm { type null }
                file "\(output)"
                infile "\(input)"
                format raw
            }
            """, pcm: "consoletest")
    }

    @Test func playsAndRecordsThroughTheFilePCM() async throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let callerSpeech = Self.frames(20, seed: 7).flatMap { $0 }       // what the "microphone" hears
        let inFile = dir.appendingPathComponent("in.raw").path
        try callerSpeech.withUnsafeBytes { Data($0) }.write(to: URL(fileURLWithPath: inFile))
        let played = dir.appendingPathComponent("played.raw").path
        let recordedFile = dir.appendingPathComponent("captured.raw").path

        let start = ContinuousClock.now
        let channel = try ConsoleChannel(playback: .named("file:'\(played)',raw"),
                                         capture: Self.fileDevice(in: inFile, out: recordedFile), buffered: 32)
        // Queue the whole prompt at once (the rings hold 32 frames), let the clock run, then read.
        let prompt = Self.frames(10, seed: 3)
        for frame in prompt {
            #expect(try frame.withUnsafeBytes { try channel.write($0) } == .bytes(320))
        }
        // The channel's clock is its own thread: however late this wakes, the rings keep the first
        // 32 frames each way, and the pacing check compares ticks with the time actually passed.
        try await Task.sleep(for: .milliseconds(700))
        let ticks = channel.ticks
        let elapsed = ContinuousClock.now - start
        var recorded: [Int16] = []
        var buffer = [Int16](repeating: 0, count: 160)
        while case .bytes = try buffer.withUnsafeMutableBytes({ try channel.read(into: $0) }) { recorded += buffer }
        channel.close()

        // Played: every prompt frame reached the device, bit-exact and in order.
        let playedSamples = try Data(contentsOf: URL(fileURLWithPath: played)).withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
        #expect(playedSamples.firstRange(of: prompt.flatMap { $0 }) != nil, "the prompt is not in the \(playedSamples.count) samples played")
        // Recorded: the file's samples came back in order from the start.
        #expect(recorded.count >= 20 * 160)
        #expect(Array(recorded.prefix(callerSpeech.count)) == callerSpeech)
        // Paced by the channel's own clock at 50 frames a second, not as fast as ALSA takes them.
        let realTime = Int(elapsed / .milliseconds(20))
        #expect(ticks <= realTime + 1 && ticks >= realTime * 4 / 5, "\(ticks) ticks in \(elapsed)")
    }

    @Test func refusesWhatAConsoleCannotDo() throws {
        let channel = try ConsoleChannel(playback: .named("null"), capture: .named("null"))
        defer { channel.close() }
        #expect(channel.audioFormat == .linear16)
        #expect(try channel.hookState() == .offHook)
        #expect(try channel.nextEvent() == nil)
        #expect(throws: ChannelError.self) { try channel.setHook(.ring) }
        #expect(throws: ChannelError.self) { try channel.setAudioFormat(.aLaw) }
        let short = [UInt8](repeating: 0, count: 100)
        #expect(throws: ChannelError.self) { try short.withUnsafeBytes { try channel.write($0) } }
    }

    @Test func closedChannelSaysClosed() throws {
        let channel = try ConsoleChannel(playback: .named("null"), capture: .named("null"))
        channel.close()
        channel.close()
        do {
            _ = try channel.nextEvent()
            Issue.record("nextEvent worked after close")
        } catch {
            #expect(error.code == .closed)
        }
    }

    @Test func missingDeviceIsAClearError() {
        ALSAMessages.silence()   // ALSA would print "cannot find card" on stderr
        do {
            _ = try ConsoleChannel(playback: .named("hw:42,0"), capture: .named("null"))
            Issue.record("opened hw:42,0")
        } catch {
            #expect(error.code == .system)
            #expect(error.operation.contains("snd_pcm_open hw:42,0"))
        }
    }
}
