extension Duration {
    /// Whole 20 ms frames in this duration, rounded down (the simulated card's unit of time).
    var wholeFrames: Int {
        Int(components.seconds * 50 + components.attoseconds / 20_000_000_000_000_000)
    }
}
