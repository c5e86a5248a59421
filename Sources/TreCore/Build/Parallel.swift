import Foundation

/// Two pieces of work that share nothing, run side by side on the machine's cores.
///
/// ```swift
/// let (links, calendar) = Parallel.both({ citations(of: documents) }, { calendar(of: documents) })
/// ```
enum Parallel {
    static func both<A, B>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let results = Results<A, B>()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 { results.first = first() } else { results.second = second() }
        }
        return (results.first!, results.second!)
    }

    /// Each slot is written by one of the two pieces and read once both are done.
    private final class Results<A, B>: @unchecked Sendable {
        var first: A?
        var second: B?
    }
}
