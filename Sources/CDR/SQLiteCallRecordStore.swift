import Foundation

/// Call records and queue events in one SQLite file: tables `calls` and `queue_events`,
/// created on first open (schema version in `PRAGMA user_version`).
///
/// Times are stored as seconds since 1970 (UTC, `REAL`), durations as seconds (`REAL`), so
/// the file reads well from the `sqlite3` shell:
/// `SELECT kind, count(*) FROM queue_events GROUP BY kind`.
///
/// - Complexity: an insert is one prepared statement (a few tens of microseconds in WAL
///   mode); a report scans the period's rows through the time indexes.
public final class SQLiteCallRecordStore: CallRecordStore {
    /// The schema this code writes.
    public static let schemaVersion = 1
    /// The file `offhook run` writes and `offhook report` reads unless told otherwise.
    public static let defaultPath = "calls.db"

    let database: SQLiteDatabase
    private let insertCall: SQLiteDatabase.Statement
    private let insertEvent: SQLiteDatabase.Statement

    /// Opens the store at `path`, creating the file and its schema when missing.
    ///
    /// - Parameter path: a file name, or `":memory:"`.
    /// - Throws: ``CDRError`` when the file cannot be opened, is not a database, or has a newer
    ///   schema.
    public init(path: String) throws(CDRError) {
        database = try SQLiteDatabase(path: path)
        let version = try Self.userVersion(database)
        guard version <= Self.schemaVersion else { throw .unsupportedSchema(version) }
        if path != ":memory:" { try database.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL") }
        if version < 1 { try database.execute(Self.schema) }
        try database.execute("CREATE INDEX IF NOT EXISTS queue_events_call ON queue_events(call_id)")
        insertCall = try database.prepare("""
            INSERT INTO calls(call_id, direction, channel, ani, dnis, start, answer, "end", duration, billable,
                              disposition, end_reason, q850_cause, ivr_path, last_menu, queue, agent, wait, talk)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        insertEvent = try database.prepare("""
            INSERT INTO queue_events(time, kind, call_id, queue, agent, wait, talk, detail) VALUES (?,?,?,?,?,?,?,?)
            """)
    }

    static let schema = """
        BEGIN;
        CREATE TABLE calls(
            id INTEGER PRIMARY KEY,
            call_id INTEGER NOT NULL,
            direction TEXT NOT NULL,
            channel TEXT NOT NULL,
            ani TEXT NOT NULL,
            dnis TEXT NOT NULL,
            start REAL NOT NULL,
            answer REAL,
            "end" REAL NOT NULL,
            duration REAL NOT NULL,
            billable INTEGER NOT NULL,
            disposition TEXT NOT NULL,
            end_reason TEXT,
            q850_cause INTEGER,
            ivr_path TEXT NOT NULL,
            last_menu TEXT,
            queue TEXT,
            agent INTEGER,
            wait REAL,
            talk REAL);
        CREATE INDEX calls_start ON calls(start);
        CREATE TABLE queue_events(
            id INTEGER PRIMARY KEY,
            time REAL NOT NULL,
            kind TEXT NOT NULL,
            call_id INTEGER,
            queue TEXT,
            agent INTEGER,
            wait REAL,
            talk REAL,
            detail TEXT);
        CREATE INDEX queue_events_time ON queue_events(time);
        PRAGMA user_version = 1;
        COMMIT;
        """

    private static func userVersion(_ database: SQLiteDatabase) throws(CDRError) -> Int {
        let statement = try database.prepare("PRAGMA user_version")
        guard try statement.step() else { return 0 }
        return statement.int(0) ?? 0
    }

    public func insert(_ record: CallDetailRecord) throws(CDRError) {
        try insertCall.run([
            .integer(Int64(record.callID)), .text(record.direction.rawValue), .text(record.channel),
            .text(record.ani), .text(record.dnis), .real(record.start.timeIntervalSince1970),
            optional(record.answer?.timeIntervalSince1970), .real(record.end.timeIntervalSince1970),
            .real(record.duration.seconds), .integer(Int64(record.billableSeconds)),
            .text(record.disposition.rawValue), optional(record.endReason), optional(record.q850Cause),
            .text(record.ivrPath.joined(separator: " > ")), optional(record.lastMenu), optional(record.queue),
            optional(record.agent), optional(record.waitTime?.seconds), optional(record.talkTime?.seconds),
        ])
    }

    public func insert(_ event: QueueEvent) throws(CDRError) {
        try insertEvent.run([
            .real(event.time.timeIntervalSince1970), .text(event.kind.rawValue), optional(event.callID),
            optional(event.queue), optional(event.agent), optional(event.wait?.seconds),
            optional(event.talk?.seconds), optional(event.detail),
        ])
    }

    /// Runs `body` in one transaction (much faster for many inserts); rolls back if it throws.
    public func inTransaction<T>(_ body: () throws(CDRError) -> T) throws(CDRError) -> T {
        try database.execute("BEGIN")
        do {
            let result = try body()
            try database.execute("COMMIT")
            return result
        } catch {
            try? database.execute("ROLLBACK")
            throw error
        }
    }

    private func optional(_ value: String?) -> SQLiteDatabase.Statement.Value { value.map { .text($0) } ?? .null }
    private func optional(_ value: Int?) -> SQLiteDatabase.Statement.Value { value.map { .integer(Int64($0)) } ?? .null }
    private func optional(_ value: Double?) -> SQLiteDatabase.Statement.Value { value.map { .real($0) } ?? .null }
}
