/// Why the call-record store failed.
public struct CDRError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was being done ("open FILE", "prepare", "step", …).
    public let operation: String
    /// SQLite's message, or ours.
    public let message: String

    /// SQLite refused `operation` with `message`.
    static func sqlite(operation: String, message: String) -> Self { .init(operation: operation, message: message) }

    /// The database's schema is newer than this program understands.
    static func unsupportedSchema(_ version: Int) -> Self {
        .init(operation: "open", message: "schema version \(version) is newer than this offhook (\(SQLiteCallRecordStore.schemaVersion))")
    }

    public var description: String { "call records: \(operation): \(message)" }
}
