import IVRRuntime
import IVRScript
import Testing

/// A caller who presses anything at any time never crashes the runtime, and every call ends.
@Suite struct RandomCallerTests {
    @Test(arguments: 0..<25)
    func randomCallerOnTheHotline(seed: Int) throws {
        let loaded = ScriptLoader().load(path: ExampleScriptTests.folder + "/hotline.ivr")
        var h = Harness(call: IVRCall(script: try #require(loaded.script), tables: loaded.tables))
        var rng = RandomCallerTests.LCG(state: UInt64(seed) &* 0x2545F4914F6CDD1D &+ 1)
        h.start(at: time("2026-11-2\(3 + rng.next(7))", 8 + rng.next(12)))
        let keys = Array("0123456789*#")
        for _ in 0..<200 where h.endReason == nil {
            switch rng.next(8) {
            case 0, 1, 2: h.press(String(keys[rng.next(keys.count)]))
            case 3, 4: h.finishPrompt()
            case 5: h.advance(by: .milliseconds(500 * (1 + rng.next(12))))
            case 6:
                switch h.call.description {
                case let d where d.hasPrefix("recording"):
                    if case .record(let id, _, _)? = h.actions.last(where: { if case .record = $0 { true } else { false } }) {
                        h.send(.recordingFinished(id, file: "r.wav"))
                    }
                case "waiting in queue":
                    h.send(.queueResult([.overflow, .answered(agent: "a"), .callerAbandoned][rng.next(3)]))
                case "with an agent":
                    h.send(.agentCallEnded)
                default:
                    break
                }
            default:
                if rng.next(20) == 0 { h.send(.faxToneDetected) }
            }
        }
        if h.endReason == nil { h.send(.hangup) }
        #expect(h.endReason != nil)
        #expect(h.send(.digit("1")).isEmpty, "a finished call does nothing")
    }

    struct LCG {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }
}
