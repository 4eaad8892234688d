/// What a caller waiting in an ACD queue is told every `announce-every`: their place in the
/// queue and, when the ACD can estimate it, the expected wait, as a sequence of prompt names.
///
/// English: "You are caller number | three | Your expected wait is about | two | minutes |
/// Thank you for holding." Chinese: "您是第 | 三 | 位 | 预计等待约 | 两 | 分钟 | 感谢您的耐心等待"
/// (两, not 二, before 分钟).
/// The numbers are read by ``Speech`` (the `say number` vocabulary: `digits/…`), so the names
/// are looked up in the caller's language folder like every other prompt; the fixed phrases
/// are the `queue/…` prompts of ``vocabulary(language:)``, which `IVRScripts/prompts/MANIFEST`
/// lists for `en` and `zh`.
///
/// The wait is said in whole minutes rounded up; under a minute it is "less than a minute",
/// and with no estimate (`nil`: the queue has not completed a call yet) the wait sentence is
/// left out.
public enum QueueAnnouncement {
    /// "You are caller number" / 您是第.
    public static let youAreCaller = "queue/you-are-caller"
    /// 位 after the number in Chinese (您是第三位); English has no word there.
    public static let positionEnd = "queue/position-end"
    /// "Your expected wait is about" / 预计等待约.
    public static let expectedWait = "queue/expected-wait"
    /// "minute" (English, after "one").
    public static let minute = "queue/minute"
    /// "minutes" / 分钟.
    public static let minutes = "queue/minutes"
    /// 两, Chinese for two before a measure word (两分钟, where `say number` reads 二).
    public static let liang = "queue/liang"
    /// "Your expected wait is less than a minute." / 预计等待不到一分钟。
    public static let lessThanAMinute = "queue/less-than-a-minute"
    /// "Thank you for holding." / 感谢您的耐心等待。
    public static let thanksForHolding = "queue/thanks-for-holding"

    /// Returns the prompt names that announce `position` (1 is next) and `expectedWait` in
    /// `language` (Chinese rules for codes starting `zh`, English otherwise, as for `say`).
    ///
    /// - Complexity: O(digits of the numbers); allocates the returned array.
    public static func prompts(position: Int, expectedWait: Duration?, language: String) -> [String] {
        let rules = Speech.Rules(language: language)
        var out = [Self.youAreCaller] + Speech.prompts(.number, String(max(1, position)), language: language)
        if rules == .chinese { out.append(Self.positionEnd) }
        if let wait = expectedWait, let count = wholeMinutes(wait) {
            if count == 0 {
                out.append(Self.lessThanAMinute)
            } else {
                out.append(Self.expectedWait)
                out += rules == .chinese && count == 2 ? [Self.liang] : Speech.prompts(.number, String(count), language: language)
                out.append(rules == .english && count == 1 ? Self.minute : Self.minutes)
            }
        }
        return out + [Self.thanksForHolding]
    }

    /// The expected wait in whole minutes, rounded up (60 s is 1, 61 s is 2); 0 under a minute;
    /// `nil` for a negative wait (no estimate worth saying).
    public static func wholeMinutes(_ wait: Duration) -> Int? {
        guard wait >= .zero else { return nil }
        guard wait >= .seconds(60) else { return 0 }
        let (seconds, attoseconds) = wait.components
        // Beyond a million minutes the estimate means nothing; keep the number sayable.
        guard seconds < 60_000_000 else { return 1_000_000 }
        return (Int(seconds) + 59) / 60 + (seconds % 60 == 0 && attoseconds > 0 ? 1 : 0)
    }

    /// Every name an announcement may need in `language`: the fixed phrases and the number
    /// vocabulary. `IVRScripts/prompts/MANIFEST` covers these for `en` and `zh`.
    public static func vocabulary(language: String) -> [String] {
        let phrases: [String] = switch Speech.Rules(language: language) {
        case .english: [youAreCaller, expectedWait, minute, minutes, lessThanAMinute, thanksForHolding]
        case .chinese: [youAreCaller, positionEnd, expectedWait, liang, minutes, lessThanAMinute, thanksForHolding]
        }
        let numbers = Speech.requiredPrompts(for: .number, language: language).filter { $0 != "digits/point" && $0 != "digits/minus" }
        return phrases + numbers
    }
}
