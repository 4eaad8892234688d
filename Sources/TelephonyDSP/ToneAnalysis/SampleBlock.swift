/// Gathers 16-bit samples into fixed-length float blocks for block-wise analysis, whatever size
/// the caller's frames are.
///
/// - Complexity: ``fill(from:at:)`` is O(samples taken); nothing is allocated after `init`.
struct SampleBlock: Sendable {
    /// The block's samples; `length` of them count, any padding after them stays zero.
    private(set) var samples: [Float]
    let length: Int
    private var count = 0

    /// A block of `length` samples, stored in `storage` floats (at least `length`; padding lets
    /// SIMD code read whole vectors).
    init(length: Int, storage: Int? = nil) {
        self.length = length
        samples = [Float](repeating: 0, count: max(length, storage ?? length))
    }

    /// Copies samples from `source`, starting at `offset`, until the block is full or the source
    /// runs out. Returns how many were taken and whether the block is now full; a full block is
    /// analysed by the caller before the next call starts a new one.
    mutating func fill(from source: UnsafeBufferPointer<Int16>, at offset: Int) -> (taken: Int, isFull: Bool) {
        let n = min(source.count - offset, length - count)
        let start = count
        samples.withUnsafeMutableBufferPointer { block in
            for k in 0..<n { block[start + k] = Float(source[offset + k]) }
        }
        count += n
        guard count == length else { return (n, false) }
        count = 0
        return (n, true)
    }
}
