@testable import PRI
import CLibPRI
import Testing

/// The Swift names map to libpri's constants and Q.850's values.
@Suite("PRI value types")
struct ValueTypeTests {
    @Test func q850CausesMatchLibpriConstants() {
        let pairs: [(Q850Cause, Int32)] = [
            (.unallocatedNumber, PRI_CAUSE_UNALLOCATED), (.normalClearing, PRI_CAUSE_NORMAL_CLEARING),
            (.userBusy, PRI_CAUSE_USER_BUSY), (.noUserResponding, PRI_CAUSE_NO_USER_RESPONSE),
            (.noAnswer, PRI_CAUSE_NO_ANSWER), (.callRejected, PRI_CAUSE_CALL_REJECTED),
            (.numberChanged, PRI_CAUSE_NUMBER_CHANGED), (.destinationOutOfOrder, PRI_CAUSE_DESTINATION_OUT_OF_ORDER),
            (.invalidNumberFormat, PRI_CAUSE_INVALID_NUMBER_FORMAT), (.normalUnspecified, PRI_CAUSE_NORMAL_UNSPECIFIED),
            (.noCircuitAvailable, PRI_CAUSE_NORMAL_CIRCUIT_CONGESTION), (.networkOutOfOrder, PRI_CAUSE_NETWORK_OUT_OF_ORDER),
            (.temporaryFailure, PRI_CAUSE_NORMAL_TEMPORARY_FAILURE), (.switchingEquipmentCongestion, PRI_CAUSE_SWITCH_CONGESTION),
            (.requestedChannelNotAvailable, PRI_CAUSE_REQUESTED_CHAN_UNAVAIL),
            (.identifiedChannelDoesNotExist, PRI_CAUSE_IDENTIFIED_CHANNEL_NOTEXIST),
            (.incompatibleDestination, PRI_CAUSE_INCOMPATIBLE_DESTINATION),
            (.recoveryOnTimerExpiry, PRI_CAUSE_RECOVERY_ON_TIMER_EXPIRE), (.protocolError, PRI_CAUSE_PROTOCOL_ERROR),
            (.interworking, PRI_CAUSE_INTERWORKING), (.invalidCallReference, PRI_CAUSE_INVALID_CALL_REFERENCE),
        ]
        for (cause, value) in pairs { #expect(cause.rawValue == Int(value), "\(cause)") }
    }

    @Test func q850NamesAndRange() {
        #expect(Q850Cause.normalClearing.description == "16 (normal call clearing)")
        #expect(Q850Cause.userBusy.name == "user busy")
        #expect(Q850Cause(rawValue: 128) == nil)
        #expect(Q850Cause(rawValue: -1) == nil)
        #expect(Q850Cause(rawValue: 120)?.name == "cause 120")
        #expect(Q850Cause.userBusy.causeClass == 1)
        #expect(Q850Cause.noCircuitAvailable.causeClass == 2)
        #expect(Q850Cause(libpri: 300) == .normalUnspecified)
        // Every named cause in the table has a distinct name.
        #expect(Set(Q850Cause.names.values).count == Q850Cause.names.count)
    }

    @Test func switchTypesMapToLibpriAndToChanDahdiNames() {
        #expect(SwitchType.euroISDN.libpriValue == PRI_SWITCH_EUROISDN_E1)
        #expect(SwitchType.nationalISDN2.libpriValue == PRI_SWITCH_NI2)
        #expect(SwitchType.dms100.libpriValue == PRI_SWITCH_DMS100)
        #expect(SwitchType.qsig.libpriValue == PRI_SWITCH_QSIG)
        #expect(SwitchType(rawValue: "euroisdn") == .euroISDN)
        #expect(SwitchType(rawValue: "5ess") == .lucent5ESS)
        for type in SwitchType.allCases {
            #expect(String(cString: pri_switch2str(type.libpriValue)) != "Unknown switchtype", "\(type)")
        }
        #expect(PRISide.network.libpriValue == PRI_NETWORK)
        #expect(PRISide.user.libpriValue == PRI_CPE)
        #expect(PRIConfiguration(side: .user).switchType == .euroISDN)
    }

    @Test func partyNumberPlanAndPresentationMatchLibpri() {
        #expect(PartyNumber("1", numberType: .national, numberingPlan: .isdn).libpriPlan == PRI_NATIONAL_ISDN)
        #expect(PartyNumber("1", numberType: .international, numberingPlan: .isdn).libpriPlan == PRI_INTERNATIONAL_ISDN)
        #expect(PartyNumber("1", numberType: .subscriber, numberingPlan: .private).libpriPlan == PRI_PRIVATE)
        #expect(PartyNumber("1").libpriPresentation == PRES_ALLOWED_USER_NUMBER_NOT_SCREENED)
        #expect(PartyNumber("1", presentation: .restricted, screening: .networkProvided).libpriPresentation == PRES_PROHIB_NETWORK_NUMBER)
        let back = PartyNumber(digits: "42", libpriPlan: PRI_LOCAL_ISDN, libpriPresentation: PRES_PROHIB_USER_NUMBER_PASSED_SCREEN)
        #expect(back.numberType == .subscriber)
        #expect(back.numberingPlan == .isdn)
        #expect(back.presentation == .restricted)
        #expect(back.screening == .userProvidedVerifiedAndPassed)
        #expect(PartyNumber("12*#").hasValidDigits)
        #expect(!PartyNumber("12a").hasValidDigits)
    }

    @Test func timerIndicesMatchLibpri() {
        #expect(PRITimer.t303.libpriIndex == Int32(PRI_TIMER_T303.rawValue))
        #expect(PRITimer.t200.libpriIndex == Int32(PRI_TIMER_T200.rawValue))
        let names = PRITimer.allCases.map { pri_timer2idx($0.description) }
        #expect(names == PRITimer.allCases.map(\.libpriIndex))
    }
}
