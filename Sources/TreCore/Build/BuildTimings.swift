import Foundation

/// Wall-clock and CPU time spent in each step of a build, with the resident
/// memory after it, for `tre build --timings`:
/// `load 0.31 s (CPU 0.30 s, 108 MB) · understand 2.40 s (CPU 4.61 s, 484 MB) …`.
/// CPU time near twice the wall-clock time on two cores means the step used both.
/// Steps are recorded in the order they finish; a step measured twice adds up.
public final class BuildTimings: @unchecked Sendable {
    private let lock = NSLock()
    private var steps: [(name: String, seconds: Double)] = []
    private var cpuSeconds: [String: Double] = [:]
    private var residentAfter: [String: Int] = [:]

    public init() {}

    /// Runs `body` and records how long it took under `name`, and the CPU time of the whole process meanwhile
    /// unless `besideOtherSteps` (work beside other steps has its CPU time counted in theirs).
    @discardableResult
    public func measure<T>(_ name: String, besideOtherSteps: Bool = false, _ body: () throws -> T) rethrows -> T {
        let started = DispatchTime.now().uptimeNanoseconds
        let cpuStarted = Self.processCPUSeconds()
        defer {
            record(name, seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9,
                   cpu: besideOtherSteps ? nil : Self.processCPUSeconds() - cpuStarted)
        }
        return try body()
    }

    public func record(_ name: String, seconds: Double, cpu: Double? = nil) {
        let resident = Self.residentMegabytes()
        lock.lock()
        defer { lock.unlock() }
        if let index = steps.firstIndex(where: { $0.name == name }) { steps[index].seconds += seconds } else { steps.append((name, seconds)) }
        if let cpu { cpuSeconds[name, default: 0] += cpu }
        residentAfter[name] = resident
    }

    public var recorded: [(name: String, seconds: Double)] {
        lock.lock()
        defer { lock.unlock() }
        return steps
    }

    public var summary: String {
        lock.lock()
        let resident = residentAfter, cpu = cpuSeconds
        lock.unlock()
        return recorded.map { step in
            let notes = [cpu[step.name].map { "CPU " + String(format: "%.2f", $0) + " s" }, resident[step.name].map { "\($0) MB" }].compactMap { $0 }
            return "\(step.name) \(String(format: "%.2f", step.seconds)) s" + (notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")")
        }.joined(separator: " · ")
    }

    #if canImport(Glibc)
    private static let RUSAGE_SELF_WHO = RUSAGE_SELF.rawValue
    #else
    private static let RUSAGE_SELF_WHO = RUSAGE_SELF
    #endif

    /// User and system time of every thread of the process so far.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        guard getrusage(Self.RUSAGE_SELF_WHO, &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The process's resident memory in megabytes, where the system says (Linux `/proc`).
    static func residentMegabytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kilobytes / 1024
    }
}
