#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Unix-domain stream socket descriptor with the few operations the control socket needs:
/// listen, connect, accept, newline-delimited reads with a timeout, and writes that never raise
/// SIGPIPE. Owned by one thread at a time; closed by ``close()`` (not on deinit, so a copy
/// cannot close it twice).
struct UnixSocket: Sendable {
    /// A failed socket call: the operation and `errno`.
    struct Failure: Error, CustomStringConvertible {
        var operation: String
        var path: String
        var code: Int32

        /// Whether nothing listens at the path (no socket file, or a stale one).
        var isNobodyListening: Bool { code == ENOENT || code == ECONNREFUSED }

        var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }
    }

    let descriptor: Int32

    /// The longest socket path the kernel takes (`sun_path` less its terminating NUL).
    static var maximumPathLength: Int { MemoryLayout.size(ofValue: sockaddr_un().sun_path) - 1 }

    /// Calls `body` with `path` as a `sockaddr_un`.
    private static func withAddress<T>(_ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(path.utf8.prefix(maximumPathLength))
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }

    private static func makeDescriptor(path: String) throws(Failure) -> Int32 {
        guard path.utf8.count <= maximumPathLength else {
            throw Failure(operation: "socket path longer than \(maximumPathLength) bytes:", path: path, code: ENAMETOOLONG)
        }
        #if canImport(Glibc)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure(operation: "socket", path: path, code: errno) }
        return fd
    }

    /// Connects to the listener at `path`.
    static func connect(to path: String) throws(Failure) -> UnixSocket {
        let fd = try makeDescriptor(path: path)
        let result = withAddress(path) { address, length in
            #if canImport(Glibc)
            Glibc.connect(fd, address, length)
            #else
            Darwin.connect(fd, address, length)
            #endif
        }
        guard result == 0 else {
            let code = errno
            closeDescriptor(fd)
            throw Failure(operation: "connect", path: path, code: code)
        }
        return UnixSocket(descriptor: fd)
    }

    /// Listens at `path` (the file must not exist), readable and writable by its owner only.
    static func listen(at path: String, backlog: Int32 = 16) throws(Failure) -> UnixSocket {
        let fd = try makeDescriptor(path: path)
        let bound = withAddress(path) { address, length in bind(fd, address, length) }
        guard bound == 0 else {
            let code = errno
            closeDescriptor(fd)
            throw Failure(operation: "bind", path: path, code: code)
        }
        chmod(path, 0o600)
        guard listenDescriptor(fd, backlog) == 0 else {
            let code = errno
            closeDescriptor(fd)
            throw Failure(operation: "listen", path: path, code: code)
        }
        return UnixSocket(descriptor: fd)
    }

    /// Waits up to `timeoutMS` for the descriptor to be readable (or hung up).
    func waitReadable(timeoutMS: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, timeoutMS) > 0
    }

    /// Accepts a connection if one is waiting within `timeoutMS`; `nil` otherwise.
    func accept(timeoutMS: Int32) -> UnixSocket? {
        guard waitReadable(timeoutMS: timeoutMS) else { return nil }
        let fd = acceptDescriptor(descriptor)
        guard fd >= 0 else { return nil }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        return UnixSocket(descriptor: fd)
    }

    /// Reads what is available within `timeoutMS` into `buffer`; `false` at end of stream or on
    /// an error (the peer is gone).
    func read(into buffer: inout LineBuffer, timeoutMS: Int32) -> Bool {
        guard waitReadable(timeoutMS: timeoutMS) else { return true }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count < 0 { return errno == EINTR || errno == EAGAIN }
        guard count > 0 else { return false }
        buffer.append(chunk[..<count])
        return true
    }

    /// Writes all of `text`; `false` when the peer is gone. Never raises SIGPIPE.
    @discardableResult
    func write(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)
            #else
            let flags: Int32 = 0
            #endif
            let sent = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, flags) }
            if sent < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return false
            }
            bytes = bytes.dropFirst(sent)
        }
        return true
    }

    /// Stops reads and writes in both directions (wakes a thread blocked in poll on it).
    func shutdown() { shutdownDescriptor(descriptor) }

    func close() { closeDescriptor(descriptor) }
}

/// Bytes read from a socket, split into lines; a line longer than `limit` is an error.
struct LineBuffer {
    private var bytes: [UInt8] = []
    let limit: Int

    init(limit: Int = 64 * 1024) { self.limit = limit }

    /// Whether the unfinished line has passed the limit (the peer is sending garbage).
    var isOverLimit: Bool { bytes.count > limit }

    mutating func append(_ chunk: ArraySlice<UInt8>) { bytes.append(contentsOf: chunk) }

    /// The next complete line (without its newline or carriage return), if one is in.
    mutating func nextLine() -> String? {
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        var line = bytes[..<newline]
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        bytes.removeSubrange(...newline)
        return String(decoding: line, as: UTF8.self)
    }
}

// The C calls whose names the struct's methods shadow.
private func closeDescriptor(_ fd: Int32) { _ = close(fd) }
private func listenDescriptor(_ fd: Int32, _ backlog: Int32) -> Int32 { listen(fd, backlog) }
private func shutdownDescriptor(_ fd: Int32) { _ = shutdown(fd, Int32(SHUT_RDWR)) }
private func acceptDescriptor(_ fd: Int32) -> Int32 { accept(fd, nil, nil) }
