extension CallProgressDetector {
    /// Blocks of neither on nor off tolerated at a transition before the cadence is broken.
    static var maximumOtherBlocks: Int { 2 }

    /// Advances group `g`'s segment tracker by one block and checks the cadences.
    mutating func track(group g: Int, on: Bool, off: Bool, tonePower: Float, offset: Float?) {
        if !on && !off {
            groups[g].pendingOther += 1
            if groups[g].pendingOther > Self.maximumOtherBlocks {
                resetGroup(g)
            }
            checkActive(group: g)
            return
        }
        if on {
            // The running mean tone power of the on segment is the reference for "off".
            groups[g].onPowerSum += tonePower
            groups[g].onPowerBlocks += 1
            groups[g].onReference = groups[g].onPowerSum / Float(groups[g].onPowerBlocks)
            if let offset { groups[g].offsets.append(offset) }
        }
        guard let current = groups[g].current else {
            groups[g].current = on
            groups[g].currentBlocks = 1 + groups[g].pendingOther
            groups[g].pendingOther = 0
            groups[g].currentIsPartial = true
            checkActive(group: g)
            return
        }
        if current == on {
            groups[g].currentBlocks += groups[g].pendingOther + 1
            groups[g].pendingOther = 0
            checkActive(group: g)
            return
        }
        // A transition: the other-blocks between the two segments are split between them.
        let other = groups[g].pendingOther
        var finished = Segment(isOn: current, ms: Double(groups[g].currentBlocks + other / 2) * Self.blockMS)
        let partial = groups[g].currentIsPartial
        if current {
            // The block that switched on already logged into the next segment's sums.
            finished.isSteady = isSteady(group: g)
            groups[g].onPowerSum = 0
            groups[g].onPowerBlocks = 0
            groups[g].offsets.removeAll()
        } else if on {
            groups[g].offsets.removeAll()
            if let offset { groups[g].offsets.append(offset) }
        }
        groups[g].current = on
        groups[g].currentBlocks = other - other / 2 + 1
        groups[g].pendingOther = 0
        groups[g].currentIsPartial = false
        if partial {
            groups[g].historyCount = 0
        } else {
            push(finished, group: g)
        }
        segmentCompleted(group: g, segment: finished, partial: partial)
    }

    private mutating func push(_ segment: Segment, group g: Int) {
        let capacity = groups[g].history.count
        if groups[g].historyCount == capacity {
            for k in 1..<capacity { groups[g].history[k - 1] = groups[g].history[k] }
            groups[g].historyCount -= 1
        }
        groups[g].history[groups[g].historyCount] = segment
        groups[g].historyCount += 1
    }

    private mutating func resetGroup(_ g: Int) {
        groups[g].current = nil
        groups[g].currentBlocks = 0
        groups[g].pendingOther = 0
        groups[g].historyCount = 0
        groups[g].currentIsPartial = true
        groups[g].onPowerSum = 0
        groups[g].onPowerBlocks = 0
        groups[g].offsets.removeAll()
        if let a = activePattern, patterns[a].group == g {
            stopActive()
        }
    }

    private mutating func stopActive() {
        guard let a = activePattern else { return }
        emit(CallProgressEvent(tone: patterns[a].tone, isOn: false, samplePosition: position))
        activePattern = nil
        activeTone = nil
    }

    private mutating func start(_ p: Int) {
        if activePattern == p { return }
        stopActive()
        activePattern = p
        activeTone = patterns[p].tone
        emit(CallProgressEvent(tone: patterns[p].tone, isOn: true, samplePosition: position))
    }

    /// Per block: a continuous tone long enough starts; an active tone that overstays stops.
    private mutating func checkActive(group g: Int) {
        let ms = Double(groups[g].currentBlocks) * Self.blockMS
        if let a = activePattern, patterns[a].group == g {
            let p = patterns[a]
            if p.cadenceMS.isEmpty {
                if groups[g].current != true || groups[g].pendingOther > 0 { stopActive() }
            } else if groups[g].current == true, ms > p.maxOnMS {
                stopActive()
            } else if groups[g].current == false, ms > p.maxOffMS {
                stopActive()
            }
        }
        guard groups[g].current == true, groups[g].pendingOther == 0,
              ms >= Double(configuration.continuousMS), activePattern == nil || patterns[activePattern!].group != g,
              isSteady(group: g) else { return }
        for p in patterns.indices where patterns[p].group == g && patterns[p].cadenceMS.isEmpty {
            // Longer than any cadenced on-time of the same frequencies.
            if ms > groups[g].longestOnMS, activePattern != p { start(p) }
        }
    }

    /// A segment ended: an active cadence must still fit; a new one may be confirmed.
    private mutating func segmentCompleted(group g: Int, segment: Segment, partial: Bool) {
        if let a = activePattern, patterns[a].group == g {
            let p = patterns[a]
            if p.cadenceMS.isEmpty {
                if segment.isOn { stopActive() }
            } else if !partial, !fits(segment, p.cadenceMS) {
                stopActive()
            }
        }
        // A tone still fitting its cadence keeps the floor (zones whose busy and congestion
        // share a cadence would otherwise flip between them); ties go to the earlier tone.
        if let a = activePattern, patterns[a].group == g { return }
        for p in patterns.indices where patterns[p].group == g && !patterns[p].cadenceMS.isEmpty {
            if activePattern != p, matches(group: g, patterns[p]) {
                start(p)
                break
            }
        }
    }

    /// The current on segment held its pitch.
    func isSteady(group g: Int) -> Bool {
        groups[g].loosePitch || groups[g].offsets.count < 4
            || groups[g].offsets.share(fartherThan: 1) <= Float(configuration.unsteadyShare)
    }

    private func within(_ ms: Double, _ nominal: Int) -> Bool {
        let n = Double(nominal)
        return abs(ms - n) <= n * configuration.cadenceTolerance + 1.5 * Self.blockMS
    }

    private func fits(_ segment: Segment, _ cadence: [Int]) -> Bool {
        for (k, nominal) in cadence.enumerated() where (k % 2 == 0) == segment.isOn {
            if within(segment.ms, nominal) { return true }
        }
        return false
    }

    /// The last `need` segments match the cadence at some alignment.
    private func matches(group g: Int, _ p: Pattern) -> Bool {
        let count = groups[g].historyCount
        guard count >= p.need else { return false }
        let first = count - p.need
        let length = p.cadenceMS.count
        for offset in 0..<length {
            var ok = true
            for i in 0..<p.need {
                let s = groups[g].history[first + i]
                let k = (offset + i) % length
                if s.isOn != (k % 2 == 0) || !within(s.ms, p.cadenceMS[k]) || !s.isSteady {
                    ok = false
                    break
                }
            }
            if ok { return true }
        }
        return false
    }
}
