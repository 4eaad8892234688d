extension IVRCall {
    /// Notes in the transcript that the caller, waiting in a queue, was told their place (and
    /// expected wait) with `files`. The ACD's owner plays them, not the script, so the call's
    /// state does not change: the script is still waiting for the queue's result.
    ///
    /// Does nothing once the call is finished.
    public mutating func recordAnnouncement(_ files: [PromptFile], at now: ContinuousClock.Instant) {
        guard !isFinished else { return }
        self.now = now
        record(.announced(files.map(\.path)))
    }
}
