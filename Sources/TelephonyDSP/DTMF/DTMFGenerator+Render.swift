extension DTMFGenerator {
    /// Renders `digits` (`0-9 * # A-D`, `,` for a pause) to 8 kHz linear samples in one piece:
    /// for simulated phones and callers, test signals and prompts. Not for the media path (it
    /// allocates).
    ///
    /// - Throws: ``InvalidDigit`` for a character that is not a key.
    public static func samples(for digits: String, onMS: Int = 80, offMS: Int = 80, level: Double = -10) throws(InvalidDigit) -> [Int16] {
        var generator = DTMFGenerator(onMS: onMS, offMS: offMS, level: level)
        var samples: [Int16] = []
        var frame = [Int16](repeating: 0, count: 160)
        let keys = Array(digits)
        for start in stride(from: 0, to: keys.count, by: max(1, generator.capacity)) {
            _ = try generator.enqueue(String(keys[start..<min(start + generator.capacity, keys.count)]))
            while generator.isBusy {
                let count = frame.withUnsafeMutableBufferPointer { generator.generate(into: $0) }
                samples += frame[..<count]
            }
        }
        return samples
    }
}
