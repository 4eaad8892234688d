import CLibPRI

extension DChannelEngine {
    /// Carries out one command from the queue.
    func perform(_ command: DChannel.Command) {
        switch command {
        case .place(let id, let request):
            place(id, request)
        case .proceed(let id):
            if calls[id]?.hasResponded == true { return }   // already sent on arrival
            withCall(id, "CALL PROCEEDING") { pri_proceeding(pri, $0.call, Int32($0.channel ?? 0), 0) }
        case .alert(let id):
            withCall(id, "ALERTING") { pri_acknowledge(pri, $0.call, Int32($0.channel ?? 0), 1) }
        case .answer(let id):
            withCall(id, "CONNECT") { pri_answer(pri, $0.call, Int32($0.channel ?? 0), 0) }
        case .hangUp(let id, let cause):
            hangUp(id, cause: cause)
        case .restart(let channel):
            if let channel, !pool.contains(channel) {
                emit(.commandFailed(nil, reason: "RESTART: B-channel \(channel) is not part of this span"))
                return
            }
            releaseCalls(on: channel, cause: .temporaryFailure)
            restartQueue.append(contentsOf: channel.map { [$0] } ?? pool.channels)
            if channel == nil { restartQueue.append(nil) }
            if restartInProgress == nil { sendNextRestart() }
        case .stop:
            running = false
        }
    }

    /// Sends RESTART for the next queued channel. libpri keeps one RESTART outstanding at a
    /// time (`pri_restart` is a no-op since its Q.921 rewrite), so a whole-interface restart is
    /// one RESTART per B-channel, each after the previous one's RESTART ACKNOWLEDGE.
    func sendNextRestart() {
        while let next = restartQueue.first {
            restartQueue.removeFirst()
            guard let channel = next else {
                emit(.restartAcknowledged(channel: nil))   // every channel of the interface done
                continue
            }
            if pri_reset(pri, Int32(channel)) == 0 {
                restartInProgress = channel
                return
            }
            emit(.commandFailed(nil, reason: "RESTART B\(channel) refused by libpri"))
        }
        restartInProgress = nil
    }

    /// A RESTART ACKNOWLEDGE arrived: report it and send the next queued RESTART.
    func restartAcknowledged(_ channel: Int?) {
        emit(.restartAcknowledged(channel: channel))
        if restartInProgress != nil, channel == nil || channel == restartInProgress {
            restartInProgress = nil
            sendNextRestart()
        }
    }

    private func withCall(_ id: CallID, _ what: String, _ body: (CallRecord) -> Int32) {
        guard let record = calls[id] else {
            emit(.commandFailed(id, reason: "\(what): no such call"))
            return
        }
        if body(record) != 0 { emit(.commandFailed(id, reason: "\(what) refused by libpri")) }
        calls[id]?.hasResponded = true
    }

    /// Causes for which libpri (with the hangup fix) clears an unanswered outgoing SETUP with
    /// RELEASE COMPLETE and frees the call at once, so no HANGUP_ACK follows (Q.931 §5.3.2 a).
    private static let releaseCompleteCauses: Set<Q850Cause> = [
        .unallocatedNumber, .noCircuitAvailable, .requestedChannelNotAvailable,
        .identifiedChannelDoesNotExist, .incompatibleDestination, .invalidCallReference,
    ]

    private func hangUp(_ id: CallID, cause: Q850Cause) {
        guard var record = calls[id] else {
            emit(.commandFailed(id, reason: "hang up: no such call"))
            return
        }
        if record.isIncoming && !record.hasResponded {
            // libpri ignores a hangup of a SETUP it has not answered at all; answer with CALL
            // PROCEEDING (and the B-channel) first so the DISCONNECT carries the cause.
            pri_proceeding(pri, record.call, Int32(record.channel ?? 0), 0)
            record.hasResponded = true
        }
        if !record.clearedLocally && !record.disconnectReported {
            record.clearedLocally = true
            record.cause = cause
        }
        calls[id] = record
        let freedAtOnce = !record.isIncoming && !record.hasResponded && Self.releaseCompleteCauses.contains(cause)
        if pri_hangup(pri, record.call, Int32(cause.rawValue)) != 0 {
            emit(.commandFailed(id, reason: "pri_hangup refused"))
        }
        if freedAtOnce { finish(id, cause: cause) }
    }

    /// Allocates a B-channel and sends SETUP.
    private func place(_ id: CallID, _ request: OutgoingCall) {
        let channel: Int
        let exclusive: Bool
        do throws(BChannelPool.AllocationError) {
            switch request.channel {
            case .any:
                channel = try pool.allocate()
                exclusive = side == .network
            case .preferred(let c):
                channel = try pool.allocate(preferring: c, exclusive: false)
                exclusive = side == .network
            case .exclusive(let c):
                channel = try pool.allocate(preferring: c, exclusive: true)
                exclusive = true
            }
        } catch {
            emit(.disconnected(id, cause: error.cause))
            emit(.released(id, channel: nil, cause: error.cause))
            return
        }
        guard let call = pri_new_call(pri), let sr = pri_sr_new() else {
            pool.release(channel)
            emit(.commandFailed(id, reason: "libpri could not create a call"))
            emit(.released(id, channel: nil, cause: .temporaryFailure))
            return
        }
        defer { pri_sr_free(sr) }
        pri_sr_set_channel(sr, Int32(channel), exclusive ? 1 : 0, 0)
        pri_sr_set_bearer(sr, Int32(request.transferCapability), request.usesALaw ? PRI_LAYER_1_ALAW : PRI_LAYER_1_ULAW)
        var called = Array(request.called.digits.utf8CString)
        pri_sr_set_called(sr, &called, request.called.libpriPlan, 1)
        var callingDigits = Array((request.calling?.digits ?? "").utf8CString)
        var callingName = Array((request.callingName ?? "").utf8CString)
        if let calling = request.calling {
            pri_sr_set_caller(sr, &callingDigits, &callingName, calling.libpriPlan, calling.libpriPresentation)
        } else if request.callingName != nil {
            pri_sr_set_caller(sr, &callingDigits, &callingName, PRI_UNKNOWN, PRES_NUMBER_NOT_AVAILABLE)
        }
        register(call, id: id, channel: channel, isIncoming: false)
        // The pri_sr_set_* calls copied the strings into `sr`, and pri_setup copies `sr`.
        let rc = pri_setup(pri, call, sr)
        if rc != 0 {
            emit(.commandFailed(id, reason: "SETUP refused by libpri"))
            pri_destroycall(pri, call)
            finish(id, cause: .temporaryFailure)
        }
    }
}
