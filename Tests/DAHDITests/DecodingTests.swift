#if canImport(Glibc)
import Glibc
#endif
import CDAHDI
@testable import DAHDI
import TelephonyCore
import Testing

@Suite("Decoding the kernel's structs")
struct DecodingTests {
    static func params(sig: Int32, rxOffHook: Int32 = 0, txHook: Int32 = 0, rxbits: Int32 = 0) -> dahdi_params {
        var raw = dahdi_params()
        raw.channo = 52
        raw.spanno = 2
        raw.chanpos = 21
        raw.sigtype = sig
        raw.rxisoffhook = rxOffHook
        raw.txhooksig = txHook
        raw.rxbits = rxbits
        raw.curlaw = DAHDI_LAW_ALAW
        copy("DYN/loc/1:1/21", intoCArray: &raw.name)
        return raw
    }

    @Test func channelParameters() throws {
        let p = DAHDIChannelParameters(Self.params(sig: CDAHDI_SIG_FXOKS, rxOffHook: 1, rxbits: 0xF5))
        #expect(p.signalling == .fxoKewlStart)
        #expect(p.law == .aLaw)
        #expect(p.kernelName == "DYN/loc/1:1/21")
        #expect(p.receivedBits == 0x5)          // the neighbour's nibble is masked away
        #expect(p.hookState == .offHook)        // FXS port: the phone's hook switch
        let info = try #require(p.channelInfo)
        #expect(info.number == 52 && info.span == 2 && info.position == 21 && info.name == "DAHDI/52")
        #expect(info.portKind == .fxs)
    }

    @Test func fxoPortHookStateIsWhatWeTransmit() {
        let idle = DAHDIChannelParameters(Self.params(sig: CDAHDI_SIG_FXSKS, rxOffHook: 1, txHook: 0))
        #expect(idle.hookState == .onHook)
        let seized = DAHDIChannelParameters(Self.params(sig: CDAHDI_SIG_FXSKS, txHook: 1))
        #expect(seized.hookState == .offHook)
    }

    @Test func unconfiguredChannelHasNoInfo() {
        let p = DAHDIChannelParameters(Self.params(sig: 0))
        #expect(!p.isConfigured)
        #expect(p.channelInfo == nil)
    }

    @Test func spanStatus() {
        var raw = dahdi_spaninfo()
        raw.spanno = 1
        copy("DYN/loc/1:0", intoCArray: &raw.name)
        copy("Dynamic 'loc' span at '1:0'", intoCArray: &raw.desc)
        copy("DYNAM", intoCArray: &raw.spantype)
        raw.alarms = Int32(DAHDI_ALARM_RED | DAHDI_ALARM_YELLOW)
        raw.totalchans = 31
        raw.numchans = 31
        raw.totalspans = 2
        let status = DAHDISpanStatus(raw)
        #expect(status.name == "DYN/loc/1:0")
        #expect(status.description == "Dynamic 'loc' span at '1:0'")
        #expect(status.alarms == [.red, .yellow])
        #expect(status.kind == .e1)
        #expect(status.totalSpans == 2)
    }

    @Test func longNamesAreTruncatedAndTerminated() {
        var raw = dahdi_dynamic_span()
        copy(String(repeating: "x", count: 50), intoCArray: &raw.driver)
        #expect(string(fromCArray: raw.driver).count == 19)
    }
}

@Suite("Opening without DAHDI")
struct OpeningTests {
    @Test func missingDeviceIsNoDevice() {
        #expect(throws: DAHDIError.self) { try DAHDIChannel(number: 1, devicePath: "/nonexistent/channel") }
        do {
            _ = try DAHDICard(directory: "/nonexistent")
        } catch {
            #expect(error.isSameKind(as: .noDevice("", errno: 0)))
            #expect(error.channelError.code == .noSuchChannel)
        }
    }

    @Test func channelNumberOutOfRange() {
        do {
            _ = try DAHDIChannel(number: 0, devicePath: "/dev/null")
            Issue.record("channel 0 opened")
        } catch {
            #expect(error.isSameKind(as: .noSuchChannel(0, operation: "")))
        }
    }

