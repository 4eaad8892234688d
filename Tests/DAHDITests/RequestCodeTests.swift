import CDAHDI
import Testing

/// The request codes the shim re-exports, checked against the Linux `_IOC` encoding
/// (direction << 30 | size << 16 | type << 8 | number) and DAHDI's numbers from `dahdi/user.h`.
@Suite("CDAHDI request codes")
struct RequestCodeTests {
    static func ioc(_ direction: UInt, _ number: UInt, _ size: Int) -> UInt {
        (direction << 30) | (UInt(size) << 16) | (0xDA << 8) | number
    }
    static let write: UInt = 1, read: UInt = 2, readWrite: UInt = 3
    static let int = MemoryLayout<Int32>.size

    @Test func intRequests() {
        #expect(CDAHDI_SPECIFY == 0x4004_DA26)
        #expect(CDAHDI_SPECIFY == Self.ioc(Self.write, 38, Self.int))
        #expect(CDAHDI_GETEVENT == Self.ioc(Self.read, 8, Self.int))
        #expect(CDAHDI_HOOK == Self.ioc(Self.write, 7, Self.int))
        #expect(CDAHDI_SET_BLOCKSIZE == Self.ioc(Self.write, 1, Self.int))
        #expect(CDAHDI_SETLAW == Self.ioc(Self.write, 39, Self.int))
        #expect(CDAHDI_SETLINEAR == Self.ioc(Self.write, 40, Self.int))
        #expect(CDAHDI_GETRXBITS == Self.ioc(Self.read, 43, Self.int))
        #expect(CDAHDI_SETTXBITS == Self.ioc(Self.write, 43, Self.int))
        #expect(CDAHDI_SETPOLARITY == Self.ioc(Self.write, 92, Self.int))
    }

    @Test func structRequests() {
        #expect(MemoryLayout<dahdi_spaninfo>.size == 314)   // packed in the kernel ABI
        #expect(CDAHDI_SPANSTAT == 0xC13A_DA0A)
        #expect(CDAHDI_GET_PARAMS == Self.ioc(Self.readWrite, 5, MemoryLayout<dahdi_params>.size))
        #expect(CDAHDI_DYNAMIC_DESTROY == Self.ioc(Self.write, 81, MemoryLayout<dahdi_dynamic_span>.size))
        #expect(CDAHDI_ECHOCANCEL_PARAMS == Self.ioc(Self.write, 33, MemoryLayout<dahdi_echocanparams>.size))
    }

    @Test func elastIsDAHDIs() {
        #expect(CDAHDI_ELAST == 500)
    }
}
