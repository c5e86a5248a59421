import Foundation
import TreCore

/// The state every open page follows: which build it shows and whether the
/// last build failed. Pages subscribe over Server-Sent Events; each rebuild
/// sends the new state, and the page reloads or shows the error overlay.
public actor ReloadHub {
    public private(set) var version = 0
    public private(set) var errors: [Diagnostic] = []
    private var subscribers: [UUID: AsyncStream<String>.Continuation] = [:]

    public init() {}

    public func succeeded() {
        version += 1
        errors = []
        broadcast()
    }

    public func failed(_ diagnostics: [Diagnostic]) {
        errors = diagnostics
        broadcast()
    }

    /// A stream of SSE messages, starting with the current state.
    public func subscribe() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        continuation.onTermination = { [weak self] _ in Task { await self?.unsubscribe(id) } }
        subscribers[id] = continuation
        continuation.yield("retry: 1000\n\n" + stateMessage())
        return stream
    }

    /// A comment line keeps idle connections open through proxies.
    public func keepAlive() {
        for continuation in subscribers.values { continuation.yield(": keep-alive\n\n") }
    }

    private func unsubscribe(_ id: UUID) { subscribers[id] = nil }

    private func broadcast() {
        let message = stateMessage()
        for continuation in subscribers.values { continuation.yield(message) }
    }

    func stateMessage() -> String {
        let payload: [String: Any] = [
            "version": version,
            "errors": errors.filter { $0.severity == .error }.map { ["location": $0.location, "message": $0.message, "fix": $0.fix ?? ""] },
        ]
        let data = (try? JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return "event: state\ndata: " + String(decoding: data, as: UTF8.self) + "\n\n"
    }
}

/// The script added to every HTML page `tre serve` sends (never to built files).
enum ReloadScript {
    static func tag(basePath: String, version: Int) -> String {
        "<script src=\"\(basePath)_tre/reload.js\" data-base=\"\(basePath)\" data-version=\"\(version)\"></script>"
    }

    /// Inserts the tag before `</body>` (or at the end).
    static func inject(into html: String, basePath: String, version: Int) -> String {
        let tag = tag(basePath: basePath, version: version)
        guard let range = html.range(of: "</body>", options: .backwards) else { return html + tag }
        return html.replacingCharacters(in: range, with: tag + "</body>")
    }

    static let source = """
        (function () {
          var me = document.currentScript;
          var base = me.getAttribute("data-base"), version = +me.getAttribute("data-version");
          var overlay = null;
          function show(errors) {
            if (!overlay) {
              overlay = document.createElement("div");
              overlay.setAttribute("role", "alert");
              overlay.id = "tre-loi";
              overlay.style.cssText = "position:fixed;inset:0;z-index:99999;background:rgba(20,20,20,.94);color:#fff;padding:1.5rem;overflow:auto;font:15px/1.5 ui-monospace,monospace";
              document.body.appendChild(overlay);
            }
            overlay.textContent = "";
            var h = document.createElement("h2");
            h.textContent = "Lỗi khi dựng trang – trang đang hiển thị bản dựng tốt gần nhất";
            overlay.appendChild(h);
            errors.forEach(function (e) {
              var pre = document.createElement("pre");
              pre.style.whiteSpace = "pre-wrap";
              pre.textContent = e.location + ": " + e.message + (e.fix ? "\\n  → " + e.fix : "");
              overlay.appendChild(pre);
            });
          }
          var source = new EventSource(base + "_tre/events");
          source.addEventListener("state", function (event) {
            var state = JSON.parse(event.data);
            if (state.errors.length) { show(state.errors); return; }
            if (overlay) { overlay.remove(); overlay = null; }
            if (state.version !== version) { location.reload(); }
          });
        })();
        """
}
