/// Digit collection: terminator, maximum length, inter-digit timeout.
extension FXSPort {
    mutating func digit(_ d: Character, at now: Duration) -> [Action] {
        switch state {
        case .dialTone:
            state = .collectingDigits("")
            return [.stopTone] + collect(d, after: "", at: now)
        case .collectingDigits(let sofar):
            return collect(d, after: sofar, at: now)
        case .connected:
            return [.report(.digit(d))]
        default:
            return []
        }
    }

    mutating func collect(_ d: Character, after sofar: String, at now: Duration) -> [Action] {
        if d == configuration.terminator {
            return numberComplete(sofar)
        }
        let digits = sofar + String(d)
        if digits.count >= configuration.maximumDigits {
            return [.report(.digit(d))] + numberComplete(digits)
        }
        state = .collectingDigits(digits)
        stateDeadline = now + configuration.interDigitTimeout
        return [.report(.digit(d))]
    }

    mutating func numberComplete(_ number: String) -> [Action] {
        state = .awaitingConnection(number)
        stateDeadline = nil
        return [.report(.dialled(number))]
    }
}
