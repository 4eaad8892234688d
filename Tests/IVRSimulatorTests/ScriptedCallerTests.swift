@testable import IVRRuntime
import IVRSimulator
import Testing

/// The scripted caller's decisions, fed snapshots by hand: when keys go in, when it speaks, when
/// it hangs up.
@Suite struct ScriptedCallerTests {
    func listening(_ block: String, _ phase: KeyWait.Phase = .prompting, generation: Int = 1) -> SessionSnapshot {
        var snapshot = SessionSnapshot()
        snapshot.keyWait = KeyWait(block: block, phase: phase, generation: generation)
        return snapshot
    }

    @Test func pressesEachGroupKeyDelayIntoTheWaitAndNeverWhileSending() throws {
        var caller = ScriptedCaller(keys: try KeyScript(parsing: "1 23"), keyDelay: .milliseconds(500))
        let menu = listening("main")
        #expect(caller.next(seeing: menu, isSending: false, at: .seconds(1)) == nil, "the wait just began")
        #expect(caller.next(seeing: menu, isSending: false, at: .milliseconds(1480)) == nil)
        #expect(caller.next(seeing: menu, isSending: true, at: .milliseconds(1500)) == nil, "keys still going out")
        #expect(caller.next(seeing: menu, isSending: false, at: .milliseconds(1520)) == .press("1"))
        #expect(caller.next(seeing: menu, isSending: false, at: .seconds(3)) == nil, "one group per wait")
        let next = listening("account", generation: 2)
        #expect(caller.next(seeing: next, isSending: false, at: .seconds(4)) == nil)
        #expect(caller.next(seeing: next, isSending: false, at: .milliseconds(4500)) == .press("23"))
        #expect(caller.keysLeft.isEmpty)
    }

    @Test func aPromptPlayedOutIsTheSameWait() throws {
        var caller = ScriptedCaller(keys: try KeyScript(parsing: "1 2"), keyDelay: .zero)
        #expect(caller.next(seeing: listening("main", .prompting, generation: 1), isSending: false, at: .zero) == .press("1"))
        // The keys went in during the prompt; its first-key timer is not a new wait.
        #expect(caller.next(seeing: listening("main", .waiting, generation: 2), isSending: false, at: .seconds(1)) == nil)
        #expect(caller.keysLeft == [.keys("2")])
    }

    @Test func hangsUpWhenTheKeysRunOutOnlyWhenAsked() throws {
        var patient = ScriptedCaller(keys: try KeyScript(parsing: "-"), keyDelay: .zero)
        #expect(patient.next(seeing: listening("main"), isSending: false, at: .zero) == nil, "- stays silent")
        #expect(patient.next(seeing: listening("main", generation: 2), isSending: false, at: .seconds(5)) == nil, "and then waits")
        var leaving = ScriptedCaller(keys: KeyScript(groups: []), keyDelay: .zero, hangsUpWhenKeysRunOut: true)
        #expect(leaving.next(seeing: listening("main"), isSending: false, at: .zero) == .hangUp)
    }

    @Test func speaksWhenRecordedThenEndsWithTheNextGroupOrHangsUp() throws {
        var recording = SessionSnapshot()
        recording.isRecording = true
        var withKey = ScriptedCaller(keys: try KeyScript(parsing: "#"), messageLength: .seconds(3))
        #expect(withKey.next(seeing: recording, isSending: false, at: .zero) == .speak(.seconds(3)))
        #expect(withKey.next(seeing: recording, isSending: false, at: .seconds(3)) == .press("#"))
        #expect(withKey.next(seeing: recording, isSending: false, at: .seconds(4)) == nil)
        var without = ScriptedCaller(keys: KeyScript(groups: []))
        #expect(without.next(seeing: recording, isSending: false, at: .zero) == .speak(.seconds(3)))
        #expect(without.next(seeing: recording, isSending: false, at: .seconds(3)) == .hangUp)
    }
}
