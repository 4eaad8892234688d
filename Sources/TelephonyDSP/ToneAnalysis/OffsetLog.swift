/// Per-block frequency offsets of one tone run, kept to judge the tone's mean and steadiness.
///
/// Holds up to `capacity` entries (allocated once); later entries are ignored.
struct OffsetLog: Sendable {
    private var values: [Float]
    private(set) var count = 0
    private(set) var sum: Float = 0

    init(capacity: Int = 128) {
        values = Array(repeating: 0, count: capacity)
    }

    var mean: Float { count == 0 ? 0 : sum / Float(count) }

    mutating func append(_ value: Float) {
        guard count < values.count else { return }
        values[count] = value
        count += 1
        sum += value
    }

    mutating func removeAll() {
        count = 0
        sum = 0
    }

    /// Share of entries more than `limit` Hz from the mean.
    func share(fartherThan limit: Float) -> Float {
        guard count > 0 else { return 1 }
        let m = mean
        var far = 0
        for i in 0..<count where abs(values[i] - m) > limit { far += 1 }
        return Float(far) / Float(count)
    }
}

