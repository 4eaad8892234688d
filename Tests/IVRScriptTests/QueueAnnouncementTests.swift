import Foundation
import IVRScript
import Testing

/// The prompt names a waiting caller hears, checked name by name against what a person would
/// say, and against the real `IVRScripts/prompts/MANIFEST` (so a prompt missing there fails).
@Suite struct QueueAnnouncementTests {
    /// The example scripts' prompt manifest, as `offhook check` reads it.
    static let manifest: PromptCatalog = {
        let file = #filePath
        let root = String(file[..<file.firstRange(of: "/Tests/")!.lowerBound])
        var catalog = PromptCatalog(source: "IVRScripts/prompts/MANIFEST")
        let text = (try? String(contentsOfFile: "\(root)/IVRScripts/prompts/MANIFEST", encoding: .utf8)) ?? ""
        catalog.addManifest(text)
        return catalog
    }()

    struct Case: Sendable, CustomTestStringConvertible {
        var language: String
        var position: Int
        var wait: Duration?
        var expected: [String]
        var testDescription: String { "\(language) #\(position) wait \(wait.map { "\($0)" } ?? "nil")" }
    }

    /// "You are caller number N" / 您是第N位, spelled out per language.
    static let place: [String: [Int: [String]]] = [
        "en": [1: ["digits/1"], 3: ["digits/3"], 12: ["digits/12"]],
        "zh": [1: ["digits/1"], 3: ["digits/3"], 12: ["digits/ten", "digits/2"]],   // 十二, not 一十二
    ]
    /// The wait sentence per language for nil, 40 s and 150 s (2.5 minutes: said as 3).
    static let waits: [String: [(Duration?, [String])]] = [
        "en": [(nil, []), (.seconds(40), ["queue/less-than-a-minute"]),
               (.seconds(150), ["queue/expected-wait", "digits/3", "queue/minutes"])],
        "zh": [(nil, []), (.seconds(40), ["queue/less-than-a-minute"]),
               (.seconds(150), ["queue/expected-wait", "digits/3", "queue/minutes"])],
    ]

    static let cases: [Case] = ["en", "zh"].flatMap { language in
        [1, 3, 12].flatMap { position in
            waits[language]!.map { wait, sentence in
                let end = language == "zh" ? ["queue/position-end"] : []
                return Case(language: language, position: position, wait: wait,
                            expected: ["queue/you-are-caller"] + place[language]![position]! + end + sentence + ["queue/thanks-for-holding"])
            }
        }
    }

    @Test(arguments: cases)
    func announcementNamesAreRightAndRecorded(_ c: Case) {
        let names = QueueAnnouncement.prompts(position: c.position, expectedWait: c.wait, language: c.language)
        #expect(names == c.expected)
        let missing = names.filter { !Self.manifest.contains($0, language: c.language) }
        #expect(missing.isEmpty, "not in MANIFEST for \(c.language): \(missing)")
    }

    @Test func oneMinuteIsSingularInEnglishOnly() {
        #expect(QueueAnnouncement.prompts(position: 2, expectedWait: .seconds(60), language: "en")
            == ["queue/you-are-caller", "digits/2", "queue/expected-wait", "digits/1", "queue/minute", "queue/thanks-for-holding"])
        #expect(QueueAnnouncement.prompts(position: 2, expectedWait: .seconds(60), language: "zh")
            == ["queue/you-are-caller", "digits/2", "queue/position-end", "queue/expected-wait", "digits/1", "queue/minutes",
                "queue/thanks-for-holding"])
    }

    @Test func twoMinutesIsLiangInChinese() {
        #expect(QueueAnnouncement.prompts(position: 2, expectedWait: .seconds(100), language: "zh")
            == ["queue/you-are-caller", "digits/2", "queue/position-end", "queue/expected-wait", "queue/liang", "queue/minutes",
                "queue/thanks-for-holding"], "您是第二位，预计等待约两分钟")
        #expect(QueueAnnouncement.prompts(position: 1, expectedWait: .seconds(720), language: "zh").suffix(4)
            == ["digits/ten", "digits/2", "queue/minutes", "queue/thanks-for-holding"], "十二分钟")
        #expect(QueueAnnouncement.prompts(position: 1, expectedWait: .seconds(100), language: "en").suffix(3)
            == ["digits/2", "queue/minutes", "queue/thanks-for-holding"])
    }

    @Test func waitsAreWholeMinutesRoundedUp() {
        #expect(QueueAnnouncement.wholeMinutes(.zero) == 0)
        #expect(QueueAnnouncement.wholeMinutes(.milliseconds(59_999)) == 0)
        #expect(QueueAnnouncement.wholeMinutes(.seconds(60)) == 1)
        #expect(QueueAnnouncement.wholeMinutes(.milliseconds(60_001)) == 2)
        #expect(QueueAnnouncement.wholeMinutes(.seconds(61)) == 2)
        #expect(QueueAnnouncement.wholeMinutes(.seconds(150)) == 3)
        #expect(QueueAnnouncement.wholeMinutes(.seconds(180)) == 3)
        #expect(QueueAnnouncement.wholeMinutes(.seconds(-5)) == nil)
        // A wait nobody should announce is still sayable.
        #expect(QueueAnnouncement.wholeMinutes(.seconds(1) * 4_000_000_000) == 1_000_000)
    }

    @Test func aNegativeWaitIsLeftOut() {
        #expect(QueueAnnouncement.prompts(position: 1, expectedWait: .seconds(-1), language: "en")
            == ["queue/you-are-caller", "digits/1", "queue/thanks-for-holding"])
    }

    @Test(arguments: ["en", "zh"])
    func theManifestHasTheWholeVocabulary(_ language: String) {
        let missing = QueueAnnouncement.vocabulary(language: language).filter { !Self.manifest.contains($0, language: language) }
        #expect(missing.isEmpty, "MANIFEST lacks for \(language): \(missing)")
        #expect(Self.manifest.entries.count > 100, "the manifest was read")
    }
}
