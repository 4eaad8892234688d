import Foundation
import IVRScript
import Testing

/// Pins what `offhook check` prints, byte for byte (ArgumentParser's example tests are the model).
///
/// To accept a deliberate change, run with `OFFHOOK_UPDATE_GOLDEN=1` and review the diff.
@Suite struct GoldenTests {
    static let goldenScripts = ["broken.ivr", "syntax.ivr"]

    @Test(arguments: goldenScripts)
    func renderedDiagnosticsMatchGolden(script: String) throws {
        let report = CheckReport(paths: [fixtures + "/" + script])
        let output = report.output.replacingOccurrences(of: fixtures + "/", with: "")
        let goldenPath = fixtures + "/" + script.replacingOccurrences(of: ".ivr", with: ".expected")
        if ProcessInfo.processInfo.environment["OFFHOOK_UPDATE_GOLDEN"] == "1" {
            try output.write(toFile: goldenPath, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: goldenPath, encoding: .utf8)
        #expect(output == golden)
        #expect(report.errors > 0)
    }

    /// The shipped manifest covers every `say` vocabulary in both languages, so authors can add
    /// `say date` or `say time` without touching it.
    @Test(arguments: ["zh", "en"])
    func manifestCoversSayVocabularies(language: String) throws {
        let examples = fixtures + "/../../../IVRScripts"
        let catalog = try #require(ScriptLoader.catalog(at: examples + "/prompts", named: "prompts"))
        #expect(catalog.unreadableManifestLines.isEmpty)
        for format in SayFormat.allCases {
            let missing = Speech.requiredPrompts(for: format, language: language).filter { !catalog.contains($0, language: language) }
            #expect(missing.isEmpty, "say \(format) in \(language) lacks \(missing)")
        }
    }

    /// Every example script under IVRScripts/ passes `offhook check` with no errors or warnings.
    @Test func exampleScriptsPassCheck() throws {
        let examples = fixtures + "/../../../IVRScripts"
        let scripts = try FileManager.default.contentsOfDirectory(atPath: examples).filter { $0.hasSuffix(".ivr") }.sorted()
        #expect(scripts.count >= 2)
        let report = CheckReport(paths: scripts.map { examples + "/" + $0 })
        #expect(report.output == "checked \(scripts.count) scripts: 0 errors, 0 warnings\n", "\(report.output)")
    }
}
