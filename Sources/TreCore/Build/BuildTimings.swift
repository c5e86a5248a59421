import Foundation

/// Wall-clock time spent in each step of a build, for `tre build --timings`
/// and the benchmark: `load 0.31 s · understand 2.40 s · render documents 1.10 s …`.
/// Steps are recorded in the order they finish; a step measured twice adds up.
public final class BuildTimings: @unchecked Sendable {
    private let lock = NSLock()
    private var steps: [(name: String, seconds: Double)] = []

    public init() {}

    /// Runs `body` and records how long it took under `name`.
    @discardableResult
    public func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let started = DispatchTime.now().uptimeNanoseconds
        defer { record(name, seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9) }
        return try body()
    }

    public func record(_ name: String, seconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        if let index = steps.firstIndex(where: { $0.name == name }) { steps[index].seconds += seconds } else { steps.append((name, seconds)) }
    }

    public var recorded: [(name: String, seconds: Double)] {
        lock.lock()
        defer { lock.unlock() }
        return steps
    }

    public var summary: String {
        recorded.map { "\($0.name) \(String(format: "%.2f", $0.seconds)) s" }.joined(separator: " · ")
    }
}
