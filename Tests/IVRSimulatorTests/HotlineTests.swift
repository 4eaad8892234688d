import AudioFiles
import CallEngine
import Foundation
import IVRRuntime
import IVRScript
import IVRSimulator
import Testing

/// Every branch of IVRScripts/hotline.ivr, walked by a caller on the simulated card whose keys
/// go down the line as DTMF audio and are heard by the port's DTMF receiver, and whose number
/// reaches the script as caller ID sent between the rings.
@Suite struct HotlineTests {
    let fixture: ScriptFixture

    init() throws { fixture = try ScriptFixture() }

    func call(_ keys: String, caller: String = "13800138000", at time: CivilDateTime = ScriptFixture.officeHours,
              keyDelay: Duration = .milliseconds(500), fax: Bool = false) async throws -> SimulatedCallResult {
        let simulation = try await fixture.simulation(caller: caller, at: time, keyDelay: keyDelay)
        return await simulation.call(keys: try KeyScript(parsing: keys), fax: fax)
    }

    @Test func accountBalanceLookup() async throws {
        let result = try await call("1 1 12345678# *")
        #expect(result.heardKeys == "1112345678#*")
        #expect(result.steps.contains("choice *"), "back in the main menu after the balance")
        #expect(Array(result.transcript.blocksEntered.prefix(6)) == ["start", "choose-language", "main", "account", "balance", "main"])
        #expect(result.steps.contains("account = 12345678"))
        #expect(result.steps.contains("lookup 12345678 in accounts: found"))
        #expect(result.steps.contains("log balance-enquiry = 12345678"))
        #expect(result.played.contains("zh/balance/your-balance"))
        #expect(result.played.contains("zh/money/yuan"), "the balance is said in Chinese")
        #expect(result.record?.caller == "13800138000", "caller ID crossed the line as audio")
        #expect(result.record?.route == "simulate")
    }

    @Test func unknownAndTooShortAccounts() async throws {
        let result = try await call("1 1 99999999# 1 123#")
        #expect(result.steps.contains("lookup 99999999 in accounts: not found"))
        #expect(result.played.contains("zh/balance/unknown"))
        #expect(result.steps.contains("no-match '123' (1)"))
        #expect(result.played.contains("zh/balance/too-short"))
    }

    @Test func noInputRepeatsThenSaysGoodbye() async throws {
        // No key at the language menu: Chinese; then silence at the main menu, three times.
        let result = try await call("- - - -")
        #expect(result.steps.contains("language zh"))
        #expect(result.steps.filter { $0.hasPrefix("no-input") } == ["no-input (1)", "no-input (1)", "no-input (2)", "no-input (3)"])
        #expect(result.played.filter { $0 == "zh/common/no-input" }.count == 2)
        #expect(result.played.contains("zh/main/menu-short"), "a repeat plays the short prompt")
        #expect(result.transcript.blocksEntered.suffix(1) == ["goodbye"])
        #expect(result.transcript.endReason == .hangup)
        #expect(result.record?.endReason == .applicationHungUp(reason: "hangup"))
    }

    @Test func invalidKeysThenGoodbye() async throws {
        let result = try await call("1 7 8 5")
        #expect(result.steps.filter { $0.hasPrefix("no-match") } == ["no-match '7' (1)", "no-match '8' (2)", "no-match '5' (3)"])
        #expect(result.played.filter { $0 == "zh/common/invalid" }.count == 2)
        #expect(result.transcript.blocksEntered.suffix(1) == ["goodbye"])
    }

