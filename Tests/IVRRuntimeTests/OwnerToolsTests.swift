import Foundation
import IVRRuntime
import IVRScript
import Testing

/// The pieces an owner (call engine, `offhook simulate`) uses around `IVRCall`.
@Suite struct OwnerToolsTests {
    func loaded(_ text: String) -> ScriptLoader.Loaded {
        ScriptLoader(checksPrompts: false).load(SourceFile(path: "s.ivr", text: text), directory: "")
    }

    @Test func brokenReloadIsRefusedAndTheOldScriptKeepsServing() throws {
        var library = ScriptLibrary()
        #expect(library.install(loaded("step s\n  play \"v1\"\n  hangup\n"), as: "main").isEmpty)
        var inProgress = try #require(library.makeCall("main"))
        _ = inProgress.handle(.callStarted(CallInfo(caller: "1", localTime: time("2026-11-23", 10))), at: .now)

        let refused = library.install(loaded("step s\n  plya \"v2\"\n  hangup\n"), as: "main")
        #expect(refused.map(\.id) == ["unknownKeyword"])
        #expect(refused.first?.range?.start == IVRScript.SourceLocation(line: 2, column: 3))
        #expect(library.entries["main"]?.version == 1)
        var next = try #require(library.makeCall("main"))
        let actions = next.handle(.callStarted(CallInfo(caller: "2", localTime: time("2026-11-23", 10))), at: .now)
        #expect(actions.contains { if case .play(let files, _, _) = $0 { files.map(\.name) == ["v1"] } else { false } })

        #expect(library.install(loaded("step s\n  play \"v2\"\n  hangup\n"), as: "main").isEmpty)
        #expect(library.entries["main"]?.version == 2)
        // The call that started on version 1 still runs version 1.
        #expect(inProgress.script.blocks[0].statements.count == 2)
        #expect(inProgress.transcript.events.contains(.played(["en/v1"])))
    }

    @Test func timerScheduleFiresInOrderAndForgetsCancelled() {
        let start = ContinuousClock.now
        var schedule = IVRTimerSchedule()
        let a = TimerID(.firstDigit, generation: 1), b = TimerID(.betweenKeys, generation: 2), c = TimerID(.pause, generation: 3)
        schedule.apply([.startTimer(a, after: .seconds(5)), .startTimer(b, after: .seconds(2)), .startTimer(c, after: .seconds(1))], at: start)
        schedule.apply([.cancelTimer(c)], at: start)
        #expect(schedule.nextDeadline == start.advanced(by: .seconds(2)))
        #expect(schedule.due(at: start.advanced(by: .seconds(1))).isEmpty)
        #expect(schedule.due(at: start.advanced(by: .seconds(6))) == [b, a])
        #expect(schedule.isEmpty)
    }

    @Test func transcriptAsTextAndJSON() throws {
        var h = try Harness("menu m\n  prompt \"hello\"\n  press 1 hangup\n  on no-input 1 hangup\n  on no-match 1 hangup\n")
        h.start()
        h.advance(by: .milliseconds(1500))
        h.press("1")
        #expect(h.transcript.text == """
            [  0.000] enter menu m
            [  0.000] play en/hello
            [  1.500] key 1
            [  1.500] barge-in: prompt stopped
            [  1.500] choice 1
            [  1.500] end: hangup

            """)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(h.transcript), as: UTF8.self)
        #expect(json.contains(#"{"detail":"1","kind":"key","milliseconds":1500}"#))
        #expect(json.contains(#"{"detail":"en/hello","kind":"play","milliseconds":0}"#))
        #expect(json.contains(#"{"detail":"prompt stopped","kind":"barge-in","milliseconds":1500}"#))
        #expect(json.contains(#""endReason":"hangup""#))
        #expect(h.call.description == "ended (hangup)")
    }

    @Test func descriptionNamesTheMenuAndItsCounters() throws {
        var h = try Harness("menu m\n  prompt \"p\"\n  press 1 hangup\n  on no-input 3 hangup\n  on no-match 3 hangup\n")
        h.start()
        #expect(h.call.description == "menu m (prompt playing, no-input 0, no-match 0)")
        h.finishPrompt()
        h.advance(by: .seconds(5))
        h.finishPrompt()
        #expect(h.call.description == "menu m (waiting for a key, no-input 1, no-match 0)")
    }
}
