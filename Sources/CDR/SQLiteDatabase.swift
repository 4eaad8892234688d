import CSQLite

/// One SQLite connection, opened on a file (created if missing). Not thread-safe: one owner at
/// a time (``CDRWriter`` keeps it inside its run loop).
///
/// The few calls Offhook needs (execute, prepare, bind, step, read a column) over the C API,
/// each checking the result code and throwing ``CDRError`` with SQLite's message.
final class SQLiteDatabase {
    private let handle: OpaquePointer

    /// Opens (or creates) the database at `path`; `":memory:"` is a private in-memory one.
    ///
    /// - Throws: ``CDRError`` when the file cannot be opened or is not a database.
    init(path: String, readOnly: Bool = false) throws(CDRError) {
        var db: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            throw .sqlite(operation: "open \(path)", message: message)
        }
        handle = db
        sqlite3_busy_timeout(db, 5000)
    }

    deinit { sqlite3_close(handle) }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws(CDRError) {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? lastError
            sqlite3_free(error)
            throw .sqlite(operation: "execute", message: message)
        }
    }

    /// Compiles one statement.
    func prepare(_ sql: String) throws(CDRError) -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw .sqlite(operation: "prepare", message: lastError)
        }
        return Statement(handle: statement, database: self)
    }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    /// A compiled statement; parameters are numbered from 1, columns from 0.
    final class Statement {
        private let handle: OpaquePointer
        private let database: SQLiteDatabase

        fileprivate init(handle: OpaquePointer, database: SQLiteDatabase) {
            self.handle = handle
            self.database = database
        }

        deinit { sqlite3_finalize(handle) }

        /// A value SQLite stores.
        enum Value {
            case integer(Int64), real(Double), text(String), null
        }

        /// Binds `values` to parameters 1, 2, … after resetting the statement; values past the
        /// statement's highest parameter number are ignored, so related queries can share one
        /// parameter list.
        func bind(_ values: [Value]) throws(CDRError) {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            for (i, value) in values.prefix(Int(sqlite3_bind_parameter_count(handle))).enumerated() {
                let index = Int32(i + 1)
                let rc: Int32 = switch value {
                case .integer(let v): sqlite3_bind_int64(handle, index, v)
                case .real(let v): sqlite3_bind_double(handle, index, v)
                case .text(let v): sqlite3_bind_text(handle, index, v, -1, csqlite_transient())
                case .null: sqlite3_bind_null(handle, index)
                }
                guard rc == SQLITE_OK else { throw .sqlite(operation: "bind", message: database.lastError) }
            }
        }

        /// Advances to the next row; `false` when done.
        func step() throws(CDRError) -> Bool {
            switch sqlite3_step(handle) {
            case SQLITE_ROW: return true
            case SQLITE_DONE: return false
            default: throw .sqlite(operation: "step", message: database.lastError)
            }
        }

        /// Runs a statement that returns no rows.
        func run(_ values: [Value]) throws(CDRError) {
            try bind(values)
            while try step() {}
        }

        func int(_ column: Int32) -> Int? {
            sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(handle, column))
        }

        func double(_ column: Int32) -> Double? {
            sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_double(handle, column)
        }

        func text(_ column: Int32) -> String? {
            guard let text = sqlite3_column_text(handle, column) else { return nil }
            return String(cString: text)
        }
    }
}
