#if canImport(Glibc)
import Glibc
#endif
import CDAHDI

/// What a system call that must not block did.
enum SystemCallResult: Sendable, Hashable {
    /// It succeeded and returned this value (bytes moved, ready descriptors, 0).
    case done(Int)
    /// `EAGAIN`: nothing to read, no room to write; try after the next poll.
    case wouldBlock
    /// DAHDI's `ELAST`: an event waits on the channel and must be read first.
    case eventPending
}

/// Runs one system call: retries `EINTR`, returns `EAGAIN` and DAHDI's `ELAST` as values, and
/// throws any other failure as a ``DAHDIError`` that names `operation` and the `errno`.
///
/// Every system call of the DAHDI backend goes through here (`read`, `write`, `poll`, and every
/// ioctl through ``dahdiIOCTL(_:_:_:operation:number:alsoSuccess:)``), so error handling lives
/// in one place. `body` returns the raw result (negative with `errno` set on failure).
/// `alsoSuccess` names an `errno` that means success for this call (`DAHDI_HOOK(DAHDI_RING)`
/// reports `EINPROGRESS` when ringing has started).
///
/// - Complexity: O(1) besides `body`; allocates only when it throws.
func systemCall(_ operation: StaticString, number: Int? = nil, alsoSuccess: Int32? = nil,
                _ body: () -> Int) throws(DAHDIError) -> SystemCallResult {
    while true {
        let result = body()
        if result >= 0 { return .done(result) }
        let code = errno
        switch code {
        case EINTRValue: continue
        case EAGAINValue: return .wouldBlock
        case ELASTValue: return .eventPending
        case alsoSuccess: return .done(0)
        default: throw DAHDIError.system("\(operation)", errno: code, number: number)
        }
    }
}

/// Performs one DAHDI ioctl: the only `ioctl(2)` call site of the backend.
///
/// `request` is a `CDAHDI_*` request code; `argument` points at the `int` or struct it takes.
/// `EINTR` is retried; other failures throw a ``DAHDIError`` naming `operation`.
///
/// - Complexity: one system call; does not allocate unless it throws.
@discardableResult
func dahdiIOCTL(_ fd: Int32, _ request: UInt, _ argument: UnsafeMutableRawPointer,
                operation: StaticString, number: Int? = nil,
                alsoSuccess: Int32? = nil) throws(DAHDIError) -> SystemCallResult {
    try systemCall(operation, number: number, alsoSuccess: alsoSuccess) {
        Int(ioctl(fd, request, argument))
    }
}

/// Performs a DAHDI ioctl whose argument is one `int`, passed by pointer as DAHDI expects.
///
/// Returns the `int` as the kernel left it (the result of `_IOR`/`_IOWR` requests).
@discardableResult
func dahdiIOCTL(_ fd: Int32, _ request: UInt, int value: Int32, operation: StaticString,
                number: Int? = nil, alsoSuccess: Int32? = nil) throws(DAHDIError) -> Int32 {
    var argument = value
    try withUnsafeMutablePointer(to: &argument) { (pointer) throws(DAHDIError) in
        _ = try dahdiIOCTL(fd, request, pointer, operation: operation, number: number,
                           alsoSuccess: alsoSuccess)
    }
    return argument
}

/// Performs a DAHDI ioctl whose argument is a struct; returns the struct as the kernel left it.
func dahdiIOCTL<Argument>(_ fd: Int32, _ request: UInt, struct value: Argument, operation: StaticString,
                          number: Int? = nil) throws(DAHDIError) -> Argument {
    var argument = value
    try withUnsafeMutablePointer(to: &argument) { (pointer) throws(DAHDIError) in
        _ = try dahdiIOCTL(fd, request, pointer, operation: operation, number: number)
    }
    return argument
}
