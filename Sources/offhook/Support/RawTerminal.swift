#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard input as a keypad: when it is a terminal, switched to unbuffered, unechoed input
/// with Ctrl-C delivered as a byte (so the caller hangs up cleanly); restored by ``restore()``.
/// Reads never block.
final class RawTerminal {
    private var saved: termios?

    init() {
        guard isatty(0) == 1 else { return }
        var attributes = termios()
        guard tcgetattr(0, &attributes) == 0 else { return }
        saved = attributes
        attributes.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
        withUnsafeMutableBytes(of: &attributes.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        tcsetattr(0, TCSANOW, &attributes)
    }

    /// Whether standard input is a terminal now in keypad mode.
    var isTerminal: Bool { saved != nil }

    /// The bytes typed since the last call; `nil` at end of input.
    func readAvailable() -> [UInt8]? {
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(0, &buffer, buffer.count)
        if count <= 0 { return isTerminal ? [] : nil }
        return Array(buffer[..<count])
    }

    /// Puts the terminal back as it was.
    func restore() {
        guard var saved else { return }
        tcsetattr(0, TCSANOW, &saved)
        self.saved = nil
    }

    deinit { restore() }
}
