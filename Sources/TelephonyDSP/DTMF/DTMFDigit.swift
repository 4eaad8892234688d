/// One of the sixteen DTMF keys, with its row (low group) and column (high group) frequency.
///
/// ITU-T Q.23 keypad:
/// ```
///            1209  1336  1477  1633 Hz
///    697 Hz    1     2     3     A
///    770 Hz    4     5     6     B
///    852 Hz    7     8     9     C
///    941 Hz    *     0     #     D
/// ```
public enum DTMFDigit: Character, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case one = "1", two = "2", three = "3", a = "A"
    case four = "4", five = "5", six = "6", b = "B"
    case seven = "7", eight = "8", nine = "9", c = "C"
    case star = "*", zero = "0", pound = "#", d = "D"

    /// Low-group (row) frequencies, Hz.
    public static let rowFrequencies: [Double] = [697, 770, 852, 941]
    /// High-group (column) frequencies, Hz.
    public static let columnFrequencies: [Double] = [1209, 1336, 1477, 1633]

    /// The digit for a key character: `0-9`, `*`, `#`, `A-D` (lower case accepted); `nil` otherwise.
    public init?(_ character: Character) {
        let upper = Character(character.uppercased())
        guard let digit = DTMFDigit(rawValue: upper) else { return nil }
        self = digit
    }

    /// The digit at keypad `row` (0…3, low group) and `column` (0…3, high group).
    public init(row: Int, column: Int) {
        precondition((0..<4).contains(row) && (0..<4).contains(column), "DTMF row and column are 0…3")
        self = DTMFDigit.allCases[row * 4 + column]
    }

    /// Keypad row, 0…3 (697, 770, 852, 941 Hz).
    public var row: Int { index / 4 }
    /// Keypad column, 0…3 (1209, 1336, 1477, 1633 Hz).
    public var column: Int { index % 4 }
    /// Low-group (row) frequency, Hz.
    public var rowFrequency: Double { Self.rowFrequencies[row] }
    /// High-group (column) frequency, Hz.
    public var columnFrequency: Double { Self.columnFrequencies[column] }
    /// The key's character, e.g. `"#"`.
    public var character: Character { rawValue }
    public var description: String { String(rawValue) }

    private var index: Int {
        switch self {
        case .one: 0
        case .two: 1
        case .three: 2
        case .a: 3
        case .four: 4
        case .five: 5
        case .six: 6
        case .b: 7
        case .seven: 8
        case .eight: 9
        case .nine: 10
        case .c: 11
        case .star: 12
        case .zero: 13
        case .pound: 14
        case .d: 15
        }
    }
}
