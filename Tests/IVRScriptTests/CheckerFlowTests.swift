import IVRScript
import Testing

@Suite struct CheckerFlowTests {
    @Test func loopBetweenMenuAndStepWithNoExitIsAnError() {
        let d = diagnose("""
            menu a
              prompt "p"
              press 1 goto b
              on no-input 3 goto b
              on no-match 3 goto b
            step b
              goto a
              hangup
            """)
        #expect(d.map(\.id) == ["noWayOut", "unreachableStatement"])
        #expect(d.first?.message == "the call can never end once it reaches 'a', 'b'")
    }
}

