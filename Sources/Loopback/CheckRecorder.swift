/// Collects the checks of one pair; a check that throws is recorded as failed with the error.
struct CheckRecorder {
    let pair: String
    private(set) var checks: [LoopbackCheck] = []

    init(pair: String) {
        self.pair = pair
    }

    /// What a check body returns: whether it passed, what it measured, and the figures in words.
    struct Outcome {
        var passed: Bool
        var measured: [Measurement]
        var detail: String
    }

    mutating func check(_ name: String, _ body: () async throws -> Outcome) async {
        do {
            let outcome = try await body()
            checks.append(LoopbackCheck(pair: pair, name: name, passed: outcome.passed,
                                        measured: outcome.measured, detail: outcome.detail))
        } catch {
            checks.append(LoopbackCheck(pair: pair, name: name, passed: false, detail: "failed: \(error)"))
        }
    }
}
