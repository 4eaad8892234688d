import IVRScript
import Testing

/// Spoken forms, checked against how a native speaker reads them.
@Suite struct SpeechTests {
    func zh(_ format: SayFormat, _ value: String) -> String {
        Speech.prompts(format, value, language: "zh").map { $0.split(separator: "/").last! }.joined(separator: " ")
    }

    func en(_ format: SayFormat, _ value: String) -> String {
        Speech.prompts(format, value, language: "en").map { $0.split(separator: "/").last! }.joined(separator: " ")
    }

    @Test(arguments: [
        ("0", "0"), ("7", "7"), ("10", "ten"), ("15", "ten 5"), ("20", "2 ten"), ("105", "1 hundred 0 5"),
        ("110", "1 hundred 1 ten"), ("123", "1 hundred 2 ten 3"), ("1005", "1 thousand 0 5"),
        ("10050", "1 wan 0 5 ten"), ("150000", "ten 5 wan"), ("20000", "2 wan"),
        ("100000005", "1 yi 0 5"), ("100010000", "1 yi 0 1 wan"), ("12345678", "1 thousand 2 hundred 3 ten 4 wan 5 thousand 6 hundred 7 ten 8"),
    ])
    func chineseNumbers(value: String, spoken: String) {
        #expect(zh(.number, value) == spoken)
    }

    @Test(arguments: [
        ("0", "0"), ("13", "13"), ("21", "20 1"), ("100", "1 hundred"), ("123", "1 hundred 20 3"),
        ("1005", "1 thousand 5"), ("2000000", "2 million"), ("-7", "minus 7"), ("3.5", "3 point 5"), ("3.05", "3 point 0 5"),
    ])
    func englishNumbers(value: String, spoken: String) {
        #expect(en(.number, value) == spoken)
    }

    @Test func money() {
        #expect(zh(.money, "1234.50") == "1 thousand 2 hundred 3 ten 4 yuan 5 jiao")
        #expect(zh(.money, "10.05") == "ten yuan 0 5 fen")
        #expect(zh(.money, "0.3") == "3 jiao")
        #expect(zh(.money, "-20.05") == "minus 2 ten yuan 0 5 fen")
        #expect(en(.money, "1234.50") == "1 thousand 2 hundred 30 4 dollars 50 cents")
        #expect(en(.money, "1.01") == "1 dollar 1 cent")
        #expect(en(.money, "0") == "0 dollars")
        #expect(en(.money, "abc").isEmpty)
    }

    @Test func datesAndTimes() {
        #expect(zh(.date, "2026-11-23") == "2 0 2 6 year ten 1 month 2 ten 3 day")
        #expect(en(.date, "2026-11-23") == "month-11 day-23 20 20 6")
        #expect(en(.date, "2005-01-01") == "month-1 day-1 2 thousand 5")
        #expect(en(.date, "1900-03-02") == "month-3 day-2 19 hundred")
        #expect(en(.date, "2026-02-30").isEmpty)
        #expect(en(.time, "14:05") == "14 oh 5")
        #expect(en(.time, "09:00") == "9 oclock")
        #expect(zh(.time, "14:05") == "ten 4 hour 5 minute")
    }

    @Test func digits() {
        #expect(en(.digits, "12*#") == "1 2 star pound")
        #expect(Speech.prompts(.digits, "07", language: "zh") == ["digits/0", "digits/7"])
    }

    /// Every name a format produces is in its declared vocabulary, so the manifest check is sound.
    @Test(arguments: ["zh", "en"])
    func producedNamesAreInTheVocabulary(language: String) {
        for format in SayFormat.allCases {
            let vocabulary = Set(Speech.requiredPrompts(for: format, language: language))
            for value in ["0", "7", "19", "105", "1234.56", "-20.05", "100010000", "2026-11-23", "1999-12-31", "23:59", "00:00", "123#*"] {
                for name in Speech.prompts(format, value, language: language) {
                    #expect(vocabulary.contains(name), "\(format) \(value) in \(language) uses \(name)")
                }
            }
        }
    }
}
