extension Speech {
    /// Chinese reading rules (一百零五, 一万零五十, 十五万, 二零二六年十一月二十三日).
    enum Chinese {
        static let numberWords: [String] =
            (0...9).map { "digits/\($0)" } + ["digits/ten", "digits/hundred", "digits/thousand", "digits/wan", "digits/yi", "digits/minus"]

        /// Reads 0 ..< 10¹² with 万/亿 grouping and the zero rules.
        static func number(_ n: Int) -> [String] {
            if n == 0 { return ["digits/0"] }
            var out: [String] = []
            let yi = n / 100_000_000, wan = (n / 10_000) % 10_000, unit = n % 10_000
            if yi > 0 { out += number(yi) + ["digits/yi"] }
            if wan > 0 {
                if yi > 0, wan < 1000 { out.append("digits/0") }
                out += group(wan) + ["digits/wan"]
            }
            if unit > 0 {
                if n >= 10_000, unit < 1000 { out.append("digits/0") }
                out += group(unit)
            }
            // 一十五 is read 十五 at the start of a number.
            if out.count >= 2, out[0] == "digits/1", out[1] == "digits/ten" { out.removeFirst() }
            return out
        }

        /// Reads 1 ... 9999.
        private static func group(_ g: Int) -> [String] {
            var out: [String] = []
            var pendingZero = false
            for (digit, unit) in [(g / 1000, "digits/thousand"), (g / 100 % 10, "digits/hundred"), (g / 10 % 10, "digits/ten"), (g % 10, "")] {
                if digit == 0 {
                    if !out.isEmpty { pendingZero = true }
                    continue
                }
                if pendingZero { out.append("digits/0"); pendingZero = false }
                out.append("digits/\(digit)")
                if !unit.isEmpty { out.append(unit) }
            }
            return out
        }

        /// 一百二十三元四角五分; 十元零五分.
        static func money(_ amount: Double) -> [String] {
            let cents = Int((abs(amount) * 100).rounded())
            let units = cents / 100, jiao = cents % 100 / 10, fen = cents % 10
            var out = amount < 0 && cents > 0 ? ["digits/minus"] : []
            if units > 0 || cents == 0 { out += number(units) + ["money/yuan"] }
            if jiao > 0 { out += ["digits/\(jiao)", "money/jiao"] }
            if fen > 0 {
                if jiao == 0, units > 0 { out.append("digits/0") }
                out += ["digits/\(fen)", "money/fen"]
            }
            return out
        }

        /// 二零二六年十一月二十三日: the year digit by digit.
        static func date(_ date: CivilDate) -> [String] {
            String(date.year).compactMap(Speech.digitPrompt) + ["date/year"]
                + number(date.month) + ["date/month"] + number(date.day) + ["date/day"]
        }

        /// 14:05 is read 十四点五分; 9:00 is 九点.
        static func time(hour: Int, minute: Int) -> [String] {
            number(hour) + ["time/hour"] + (minute == 0 ? [] : number(minute) + ["time/minute"])
        }
    }
}
