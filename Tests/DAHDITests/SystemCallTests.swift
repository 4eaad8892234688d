#if canImport(Glibc)
import Glibc
#endif
import CDAHDI
@testable import DAHDI
import Testing

@Suite("The system-call funnel")
struct SystemCallTests {
    /// A scripted system call: fails with each errno in turn, then returns `result`.
    final class Script {
        var failures: [Int32]
        var calls = 0
        let result: Int
        init(failures: [Int32], result: Int = 7) { self.failures = failures; self.result = result }
        func call() -> Int {
            calls += 1
            if failures.isEmpty { return result }
            errno = failures.removeFirst()
            return -1
        }
    }

    @Test func retriesEINTR() throws {
        let script = Script(failures: [EINTR, EINTR])
        let result = try systemCall("read") { script.call() }
        #expect(result == .done(7))
        #expect(script.calls == 3)
    }

    @Test func returnsEAGAINAsWouldBlock() throws {
        let script = Script(failures: [EINTR, EAGAIN])
        #expect(try systemCall("write") { script.call() } == .wouldBlock)
        #expect(script.calls == 2)
    }

    @Test func returnsELASTAsEventPending() throws {
        let script = Script(failures: [CDAHDI_ELAST])
        #expect(try systemCall("read") { script.call() } == .eventPending)
    }

    @Test func acceptsTheNamedSuccessErrno() throws {
        let script = Script(failures: [EINPROGRESS])
        #expect(try systemCall("DAHDI_HOOK", alsoSuccess: EINPROGRESS) { script.call() } == .done(0))
    }

    @Test func throwsOtherErrnosNamingTheOperation() {
        let script = Script(failures: [EBADF])
        #expect(throws: DAHDIError.system("DAHDI_GETEVENT", errno: EBADF, number: 3)) {
            try systemCall("DAHDI_GETEVENT", number: 3) { script.call() }
        }
    }

    @Test func realIoctlOnANonDAHDIFileFailsWithENOTTY() throws {
        let fd = open("/dev/null", O_RDWR)
        try #require(fd >= 0)
        defer { close(fd) }
        do {
            try dahdiIOCTL(fd, CDAHDI_SPECIFY, int: 1, operation: "DAHDI_SPECIFY", number: 1)
            Issue.record("ioctl on /dev/null succeeded")
        } catch {
            #expect(error.operation == "DAHDI_SPECIFY")
            #expect(error.errno == ENOTTY)
            #expect(error.channelError.code == .unsupported)
            #expect(error.description.contains("DAHDI_SPECIFY"))
        }
    }
}
