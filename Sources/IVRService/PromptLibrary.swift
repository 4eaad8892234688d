import AudioFiles
import IVRRuntime
import Logging
import Media
import Synchronization

/// Finds, decodes and caches prompt recordings: `FOLDER/LANG/NAME.{wav,gsm,ul,al,raw,…}`, read
/// through libsndfile and resampled to 8 kHz once, then shared by every call.
///
/// A prompt that is missing or unreadable is logged once and played as nothing, so a bad
/// recording never takes a call (or the daemon) down.
public final class PromptLibrary: Sendable {
    /// The prompt folder.
    public let directory: String
    private let logger: Logger
    private let cache = Mutex<[String: [Int16]]>([:])
    private static let extensions = ["wav", "gsm", "ul", "ulaw", "al", "alaw", "sln", "raw"]

    public init(directory: String, logger: Logger) {
        self.directory = directory
        self.logger = logger
    }

    /// The samples of one prompt (empty when it cannot be read).
    public func samples(for prompt: PromptFile) -> [Int16] {
        if let cached = cache.withLock({ $0[prompt.path] }) { return cached }
        var samples: [Int16] = []
        var reason = "no recording found"
        for ext in Self.extensions {
            let path = "\(directory)/\(prompt.path).\(ext)"
            guard fileExists(path) else { continue }
            do {
                samples = try AudioFileReader.read(path)
                reason = ""
            } catch {
                reason = error.description
            }
            break
        }
        if !reason.isEmpty {
            logger.warning("prompt \(prompt.path) in \(directory): \(reason); playing silence instead")
        }
        cache.withLock { $0[prompt.path] = samples }
        return samples
    }

    /// The prompts one after another, as one piece of audio.
    public func audio(for prompts: [PromptFile]) -> PromptAudio {
        PromptAudio(samples: prompts.flatMap { samples(for: $0) }, name: prompts.map(\.path).joined(separator: " "))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func fileExists(_ path: String) -> Bool { access(path, R_OK) == 0 }