    @Test func notADAHDIDeviceFailsAtSpecify() {
        do {
            _ = try DAHDIChannel(number: 1, devicePath: "/dev/null")
            Issue.record("opened /dev/null as a channel")
        } catch {
            #expect(error.operation == "DAHDI_SPECIFY")
            #expect(error.errno == ENOTTY)
        }
    }
}

@Suite("TelephonyCore's DAHDI numbers match dahdi/user.h")
struct KernelNumberTests {
    @Test(arguments: ChannelSignalling.allCases)
    func signallingValues(signalling: ChannelSignalling) {
        let kernel: Int32 = switch signalling {
        case .fxsLoopStart: CDAHDI_SIG_FXSLS
        case .fxsGroundStart: CDAHDI_SIG_FXSGS
        case .fxsKewlStart: CDAHDI_SIG_FXSKS
        case .fxoLoopStart: CDAHDI_SIG_FXOLS
        case .fxoGroundStart: CDAHDI_SIG_FXOGS
        case .fxoKewlStart: CDAHDI_SIG_FXOKS
        case .clear: DAHDI_SIG_CLEAR
        case .dChannel: CDAHDI_SIG_HDLCFCS
        case .hardHDLC: CDAHDI_SIG_HARDHDLC
        case .cas: DAHDI_SIG_CAS
        }
        #expect(signalling.dahdiSig == UInt32(bitPattern: kernel))
        #expect(ChannelSignalling(dahdiSig: UInt32(bitPattern: kernel)) == signalling)
    }

    @Test func hookCommandsAndAlarms() {
        #expect(HookCommand.onHook.rawValue == DAHDI_ONHOOK)
        #expect(HookCommand.offHook.rawValue == DAHDI_OFFHOOK)
        #expect(HookCommand.wink.rawValue == DAHDI_WINK)
        #expect(HookCommand.flash.rawValue == DAHDI_FLASH)
        #expect(HookCommand.start.rawValue == DAHDI_START)
        #expect(HookCommand.ring.rawValue == DAHDI_RING)
        #expect(HookCommand.ringOff.rawValue == DAHDI_RINGOFF)
        #expect(SpanAlarms.red.rawValue == UInt32(DAHDI_ALARM_RED))
        #expect(SpanAlarms.yellow.rawValue == UInt32(DAHDI_ALARM_YELLOW))
        #expect(SpanAlarms.blue.rawValue == UInt32(DAHDI_ALARM_BLUE))
        #expect(SpanAlarms.notOpen.rawValue == UInt32(DAHDI_ALARM_NOTOPEN))
    }

    @Test func eventCodes() {
        let fxs = ChannelSignalling.fxoKewlStart, fxo = ChannelSignalling.fxsKewlStart
        #expect(LineEvent(dahdiEvent: DAHDI_EVENT_RINGOFFHOOK, signalling: fxs) == .offHook)
        #expect(LineEvent(dahdiEvent: DAHDI_EVENT_RINGOFFHOOK, signalling: fxo) == .ringDetected)
        #expect(LineEvent(dahdiEvent: DAHDI_EVENT_ONHOOK, signalling: fxo) == .loopCurrentDrop)
        #expect(LineEvent(dahdiEvent: DAHDI_EVENT_RINGBEGIN, signalling: fxo) == .ringBegin)
        #expect(LineEvent(dahdiEvent: DAHDI_EVENT_HOOKCOMPLETE, signalling: fxs) == .hookComplete)
        #expect(LineEvent(dahdiEvent: DAHDI_EVENT_BITSCHANGED, signalling: .cas) == .bitsChanged)
        #expect(LineEvent(dahdiEvent: DAHDI_EVENT_POLARITY, signalling: fxo) == .polarityReversal)
        #expect(LineEvent(dahdiEvent: DAHDI_EVENT_DTMFDOWN | Int32(UInt8(ascii: "5")), signalling: fxs) == .dtmfDown("5"))
        #expect(LineEvent(dahdiEvent: DAHDI_EVENT_DTMFUP | Int32(UInt8(ascii: "#")), signalling: fxs) == .dtmfUp("#"))
        #expect(LineEvent(dahdiEvent: DAHDI_EVENT_NONE, signalling: fxs) == nil)
    }
}
