import CLibPRI

extension DChannelEngine {
    /// Turns one libpri event into `PRIEvent`s and completes the Q.931 clearing steps libpri
    /// leaves to the application.
    func handle(_ event: UnsafeMutablePointer<pri_event>) {
        switch event.pointee.e {
        case PRI_EVENT_DCHAN_UP:
            emit(.dChannelUp)
        case PRI_EVENT_DCHAN_DOWN:
            emit(.dChannelDown)
        case PRI_EVENT_RING:
            handleRing(event.pointee.ring)
        case PRI_EVENT_PROCEEDING:
            let p = event.pointee.proceeding
            guard let id = idsByCall[p.call] else { return }
            markResponded(id)
            adopt(channel: Self.bChannel(p.channel), for: id)
            emit(.proceeding(id, channel: calls[id]?.channel))
        case PRI_EVENT_RINGING:
            let r = event.pointee.ringing
            guard let id = idsByCall[r.call] else { return }
            markResponded(id)
            adopt(channel: Self.bChannel(r.channel), for: id)
            emit(.alerting(id, channel: calls[id]?.channel))
        case PRI_EVENT_PROGRESS:
            if let id = idsByCall[event.pointee.proceeding.call] { emit(.progress(id)) }
        case PRI_EVENT_ANSWER:
            let a = event.pointee.answer
            guard let id = idsByCall[a.call] else { return }
            markResponded(id)
            adopt(channel: Self.bChannel(a.channel), for: id)
            emit(.answered(id, channel: calls[id]?.channel))
        case PRI_EVENT_HANGUP_REQ:
            // DISCONNECT received: report it, then answer with RELEASE.
            let h = event.pointee.hangup
            let cause = Q850Cause(libpri: h.cause)
            if let id = idsByCall[h.call], var record = calls[id] {
                if !record.disconnectReported && !record.clearedLocally {
                    record.disconnectReported = true
                    emit(.disconnected(id, cause: cause))
                }
                record.cause = cause
                calls[id] = record
            }
            pri_hangup(pri, h.call, h.cause)
        case PRI_EVENT_HANGUP:
            // RELEASE / RELEASE COMPLETE received, or a timer gave up: free the call.
            let h = event.pointee.hangup
            let cause = Q850Cause(libpri: h.cause)
            let id = idsByCall[h.call]
            if let id, let record = calls[id], !record.disconnectReported, !record.clearedLocally {
                emit(.disconnected(id, cause: cause))
            }
            pri_hangup(pri, h.call, h.cause)
            if let id { finish(id, cause: calls[id]?.clearedLocally == true ? calls[id]?.cause : cause) }
        case PRI_EVENT_HANGUP_ACK:
            if let id = idsByCall[event.pointee.hangup.call] { finish(id) }
        case PRI_EVENT_RESTART:
            let channel = Self.bChannel(event.pointee.restart.channel)
            releaseCalls(on: channel, cause: .temporaryFailure)
            emit(.restarted(channel: channel))
        case PRI_EVENT_RESTART_ACK:
            restartAcknowledged(Self.bChannel(event.pointee.restartack.channel))
        case PRI_EVENT_CONFIG_ERR:
            appendLog("configuration error: \(String(cTuple: event.pointee.err.err))\n", level: .error)
        default:
            appendLog("unhandled \(String(cString: pri_event2str(event.pointee.e)))\n", level: .debug)
        }
    }

    /// An incoming SETUP: reserve a B-channel (or refuse the call), then hand it up.
    private func handleRing(_ ring: pri_event_ring) {
        let called = PartyNumber(digits: String(cTuple: ring.callednum), libpriPlan: ring.calledplan)
        let requested = Self.bChannel(ring.channel)
        let channel: Int
        do throws(BChannelPool.AllocationError) {
            switch side {
            case .network:
                // We choose: honour the request if we can, otherwise any free channel unless the
                // user side insisted on its own (exclusive).
                channel = try pool.allocate(preferring: requested, exclusive: requested != nil && ring.flexible == 0)
            case .user:
                // The network chose; it must be a channel of ours that is free.
                guard let requested else { throw .noChannelAvailable }
                channel = try pool.allocate(preferring: requested, exclusive: true)
            }
        } catch {
            pri_hangup(pri, ring.call, Int32(error.cause.rawValue))
            emit(.incomingCallRejected(called: called, cause: error.cause))
            return
        }
        let id = owner.makeCallID()
        register(ring.call, id: id, channel: channel, isIncoming: true)
        if owner.configuration.sendsProceedingAutomatically {
            // En-bloc SETUP: confirm it and the B-channel at once (Q.931 §5.2.5.2), which also
            // stops the caller's T303 and lets libpri report a caller who gives up early.
            pri_proceeding(pri, ring.call, Int32(channel), 0)
            calls[id]?.hasResponded = true
        }
        let callingDigits = String(cTuple: ring.callingnum)
        let hasCalling = ring.calling.number.valid != 0 || !callingDigits.isEmpty
        let name = String(cTuple: ring.callingname)
        let redirecting = String(cTuple: ring.redirectingnum)
        emit(.incomingCall(IncomingCall(
            id: id, channel: channel,
            calling: hasCalling ? PartyNumber(digits: callingDigits, libpriPlan: ring.callingplan,
                                              libpriPresentation: ring.callingpres) : nil,
            called: called,
            callingName: name.isEmpty ? nil : name,
            redirectingNumber: redirecting.isEmpty ? nil : redirecting,
            transferCapability: Int(ring.ctype),
            isNumberComplete: ring.complete != 0)))
    }

    /// Drops the calls on a restarted channel (all calls when `channel` is `nil`).
    func releaseCalls(on channel: Int?, cause: Q850Cause) {
        let affected = calls.values.filter { channel == nil || $0.channel == channel }
        for record in affected {
            if !record.disconnectReported && !record.clearedLocally { emit(.disconnected(record.id, cause: cause)) }
            pri_destroycall(pri, record.call)
            finish(record.id, cause: cause)
        }
        if channel == nil { pool.releaseAll() } else if let channel { pool.release(channel) }
    }
}
