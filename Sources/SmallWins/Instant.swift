import Foundation

/// The one text form SmallWins writes instants in: ISO 8601 UTC with milliseconds,
/// `2026-11-18T14:03:27.512Z`. Stores and exporters use it so every output agrees.
public enum Instant {
    /// `date` rounded to whole milliseconds, the precision every store keeps.
    public static func truncated(_ date: Date) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds(date)) / 1000)
    }

    /// Milliseconds since 1970-01-01T00:00:00Z, rounded to the nearest.
    public static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// `date` as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    public static func iso(_ date: Date) -> String {
        let total = milliseconds(date)
        let millisecondsPerDay: Int64 = 86_400_000
        var dayNumber = total / millisecondsPerDay
        var rest = total % millisecondsPerDay
        if rest < 0 {
            rest += millisecondsPerDay
            dayNumber -= 1
        }
        let day = Day(ordinal: Int(dayNumber))
        let hours = rest / 3_600_000, minutes = rest / 60_000 % 60, seconds = rest / 1000 % 60, millis = rest % 1000
        guard (0...9999).contains(day.year) else {
            return "\(day.iso)T\(pad(hours, 2)):\(pad(minutes, 2)):\(pad(seconds, 2)).\(pad(millis, 3))Z"
        }
        return String(unsafeUninitializedCapacity: 24) { bytes in
            day.write(into: bytes, at: 0)
            bytes[10] = UInt8(ascii: "T")
            ASCIIDigits.write(Int(hours), count: 2, into: bytes, at: 11)
            bytes[13] = UInt8(ascii: ":")
            ASCIIDigits.write(Int(minutes), count: 2, into: bytes, at: 14)
            bytes[16] = UInt8(ascii: ":")
            ASCIIDigits.write(Int(seconds), count: 2, into: bytes, at: 17)
            bytes[19] = UInt8(ascii: ".")
            ASCIIDigits.write(Int(millis), count: 3, into: bytes, at: 20)
            bytes[23] = UInt8(ascii: "Z")
            return 24
        }
    }

    /// Parses the form ``iso(_:)`` writes; `nil` for anything else.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count == 24, ASCIIDigits.has("T", at: 10, in: bytes), ASCIIDigits.has(":", at: 13, 16, in: bytes),
                  ASCIIDigits.has(".", at: 19, in: bytes), ASCIIDigits.has("Z", at: 23, in: bytes),
                  let (year, month, dayOfMonth) = Day.parts(ofISO: UnsafeBufferPointer(rebasing: bytes[0..<10])),
                  let day = try? Day(year, month, dayOfMonth),
                  let hours = ASCIIDigits.number(bytes, from: 11, count: 2), let minutes = ASCIIDigits.number(bytes, from: 14, count: 2),
                  let seconds = ASCIIDigits.number(bytes, from: 17, count: 2), let millis = ASCIIDigits.number(bytes, from: 20, count: 3),
                  hours < 24, minutes < 60, seconds < 60 else { return nil }
            let total = Int64(day.ordinal) * 86_400_000 + Int64(hours * 3_600_000 + minutes * 60_000 + seconds * 1000 + millis)
            return Date(timeIntervalSince1970: Double(total) / 1000)
        }
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

extension Instant {
    /// A JSON encoder that writes instants the SmallWins way (``iso(_:)``), keys sorted, so equal values give
    /// equal bytes: the encoder of every JSON SmallWins writes.
    public static func jsonEncoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Instant.iso(date))
        }
        return encoder
    }

    /// A JSON decoder that reads instants written by ``jsonEncoder(pretty:)``.
    public static func jsonDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Instant.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an instant like 2026-11-18T14:03:27.512Z: \(text)")
            }
            return date
        }
        return decoder
    }
}
