import CallEngine
import IVRRuntime
import IVRScript
import Media

extension IVRSession {
    /// The ACD's periodic announcement for this caller, waiting in a queue: their place and the
    /// expected wait (``QueueAnnouncement``), read from the script's prompt folder.
    ///
    /// The caller's current language comes first (`set language to en` counts), then the
    /// route's starting language, then the script's first language: the first whose prompts
    /// are all there and readable is used, and the announcement is noted in the transcript.
    /// With none, returns `nil` and the caller hears only the hold music (the prompt library
    /// has logged each missing or unreadable file, once).
    ///
    /// - Complexity: reads each prompt file once (the library caches it), then concatenates the
    ///   samples (a few seconds of audio); not on the media path.
    public mutating func queueAnnouncement(position: Int, expectedWait: Duration?, at now: Duration) -> PromptAudio? {
        for candidate in announcementLanguages {
            let files = QueueAnnouncement.prompts(position: position, expectedWait: expectedWait, language: candidate)
                .map { PromptFile(language: candidate, name: $0) }
            let pieces = files.map { prompts.samples(for: $0) }
            guard !pieces.contains(where: \.isEmpty) else { continue }
            if let base { call.recordAnnouncement(files, at: base.instant.advanced(by: now - base.duration)) }
            return PromptAudio(samples: Array(pieces.joined()), name: files.map(\.path).joined(separator: " "))
        }
        return nil
    }

    /// The languages an announcement may be in, best first, without repeats.
    var announcementLanguages: [String] {
        var out: [String] = []
        for candidate in [call.language, language, call.script.defaultLanguage].compactMap({ $0 }) where !out.contains(candidate) {
            out.append(candidate)
        }
        return out
    }
}
