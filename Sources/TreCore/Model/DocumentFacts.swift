/// What Tre understood of one document: identity, structure, deadlines,
/// citations, campaign and hotline. Built by ``DocumentAnalyzer`` from the
/// text, then overridden by front matter. Field names are those of the open
/// data file `/data/van-ban.json`.
public struct DocumentFacts: Equatable, Sendable, Codable {
    public var kind: String?
    /// Number and symbol as written, `61/KH-UBND`; nil when the number is blank.
    public var number: String?
    /// The symbol after the number, `KH-UBND` (kept when the number is blank).
    public var symbol: String?
    public var issuer: String?
    /// bộ, tỉnh, sở, huyện, xã, …
    public var issuerLevel: String?
    public var place: String?
    public var date: CalendarDate?
    /// Month and year when the day is blank ("ngày   tháng 3 năm 2025").
    public var partialDate: PartialDate?
    public var subject: String?
    public var year: Int?
    public var recipients: [String] = []
    public var distribution: [String] = []
    public var signer: Signer?
    public var actionMonth: ActionMonth?
    public var hotlineMentions: [String] = []
    public var tasks: [Task] = []
    public var deadlines: [Deadline] = []
    public var citations: [Citation] = []

    public init() {}

    public var mentionsHotline: Bool { !hotlineMentions.isEmpty }

    public struct PartialDate: Equatable, Sendable, Codable {
        public var month: Int?
        public var year: Int
    }

    public struct Signer: Equatable, Sendable, Codable {
        public var authority: String?
        public var position: String?
        public var name: String?
    }

    public struct ActionMonth: Equatable, Sendable, Codable {
        public var year: Int?
        public var theme: String?
        public var quote: String
    }

    /// A numbered task of a plan with who leads it and when.
    public struct Task: Equatable, Sendable, Codable {
        public var number: String
        public var text: String
        public var lead: [String]
        public var cooperating: [String]
        public var timeframe: String?
        public var anchor: String
    }

    /// A dated obligation found in a sentence.
    public struct Deadline: Equatable, Sendable, Codable {
        public var date: CalendarDate
        /// First day of a period ("từ ngày 01/6 đến ngày 30/6/2022", "Quý II/2025").
        public var start: CalendarDate?
        /// `yearly`, `half-yearly`, `quarterly`, `monthly`, or nil.
        public var recurrence: String?
        public var what: String
        public var owners: [String]
        public var recipients: [String]
        /// The sentence it came from, as written.
        public var quote: String
        /// The phrase that gave the date, e.g. "trước ngày 15/5/2025".
        public var phrase: String
        public var anchor: String
    }

    /// Another document this one cites.
    public struct Citation: Equatable, Sendable, Codable {
        public var kind: String
        public var number: String?
        public var date: CalendarDate?
        public var issuer: String?
        public var quote: String
        /// The anchor of the paragraph that cites it.
        public var anchor: String = ""
    }
}
