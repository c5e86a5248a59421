import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes bytes to a file with `open`/`write`, without Foundation's per-file
/// overhead: the staged output writes 180,000 files at 10,000 documents, and
/// the facts store one per new document.
enum FileBytes {
    /// Creates or replaces the file at `path` with these bytes.
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        try withNewFile(path) { try write(bytes, to: $0, path: path) }
    }

    /// Creates or replaces the file at `path` with these parts, one after another, without joining them first.
    static func write(parts: [[UInt8]], to path: String) throws {
        try withNewFile(path) { descriptor in
            for part in parts { try part.withUnsafeBytes { try write($0, to: descriptor, path: path) } }
        }
    }

    /// Opens the file at `path`, created or emptied, for `body` to write to, and closes it.
    private static func withNewFile(_ path: String, _ body: (Int32) throws -> Void) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileSystemError(path: path, code: errno) }
        defer { close(descriptor) }
        try body(descriptor)
    }

    private static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            #else
            let written = Darwin.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            #endif
            if written < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(path: path, code: errno)
            }
            offset += written
        }
    }
}

/// A system call on a file that failed, naming the file: `public/lich: Not a directory`
/// (a `POSIXError` says only "The operation could not be completed").
struct FileSystemError: LocalizedError, CustomStringConvertible {
    let path: String
    /// The `errno` the call left.
    let code: Int32
    var errorDescription: String? { "\(path): \(String(cString: strerror(code)))" }
    var description: String { errorDescription ?? path }
}
