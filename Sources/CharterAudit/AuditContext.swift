import JourneyModel

/// Which audit this is: the date of the data, and the version of each
/// brand's charter. The command line fills it in from `--date` and the
/// input files; nothing reads the clock or a file's modification time, so
/// the same files give the same report on every machine and checkout.
public struct AuditContext: Sendable, Equatable {
    /// `2026-09-30` (`--date`), nil when not given.
    public var date: String?
    /// One entry per audited brand, in brand order.
    public var charters: [CharterVersion]

    public init(date: String? = nil, charters: [CharterVersion] = []) {
        self.date = date
        self.charters = charters
    }

    /// The version of one brand's charter: a digest of its brand file and
    /// the charter files it extends, so any edit to a marker shows.
    public struct CharterVersion: Sendable, Equatable {
        public var brand: String
        /// 16 hexadecimal digits.
        public var digest: String
        /// The files the digest covers, brand file first.
        public var files: [String]

        public init(brand: String, digest: String, files: [String]) {
            self.brand = brand
            self.digest = digest
            self.files = files
        }
    }

    /// FNV-1a, 64 bits, over each file's length and bytes, in order: a
    /// version stamp, not a security measure.
    ///
    /// ```swift
    /// AuditContext.digest(of: [Array("{}".utf8)])   // "4f3c2b…" (16 hex digits)
    /// ```
    public static func digest(of files: [[UInt8]]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        for bytes in files {
            var length = UInt64(bytes.count)
            for _ in 0..<8 {
                mix(UInt8(truncatingIfNeeded: length))
                length >>= 8
            }
            for byte in bytes { mix(byte) }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The files whose digest is a brand's charter version: the brand file,
    /// then each charter it extends.
    public static func charterFiles(of brand: Brand) -> [String] {
        var files = [brand.location.file]
        for reference in brand.charter.lineage where !files.contains(reference.location.file) {
            files.append(reference.location.file)
        }
        return files
    }
}

extension AuditReport {
    /// What the audit covers: brands, segments, distinct journeys and touchpoints.
    public var scope: (brands: Int, segments: Int, journeys: Int) {
        var journeys = Set<String>()
        for segment in segments {
            for passage in segment.journeys { journeys.insert("\(segment.brand)\u{1F}\(passage.journey)") }
        }
        return (Set(segments.map(\.brand)).count, segments.count, journeys.count)
    }
}
