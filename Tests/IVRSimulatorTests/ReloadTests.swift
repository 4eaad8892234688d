import Foundation
import IVRRuntime
import IVRSimulator
import Testing

/// Editing a script under a running system: a copy that fails to check is refused with located
/// errors and the old version keeps answering; a good edit is picked up by the next call, while
/// a call in progress finishes on the version it started with.
@Suite struct ReloadTests {
    let fixture: ScriptFixture
    let path: String
    let original: String
    static let hoursChoice = "  press * play \"main/hours\""

    init() throws {
        fixture = try ScriptFixture()
        path = fixture.path("hotline.ivr")
        original = try String(contentsOfFile: path, encoding: .utf8)
    }

    func edit(replacingHoursChoiceWith line: String) throws {
        try original.replacingOccurrences(of: Self.hoursChoice, with: line).write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func aBrokenEditIsRefusedAndAGoodOneIsTaken() async throws {
        let simulation = try await fixture.simulation()
        let keys = try KeyScript(parsing: "1 *")
        #expect(await simulation.call(keys: keys).played.contains("zh/main/hours"))

        try edit(replacingHoursChoiceWith: "  press * goto opening-hours")
        let refused = simulation.scripts.load(path)
        #expect(!refused.loaded)
        let line = try #require(original.components(separatedBy: "\n").firstIndex(of: Self.hoursChoice)) + 1
        #expect(refused.diagnostics.contains("\(path):\(line):16: error: "), "\(refused.diagnostics)")
        #expect(refused.diagnostics.contains("opening-hours"))
        let second = await simulation.call(keys: keys)
        #expect(second.played.contains("zh/main/hours"), "the old version keeps serving")
        #expect(second.record?.endReason == .farEndHungUp(method: "loop-current drop"), "the caller, out of keys, hung up")

        try edit(replacingHoursChoiceWith: "  press * goto goodbye")
        #expect(simulation.scripts.load(path).loaded)
        let third = await simulation.call(keys: keys)
        #expect(!third.played.contains("zh/main/hours"))
        #expect(third.transcript.blocksEntered == ["start", "choose-language", "main", "goodbye"])
        #expect(simulation.callRecords.count == 3)
    }

    @Test func aCallInProgressKeepsItsVersion() async throws {
        let simulation = try await fixture.simulation()
        simulation.ring()
        var frames = 0
        var pressed = false
        while simulation.snapshot.keyWait?.block != "main" {
            await simulation.step()
            frames += 1
            if !pressed && simulation.snapshot.keyWait?.block == "choose-language" {
                simulation.press("1")
                pressed = true
            }
            try #require(frames < 2000, "never reached the main menu")
        }
        try edit(replacingHoursChoiceWith: "  press * goto goodbye")
        #expect(simulation.scripts.load(path).loaded)
        simulation.press("*")
        while simulation.snapshot.keyWait?.block == "main" || simulation.isSending {
            await simulation.step()
        }
        for _ in 0..<10 { await simulation.step() }
        #expect(simulation.snapshot.transcript.events.contains(.played(["zh/main/hours"])), "\(simulation.snapshot.transcript.text)")
        simulation.hangUp()
        for _ in 0..<100 { await simulation.step() }
        #expect(simulation.callRecords.count == 1)
    }
}
