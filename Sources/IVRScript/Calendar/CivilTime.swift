/// A day of the week; `rawValue` counts from Monday = 1 (ISO 8601).
public enum Weekday: Int, Sendable, Hashable, CaseIterable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The three-letter name used in scripts: `mon` … `sun`.
    public var shortName: String {
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][rawValue - 1]
    }

    /// Parses `mon` … `sun` (case-insensitive); nil for anything else.
    public init?(shortName: String) {
        guard let index = Self.allCases.firstIndex(where: { $0.shortName == shortName.lowercased() }) else { return nil }
        self = Self.allCases[index]
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A calendar date with no time zone, as written in scripts (`2026-10-01`).
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil when malformed or not a real date.
    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= Self.daysIn(month: m, year: y)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The number of days in `month` of `year` (Gregorian).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The day of the week (Sakamoto's method).
    public var weekday: Weekday {
        let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        let sundayBased = (y + y / 4 - y / 100 + y / 400 + t[month - 1] + day) % 7  // 0 = Sunday
        return Weekday(rawValue: sundayBased == 0 ? 7 : sundayBased)!
    }

    public static func < (a: Self, b: Self) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// A local date and time of day, as the call's owner reads it from the wall clock.
///
/// The runtime never reads a clock itself: the owner hands this in with the call-started event,
/// so office-hours tests can be run at any date.
public struct CivilDateTime: Sendable, Hashable, CustomStringConvertible {
    public var date: CivilDate
    /// Minutes since local midnight, 0..<1440.
    public var minuteOfDay: Int

    public init(date: CivilDate, hour: Int, minute: Int) {
        self.date = date
        self.minuteOfDay = hour * 60 + minute
    }

    public var hour: Int { minuteOfDay / 60 }
    public var minute: Int { minuteOfDay % 60 }

    public var description: String {
        "\(date) \(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }
}

/// One line of opening hours: some weekdays, one time span (`mon-fri 09:00-18:00`).
public struct OpeningRule: Sendable, Hashable {
    public var days: Set<Weekday>
    /// Minutes since midnight, start inclusive, end exclusive.
    public var opens: Int
    public var closes: Int

    public init(days: Set<Weekday>, opens: Int, closes: Int) {
        self.days = days
        self.opens = opens
        self.closes = closes
    }

    public func contains(_ time: CivilDateTime) -> Bool {
        days.contains(time.date.weekday) && time.minuteOfDay >= opens && time.minuteOfDay < closes
    }
}

extension Script {
    /// Whether `time` falls on a declared holiday.
    public func isHoliday(_ time: CivilDateTime) -> Bool {
        holidays.contains { $0.first <= time.date && time.date <= $0.last }
    }

    /// Whether the hours called `name` are open at `time` (always closed on holidays).
    ///
    /// Returns false for unknown names; the checker reports those.
    public func isOpen(_ name: String, at time: CivilDateTime) -> Bool {
        guard let hours = hours.first(where: { $0.name.value == name }) else { return false }
        return !isHoliday(time) && hours.rules.contains { $0.contains(time) }
    }
}
