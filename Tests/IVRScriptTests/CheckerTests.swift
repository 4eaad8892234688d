import IVRScript
import Testing

/// One small script per diagnostic: the checker reports exactly what is wrong.
@Suite struct CheckerTests {
    static let ok = "\n  on no-input 2 hangup\n  on no-match 2 hangup\n"

    @Test(arguments: [
        // Names
        ("menu m\n  prompt \"p\"\n  press 1 goto nowhere" + ok, ["unknownBlock"]),
        ("menu m\n  prompt \"p\"\n  press 1 queue sales" + ok, ["unknownQueue"]),
        ("step s\n  if caller in vip then hangup\n  hangup", ["unknownTable"]),
        ("step s\n  if office is open then hangup\n  hangup", ["unknownHours"]),
        ("step s\n  say digits acount\n  hangup", ["unknownVariable"]),
        ("languages zh en\nstep s\n  set language to fr\n  hangup", ["unknownLanguage"]),
        ("step s\n  set caller to 1\n  hangup", ["readOnlyVariable"]),
        ("queue a\nqueue a\nstep s\n  queue a\n  hangup", ["duplicateDeclaration"]),
        ("fax goto faxes\nstep s\n  hangup", ["unknownBlock"]),
        // Menus
        ("menu m\n  prompt \"p\"" + ok, ["menuWithoutChoices"]),
        ("menu m\n  press 1 hangup" + ok, ["noPrompt"]),
        ("menu m\n  prompt \"p\"\n  press 1 hangup\n  press 1 goto m" + ok, ["duplicateChoice"]),
        ("menu m\n  prompt \"p\"\n  press 1 hangup\n  on no-input 2 hangup\n  on no-input 2 hangup\n  on no-match 2 hangup", ["duplicateHandler"]),
        ("menu m\n  prompt \"p\"\n  press A hangup" + ok, ["keyNotOnPhones"]),
        ("menu m\n  prompt \"p\"\n  press 1 hangup\n  on no-match 2 hangup", ["neverGivesUp"]),
        ("input n\n  prompt \"p\"" + ok, ["inputWithoutDone"]),
        // Flow
        ("step s\n  play \"p\"", ["deadEnd"]),
        ("input n\n  prompt \"p\"\n  on done play \"x\"" + ok, ["deadEndAfterInput"]),
        ("step s\n  hangup\n  play \"p\"", ["unreachableStatement"]),
        ("step s\n  hangup\nstep t\n  hangup", ["unreachableBlock"]),
        ("step s\n  goto t\nstep t\n  play \"p\"\n  goto s", ["noWayOut"]),
        ("step s\n  if caller = \"1\" then goto s else hangup", []),
        ("menu m\n  prompt \"p\"\n  press 1 goto m\n  on no-input 3 goto m\n  on no-match 3 goto m", ["neverGivesUp", "neverGivesUp", "noWayOut"]),
    ])
    func reports(script: String, expected: [String]) {
        #expect(ids(script) == expected, "\(diagnose(script))")
    }

    @Test func promptsAreCheckedInEveryLanguage() {
        var catalog = PromptCatalog(source: "prompts/MANIFEST")
        catalog.addManifest("en hello Hello\nzh hello 你好\nen bye Bye\n")
        let d = diagnose("languages zh en\nstep s\n  play \"hello\", \"bye\"\n  play \"helo\"\n  hangup", prompts: catalog)
        #expect(d.map(\.message) == [
            "prompt 'bye' has no recording for 'zh' in prompts/MANIFEST",
            "prompt 'helo' has no recording for 'zh', 'en' in prompts/MANIFEST",
        ])
        #expect(d.last?.notes == ["did you mean 'hello'?"])
    }

    @Test func queueingNeedsTheAnnouncementVocabulary() {
        var catalog = PromptCatalog(source: "M")
        for name in QueueAnnouncement.vocabulary(language: "zh") { catalog.insert(name, language: "zh") }
        let script = "languages zh en\nqueue service wait 60s\nstep s\n  queue service\n  hangup"
        let d = diagnose(script, prompts: catalog)
        #expect(d.map(\.id) == ["missingAnnouncementPrompts"], "\(d.map(\.message))")
        #expect(d.first?.severity == .warning)
        #expect(d.first?.message.contains("in 'en'") == true && d.first?.message.contains("queue/you-are-caller") == true)
        #expect(d.first?.range?.start.line == 4)
        for name in QueueAnnouncement.vocabulary(language: "en") { catalog.insert(name, language: "en") }
        #expect(diagnose(script, prompts: catalog).isEmpty)
        #expect(diagnose("languages en\nstep s\n  hangup", prompts: PromptCatalog(source: "M")).isEmpty, "no queue, no announcement")
    }

    @Test func sayNeedsItsVocabulary() {
        var catalog = PromptCatalog(source: "M")
        for name in Speech.requiredPrompts(for: .number, language: "zh") { catalog.insert(name, language: "zh") }
        #expect(diagnose("languages zh\nstep s\n  say number 5\n  hangup", prompts: catalog).isEmpty)
        #expect(diagnose("languages zh\nstep s\n  say money 5\n  hangup", prompts: catalog).map(\.id) == ["missingSayPrompts"])
    }

    @Test func spellingSuggestions() {
        let d = diagnose("step s\n  plya \"x\"\n  hangup")
        #expect(d.first?.notes == ["did you mean 'play'?"])
        let far = diagnose("step s\n  xyzzy\n  hangup")
        #expect(far.first?.notes == [])
    }

    @Test func manifestParsing() {
        var catalog = PromptCatalog(source: "M")
        let bad = catalog.addManifest("# comment\n\nen main/welcome Welcome to Offhook.\nlonely\nzh digits/1 一\n")
        #expect(bad == [4])
        #expect(catalog.contains("main/welcome", language: "en"))
        #expect(!catalog.contains("main/welcome", language: "zh"))
        #expect(catalog.texts["zh/digits/1"] == "一")
    }
}
