/// Simple, one-scalar-to-one-scalar case mapping for `(?i)` patterns.
///
/// Mappings that expand (`ß` → `SS`, `İ` → `i̇`) leave the scalar unchanged, so a
/// scalar is always compared with a scalar and matching stays one step per scalar.
enum PatternCaseFolding {
    /// A canonical form shared by the cases of a letter: lowercase of the uppercase,
    /// so that `σ`, `ς` and `Σ` all fold to `σ`, and `K` (Kelvin sign) to `k`.
    static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return asciiLowercased(scalar)
        }
        return lowercased(uppercased(scalar))
    }

    static func uppercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            let value = scalar.value
            return (0x61...0x7A).contains(value) ? Unicode.Scalar(UInt8(value - 0x20)) : scalar
        }
        return single(scalar.properties.uppercaseMapping) ?? scalar
    }

    private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return asciiLowercased(scalar)
        }
        return single(scalar.properties.lowercaseMapping) ?? scalar
    }

    private static func asciiLowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        return (0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : scalar
    }

    private static func single(_ mapping: String) -> Unicode.Scalar? {
        var iterator = mapping.unicodeScalars.makeIterator()
        guard let first = iterator.next(), iterator.next() == nil else {
            return nil
        }
        return first
    }
}
