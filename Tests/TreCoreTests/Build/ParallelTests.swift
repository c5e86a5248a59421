import Foundation
import Testing
@testable import TreCore

@Suite struct ParallelTests {
    struct Failure: Error, Equatable { let side: String }

    /// What both sides did, from any thread.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String] = []
        func add(_ entry: String) { lock.lock(); entries.append(entry); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return entries }
    }

    @Test func bothSidesRunAndTheMainSidesResultIsReturned() throws {
        let log = Log()
        let result = try BackgroundWork.run({ Thread.sleep(forTimeInterval: 0.05); log.add("background") }, beside: { log.add("main"); return 42 })
        #expect(result == 42)
        #expect(log.all == ["main", "background"])
    }

    @Test func theBackgroundWorksErrorIsThrownAfterTheMainSide() {
        let log = Log()
        #expect(throws: Failure(side: "background")) {
            try BackgroundWork.run({ throw Failure(side: "background") }, beside: { Thread.sleep(forTimeInterval: 0.02); log.add("main") })
        }
        #expect(log.all == ["main"])
    }

    /// A failed main side still waits for the background work: nothing writes into an output being thrown away.
    @Test func aFailedMainSideWaitsForTheBackgroundWork() {
        let log = Log()
        #expect(throws: Failure(side: "main")) {
            try BackgroundWork.run({ Thread.sleep(forTimeInterval: 0.05); log.add("background") }, beside: { () throws -> Int in throw Failure(side: "main") })
        }
        #expect(log.all == ["background"])
    }

    @Test func bothPiecesOfParallelWorkAreReturned() {
        let (first, second) = Parallel.both({ (1...100).reduce(0, +) }, { "trẻ em".count })
        #expect(first == 5050)
        #expect(second == 6)
    }
}
