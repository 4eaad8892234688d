import IVRSimulator
import Testing

@Suite struct KeyScriptTests {
    @Test func groupsAndSilence() throws {
        let keys = try KeyScript(parsing: "  1 12345678#  - *0 a ")
        #expect(keys.groups == [.keys("1"), .keys("12345678#"), .silence, .keys("*0"), .keys("A")])
        #expect(keys.description == "1 12345678# - *0 A")
    }

    @Test(arguments: [("1 x", "x", "x"), ("12-", "-", "12-"), ("1 ,", ",", ",")])
    func notAKey(text: String, character: Character, group: String) {
        #expect(throws: KeyScript.InvalidKey(group: group, character: character)) { try KeyScript(parsing: text) }
    }
}
