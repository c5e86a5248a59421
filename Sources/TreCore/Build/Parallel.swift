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

/// Work run on a thread of its own beside other work, on the cores that the other leaves idle now
/// and then (a batch's last pages, a file being joined).
///
/// ```swift
/// let listings = try BackgroundWork.run({ try writeOpenData() }, beside: { try renderCalendar() })
/// ```
enum BackgroundWork {
    /// Runs `work` on a new thread and `main` on this one; returns what `main` returned once both are done,
    /// or throws what either threw (`main`'s first). `work` is done before this returns, whatever happened.
    static func run<T>(_ work: @escaping @Sendable () throws -> Void, beside main: () throws -> T) throws -> T {
        let outcome = Outcome()
        Thread {
            do { try work() } catch { outcome.error = error }
            outcome.done.signal()
        }.start()
        let result: T
        do {
            result = try main()
        } catch {
            outcome.done.wait()
            throw error
        }
        outcome.done.wait()
        if let error = outcome.error { throw error }
        return result
    }

    /// The thread's error, read after `done` is signalled.
    private final class Outcome: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        var error: Error?
    }
}
