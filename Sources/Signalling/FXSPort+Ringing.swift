/// Ringing with the zone's cadence and caller ID before or after the first ring.
extension FXSPort {
    mutating func ring(_ callerID: CallerID?, at now: Duration) -> [Action] {
        guard state == .idle, hookState == .onHook else { return [] }
        state = .ringing
        cadenceStep = 0
        switch (configuration.callerID, callerID) {
        case (.beforeFirstRing(let lead), let callerID?):
            // Caller ID first, then the cadence from its first step.
            cadenceStep = -1
            stateDeadline = now + lead
            return [.sendCallerID(callerID)]
        case (.afterFirstRing, let callerID?):
            pendingCallerID = callerID
        default:
            break
        }
        ringerIsOn = true
        stateDeadline = now + configuration.ringCadence.steps[0]
        return [.ringerOn]
    }

    mutating func stopRinging() -> [Action] {
        let wasOn = ringerIsOn
        ringerIsOn = false
        pendingCallerID = nil
        callerIDDeadline = nil
        stateDeadline = nil
        return wasOn ? [.ringerOff] : []
    }

    /// Moves to the next cadence step.
    mutating func nextRingStep(at now: Duration) -> [Action] {
        let steps = configuration.ringCadence.steps
        cadenceStep = (cadenceStep + 1) % steps.count
        stateDeadline = now + steps[cadenceStep]
        ringerIsOn = cadenceStep % 2 == 0
        if !ringerIsOn, pendingCallerID != nil, case .afterFirstRing(let delay) = configuration.callerID {
            callerIDDeadline = now + delay
        }
        return [ringerIsOn ? .ringerOn : .ringerOff]
    }
}
