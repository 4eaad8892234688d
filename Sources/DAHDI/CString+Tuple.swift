/// Decodes a NUL-terminated C string held in a fixed-size C array (imported as a tuple).
///
/// Reads at most `MemoryLayout.size(ofValue: tuple)` bytes; invalid UTF-8 is repaired.
func string<Tuple>(fromCArray tuple: Tuple) -> String {
    withUnsafeBytes(of: tuple) { bytes in
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }
}

/// Copies `text` into a fixed-size C array (imported as a tuple), NUL-terminated and truncated
/// to fit.
func copy<Tuple>(_ text: String, intoCArray tuple: inout Tuple) {
    withUnsafeMutableBytes(of: &tuple) { bytes in
        bytes.initializeMemory(as: UInt8.self, repeating: 0)
        for (index, byte) in text.utf8.prefix(bytes.count - 1).enumerated() { bytes[index] = byte }
    }
}
