/// Going back on hook, and the guard time before the next seizure.
extension FXOPort {
    mutating func farEndDisconnected(_ method: DisconnectMethod, at now: Duration) -> [Action] {
        [.report(.farEndDisconnected(method))] + goOnHook(at: now)
    }

    mutating func goOnHook(at now: Duration) -> [Action] {
        state = .onHookGuard
        deadline = now + configuration.onHookGuard
        connectedAt = nil
        pendingNumber = ""
        resetIncoming()
        return [.setHook(.onHook)]
    }

    mutating func resetIncoming() {
        incomingReported = false
        callerID = nil
    }
}
