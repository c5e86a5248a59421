/// A value a template can show: what a view model is made of.
///
/// View models are built from literals, so they read like the dictionaries
/// they are; a value worked out in Swift is wrapped with `.text(…)`:
///
/// ```swift
/// let page: TemplateValue = ["title": .text(document.title), "isHome": false, "links": [["href": "/"]]]
/// ```
///
/// A template resolves `{{name}}` by a dictionary lookup and a `switch` over
/// this enum: no dynamic casts, no reflection (swift-mustache's lookups through
/// `Any` cost a third of a build; see the README's "Templates" section).
public enum TemplateValue: Sendable {
    case text(String)
    /// Text as UTF-8 bytes: a partial rendered already (a deadline row's `html`), shown as
    /// `.text` would be without being made a `String` and checked again.
    case utf8([UInt8])
    case bool(Bool)
    case number(Int)
    case list([TemplateValue])
    case object([String: TemplateValue])
    /// An object that answers for its own fields: a deadline's (``DeadlineItem``), or a
    /// deadline row, whose rendered partial is worked out when a page asks for it.
    case lazy(any TemplateObject)

    /// The field `name` of an object; nil for anything else. The name is matched to a ``TemplateField`` only for an
    /// object that answers fields: a dictionary is read by the name itself.
    func child(named name: String) -> TemplateValue? {
        switch self {
        case .object(let fields): fields[name]
        case .lazy(let object): object.value(named: name)
        default: nil
        }
    }

    /// ``child(named:)`` with the name's ``TemplateField`` known already (nil when it is none).
    func child(named name: String, field: TemplateField?) -> TemplateValue? {
        switch self {
        case .object(let fields): fields[name]
        case .lazy(let object): field.flatMap(object.value(field:))
        default: nil
        }
    }
}

/// An object a template reads fields from without a dictionary; it may work a field out
/// only when a template asks for it. Its `digest` must change whenever any field would
/// (``ContextDigest``).
public protocol TemplateObject: AnyObject, Sendable {
    /// The value of `field`; nil for a field the object does not have, which is looked up further out.
    func value(field: TemplateField) -> TemplateValue?
    var digest: UInt64 { get }
}

extension TemplateObject {
    /// The field called `name`, nil when no object has one so called.
    func value(named name: String) -> TemplateValue? { TemplateField(rawValue: name).flatMap(value(field:)) }
}

/// The names ``TemplateObject``s answer to. A template's names are matched to them once, when it is
/// compiled (``MustacheProgram``), and a lookup switches on the field, not on the name's text: a
/// deadline's twenty fields compared as strings one after another were a hundredth of a build.
public enum TemplateField: String, Sendable, CaseIterable {
    /// A deadline's (``DeadlineItem``; a deadline row, ``DeadlineRow``, adds `html`).
    case dateISO, nextISO, dateText, startText, startISO, isPeriod, recurrence, isRecurring, what, owners, hasOwners,
         recipients, hasRecipients, quote, phrase, status, statusClass, href, icsHref, id, agencyKeys,
         documentTitle, documentIdentity, documentHref, html
    /// A task's on an agency's page (``TaskItem``; `href` and `documentTitle` too).
    case text, timeframe, hasTimeframe
}

/// A view model: the top-level object a template renders.
public typealias TemplateContext = [String: TemplateValue]

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(stringInterpolation: DefaultStringInterpolation) { self = .text(String(stringInterpolation: stringInterpolation)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { first, _ in first }))
    }
}

extension TemplateValue {
    /// A list of objects.
    public static func objects(_ items: [TemplateContext]) -> TemplateValue { .list(items.map(TemplateValue.object)) }
}
