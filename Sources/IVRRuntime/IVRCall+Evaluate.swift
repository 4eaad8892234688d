import IVRScript

extension IVRCall {
    /// The local time now: the start time plus the time since the call started.
    var localTime: CivilDateTime {
        var time = startTime
        let minutes = Int(elapsed.components.seconds / 60)
        var total = time.minuteOfDay + minutes
        while total >= 24 * 60 {
            total -= 24 * 60
            time.date = time.date.nextDay
        }
        time.minuteOfDay = total
        return time
    }

    /// The value of an expression as text ("" for unset variables).
    func evaluate(_ expression: Expression) -> String {
        switch expression.kind {
        case .number(let n): return Self.format(n)
        case .text(let text): return text
        case .name(let name): return value(of: name)
        case .add(let a, let b): return Self.format((Double(evaluate(a)) ?? 0) + (Double(evaluate(b)) ?? 0))
        case .subtract(let a, let b): return Self.format((Double(evaluate(a)) ?? 0) - (Double(evaluate(b)) ?? 0))
        }
    }

    func value(of name: String) -> String {
        switch name {
        case "today": return localTime.date.description
        case "now":
            let t = localTime
            return "\(t.hour < 10 ? "0" : "")\(t.hour):\(t.minute < 10 ? "0" : "")\(t.minute)"
        case "language": return language
        default:
            if let value = variables[name] { return value }
            if script.languages.contains(where: { $0.value == name }) { return name }
            return ""
        }
    }

    /// Whether a condition holds now.
    func test(_ condition: Condition) -> Bool {
        switch condition {
        case .not(let c): return !test(c)
        case .and(let a, let b): return test(a) && test(b)
        case .or(let a, let b): return test(a) || test(b)
        case .compare(let op, let a, let b):
            let x = evaluate(a), y = evaluate(b)
            if let m = Double(x), let n = Double(y) {
                switch op {
                case .equal: return m == n
                case .notEqual: return m != n
                case .less: return m < n
                case .lessOrEqual: return m <= n
                case .greater: return m > n
                case .greaterOrEqual: return m >= n
                }
            }
            switch op {
            case .equal: return x == y
            case .notEqual: return x != y
            case .less: return x < y
            case .lessOrEqual: return x <= y
            case .greater: return x > y
            case .greaterOrEqual: return x >= y
            }
        case .member(let e, let table):
            return tables[table.value]?.row(forKey: evaluate(e)) != nil
        case .hours(let name, let open):
            return script.isOpen(name.value, at: localTime) == open
        case .holiday:
            return script.isHoliday(localTime)
        case .isTrue(let e):
            let v = evaluate(e).lowercased()
            return !v.isEmpty && !["0", "no", "false"].contains(v)
        }
    }

    /// Whole numbers without ".0"; others with up to two decimals.
    static func format(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int(n)) }
        let cents = Int((n * 100).rounded())
        let sign = cents < 0 ? "-" : ""
        let whole = abs(cents) / 100, fraction = abs(cents) % 100
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

extension CivilDate {
    /// The following day.
    var nextDay: CivilDate {
        if day < CivilDate.daysIn(month: month, year: year) { return CivilDate(year: year, month: month, day: day + 1) }
        if month < 12 { return CivilDate(year: year, month: month + 1, day: 1) }
        return CivilDate(year: year + 1, month: 1, day: 1)
    }
}
