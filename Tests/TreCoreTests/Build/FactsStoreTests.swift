import Foundation
import Testing
@testable import TreCore

@Suite struct FactsStoreTests {
    /// A store opens only the entries its folder held when it was made: a first build asks for
    /// every file's entry and finds none without opening any. The next store reads what was written.
    @Test func aStoreReadsTheEntriesItsFolderHeldWhenMade() throws {
        let site = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: site) }
        let text = try Fixtures.seed("000")
        let analyzed = DocumentAnalyzer().analyze(markdown: text, rendering: false)
        let stored = StoredDocument(facts: analyzed.facts, header: analyzed.header, repaired: analyzed.wasRepaired)
        let key = FactsStore.key(forText: text)

        let first = FactsStore(site: site)
        #expect(first.document(forKey: key) == nil)
        first.store(stored, forKey: key)
        #expect(FileManager.default.fileExists(atPath: first.directory.appendingPathComponent(key).path))
        #expect(first.document(forKey: key) == nil)

        let next = FactsStore(site: site)
        #expect(next.document(forKey: key) == stored)
        #expect(next.document(forKey: FactsStore.key(forText: text + " ")) == nil)
        // `--force`: nothing is read, whatever the folder holds.
        #expect(FactsStore(site: site, reading: false).document(forKey: key) == nil)
    }
}
