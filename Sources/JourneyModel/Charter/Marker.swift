/// One identity marker: a recognisable, checkable trait of the relationship
/// (how customers are addressed, a ritual, a service promise), where it
/// applies, and what it expects.
public struct Marker: Identified {
    public let id: String
    /// A sentence a customer-relationship director recognises.
    public var name: String?
    /// Why the brand holds to it.
    public var rationale: String?
    /// The severity in force, after any override.
    public var severity: Severity
    /// The severity the defining charter gave.
    public var declaredSeverity: Severity
    /// False when an override turned it off.
    public var isEnabled: Bool
    /// How the brand changed an inherited marker, if it did.
    public var override: MarkerOverride?
    public var scope: Scope
    public var rule: MarkerRule
    /// The charter that defines it: the brand's own id or an extended charter's.
    public var origin: String
    public var location: SourceLocation

    public init(
        id: String,
        name: String? = nil,
        rationale: String? = nil,
        severity: Severity,
        scope: Scope = .everywhere,
        rule: MarkerRule,
        origin: String,
        location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.rationale = rationale
        self.severity = severity
        self.declaredSeverity = severity
        self.isEnabled = true
        self.override = nil
        self.scope = scope
        self.rule = rule
        self.origin = origin
        self.location = location
    }

    /// The keys every marker takes, whatever its kind.
    public static let commonKeys = ["id", "name", "why", "description", "severity", "kind", "where"]

    public var kind: MarkerKind { rule.kind }

    /// The name when there is one, else the id.
    public var title: String { name ?? id }

    /// Applies an override: a new severity, or none to turn the marker off.
    public mutating func apply(_ override: MarkerOverride) {
        self.override = override
        if let severity = override.severity {
            self.severity = severity
            isEnabled = true
        } else {
            isEnabled = false
        }
    }
}

/// A brand's change to a marker it inherits: a different severity, or off.
public struct MarkerOverride: Hashable, Sendable {
    /// The new severity; nil turns the marker off.
    public var severity: Severity?
    /// Required: a charter is a shared commitment, so departing from it is explained.
    public var reason: String
    /// The charter (brand or intermediate) that made the change.
    public var by: String
    public var location: SourceLocation

    public init(severity: Severity?, reason: String, by: String, location: SourceLocation) {
        self.severity = severity
        self.reason = reason
        self.by = by
        self.location = location
    }
}
