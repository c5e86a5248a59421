import Foundation
import Testing
@testable import TreCore

/// Files held in memory, for a renderer to write into.
final class MemoryOutput: OutputWriting, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var files: [String: Data] = [:]

    func write(_ relativePath: String, _ data: Data) throws {
        lock.lock()
        defer { lock.unlock() }
        files[relativePath] = data
    }

    func append(_ relativePath: String, _ data: Data) throws {
        lock.lock()
        defer { lock.unlock() }
        guard files[relativePath] != nil else { throw CocoaError(.fileNoSuchFile) }
        files[relativePath]! += data
    }

    func text(_ relativePath: String) -> String? { files[relativePath].map { String(decoding: $0, as: UTF8.self) } }
}

@Suite struct EventFilesTests {
    /// Each event is rendered once for three files; each file is what its calendar alone would be,
    /// whatever the batches: the events cross several of them here.
    @Test(arguments: [1, 3, 4096])
    func everyFileIsItsCalendarWrittenWhole(batchSize: Int) throws {
        let site = try Fixtures.sampleModel(on: CalendarDate(iso: "2025-06-01")).site
        #expect(site.calendar.count > 3 * 3 && site.agencies.count > 3)
        let writer = ICalendarWriter(calendarName: "Hạn chót – " + site.config.title, stamp: site.today)
        let memory = MemoryOutput()
        try EventFiles(site: site, writer: writer, batchSize: batchSize).write(into: memory)

        #expect(memory.text("lich/han-chot.ics") == writer.calendar(site.calendar, site: site))
        for agency in site.agencies {
            let own = ICalendarWriter(calendarName: "Hạn chót – " + agency.name, stamp: site.today)
            #expect(memory.text("co-quan/\(agency.key)/han-chot.ics") == own.calendar(agency.deadlines, site: site), "\(agency.key)")
        }
        for entry in site.calendar {
            #expect(memory.text("van-ban/\(entry.slug)/han-chot-\(entry.index + 1).ics") == writer.calendar([entry], site: site))
        }
        #expect(memory.files.count == site.calendar.count + site.agencies.count + 1)
    }

    /// Each agency's positions name its own list's deadlines one for one, in calendar order.
    @Test func positionsFollowEachAgencysOwnList() throws {
        let site = try Fixtures.sampleModel(on: CalendarDate(iso: "2025-06-01")).site
        let positions = EventFiles.positions(of: site.agencies, in: site.calendar)
        for (agency, found) in zip(site.agencies, positions) {
            #expect(found.count == agency.deadlines.count)
            #expect(found == found.sorted(), "in calendar order")
            for (position, entry) in zip(found, agency.deadlines) {
                #expect(site.calendar[Int(position)].slug == entry.slug && site.calendar[Int(position)].index == entry.index)
            }
        }
    }

    /// With a last build to keep files from, a calendar whose events' digests are the last build's is kept
    /// and not written; the others are written whole, with the events they need rendered. Here the site's
    /// calendar is kept and one agency's is not, so events are rendered for that agency alone.
    @Test(arguments: [1, 4096])
    func keptCalendarsAreNotWrittenAndTheOthersAreWhole(batchSize: Int) throws {
        let site = try Fixtures.sampleModel(on: CalendarDate(iso: "2025-06-01")).site
        let writer = ICalendarWriter(calendarName: "Hạn chót – " + site.config.title, stamp: site.today)
        let first = KeepingOutput(previous: [:])
        try EventFiles(site: site, writer: writer, batchSize: batchSize).write(into: first)
        #expect(first.kept.isEmpty)

        let rewritten = "co-quan/\(try #require(site.agencies.first).key)/han-chot.ics"
        var previous = first.recorded
        previous[rewritten] = 0
        let second = KeepingOutput(previous: previous)
        try EventFiles(site: site, writer: writer, batchSize: batchSize).write(into: second)
        #expect(second.kept.contains("lich/han-chot.ics") && !second.kept.contains(rewritten))
        #expect(second.kept.count == first.recorded.count - 1)
        #expect(second.files.keys.sorted() == [rewritten])
        #expect(second.text(rewritten) == first.text(rewritten))
        #expect(second.recorded == first.recorded)
    }
}

/// A ``MemoryOutput`` with a last build: it keeps a file whose digest is the one given for it,
/// and notes the digests it is given, as ``StagedOutput`` does.
final class KeepingOutput: OutputWriting, @unchecked Sendable {
    private let memory = MemoryOutput()
    private let lock = NSLock()
    let previous: [String: UInt64]
    private(set) var kept: Set<String> = []
    private(set) var recorded: [String: UInt64] = [:]

    init(previous: [String: UInt64]) { self.previous = previous }

    var files: [String: Data] { memory.files }
    func text(_ relativePath: String) -> String? { memory.text(relativePath) }
    func write(_ relativePath: String, _ data: Data) throws { try memory.write(relativePath, data) }
    func append(_ relativePath: String, _ data: Data) throws { try memory.append(relativePath, data) }

    func write(_ relativePath: String, digest: UInt64, utf8 make: () throws -> [UInt8]) throws {
        if try !keep(relativePath, digest: digest) { try memory.write(relativePath, Data(make())) }
        record(relativePath, digest: digest)
    }

    var keepsFiles: Bool { true }

    func keep(_ relativePath: String, digest: UInt64) throws -> Bool {
        guard previous[relativePath] == digest else { return false }
        lock.withLock { _ = kept.insert(relativePath); recorded[relativePath] = digest }
        return true
    }

    func record(_ relativePath: String, digest: UInt64) { lock.withLock { recorded[relativePath] = digest } }
}
