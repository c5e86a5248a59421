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

    /// The bytes of the file at `path`, read with `open`/`read` into one array (Foundation's `Data` and
    /// `FileManager` read into a buffer of their own that was then copied).
    static func read(_ path: String) throws(FileSystemError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError(path: path, code: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw FileSystemError(path: path, code: errno) }
        // The size is where reading starts; a file that grows meanwhile is read to its end all the same.
        var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: max(bytes.count, 4096)) }
            let read = bytes.withUnsafeMutableBytes { buffer in
                #if canImport(Glibc)
                Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                #else
                Darwin.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                #endif
            }
            if read < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(path: path, code: errno)
            }
            if read == 0 { break }
            count += read
        }
        bytes.removeLast(bytes.count - count)
        return bytes
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
