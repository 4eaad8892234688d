// Every message the IVR front end can print, with its stable ID. Keep alphabetical.
// The ID never changes once released; the wording may.
extension Diagnostic {
    static func actionInMenu(_ action: String, kind: BlockKind) -> Self {
        .error("'\(action)' cannot stand on its own line in a \(kind.rawValue)", id: "actionInMenu")
    }
    static let badCount = Self.error("the count must be 1 or more", id: "badCount")
    static func badDate(_ text: String) -> Self { .error("'\(text)' is not a real date", id: "badDate") }
    static func badDays(_ text: String) -> Self {
        .error("'\(text)' is not a day or range of days such as 'mon-fri'", id: "badDays")
    }
    static let badDigitCount = Self.error("digits must be between 1 and 64, smallest first", id: "badDigitCount")
    static func badKey(_ text: String) -> Self {
        .error("'\(text)' is not a phone key; keys are 0-9, * and #", id: "badKey")
    }
    static func badManifestLine(_ path: String, line: Int) -> Self {
        .warning("\(path) line \(line) is not 'LANG NAME TEXT'; it was skipped", id: "badManifestLine")
    }
    static func badTimeRange(_ text: String) -> Self {
        .error("'\(text)' is not an opening time range such as '09:00-18:00'", id: "badTimeRange")
    }
    static func cannotRead(_ path: String, reason: String) -> Self {
        .error("cannot read '\(path)': \(reason)", id: "cannotRead")
    }
    static func deadEnd(_ step: String) -> Self {
        .error("step '\(step)' ends without saying where the call goes next", id: "deadEnd")
    }
    static func deadEndAfterInput(_ input: String) -> Self {
        .error("'on done' of input '\(input)' ends without saying where the call goes next", id: "deadEndAfterInput")
    }
    static func duplicateBlock(_ name: String) -> Self { .error("'\(name)' is defined twice", id: "duplicateBlock") }
    static func duplicateChoice(_ key: String) -> Self {
        .warning("key '\(key)' is already a choice; this one can never be taken", id: "duplicateChoice")
    }
    static func duplicateDeclaration(_ kind: String, _ name: String) -> Self {
        .error("\(kind) '\(name)' is declared twice", id: "duplicateDeclaration")
    }
    static func duplicateHandler(_ event: String, count: Int) -> Self {
        .warning("'on \(event)\(count > 1 ? " \(count)" : "")' is already handled; this one never runs", id: "duplicateHandler")
    }
    static let emptyPromptName = Self.error("a prompt name cannot be empty", id: "emptyPromptName")
    static func endKeyTooLong(_ key: String) -> Self {
        .error("the end key must be a single key, not '\(key)'", id: "endKeyTooLong")
    }
    static func expected(_ what: String, found: String) -> Self {
        .error("expected \(what), found '\(found)'", id: "expected")
    }
    static func expectedAtEndOfLine(_ what: String) -> Self {
        .error("expected \(what) at the end of the line", id: "expected")
    }
    static func extraText(_ text: String) -> Self {
        .error("unexpected '\(text)' after the end of the statement", id: "extraText")
    }
    static let holidayEndsBeforeStart = Self.error("the holiday ends before it starts", id: "holidayEndsBeforeStart")
    static func inputWithoutDone(_ name: String) -> Self {
        .error("input '\(name)' has no 'on done' line, so the number is never used", id: "inputWithoutDone")
    }
    static func keyNotOnPhones(_ key: String) -> Self {
        .warning("ordinary phones have no key in '\(key)'; callers cannot take this choice", id: "keyNotOnPhones")
    }
    static func lineMustStartWithKeyword(_ text: String) -> Self {
        .error("a line must start with a keyword, not '\(text)'", id: "lineMustStartWithKeyword")
    }
    static func menuWithoutChoices(_ name: String) -> Self {
        .error("menu '\(name)' has no 'press' choices", id: "menuWithoutChoices")
    }
    static func missingPrompt(_ name: String, languages: [String], source: String) -> Self {
        .error("prompt '\(name)' has no recording for \(languages.map { "'\($0)'" }.joined(separator: ", ")) in \(source)",
               id: "missingPrompt")
    }
    static func missingSayPrompts(_ format: String, language: String, missing: [String], source: String) -> Self {
        let shown = missing.prefix(4).joined(separator: ", ") + (missing.count > 4 ? " and \(missing.count - 4) more" : "")
        return .error("'say \(format)' in '\(language)' needs prompts missing from \(source): \(shown)", id: "missingSayPrompts")
    }
    static func missingAnnouncementPrompts(language: String, missing: [String], source: String) -> Self {
        let shown = missing.prefix(4).joined(separator: ", ") + (missing.count > 4 ? " and \(missing.count - 4) more" : "")
        return .warning("queue announcements in '\(language)' (a waiting caller's place and wait) need prompts missing from \(source): \(shown)",
                        id: "missingAnnouncementPrompts")
    }
    static func missingTableFile(_ path: String) -> Self {
        .error("table file '\(path)' is missing or has no header line", id: "missingTableFile")
    }
    static func missingTimeUnit(_ text: String) -> Self {
        .error("'\(text)' needs a unit, such as '\(text)s' for seconds", id: "missingTimeUnit")
    }
    static func neverGivesUp(_ kind: String, _ name: String, event: InputEvent) -> Self {
        let what = event == .noInput ? "the caller presses nothing" : "the caller keeps pressing wrong keys"
        return .warning("\(kind) '\(name)' asks again forever when \(what)", id: "neverGivesUp")
    }
    static let noBlocks = Self.error("the script has no menu, input or step", id: "noBlocks")
    static func noPrompt(_ kind: String, _ name: String) -> Self {
        .warning("\(kind) '\(name)' has no prompt; callers will hear silence", id: "noPrompt")
    }
    static func noPromptCatalog(_ directory: String) -> Self {
        .warning("no prompts found in '\(directory)' (no MANIFEST, no recordings); prompt names were not checked",
                 id: "noPromptCatalog")
    }
    static func noWayOut(_ blocks: [String]) -> Self {
        .error("the call can never end once it reaches \(blocks.map { "'\($0)'" }.joined(separator: ", "))", id: "noWayOut")
    }
    static func outsideBlock(_ keyword: String) -> Self {
        .error("'\(keyword)' must be inside a menu, input or step", id: "outsideBlock")
    }
    static func readOnlyVariable(_ name: String) -> Self {
        .error("'\(name)' is set by the system and cannot be changed", id: "readOnlyVariable")
    }
    static func settingNotAllowed(_ keyword: String, kind: BlockKind) -> Self {
        .error("'\(keyword)' does not belong in \(kind == .input ? "an" : "a") \(kind.rawValue)", id: "settingNotAllowed")
    }
    static func unexpectedCharacter(_ c: Character) -> Self {
        .error("unexpected character '\(c)'", id: "unexpectedCharacter")
    }
    static func unknownAction(_ name: String) -> Self { .error("unknown action '\(name)'", id: "unknownAction") }
    static func unknownBlock(_ name: String) -> Self {
        .error("there is no menu, input or step called '\(name)'", id: "unknownBlock")
    }
    static func unknownColumn(_ column: String, table: String) -> Self {
        .error("table '\(table)' has no column '\(column)'", id: "unknownColumn")
    }
    static func unknownEvent(_ name: String) -> Self {
        .error("unknown event '\(name)'; expected 'no-input', 'no-match' or 'done'", id: "unknownEvent")
    }
    static func unknownHours(_ name: String) -> Self { .error("unknown hours '\(name)'", id: "unknownHours") }
    static func unknownKeyword(_ name: String) -> Self { .error("unknown keyword '\(name)'", id: "unknownKeyword") }
    static func unknownLanguage(_ name: String) -> Self {
        .error("'\(name)' is not one of the script's languages", id: "unknownLanguage")
    }
    static func unknownQueue(_ name: String) -> Self { .error("unknown queue '\(name)'", id: "unknownQueue") }
    static func unknownExtension(_ number: String) -> Self {
        .warning("extension \(number) is not in the configuration's [extensions]; the transfer would fail", id: "unknownExtension")
    }
    static func noteExtensions(_ numbers: [String]) -> String {
        numbers.isEmpty ? "no extension is configured" : "extensions: \(numbers.joined(separator: ", "))"
    }
    static func unknownSayFormat(_ name: String) -> Self {
        .error("cannot say '\(name)'; expected digits, number, money, date or time", id: "unknownSayFormat")
    }
    static func unknownTable(_ name: String) -> Self { .error("unknown table '\(name)'", id: "unknownTable") }
    static func unknownVariable(_ name: String) -> Self {
        .error("'\(name)' is never set", id: "unknownVariable")
    }
    static func unreachableBlock(_ kind: String, _ name: String) -> Self {
        .warning("\(kind) '\(name)' is never reached", id: "unreachableBlock")
    }
    static let unreachableStatement = Self.warning("this can never run: the line already sent the call elsewhere",
                                                   id: "unreachableStatement")
    static func unreadableValue(_ text: String) -> Self {
        .error("cannot read '\(text)'; expected a number, time such as 09:00, date such as 2026-10-01, or length such as 5s",
               id: "unreadableValue")
    }
    static let unterminatedString = Self.error("this quote is never closed", id: "unterminatedString")

    // MARK: Notes (alphabetical)

    static let noteActionsInMenus = "actions in a menu go after 'press KEY' or 'on no-input'; use a step for a list of actions"
    static func noteAddHandler(_ event: InputEvent) -> String { "add for example 'on \(event.rawValue) 3 goto goodbye'" }
    static func noteDeclareQueue(_ name: String) -> String { "declare it at the top: 'queue \(name) wait 60s'" }
    static func noteDidYouMean(_ name: String) -> String { "did you mean '\(name)'?" }
    static let noteEndWithGoto = "end it with 'goto', 'hangup', 'transfer' or 'receive fax'"
    static func noteFirstDefined(line: Int) -> String { "first defined on line \(line)" }
    static func noteLanguages(_ names: [String]) -> String { "the script's languages are \(names.joined(separator: ", "))" }
    static let noteNoWayOut = "no path from here reaches 'hangup', 'transfer', 'queue' or 'receive fax'"
}
