import JSONCReader
import JourneyModel

/// Reads a journey file while the reader parses it: each touchpoint is
/// decoded as soon as it is complete, and the reader lets it go, so the
/// reader's tape never holds more than one touchpoint whatever the file's
/// length.
///
/// A touchpoint is read in its brand's vocabulary and with the journey's
/// segments, so streaming starts only when `brand` is written before
/// `touchpoints`. When `segments` comes after them, the touchpoints were
/// read with the wrong segments: the file is then read again as a whole
/// document. Either way the steps are those of ``JourneyReading`` on the
/// same values, so the journey and its diagnostics are those of reading the
/// whole document.
struct JourneyStream {
    let file: String
    let brands: [String: BrandLookups]
    private var started: Started?

    init(file: String, brands: [String: BrandLookups]) {
        self.file = file
        self.brands = brands
    }

    /// What is left to do once the reader is done.
    enum Outcome {
        /// The journey (nil when it cannot be built) and the diagnostics of decoding it.
        case read(Journey?, [Diagnostic])
        /// The touchpoints stayed in the document: decode it as a whole.
        case notStreamed
        /// `segments` is written after the touchpoints: read the file again, whole.
        case needsWholeDocument
    }

    private struct Started {
        var context: DecodingContext
        /// Nil when the journey cannot be read in a brand's vocabulary:
        /// its touchpoints are then passed over, as whole-document reading
        /// passes over them.
        var reading: JourneyReading?
        /// Whether `segments` came before the touchpoints; if not, they
        /// were read with all of the brand's segments.
        let segmentsWritten: Bool

        mutating func read(_ element: JSONCValue) {
            guard reading != nil else { return }
            context.reading(element.document)
            reading?.readTouchpoint(element, context: &context)
        }

        mutating func finish(_ document: JSONCDocument) -> Outcome {
            guard reading != nil else { return .read(nil, context.diagnostics) }
            let root = document.root
            if !segmentsWritten, root["segments"] != nil { return .needsWholeDocument }
            context.reading(document)
            // The members before the touchpoints were read when they began.
            var afterTouchpoints = false
            for member in root.members {
                if afterTouchpoints {
                    reading?.read(member, context: &context)
                } else if member.value.streamedCount != nil {
                    afterTouchpoints = true
                }
            }
            let journey = reading?.finish(root: root, context: &context) ?? nil
            return .read(journey, context.diagnostics)
        }
    }

    /// Asked with the root object as far as it is read, when its
    /// `touchpoints` list begins: reads its members so far and answers
    /// whether the touchpoints can be read one by one.
    mutating func begin(_ root: JSONCValue) -> Bool {
        guard root["brand"] != nil else { return false }
        var context = DecodingContext(file: file, document: root.document)
        var reading = JourneyReading(root: root, brands: brands, context: &context)
        if reading != nil {
            for member in root.members { reading?.read(member, context: &context) }
            reading?.beginTouchpoints()
        }
        started = Started(context: context, reading: reading, segmentsWritten: root["segments"] != nil)
        return true
    }

    /// One touchpoint, complete, in the reader's document for it.
    mutating func read(_ element: JSONCValue) {
        started?.read(element)
    }

    /// The members after the touchpoints, and what needs them all.
    mutating func finish(_ document: JSONCDocument) -> Outcome {
        // Moved out, so that nothing of the journey is held twice, and
        // let go before a file is read again whole.
        guard var started else { return .notStreamed }
        self.started = nil
        return started.finish(document)
    }
}
