import Foundation

/// Wall-clock time spent in each step of a build, for `tre build --timings`
/// and the benchmark: `load 0.31 s · understand 2.40 s · render documents 1.10 s …`.
/// Steps are recorded in the order they finish; a step measured twice adds up.
public final class BuildTimings: @unchecked Sendable {
    private let lock = NSLock()
    private var steps: [(name: String, seconds: Double)] = []
    private var residentAfter: [String: Int] = [:]

    public init() {}

    /// Runs `body` and records how long it took under `name`.
    @discardableResult
    public func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let started = DispatchTime.now().uptimeNanoseconds
        defer { record(name, seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9) }
        return try body()
    }

    public func record(_ name: String, seconds: Double) {
        let resident = Self.residentMegabytes()
        lock.lock()
        defer { lock.unlock() }
        if let index = steps.firstIndex(where: { $0.name == name }) { steps[index].seconds += seconds } else { steps.append((name, seconds)) }
        residentAfter[name] = resident
    }

    public var recorded: [(name: String, seconds: Double)] {
        lock.lock()
        defer { lock.unlock() }
        return steps
    }

    public var summary: String {
        lock.lock()
        let resident = residentAfter
        lock.unlock()
        return recorded.map { step in
            let memory = resident[step.name].map { " (\($0) MB)" } ?? ""
            return "\(step.name) \(String(format: "%.2f", step.seconds)) s\(memory)"
        }.joined(separator: " · ")
    }

    /// The process's resident memory in megabytes, where the system says (Linux `/proc`).
    static func residentMegabytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kilobytes / 1024
    }
}
