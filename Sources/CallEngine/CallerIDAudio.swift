import Signalling
import TelephonyDSP

/// Renders caller ID for agents' phones: an FSK message (MDMF: number, name, date and time)
/// with TelephonyDSP's generator, Bell 202 in North America and V.23 elsewhere (China's YD/T
/// 1401 and ETSI use V.23).
public enum CallerIDAudio {
    /// A renderer for `zone`; `dateTime` gives the `MMDDHHMM` stamp when the caller ID has none.
    public static func fsk(zone: String, dateTime: @escaping @Sendable () -> String?) -> @Sendable (CallerID) -> [Int16] {
        let standard: FSKStandard = ["us", "ca"].contains(zone.lowercased()) ? .bell202 : .v23
        return { id in
            let message = CallerIDMessage(number: id.number, numberAbsence: absence(id.numberAbsence),
                                          name: id.name, dateTime: id.dateTime ?? dateTime())
            return (try? FSKCallerIDGenerator.samples(message: message, standard: standard)) ?? []
        }
    }

    private static func absence(_ absence: CallerID.Absence?) -> CallerIDMessage.Absence? {
        switch absence {
        case .unavailable: .unavailable
        case .private: .private
        case nil: nil
        }
    }
}
