/// Parses DAHDI channel lists: `1-15,17-31`, `5`, `1,3,5-8`.
enum ChannelList {
    /// The problem with a list, and the part of it that is wrong.
    struct Problem: Error {
        let part: Substring
        let message: String
    }

    static func parse(_ text: Substring) throws(Problem) -> [Int] {
        var channels: [Int] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let part = item.trimmed
            guard !part.isEmpty else { throw Problem(part: item, message: "expected a channel number or range like 1-15") }
            let bounds = part.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map(\.trimmed)
            guard let low = Int(bounds[0]), low > 0 else {
                throw Problem(part: part, message: "expected a channel number, found '\(part)'")
            }
            if bounds.count == 2 {
                guard let high = Int(bounds[1]), high >= low else {
                    throw Problem(part: part, message: "expected a range low-high with high ≥ low, found '\(part)'")
                }
                guard high - low < 4096 else { throw Problem(part: part, message: "range '\(part)' is too large") }
                channels += Array(low...high)
            } else {
                channels.append(low)
            }
        }
        return channels
    }
}
