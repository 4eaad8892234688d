extension ParserState {
    /// `hours NAME DAYS HH:MM-HH:MM [, DAYS HH:MM-HH:MM]...`; DAYS is `mon-fri`, `sat sun`, or `daily`.
    mutating func parseHours(_ cursor: inout TokenCursor) throws(ParseFailure) {
        let name = try cursor.expectWord("a name for the hours")
        var rules: [OpeningRule] = []
        repeat {
            var days = Set<Weekday>()
            while let token = cursor.peek, token.kind == .word {
                _ = cursor.next()
                guard let parsed = Self.days(token.text) else {
                    let names = Weekday.allCases.map(\.shortName) + ["daily"]
                    let guess = Spelling.closest(to: token.text.lowercased(), in: names)
                    throw ParseFailure(diagnostic: Diagnostic.badDays(token.text).at(token.range)
                        .note(guess.map(Diagnostic.noteDidYouMean)))
                }
                days.formUnion(parsed)
            }
            if days.isEmpty { throw cursor.expected("days such as 'mon-fri'") }
            guard let span = cursor.peek, span.kind == .timeRange else { throw cursor.expected("opening times such as '09:00-18:00'") }
            _ = cursor.next()
            let parts = span.text.split(separator: "-").map(String.init)
            guard let opens = Self.minutes(parts[0]), let closes = Self.minutes(parts[1]), opens < closes else {
                throw ParseFailure(diagnostic: Diagnostic.badTimeRange(span.text).at(span.range))
            }
            rules.append(OpeningRule(days: days, opens: opens, closes: closes))
        } while cursor.acceptSymbol(",")
        script.hours.append(HoursDeclaration(name: name, rules: rules))
    }

    /// `holiday YYYY-MM-DD [to YYYY-MM-DD] ["description"]`.
    mutating func parseHoliday(at range: SourceRange, _ cursor: inout TokenCursor) throws(ParseFailure) {
        let first = try date(&cursor)
        var last = first
        if cursor.accept("to") {
            last = try date(&cursor)
            guard first.value <= last.value else {
                throw ParseFailure(diagnostic: Diagnostic.holidayEndsBeforeStart.at(range))
            }
        }
        if cursor.peek?.kind == .string { _ = cursor.next() }
        script.holidays.append(HolidayDeclaration(first: first.value, last: last.value, range: range))
    }

    private func date(_ cursor: inout TokenCursor) throws(ParseFailure) -> Located<CivilDate> {
        guard let token = cursor.peek, token.kind == .date else { throw cursor.expected("a date such as '2026-10-01'") }
        _ = cursor.next()
        guard let date = CivilDate(token.text) else {
            throw ParseFailure(diagnostic: Diagnostic.badDate(token.text).at(token.range))
        }
        return Located(date, token.range)
    }

    static func days(_ text: String) -> Set<Weekday>? {
        let lower = text.lowercased()
        if lower == "daily" { return Set(Weekday.allCases) }
        let ends = lower.split(separator: "-").map(String.init)
        guard (1...2).contains(ends.count), let from = Weekday(shortName: ends[0]),
              let to = Weekday(shortName: ends.last!), from <= to
        else { return nil }
        return Set(Weekday.allCases.filter { $0 >= from && $0 <= to })
    }

    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), m < 60, h * 60 + m <= 24 * 60 else { return nil }
        return h * 60 + m
    }
}
