/// The type of an XES attribute, from its element name.
public enum XESAttributeType: String, Sendable, Hashable, CaseIterable {
    case string, date, int, float, boolean, id

    init?(elementName bytes: UnsafeBufferPointer<UInt8>) {
        switch String(decoding: bytes, as: UTF8.self) {
        case "string": self = .string
        case "date": self = .date
        case "int": self = .int
        case "float": self = .float
        case "boolean": self = .boolean
        case "id": self = .id
        default: return nil
        }
    }
}

/// One `<string key="…" value="…"/>` (or `date`, `int`…), entities decoded.
public struct XESAttribute: Sendable, Equatable {
    public let type: XESAttributeType
    let keyBytes: ArraySlice<UInt8>
    /// The value's bytes, entities decoded.
    public let valueBytes: ArraySlice<UInt8>

    public var key: String { String(decoding: keyBytes, as: UTF8.self) }
    public var value: String { String(decoding: valueBytes, as: UTF8.self) }
}

/// The attributes of an event or a trace, in document order, in one
/// buffer of decoded bytes.
public struct XESAttributes: Sendable, RandomAccessCollection {
    struct Slot: Sendable {
        let type: XESAttributeType
        let keyStart: Int32
        let keyEnd: Int32
        let valueEnd: Int32
    }

    var storage: [UInt8] = []
    var slots: [Slot] = []

    public var startIndex: Int { 0 }
    public var endIndex: Int { slots.count }

    public subscript(index: Int) -> XESAttribute {
        let slot = slots[index]
        return XESAttribute(
            type: slot.type, keyBytes: storage[Int(slot.keyStart)..<Int(slot.keyEnd)],
            valueBytes: storage[Int(slot.keyEnd)..<Int(slot.valueEnd)]
        )
    }

    /// The first attribute with this key, or nil.
    public subscript(key: String) -> XESAttribute? {
        var key = key
        let found: Int? = key.withUTF8 { wanted in
            storage.withUnsafeBufferPointer { bytes in
                for (position, slot) in slots.enumerated() {
                    let range = Int(slot.keyStart)..<Int(slot.keyEnd)
                    if memcmpEqual(UnsafeBufferPointer(rebasing: bytes[range]), wanted) { return position }
                }
                return nil
            }
        }
        return found.map { self[$0] }
    }

    var byteCount: Int { storage.count }

    mutating func append(type: XESAttributeType, key: [UInt8], value: [UInt8]) {
        let keyStart = storage.count
        storage.append(contentsOf: key)
        let keyEnd = storage.count
        storage.append(contentsOf: value)
        slots.append(Slot(type: type, keyStart: Int32(truncatingIfNeeded: keyStart), keyEnd: Int32(truncatingIfNeeded: keyEnd),
                          valueEnd: Int32(truncatingIfNeeded: storage.count)))
    }

    mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
        slots.removeAll(keepingCapacity: true)
    }
}

/// One event of an XES log, with its trace's attributes (the trace's
/// `concept:name` is the case id).
///
/// ```swift
/// event.activity     // "Ticket opened"     (concept:name of the event)
/// event.caseID       // "C1"                (concept:name of the trace)
/// event.value(forKey: "org:resource")       // the event's, else the trace's
/// ```
public struct XESEvent: Sendable {
    public let attributes: XESAttributes
    /// The trace's attributes written before this event; empty for an
    /// event outside any trace.
    public let traceAttributes: XESAttributes
    /// 1-based number of its trace in the log (0 outside any trace).
    public let trace: Int
    /// Where its `<event>` tag starts.
    public let location: ExportLocation

    /// The event's attribute of that key, or else its trace's.
    public func attribute(forKey key: String) -> XESAttribute? {
        attributes[key] ?? traceAttributes[key]
    }

    public func value(forKey key: String) -> String? { attribute(forKey: key)?.value }

    /// `concept:name` of the event.
    public var activity: String? { attributes["concept:name"]?.value }
    /// `concept:name` of the trace.
    public var caseID: String? { traceAttributes["concept:name"]?.value }
    /// `time:timestamp` as written; read it with ``TimestampFormat/iso8601(localTimesIn:)``.
    public var timestamp: String? { attributes["time:timestamp"]?.value }
    /// `org:resource`: who did it.
    public var resource: String? { value(forKey: "org:resource") }
    /// `lifecycle:transition` (`start`, `complete`…).
    public var lifecycleTransition: String? { attributes["lifecycle:transition"]?.value }
}
