import IVRScript
import Testing

/// `transfer extension N` against the configuration's extensions (`offhook check --config`).
@Suite struct TransferCheckTests {
    func diagnostics(_ text: String, extensions: Set<String>?) -> [Diagnostic] {
        let (script, parsed) = Parser().parse(SourceFile(path: "test.ivr", text: text))
        return parsed + Checker().check(script, environment: CheckEnvironment(extensions: extensions))
    }

    @Test func aLiteralExtensionMissingFromTheConfigurationIsAWarning() throws {
        let text = "step s\n  transfer extension 805\n"
        let found = diagnostics(text, extensions: ["801", "802"])
        let warning = try #require(found.first)
        #expect(found.count == 1 && warning.id == "unknownExtension" && warning.severity == .warning)
        #expect(warning.range?.start == SourceLocation(line: 2, column: 22))
        #expect(warning.message == "extension 805 is not in the configuration's [extensions]; the transfer would fail")
    }

    @Test(arguments: [
        ("step s\n  transfer extension 801\n", Set(["801"])),                 // known, as a number
        ("step s\n  transfer extension \"801\"\n", Set(["801"])),             // known, as text
        ("step s\n  transfer extension caller\n", Set(["801"])),              // computed: not checked
        ("step s\n  transfer outside \"5551234\"\n", Set(["801"])),           // outside numbers are not extensions
    ])
    func acceptedTransfers(text: String, extensions: Set<String>) {
        #expect(diagnostics(text, extensions: extensions).isEmpty)
    }

    @Test func withoutAConfigurationNothingIsChecked() {
        #expect(diagnostics("step s\n  transfer extension 805\n", extensions: nil).isEmpty)
    }
}
