extension CheckPass {
    /// Warns about `transfer extension N` with a literal `N` the configuration does not know
    /// (the call would hear congestion tone and end). Numbers computed at run time are not checked.
    mutating func checkTransfers() {
        guard let known = environment.extensions else { return }
        var found: [(String, SourceRange)] = []
        script.forEachStatement { _, statement in
            guard case .transfer(.extension, let target) = statement.action else { return }
            switch target.kind {
            case .text(let text): found.append((text, target.range))
            case .number(let value) where value >= 0 && value == value.rounded(.towardZero) && value < 1e15:
                found.append((String(Int64(value)), target.range))
            default: break
            }
        }
        for (number, range) in found where !known.contains(number) {
            let guess = Spelling.closest(to: number, in: known)
            diagnostics.append(Diagnostic.unknownExtension(number).at(range)
                .note(guess.map(Diagnostic.noteDidYouMean) ?? Diagnostic.noteExtensions(known.sorted())))
        }
    }
}