    @Test func bargeInStopsThePromptAndWaitingDoesNot() async throws {
        // Prompts last 1 s: a key after 0.5 s barges in; after 1.5 s the first-key timer runs.
        let early = try await fixture.simulation(keyDelay: .milliseconds(500))
        let interrupted = await early.call(keys: try KeyScript(parsing: "1 *"))
        #expect(interrupted.steps.filter { $0.hasPrefix("barge-in") }.count == 2)
        let heardEarly = Self.promptSeconds(early.heardAudio)
        let late = try await fixture.simulation(keyDelay: .milliseconds(1500))
        let waited = await late.call(keys: try KeyScript(parsing: "1 *"))
        #expect(waited.heardKeys == "1*")
        #expect(waited.steps.filter { $0.hasPrefix("barge-in") }.isEmpty)
        #expect(waited.played.contains("zh/main/hours"))
        let heardLate = Self.promptSeconds(late.heardAudio)
        // Both callers hear the same four prompts; barging into two of them cuts ~0.9 s.
        #expect(heardLate - heardEarly > 0.6, "heard \(heardEarly) s of prompts barging in, \(heardLate) s waiting")
    }

    /// Seconds of prompt tone (the fixture's 400 Hz at amplitude 300) in what the caller heard.
    static func promptSeconds(_ samples: [Int16]) -> Double {
        Double(samples.filter { abs(Int($0)) > 150 }.count) / 8000 * 1.5
    }

    @Test func queueOverflowLeavesAMessage() async throws {
        let result = try await call("1 0")
        #expect(result.steps.contains("queue service"))
        #expect(result.steps.contains("queue result: overflow"))
        #expect(result.played.contains("zh/agent/busy"))
        #expect(result.transcript.blocksEntered.suffix(1) == ["message"])
        #expect(result.transcript.endReason == .callerHungUp, "the caller hangs up after speaking")
        let path = try #require(result.recordings.first)
        let samples = try AudioFileReader.read(path)
        // The caller spoke 3 s, then hung up; the port noticed within a second.
        #expect(samples.count >= 3 * 8000 && samples.count <= 5 * 8000, "\(samples.count) samples")
        let loud = samples.filter { abs(Int($0)) > 300 }.count
        #expect(loud > 8000, "the message holds the caller's voice (\(loud) loud samples)")
        #expect(result.outcome.contains("queue service: overflow"))
        #expect(result.outcome.contains("voicemail"))
    }

    @Test func outsideOfficeHoursGoesStraightToTheMessage() async throws {
        let result = try await call("1 0", at: ScriptFixture.closed)
        #expect(result.played.contains("zh/agent/closed"))
        #expect(!result.steps.contains("queue service"))
        #expect(result.recordings.count == 1)
    }

    @Test func faultReportEndedByPoundThenSurvey() async throws {
        let result = try await call("1 2 # 3")
        #expect(result.transcript.blocksEntered == ["start", "choose-language", "main", "fault", "survey", "goodbye"])
        #expect(result.steps.contains { $0.hasPrefix("recorded fault-message = ") })
        #expect(result.steps.contains("log survey = 3"))
        let path = try #require(result.recordings.first)
        let seconds = Double(try AudioFileReader.read(path).count) / 8000
        #expect(seconds > 3 && seconds < 4, "ended by # after 3 s of speech, not at the 120 s limit (\(seconds) s)")
        #expect(result.transcript.endReason == .hangup)
    }

    @Test func languageSwitch() async throws {
        let result = try await call("2 9 1 *")
        let languages = result.steps.filter { $0.hasPrefix("language") }
        #expect(languages == ["language en", "language zh"])
        #expect(result.played.contains("en/main/menu"))
        #expect(result.played.contains("zh/main/hours"))
    }

    @Test func blacklistedCallerIsHungUpOn() async throws {
        let result = try await call("1", caller: "13900000000")
        #expect(result.transcript.blocksEntered == ["start"])
        #expect(result.transcript.endReason == .hangup)
        #expect(result.record?.caller == "13900000000")
        #expect(result.keysLeft == [.keys("1")])
    }

    @Test func faxToneGoesToTheFaxBranch() async throws {
        let result = try await call("", fax: true)
        #expect(result.steps.contains("fax tone"))
        #expect(result.transcript.blocksEntered.suffix(1) == ["fax"])
        #expect(result.steps.contains("log fax-received = 13800138000"))
        #expect(result.transcript.endReason == .fax)
    }
}
