extension Speech {
    /// English reading rules (US style: "one hundred twenty-three", no "and").
    enum English {
        static let numberWords: [String] =
            (0...19).map { "digits/\($0)" } + stride(from: 20, through: 90, by: 10).map { "digits/\($0)" }
            + ["digits/hundred", "digits/thousand", "digits/million", "digits/billion", "digits/minus"]

        /// Reads 0 ..< 10¹².
        static func number(_ n: Int) -> [String] {
            if n < 20 { return ["digits/\(n)"] }
            if n < 100 { return ["digits/\(n / 10 * 10)"] + (n % 10 > 0 ? ["digits/\(n % 10)"] : []) }
            if n < 1000 { return ["digits/\(n / 100)", "digits/hundred"] + rest(n % 100) }
            for (size, word) in [(1_000_000_000, "digits/billion"), (1_000_000, "digits/million"), (1000, "digits/thousand")] where n >= size {
                return number(n / size) + [word] + rest(n % size)
            }
            return []
        }

        private static func rest(_ n: Int) -> [String] { n > 0 ? number(n) : [] }

        static func money(_ amount: Double) -> [String] {
            let cents = Int((abs(amount) * 100).rounded())
            let units = cents / 100, fraction = cents % 100
            var out = amount < 0 && cents > 0 ? ["digits/minus"] : []
            if units > 0 || fraction == 0 {
                out += number(units) + [units == 1 ? "money/dollar" : "money/dollars"]
            }
            if fraction > 0 {
                out += number(fraction) + [fraction == 1 ? "money/cent" : "money/cents"]
            }
            return out
        }

        /// "November twenty-third, twenty twenty-six".
        static func date(_ date: CivilDate) -> [String] {
            ["date/month-\(date.month)", "date/day-\(date.day)"] + year(date.year)
        }

        static func year(_ y: Int) -> [String] {
            if y % 1000 < 10 || y >= 10000 { return number(y) }  // 2005: two thousand five
            let high = y / 100, low = y % 100
            if low == 0 { return number(high) + ["digits/hundred"] }
            return number(high) + (low < 10 ? ["digits/oh", "digits/\(low)"] : number(low))
        }

        /// 24-hour: "fourteen oh five", "nine o'clock".
        static func time(hour: Int, minute: Int) -> [String] {
            number(hour) + (minute == 0 ? ["digits/oclock"] : minute < 10 ? ["digits/oh", "digits/\(minute)"] : number(minute))
        }
    }
}
