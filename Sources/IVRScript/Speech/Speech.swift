/// Turns values into sequences of prompt names, the way a person reads them aloud.
///
/// `say number 123` in English plays `digits/100`-style recordings: `digits/1`,
/// `digits/hundred`, `digits/20`, `digits/3`; in Chinese (一百二十三) `digits/1`,
/// `digits/hundred`, `digits/2`, `digits/ten`, `digits/3`. The names are looked up in the
/// call's language folder, so the same name is a different recording per language. The
/// full lists of names each format may need are in `requiredPrompts(for:language:)`, which the
/// checker uses and which `IVRScripts/prompts/MANIFEST` must cover.
public enum Speech {
    /// The reading rules a language uses: Chinese for codes starting `zh`, English otherwise.
    public enum Rules: Sendable, Hashable {
        case english, chinese

        public init(language: String) {
            self = language.lowercased().hasPrefix("zh") ? .chinese : .english
        }
    }

    /// Returns the prompt names that read `value` in `format` (empty when `value` cannot be read
    /// that way, such as `say date` of a malformed date).
    ///
    /// - Complexity: O(length of the value).
    public static func prompts(_ format: SayFormat, _ value: String, language: String) -> [String] {
        let rules = Rules(language: language)
        switch format {
        case .digits:
            return value.compactMap(digitPrompt)
        case .number:
            // Not a number (an account number with '#', say): read its digits one by one.
            guard let number = Double(value.trimmingSpaces) else { return value.filter(\.isWholeNumber).compactMap(digitPrompt) }
            return readDecimal(number, rules: rules)
        case .money:
            guard let amount = Double(value.trimmingSpaces) else { return [] }
            return rules == .chinese ? Chinese.money(amount) : English.money(amount)
        case .date:
            guard let date = CivilDate(value.trimmingSpaces) else { return [] }
            return rules == .chinese ? Chinese.date(date) : English.date(date)
        case .time:
            let parts = value.trimmingSpaces.split(separator: ":")
            guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
            else { return [] }
            return rules == .chinese ? Chinese.time(hour: h, minute: m) : English.time(hour: h, minute: m)
        }
    }

    /// Returns the names that `format` may need in `language`.
    public static func requiredPrompts(for format: SayFormat, language: String) -> [String] {
        let digits = (0...9).map { "digits/\($0)" }
        switch (format, Rules(language: language)) {
        case (.digits, _):
            return digits + ["digits/star", "digits/pound"]
        case (.number, .english):
            return English.numberWords + ["digits/point"]
        case (.number, .chinese):
            return Chinese.numberWords + ["digits/point"]
        case (.money, .english):
            return English.numberWords + ["money/dollar", "money/dollars", "money/cent", "money/cents"]
        case (.money, .chinese):
            return Chinese.numberWords + ["money/yuan", "money/jiao", "money/fen"]
        case (.date, .english):
            return English.numberWords + ["digits/oh"] + (1...12).map { "date/month-\($0)" } + (1...31).map { "date/day-\($0)" }
        case (.date, .chinese):
            return Chinese.numberWords + ["date/year", "date/month", "date/day"]
        case (.time, .english):
            return English.numberWords + ["digits/oh", "digits/oclock"]
        case (.time, .chinese):
            return Chinese.numberWords + ["time/hour", "time/minute"]
        }
    }

    static func digitPrompt(_ c: Character) -> String? {
        switch c {
        case "0"..."9": return "digits/\(c)"
        case "*": return "digits/star"
        case "#": return "digits/pound"
        default: return nil
        }
    }

    static func readDecimal(_ number: Double, rules: Rules) -> [String] {
        guard number.isFinite, abs(number) < 1e12 else { return [] }
        let negative = number < 0
        let magnitude = abs(number)
        let whole = Int(magnitude)
        var out = negative ? ["digits/minus"] : []
        out += rules == .chinese ? Chinese.number(whole) : English.number(whole)
        // Up to two decimals, read digit by digit after "point".
        let hundredths = Int((magnitude * 100).rounded()) - whole * 100
        if hundredths > 0 {
            out.append("digits/point")
            let text = hundredths % 10 == 0 ? String(hundredths / 10) : (hundredths < 10 ? "0\(hundredths)" : String(hundredths))
            out += text.compactMap(digitPrompt)
        }
        return out
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
