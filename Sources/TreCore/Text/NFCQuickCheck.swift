/// Tells, from UTF-8 bytes alone, that a text is certainly already NFC, so
/// the (slow) full normalisation can be skipped for the usual Vietnamese
/// document typed with precomposed letters.
///
/// "Certainly" means every scalar is in a block whose characters are all
/// NFC_Quick_Check=Yes and combine with nothing: ASCII, Latin-1 to Latin
/// Extended-B and IPA (U+0080–U+02FF), Latin Extended Additional (U+1E00–U+1EFF,
/// which holds ạ ả ấ ầ … ỹ) and common punctuation (U+2010–U+205E, U+20AB ₫).
/// Anything else, a combining mark above all, answers false and the caller
/// normalises.
///
/// ```swift
/// NFCQuickCheck.isCertainlyNFC("Tổng đài 111")        // true
/// NFCQuickCheck.isCertainlyNFC("To\u{0302}\u{0309}ng") // false: decomposed marks
/// ```
public enum NFCQuickCheck {
    public static func isCertainlyNFC(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let lead = bytes[index]
                if lead < 0x80 { index += 1; continue }
                if lead >= 0xC2 && lead <= 0xCB { index += 2; continue }  // U+0080–U+02FF
                guard lead == 0xE1 || lead == 0xE2, index + 2 < count else { return false }
                let scalar = (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
                guard (0x1E00...0x1EFF).contains(scalar) || (0x2010...0x205E).contains(scalar) || scalar == 0x20AB else { return false }
                index += 3
            }
            return true
        }
    }
}
