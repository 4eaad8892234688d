import ACD
import HardwareConfig
import Testing

/// `[lines NAME]` (per-line FXO options) and `[agents]` (feature codes) in offhook.conf.
@Suite struct LineOptionsConfigTests {
    static let ports = "[ports]\nagents = 1-4\nlines = 5-8\n"

    /// The diagnostics of a config that must be refused, as `line:column message`.
    func problems(_ text: String) -> [ConfigDiagnostic] {
        do {
            _ = try OffhookConfig(parsing: text, path: "offhook.conf")
            Issue.record("accepted:\n\(text)")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func everyKeyIsRead() throws {
        let config = try OffhookConfig(parsing: Self.ports + """
            [lines china-telecom]
            channels = 5-6
            disconnect = polarity-reversal, busy-tone
            answer-on-polarity-reversal = yes
            caller-id = dtmf
            caller-id-timing = before-first-ring
            wait-for-dial-tone = no
            dial-tone-timeout = 5s
            """, path: "offhook.conf")
        let options = try #require(config.lineSections.first)
        #expect(config.lineSections.count == 1)
        #expect(options.name == "china-telecom" && options.channels == [5, 6] && options.line == 4 && options.channelsLine == 5)
        #expect(options.disconnect == [.polarityReversal, .busyTone])
        #expect(options.answerOnPolarityReversal)
        #expect(options.callerID == .dtmf && options.callerIDTiming == .beforeFirstRing)
        #expect(!options.waitForDialTone && options.dialToneTimeout == .seconds(5))
        #expect(config.lineOptions(for: 6) == options)
        #expect(config.lineOptions(for: 7) == .defaults)
    }

    @Test func defaultsAreTodaysBehaviour() throws {
        let config = try OffhookConfig(parsing: Self.ports + "[lines plain]\nchannels = 8\n", path: "offhook.conf")
        let options = config.lineOptions(for: 8)
        #expect(options.name == "plain")
        #expect(options.disconnect == [.loopCurrentDrop, .busyTone, .congestionTone])
        #expect(!options.answerOnPolarityReversal && options.callerID == .auto && options.callerIDTiming == .afterFirstRing)
        #expect(options.waitForDialTone && options.dialToneTimeout == .seconds(3))
        #expect(config.featureCodes == nil)
    }

    @Test func eachValueKindIsRead() throws {
        for (value, expected) in [("fsk-v23", OffhookConfig.LineOptions.CallerID.fskV23), ("FSK-Bell202", .fskBell202), ("none", .none), ("auto", .auto)] {
            let config = try OffhookConfig(parsing: Self.ports + "[lines l]\nchannels = 5\ncaller-id = \(value)\n", path: "offhook.conf")
            #expect(config.lineOptions(for: 5).callerID == expected, "\(value)")
        }
        let single = try OffhookConfig(parsing: Self.ports + "[lines l]\nchannels = 5\ndisconnect = loop-current-drop\ncaller-id-timing = after-first-ring\nwait-for-dial-tone = yes\ndial-tone-timeout = 2\n", path: "offhook.conf")
        #expect(single.lineOptions(for: 5).disconnect == [.loopCurrentDrop])
        #expect(single.lineOptions(for: 5).dialToneTimeout == .seconds(2))
    }

    @Test func badValuesAreRefusedAtTheirLocationAllAtOnce() {
        let found = problems(Self.ports + """
            [lines a]
            channels = 5
            disconnect = loop-current-drop, hangup-tone
            answer-on-polarity-reversal = maybe
            caller-id = fsk
            caller-id-timing = during-ring
            wait-for-dial-tone = sometimes
            dial-tone-timeout = 0
            busydetect = yes
            """)
        let located = found.map { "\($0.location.line):\($0.location.column)" }
        #expect(located == ["6:33", "7:31", "8:13", "9:20", "10:22", "11:21", "12:1"])
        #expect(found.first?.message.contains("expected any of loop-current-drop, polarity-reversal, busy-tone, congestion-tone, found 'hangup-tone'") == true)
        #expect(found.dropFirst().first?.message.contains("expected yes or no, found 'maybe'") == true)
        #expect(found.dropFirst(2).first?.message.contains("auto, fsk-v23, fsk-bell202, dtmf, none") == true)
        #expect(found.last?.message.contains("unknown key 'busydetect' in [lines]") == true)
        #expect(found.allSatisfy { $0.location.file == "offhook.conf" })
    }

    @Test func channelsMustBeExchangeLinesInOneSectionOnly() {
        let found = problems(Self.ports + """
            [lines a]
            channels = 5-6
            [lines b]
            channels = 6, 2
            [lines c]
            caller-id = dtmf
            [lines a]
            channels = 7
            """)
        let summary = found.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(summary.count == 4, "\(summary)")
        #expect(summary.contains { $0.hasPrefix("7:12 lines 'b': channel 6 is already in lines 'a'") })
        #expect(summary.contains { $0.hasPrefix("7:12 lines 'b': channel 2 is not in [ports] lines") })
        #expect(summary.contains { $0.hasPrefix("8:1 lines 'c' needs 'channels = N'") })
        #expect(summary.contains { $0.hasPrefix("10:1 lines 'a' is already given on line 4") })
    }

    @Test func aSectionNeedsAOneWordName() {
        let found = problems(Self.ports + "[lines]\nchannels = 5\n")
        #expect(found.first.map { "\($0.location.line):\($0.location.column)" } == "4:1")
        #expect(found.first?.message.contains("expected '[lines NAME]'") == true)
    }

    // MARK: [agents]

    @Test func featureCodesAreReadAndTheRestKeepTheirDefaults() throws {
        let config = try OffhookConfig(parsing: "[agents]\nlogin = *71\nlogout = *72\n", path: "offhook.conf")
        let codes = try #require(config.featureCodes)
        #expect(codes.codes == [.logIn: "*71", .logOut: "*72", .ready: "*3", .pause: "*4"])
        #expect(codes.match("*71")?.feature == .logIn)
    }

    @Test func badFeatureCodesAreRefusedWithTheACDsErrorsAtTheirLocation() {
        let found = problems("""
            [agents]
            login = *1x
            logout = *30
            pause = *123456789
            pause = **
            logout = *5
            hold = *6
            """)
        let summary = found.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(summary.count == 5, "\(summary)")
        #expect(summary.contains { $0.hasPrefix("4:9 \(ACDError.badFeatureCode("*123456789").description)") })
        #expect(summary.contains { $0.hasPrefix("2:9 \(ACDError.badFeatureCode("*1x").description)") })
        #expect(summary.contains { $0.hasPrefix("3:10 \(ACDError.ambiguousFeatureCodes("*3", "*30").description)") && $0.contains("ready *3") })
        #expect(summary.contains { $0.hasPrefix("6:1 'logout' is already given on line 3") })
        #expect(summary.contains { $0.hasPrefix("7:1 unknown key 'hold' in [agents]; expected one of: login, logout, pause, ready") })
    }

    @Test func equalFeatureCodesAreAmbiguous() {
        let found = problems("[agents]\nlogin = *9\nlogout = *9\n")
        #expect(found.map { "\($0.location.line):\($0.location.column)" } == ["3:10"])
        #expect(found.first?.message.hasPrefix(ACDError.ambiguousFeatureCodes("*9", "*9").description) == true)
    }
}

/// The annotated example in Hardware/examples/analog-4port says what it does.
@Suite struct LineOptionsExampleTests {
    @Test func theAnalogExampleSetsItsTwoLines() throws {
        let description = try HardwareDescription.load(path: "\(HardwareDescriptionTests.root)/Hardware/examples/analog-4port/offhook.conf")
        let config = description.config
        #expect(config.lineOptions(for: 3).disconnect == Set(OffhookConfig.LineOptions.Disconnect.allCases))
        #expect(config.lineOptions(for: 3).answerOnPolarityReversal)
        #expect(config.lineOptions(for: 4).callerID == .dtmf && config.lineOptions(for: 4).dialToneTimeout == .seconds(5))
        #expect(config.featureCodes?.codes[.logIn] == "*71" && config.featureCodes?.codes[.pause] == "*4")
    }
}
