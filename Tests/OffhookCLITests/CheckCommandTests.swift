import Foundation
import Testing

/// `offhook check`, run as an IVR author runs it.
@Suite struct CheckCommandTests {
    @Test func exampleScriptsAreClean() throws {
        let result = try OffhookProcess.run(["check", "IVRScripts/hotline.ivr", "IVRScripts/fax.ivr"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout == "checked 2 scripts: 0 errors, 0 warnings\n")
    }

    @Test func brokenScriptPrintsGoldenOutputAndFails() throws {
        let result = try OffhookProcess.run(["check", "Tests/IVRScriptTests/Fixtures/broken.ivr"])
        #expect(result.status == 1)
        let golden = try String(contentsOfFile: OffhookProcess.root + "/Tests/IVRScriptTests/Fixtures/broken.expected", encoding: .utf8)
        let expected = golden.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("broken.ivr:") ? "Tests/IVRScriptTests/Fixtures/" + line : String(line)
        }.joined(separator: "\n").replacingOccurrences(of: "prompts/MANIFEST", with: "Tests/IVRScriptTests/Fixtures/prompts/MANIFEST")
        #expect(result.stdout == expected)
    }

    @Test func warningsAloneDoNotFail() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("offhook-check-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("w.ivr").path
        try "menu main\n  prompt \"hello\"\n  press 1 hangup\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try OffhookProcess.run(["check", "--no-prompt-check", path])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("\(path):1:6: warning: menu 'main' asks again forever when the caller presses nothing\nmenu main\n     ^~~~\n"))
        #expect(result.stdout.hasSuffix("checked 1 script: 0 errors, 2 warnings\n"))
    }

    @Test func transfersAreCheckedAgainstTheConfigurationsExtensions() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("offhook-check-ext-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.ivr").path
        try "step start\n  transfer extension 809\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try OffhookProcess.run(["check", "--no-prompt-check", "--config", "Hardware/simulated/offhook.conf", path])
        #expect(result.status == 0, "a warning")
        #expect(result.stdout.hasPrefix("\(path):2:22: warning: extension 809 is not in the configuration's [extensions]; the transfer would fail\n"))
        let plain = try OffhookProcess.run(["check", "--no-prompt-check", path])
        #expect(plain.stdout == "checked 1 script: 0 errors, 0 warnings\n", "without --config there is nothing to check against")
    }

    @Test func missingFileIsAnError() throws {
        let result = try OffhookProcess.run(["check", "no-such.ivr"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("no-such.ivr: error: cannot read 'no-such.ivr': no such file\n"))
    }
}
