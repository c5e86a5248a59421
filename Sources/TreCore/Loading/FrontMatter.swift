import Yams

/// The YAML block at the top of a content file, between `---` lines.
///
/// Known keys are typed; any other key is kept in ``extra`` and reaches the
/// templates as `page.extra.KEY`. Front matter overrides what Tre reads from
/// the document text.
///
/// ```yaml
/// ---
/// kind: Công văn
/// issuer: Ủy ban nhân dân tỉnh Kon Tum
/// date: 2022-01-10
/// ---
/// ```
public struct FrontMatter: Equatable, Sendable {
    public var title: String?
    public var kind: String?
    public var number: String?
    public var issuer: String?
    public var place: String?
    public var date: CalendarDate?
    public var subject: String?
    public var year: Int?
    public var slug: String?
    public var draft: Bool = false
    public var layout: String?
    public var extra: [String: FrontMatterValue] = [:]

    public init() {}

    static let knownKeys: Set<String> = ["title", "kind", "number", "issuer", "place", "date", "subject", "year", "slug", "draft", "layout"]
}

/// A front-matter value of a key Tre does not know, kept for templates.
public indirect enum FrontMatterValue: Equatable, Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case list([FrontMatterValue])
    case map([String: FrontMatterValue])
    case null

    init(yaml: Any?) {
        switch yaml {
        case let value as Bool: self = .bool(value)
        case let value as Int: self = .int(value)
        case let value as Double: self = .double(value)
        case let value as String: self = .string(value)
        case let value as [Any]: self = .list(value.map { FrontMatterValue(yaml: $0) })
        case let value as [String: Any]: self = .map(value.mapValues { FrontMatterValue(yaml: $0) })
        case let value as [AnyHashable: Any]:
            self = .map(Dictionary(uniqueKeysWithValues: value.map { ("\($0.key)", FrontMatterValue(yaml: $0.value)) }))
        case nil: self = .null
        case let value?: self = .string("\(value)")
        }
    }

    /// The value as Mustache sees it.
    public var templateValue: TemplateValue {
        switch self {
        case .string(let s): .text(s)
        case .int(let i): .number(i)
        case .double(let d): .text("\(d)")
        case .bool(let b): .bool(b)
        case .list(let l): .list(l.map(\.templateValue))
        case .map(let m): .object(m.mapValues(\.templateValue))
        case .null: ""
        }
    }
}
