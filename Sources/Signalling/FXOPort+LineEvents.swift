import TelephonyCore

/// Ring detection and counting, and supervision by loop current, polarity and tones.
extension FXOPort {
    mutating func lineEvent(_ event: LineEvent, at now: Duration) -> [Action] {
        switch event {
        case .ringDetected:
            if let began = ringBeganAt {
                ringBeganAt = nil
                lastRingDuration = now - began
                if now - began < configuration.minimumRingDuration { return [] }   // a click, not a ring
            }
            return ringDetected(at: now)
        case .ringBegin:
            ringBeganAt = now
            // Ring voltage is on: keep the ringing alive until the ring is counted.
            if case .ringing = state { deadline = now + configuration.ringTimeout }
            return []
        case .loopCurrentDrop:
            guard configuration.disconnect.loopCurrentDrop, isOffHookInCall else { return [] }
            return farEndDisconnected(.loopCurrentDrop, at: now)
        case .polarityReversal:
            return polarityReversed(at: now)
        default:
            return []
        }
    }

    var isOffHookInCall: Bool {
        switch state {
        case .connected, .outgoingCall, .dialling: true
        default: false
        }
    }

    mutating func ringDetected(at now: Duration) -> [Action] {
        let count: Int
        switch state {
        case .idle, .onHookGuard: count = 1
        case .ringing(let n): count = n + 1
        case .waitingForDialTone:
            // Glare: the line rang as we seized it; the incoming call wins on an analog line.
            return [.report(.outgoingFailed(.lineBusy))]
        default: return []
        }
        if count == 1 && configuration.callerID != .beforeFirstRing { callerID = nil }
        state = .ringing(count: count)
        deadline = now + configuration.ringTimeout
        var actions: [Action] = [.report(.ringing(count: count))]
        if !incomingReported && count >= configuration.ringsBeforeIncomingCall {
            incomingReported = true
            actions.append(.report(.incomingCall(callerID)))
        }
        return actions
    }

    mutating func polarityReversed(at now: Duration) -> [Action] {
        switch state {
        case .outgoingCall where configuration.answerOnPolarityReversal && !answerSeen:
            answerSeen = true
            state = .connected
            connectedAt = now
            return [.report(.connected)]
        case .connected, .outgoingCall, .dialling:
            guard configuration.disconnect.polarityReversal else { return [] }
            if let connectedAt, now - connectedAt < configuration.polarityOnAnswerDelay { return [] }
            return farEndDisconnected(.polarityReversal, at: now)
        default:
            return []
        }
    }

    mutating func toneDetected(_ tone: DetectedTone, at now: Duration) -> [Action] {
        switch (state, tone) {
        case (.waitingForDialTone, .dial):
            return startDialling()
        case (.connected, _), (.outgoingCall, _), (.dialling, _):
            guard configuration.disconnect.tones.contains(tone) else { return [] }
            return farEndDisconnected(.tone(tone), at: now)
        default:
            return []
        }
    }
}
