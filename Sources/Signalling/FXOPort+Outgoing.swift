/// Seizing the line, waiting for dial tone, and dialling.
extension FXOPort {
    mutating func dial(_ number: String, at now: Duration) -> [Action] {
        let allowed = Set("0123456789*#ABCD,")
        guard !number.isEmpty, number.allSatisfy(allowed.contains) else {
            return [.report(.outgoingFailed(.invalidNumber(number)))]
        }
        switch state {
        case .idle:
            pendingNumber = number
            state = .waitingForDialTone
            deadline = now + configuration.dialToneTimeout
            answerSeen = false
            return [.setHook(.offHook)]
        case .onHookGuard:
            pendingNumber = number                      // dialled when the guard ends
            return []
        default:
            return [.report(.outgoingFailed(.lineBusy))]
        }
    }

    mutating func startDialling() -> [Action] {
        let number = pendingNumber
        pendingNumber = ""
        state = .dialling(number)
        deadline = nil
        return [.sendDigits(number), .report(.dialling(number))]
    }
}
