import CDAHDI

/// One echo-canceller parameter (`struct dahdi_echocanparam`), e.g. `("aggressive", 1)`.
public struct EchoCancellerParameter: Sendable, Hashable {
    /// The parameter's name; at most 15 bytes are sent.
    public var name: String
    public var value: Int32
    public init(_ name: String, _ value: Int32) {
        self.name = name
        self.value = value
    }
}

extension DAHDIChannel {
    /// Enables the channel's echo canceller with `tapLength` taps (8 per millisecond, e.g. 128
    /// for 16 ms) and `parameters`, or disables it when `tapLength` is 0
    /// (`DAHDI_ECHOCANCEL_PARAMS`).
    ///
    /// The channel must have an echo canceller attached (`echocanceller=` in system.conf) and
    /// be in audio mode (a clear channel after ``DAHDIChannel/setAudioMode(_:)``); otherwise the
    /// kernel refuses with `EINVAL` and this throws.
    ///
    /// - Complexity: one ioctl; allocates the parameter block (call set-up, not the media path).
    public func setEchoCanceller(tapLength: Int, parameters: [EchoCancellerParameter] = []) throws(DAHDIError) {
        guard (0...1024).contains(tapLength), parameters.count <= Int(DAHDI_MAX_ECHOCANPARAMS) else {
            throw .invalidArgument("DAHDI_ECHOCANCEL_PARAMS", number: info.number)
        }
        let fd = try fileDescriptor("DAHDI_ECHOCANCEL_PARAMS")
        let headerSize = MemoryLayout<dahdi_echocanparams>.size
        let parameterSize = MemoryLayout<dahdi_echocanparam>.stride
        // The kernel reads the header and up to DAHDI_MAX_ECHOCANPARAMS parameters after it.
        let size = headerSize + parameterSize * Int(DAHDI_MAX_ECHOCANPARAMS)
        let block = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { block.deallocate() }
        block.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        var header = dahdi_echocanparams()
        header.tap_length = UInt32(tapLength)
        header.param_count = UInt32(parameters.count)
        block.storeBytes(of: header, as: dahdi_echocanparams.self)
        for (index, parameter) in parameters.enumerated() {
            var raw = dahdi_echocanparam()
            copy(parameter.name, intoCArray: &raw.name)
            raw.value = parameter.value
            block.storeBytes(of: raw, toByteOffset: headerSize + index * parameterSize, as: dahdi_echocanparam.self)
        }
        try dahdiIOCTL(fd, CDAHDI_ECHOCANCEL_PARAMS, block, operation: "DAHDI_ECHOCANCEL_PARAMS", number: info.number)
    }
}
