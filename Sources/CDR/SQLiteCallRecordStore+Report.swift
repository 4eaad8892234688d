import Foundation

extension SQLiteCallRecordStore {
    /// The figures' columns over `queue_events`, for the totals and per hour.
    /// Parameters: ?1 from, ?2 to, ?3 queue or NULL, ?4 threshold seconds, ?5 UTC offset seconds.
    private static let figures = """
        SUM(kind = 'ENQUEUED'), SUM(kind = 'ANSWERED'), SUM(kind = 'ANSWERED' AND wait <= ?4),
        SUM(kind = 'ABANDONED'), SUM(kind = 'OVERFLOWED'), TOTAL(CASE WHEN kind = 'ANSWERED' THEN wait END),
        SUM(kind = 'COMPLETED'), TOTAL(CASE WHEN kind = 'COMPLETED' THEN talk END)
        """
    private static let period = "time >= ?1 AND time < ?2 AND (?3 IS NULL OR queue = ?3)"

    public func report(_ query: ReportQuery) throws(CDRError) -> QueueReport {
        let parameters: [SQLiteDatabase.Statement.Value] = [
            .real(query.from.timeIntervalSince1970), .real(query.to.timeIntervalSince1970),
            query.queue.map { .text($0) } ?? .null, .real(query.serviceLevelThreshold.seconds),
            .real(query.utcOffset.seconds),
        ]
        // Totals.
        let totalsStatement = try database.prepare("SELECT \(Self.figures) FROM queue_events WHERE \(Self.period)")
        try totalsStatement.bind(parameters)
        var totals = QueueFigures()
        if try totalsStatement.step() { totals = Self.figures(totalsStatement, from: 0) }

        // Per hour, in the query's time zone.
        let hourStatement = try database.prepare("""
            SELECT CAST((time + ?5) / 3600 AS INTEGER) AS hour, \(Self.figures)
            FROM queue_events WHERE \(Self.period) GROUP BY hour ORDER BY hour
            """)
        try hourStatement.bind(parameters)
        var hours: [HourFigures] = []
        while try hourStatement.step() {
            let hour = Double(hourStatement.int(0) ?? 0) * 3600 - query.utcOffset.seconds
            hours.append(HourFigures(start: Date(timeIntervalSince1970: hour), figures: Self.figures(hourStatement, from: 1)))
        }

        // Per agent.
        let agentStatement = try database.prepare("""
            SELECT agent, SUM(kind = 'ANSWERED'), SUM(kind = 'NO_ANSWER'), SUM(kind = 'COMPLETED'),
                   TOTAL(CASE WHEN kind = 'COMPLETED' THEN talk END)
            FROM queue_events WHERE \(Self.period) AND agent IS NOT NULL
                AND kind IN ('ANSWERED', 'NO_ANSWER', 'COMPLETED')
            GROUP BY agent ORDER BY agent
            """)
        try agentStatement.bind(parameters)
        var agents: [AgentFigures] = []
        while try agentStatement.step() {
            var figures = AgentFigures(agent: agentStatement.int(0) ?? 0)
            figures.answered = agentStatement.int(1) ?? 0
            figures.noAnswer = agentStatement.int(2) ?? 0
            figures.completed = agentStatement.int(3) ?? 0
            figures.totalTalk = agentStatement.double(4) ?? 0
            agents.append(figures)
        }

        // Call records started in the period.
        let callStatement = try database.prepare("""
            SELECT COUNT(*), SUM(answer IS NOT NULL), TOTAL(billable)
            FROM calls WHERE start >= ?1 AND start < ?2 AND (?3 IS NULL OR queue = ?3)
            """)
        try callStatement.bind(parameters)
        var calls = CallFigures()
        if try callStatement.step() {
            calls.calls = callStatement.int(0) ?? 0
            calls.answered = callStatement.int(1) ?? 0
            calls.billableSeconds = Int(callStatement.double(2) ?? 0)
        }
        return QueueReport(totals: totals, agents: agents, hours: hours, calls: calls)
    }

    private static func figures(_ row: SQLiteDatabase.Statement, from first: Int32) -> QueueFigures {
        var figures = QueueFigures()
        figures.offered = row.int(first) ?? 0
        figures.answered = row.int(first + 1) ?? 0
        figures.answeredWithinThreshold = row.int(first + 2) ?? 0
        figures.abandoned = row.int(first + 3) ?? 0
        figures.overflowed = row.int(first + 4) ?? 0
        figures.totalAnsweredWait = row.double(first + 5) ?? 0
        figures.completed = row.int(first + 6) ?? 0
        figures.totalTalk = row.double(first + 7) ?? 0
        return figures
    }
}
