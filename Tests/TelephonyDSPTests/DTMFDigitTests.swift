import Testing
import TelephonyDSP

@Suite struct DTMFDigitTests {
    @Test func keypadFrequencies() {
        #expect(DTMFDigit.allCases.count == 16)
        #expect(DTMFDigit.one.rowFrequency == 697 && DTMFDigit.one.columnFrequency == 1209)
        #expect(DTMFDigit.five.rowFrequency == 770 && DTMFDigit.five.columnFrequency == 1336)
        #expect(DTMFDigit.nine.rowFrequency == 852 && DTMFDigit.nine.columnFrequency == 1477)
        #expect(DTMFDigit.star.rowFrequency == 941 && DTMFDigit.star.columnFrequency == 1209)
        #expect(DTMFDigit.zero.rowFrequency == 941 && DTMFDigit.zero.columnFrequency == 1336)
        #expect(DTMFDigit.pound.rowFrequency == 941 && DTMFDigit.pound.columnFrequency == 1477)
        #expect(DTMFDigit.d.rowFrequency == 941 && DTMFDigit.d.columnFrequency == 1633)
        for digit in DTMFDigit.allCases {
            #expect(DTMFDigit(row: digit.row, column: digit.column) == digit)
        }
    }

    @Test func parsesKeyCharacters() {
        #expect("0123456789*#ABCD".compactMap { DTMFDigit($0) }.count == 16)
        #expect(DTMFDigit("b") == .b)
        #expect(DTMFDigit("E") == nil)
        #expect(DTMFDigit(",") == nil)
        #expect(DTMFDigit.pound.description == "#")
    }
}
