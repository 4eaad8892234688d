import IVRRuntime
import IVRScript
import Testing

let lookupScript = """
    languages zh en
    table accounts "accounts.csv"
    input account
      prompt "enter"
      digits 8
      on no-input 1 hangup
      on no-match 1 hangup
      on done goto balance
    step balance
      lookup account in accounts
      if not found then play "unknown" then hangup
      play "your-balance"
      say money accounts.balance
      hangup
    """

let accounts = CSVTable(text: "account,name,balance\n12345678,\"Wang, Fang\",1234.50\n")!

@Suite struct LookupTests {
    @Test func csvTableParsesQuotedFields() {
        #expect(accounts.columns == ["account", "name", "balance"])
        #expect(accounts.row(forKey: "12345678")?["name"] == "Wang, Fang")
        #expect(accounts.row(forKey: "0") == nil)
        #expect(CSVTable(text: "") == nil)
    }

    @Test func localTableLookupAndSayMoneyInChinese() throws {
        var h = try Harness(lookupScript, tables: ["accounts": accounts])
        h.start()
        h.press("12345678")
        #expect(h.transcript.events.contains(.lookedUp(table: "accounts", key: "12345678", found: true)))
        #expect(h.lastPlayed == ["zh/your-balance"])
        h.finishPrompt()
        #expect(h.lastPlayed == ["zh/digits/1", "zh/digits/thousand", "zh/digits/2", "zh/digits/hundred", "zh/digits/3",
                                 "zh/digits/ten", "zh/digits/4", "zh/money/yuan", "zh/digits/5", "zh/money/jiao"])
        h.finishPrompt()
        #expect(h.endReason == .hangup)
    }

    @Test func unknownAccountTakesTheNotFoundBranch() throws {
        var h = try Harness(lookupScript, tables: ["accounts": accounts])
        h.start()
        h.press("99999999")
        #expect(h.lastPlayed == ["zh/unknown"])
        h.finishPrompt()
        #expect(h.endReason == .hangup)
    }

    @Test func tableTheRuntimeDoesNotHoldIsAskedForWithAnAction() throws {
        var h = try Harness(lookupScript)
        h.start()
        h.press("12345678")
        #expect(h.actions.last == .lookup(table: "accounts", key: "12345678"))
        h.send(.lookupResult(["account": "12345678", "balance": "0.3"]))
        h.finishPrompt()
        #expect(h.lastPlayed == ["zh/digits/3", "zh/money/jiao"])
    }

    @Test func variablesArithmeticAndComparisons() throws {
        var h = try Harness("""
            step s
              set tries to 1
              set tries to tries + 2
              if tries >= 3 and caller = "555" then log ok tries else log bad tries
              if not (tries < 3) or holiday then log both "yes"
              hangup
            """)
        h.start(caller: "555")
        #expect(h.actions == [.log(field: "ok", value: "3"), .log(field: "both", value: "yes"), .hangup(.hangup)])
    }

    @Test func phoneNumbersKeepLeadingZeros() throws {
        var h = try Harness("step s\n  if caller = 555 then transfer outside 013800138000\n  hangup\n")
        h.start(caller: "0555")
        #expect(h.actions == [.transfer(.outside, number: "013800138000")])
    }

    @Test func todayAndNowFollowTheCallAcrossMidnight() throws {
        var h = try Harness("languages zh\nstep s\n  pause 2m\n  say date today\n  say time now\n  hangup\n")
        h.start(at: time("2026-12-31", 23, 59))
        h.advance(by: .seconds(120))
        #expect(h.lastPlayed == ["zh/digits/2", "zh/digits/0", "zh/digits/2", "zh/digits/7", "zh/date/year",
                                 "zh/digits/1", "zh/date/month", "zh/digits/1", "zh/date/day"])
        h.finishPrompt()
        #expect(h.lastPlayed == ["zh/digits/0", "zh/time/hour", "zh/digits/1", "zh/time/minute"])
    }

    @Test func runawayLoopInAnUncheckedScriptEndsTheCall() {
        let file = SourceFile(path: "t.ivr", text: "step a\n  goto b\nstep b\n  goto a\n")
        var h = Harness(call: IVRCall(script: Parser().parse(file).script))
        h.start()
        #expect(h.endReason == .scriptError)
    }

    @Test func pauseWaitsForItsTimer() throws {
        var h = try Harness("step s\n  pause 2s\n  hangup\n")
        h.start()
        h.advance(by: .milliseconds(1999))
        #expect(h.endReason == nil)
        h.advance(by: .milliseconds(1))
        #expect(h.endReason == .hangup)
    }
}
