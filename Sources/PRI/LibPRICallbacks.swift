import CLibPRI
import Glibc

// libpri's C entry points. They capture nothing: the D-channel is found through
// `pri_get_userdata`, which every `struct pri *` carries (set by `pri_new_cb`).

/// Reads one HDLC frame; 0 means "nothing" (EAGAIN or EOF), as libpri expects of a
/// non-blocking descriptor.
func libpriRead(_ pri: OpaquePointer?, _ buffer: UnsafeMutableRawPointer?, _ length: Int32) -> Int32 {
    let n = read(pri_fd(pri), buffer, Int(length))
    return n < 0 ? 0 : Int32(n)
}

/// Writes one HDLC frame (libpri appends two dummy FCS bytes, which the peer strips).
func libpriWrite(_ pri: OpaquePointer?, _ buffer: UnsafeMutableRawPointer?, _ length: Int32) -> Int32 {
    let n = write(pri_fd(pri), buffer, Int(length))
    return n < 0 ? 0 : Int32(n)
}

/// `pri_set_message` handler: routes protocol traces to the D-channel that produced them.
func libpriMessage(_ pri: OpaquePointer?, _ text: UnsafeMutablePointer<CChar>?) {
    guard let text, let engine = DChannelEngine.from(pri) else { return }
    engine.appendLog(String(cString: text), level: .debug)
}

/// `pri_set_error` handler: routes errors to the D-channel that produced them.
func libpriError(_ pri: OpaquePointer?, _ text: UnsafeMutablePointer<CChar>?) {
    guard let text, let engine = DChannelEngine.from(pri) else { return }
    engine.appendLog(String(cString: text), level: .error)
}

/// libpri's message and error hooks are process-wide; they are installed once, on first use,
/// and route each line by its `struct pri *`, so no Swift state is global.
enum LibPRIHooks {
    static let installed: Void = {
        pri_set_message(libpriMessage)
        pri_set_error(libpriError)
    }()
}

extension String {
    /// Reads a NUL-terminated C `char[N]` that Swift imported as a tuple.
    init<Tuple>(cTuple tuple: Tuple) {
        self = withUnsafeBytes(of: tuple) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
    }
}
