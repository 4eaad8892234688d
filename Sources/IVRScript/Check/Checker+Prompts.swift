extension CheckPass {
    /// Reports prompts (and `say` vocabularies) that have no recording in some language.
    mutating func checkPrompts() {
        guard let catalog = environment.prompts else { return }
        let languages = languageNames.isEmpty ? [script.defaultLanguage] : languageNames
        var references: [PromptReference] = []
        var says: [(SayFormat, SourceRange)] = []
        var firstQueue: SourceRange?
        for block in script.blocks {
            references += block.prompt + block.shortPrompt
        }
        script.forEachStatement { _, statement in
            switch statement.action {
            case .play(let prompts): references += prompts
            case .say(let format, _): says.append((format, statement.range))
            case .queue: firstQueue = firstQueue ?? statement.range
            default: break
            }
        }
        for reference in references {
            let missing = languages.filter { !catalog.contains(reference.name, language: $0) }
            if !missing.isEmpty {
                let known = languages.flatMap { language in
                    catalog.entries.filter { $0.hasPrefix("\(language)/") }.map { String($0.dropFirst(language.count + 1)) }
                }
                let guess = Spelling.closest(to: reference.name, in: Set(known))
                diagnostics.append(Diagnostic.missingPrompt(reference.name, languages: missing, source: catalog.source)
                    .at(reference.range).note(guess.map(Diagnostic.noteDidYouMean)))
            }
        }
        var reported = Set<String>()
        for (format, range) in says {
            for language in languages where !reported.contains("\(format) \(language)") {
                let missing = Speech.requiredPrompts(for: format, language: language)
                    .filter { !catalog.contains($0, language: language) }
                if !missing.isEmpty {
                    reported.insert("\(format) \(language)")
                    diagnostics.append(Diagnostic.missingSayPrompts(format.rawValue, language: language, missing: missing, source: catalog.source).at(range))
                }
            }
        }
        // Callers waiting in a queue are told their place and wait (QueueAnnouncement); without
        // the prompts they hear another language's announcement, or the hold music only.
        if let range = firstQueue {
            for language in languages {
                let missing = QueueAnnouncement.vocabulary(language: language).filter { !catalog.contains($0, language: language) }
                if !missing.isEmpty {
                    diagnostics.append(Diagnostic.missingAnnouncementPrompts(language: language, missing: missing, source: catalog.source).at(range))
                }
            }
        }
    }
}
