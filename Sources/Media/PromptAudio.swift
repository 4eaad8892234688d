/// Audio to play on a leg: 8 kHz linear samples, shared between legs without copying.
public final class PromptAudio: Sendable {
    public let samples: [Int16]
    /// A name for logs and transcripts (e.g. `zh/welcome`).
    public let name: String

    public init(samples: [Int16], name: String) {
        self.samples = samples
        self.name = name
    }

    /// How long the audio lasts.
    public var duration: Duration { .milliseconds(samples.count / 8) }
}
