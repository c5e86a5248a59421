import Foundation
import Yams

/// Site-wide settings from `site.yml`.
///
/// ```yaml
/// title: Cổng thông tin trẻ em huyện Sơn Tây
/// baseURL: https://sontay.quangngai.gov.vn/tre-em/
/// language: vi
/// contact: Văn phòng HĐND & UBND huyện, điện thoại 0255 3xxx xxx
/// unsafe: false   # true lets raw HTML in Markdown through
/// ```
public struct SiteConfig: Equatable, Sendable {
    public var title = "Cổng thông tin bảo vệ trẻ em"
    public var description = "Kế hoạch, công văn về trẻ em, Tháng hành động vì trẻ em và Tổng đài 111."
    public var baseURL = "/"
    public var language = "vi"
    public var contact: String?
    public var unsafeHTML = false
    public var extra: [String: FrontMatterValue] = [:]

    public init() {}

    /// Reads `site.yml` text; a missing file means the defaults.
    public static func parse(_ yaml: String, file: String) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        let node: Node?
        do { node = try Yams.compose(yaml: yaml) } catch {
            var diagnostic = FrontMatterParser.yamlDiagnostic(error, file: file)
            if let line = diagnostic.line { diagnostic.line = line - 1 }  // no '---' line above
            return (config, [diagnostic])
        }
        guard let mapping = node?.mapping else { return (config, []) }
        var problems: [Diagnostic] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            let string = value.scalar?.string.trimmed()
            switch key {
            case "title": if let string, !string.isEmpty { config.title = string }
            case "description": if let string { config.description = string }
            case "baseURL", "base_url", "baseUrl": if let string, !string.isEmpty { config.baseURL = string }
            case "language": if let string, !string.isEmpty { config.language = string }
            case "contact": config.contact = string
            case "unsafe":
                if let flag = value.bool { config.unsafeHTML = flag } else {
                    problems.append(Diagnostic(file: file, line: keyNode.mark?.line, column: keyNode.mark?.column,
                                               message: "'unsafe' must be true or false", fix: "write 'unsafe: false' (the safe default) or 'unsafe: true'"))
                }
            default: config.extra[key] = FrontMatterValue(yaml: value.any)
            }
        }
        return (config, problems)
    }
}
