import IVRRuntime
import IVRScript

extension PromptLibrary {
    /// Reads the prompts queue announcements need in `language` (``QueueAnnouncement/vocabulary(language:)``)
    /// ahead of the first waiting caller, and returns the names that are missing or unreadable.
    ///
    /// The library keeps what it read, so announcements compose without touching the disk;
    /// each missing file is logged once, here.
    ///
    /// - Complexity: reads each file once (about 40 small prompts per language).
    public func missingAnnouncementPrompts(language: String) -> [String] {
        QueueAnnouncement.vocabulary(language: language).filter { samples(for: PromptFile(language: language, name: $0)).isEmpty }
    }
}
