import Foundation
import IVRScript
import Testing

/// Damaged scripts never crash the front end, and every diagnostic points into the file.
@Suite struct RobustnessTests {
    /// A small deterministic generator (64-bit LCG), so failures reproduce.
    struct LCG {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test(arguments: 0..<40)
    func mutatedHotlineIsDiagnosedNotCrashed(seed: Int) throws {
        let original = try String(contentsOfFile: fixtures + "/../../../IVRScripts/hotline.ivr", encoding: .utf8)
        var chars = Array(original)
        var rng = LCG(state: UInt64(seed) &+ 0x9E3779B97F4A7C15)
        let alphabet = Array("abz019 #*\"-:,.()=<>\n\t¤中")
        for _ in 0..<(1 + rng.next(12)) {
            let at = rng.next(chars.count)
            switch rng.next(3) {
            case 0: chars.remove(at: at)
            case 1: chars.insert(alphabet[rng.next(alphabet.count)], at: at)
            default: chars[at] = alphabet[rng.next(alphabet.count)]
            }
        }
        let file = SourceFile(path: "m.ivr", text: String(chars))
        let (script, parsed) = Parser().parse(file)
        let all = parsed + Checker().check(script)
        for d in all {
            guard let range = d.range else { continue }
            #expect(range.start.line >= 1 && range.start.line <= file.lines.count, "\(d)")
            #expect(range.start.column >= 1, "\(d)")
        }
        let rendered = DiagnosticRenderer().render(all, in: file)
        #expect(rendered.split(separator: "\n").filter { $0.hasPrefix("m.ivr:") }.count == all.count)
    }

    @Test func emptyAndBlankFiles() {
        #expect(ids("") == ["noBlocks"])
        #expect(ids("\n\n   \n# only a comment\n") == ["noBlocks"])
    }
}
