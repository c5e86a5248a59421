import Testing
@testable import TreCore

@Suite struct BuildTimingsTests {
    /// A step's CPU time is the whole process's meanwhile: a step run beside others shows its wall-clock
    /// time only, so that the CPU time it shares with them is not counted twice.
    @Test func aStepBesideOthersShowsNoCPUTimeOfItsOwn() {
        let timings = BuildTimings()
        timings.measure("understand") { _ = (0..<1000).reduce(0, +) }
        timings.measure("render open data", besideOtherSteps: true) { _ = (0..<1000).reduce(0, +) }
        let steps = timings.summary.components(separatedBy: " · ")
        #expect(steps.count == 2)
        #expect(steps[0].hasPrefix("understand ") && steps[0].contains("CPU "))
        #expect(steps[1].hasPrefix("render open data ") && !steps[1].contains("CPU ") && steps[1].contains(" MB"))
    }
}
