import CharterChecker
import JourneyLoader
import JourneyModel
@testable import JourneyReporters

/// Small check results for the format tests: built from hand-made gaps and
/// diagnostics, or loaded and checked from a tiny brand and journey.
enum ReporterFixtures {
    static let journeyFile = "Journeys/aurele/first-purchase.journey.jsonc"
    static let brandFile = "Brands/aurele.brand.jsonc"

    static func gap(
        marker: String = "formal-address",
        kind: MarkerKind = .expectation,
        severity: Severity = .error,
        journey: String = "first-purchase",
        touchpoint: String? = "welcome-mail",
        segment: String? = "newcomers",
        channel: String? = "email",
        stage: String? = "discover",
        attribute: String? = "address",
        file: String = journeyFile,
        line: Int = 12,
        column: Int = 20,
        expected: String = "address = formal",
        planned: String = "informal",
        message: String = "welcome-mail (email, discover) plans address = informal; 'We always address customers formally' expects address = formal",
        action: String = "",
        related: [RelatedLocation] = [],
        suppression: SuppressionNote? = nil
    ) -> DescribedGap {
        DescribedGap(
            marker: marker, kind: kind, severity: severity, brand: "aurele", journey: journey,
            touchpoint: touchpoint, segment: segment, channel: channel, stage: stage, attribute: attribute,
            location: SourceLocation(file: file, line: line, column: column),
            expected: expected, planned: planned, message: message, action: action, related: related, suppression: suppression
        )
    }

    static func diagnostic(
        _ code: DiagnosticCode = .unknownChannel,
        severity: Severity? = nil,
        file: String = journeyFile,
        line: Int = 5,
        column: Int = 18,
        message: String = "unknown channel 'emial'; did you mean 'email'?",
        suggestion: String? = "email",
        related: [RelatedLocation] = []
    ) -> Diagnostic {
        Diagnostic(
            code, severity: severity, at: SourceLocation(file: file, line: line, column: column), message,
            suggestion: suggestion, related: related
        )
    }

    static func result(diagnostics: [Diagnostic] = [], gaps: [DescribedGap] = [], fileCount: Int = 2) -> CheckResult {
        CheckResult(workspace: Workspace(brands: [], journeys: []), diagnostics: diagnostics, gaps: gaps, fileCount: fileCount)
    }

    static var empty: CheckResult { result(fileCount: 0) }

    /// One of each: an error diagnostic with a suggestion, an open error gap,
    /// a warning gap with related locations, an info gap, an accepted gap.
    static var mixed: CheckResult {
        result(
            diagnostics: [diagnostic()],
            gaps: [
                gap(action: "Set address to formal at welcome-mail."),
                gap(
                    marker: "one-signature", kind: .consistency, severity: .warning, touchpoint: "store-visit",
                    segment: "premium", channel: "store", stage: "choose", attribute: "signature", line: 14, column: 36,
                    expected: "one signature", planned: "two",
                    message: "store-visit plans another signature",
                    related: [
                        RelatedLocation(SourceLocation(file: journeyFile, line: 9, column: 60), "the value most used"),
                        RelatedLocation(SourceLocation(file: journeyFile, line: 14, column: 36), "the other value"),
                    ]
                ),
                gap(marker: "warm-tone", severity: .info, attribute: "tone", line: 8, column: 52,
                    expected: "tone = warm", planned: "neutral", message: "welcome-mail plans tone = neutral"),
                gap(
                    marker: "named-advisor", segment: "premium", attribute: "personalisation", line: 13, column: 83,
                    expected: "personalisation ≥ advisor", planned: "named", message: "store-visit plans personalisation = named",
                    suppression: SuppressionNote(reason: "Advisors join in 2026", location: SourceLocation(file: journeyFile, line: 16, column: 21))
                ),
            ]
        )
    }

    static let brandText = """
    {
      "brand": "aurele",
      "name": "Maison Aurèle",
      "channels": {
        "store": { "name": "Boutique", "kind": "physical" },
        "email": { "name": "E-mail", "kind": "digital" }
      },
      "segments": { "newcomers": { "name": "First-time customers" }, "premium": { "name": "Premium", "priority": true } },
      "stages": ["discover", "choose", "buy", "support"],
      "attributes": {
        "address": { "type": "enum", "values": ["formal", "informal"] },
        "tone": { "type": "enum", "values": ["warm", "expert", "neutral"] },
        "personalisation": { "type": "scale", "values": ["none", "segment", "named", "advisor"] }
      },
      "markers": [
        { "id": "formal-address", "name": "We always address customers formally",
          "why": "Formality is how we show respect", "severity": "error",
          "expect": { "address": { "equals": "formal" } } },
        { "id": "warm-tone", "severity": "info", "where": { "channels": ["email"] },
          "expect": { "tone": { "equals": "warm" } } },
        { "id": "named-advisor", "severity": "error", "where": { "segments": ["premium"], "channels": ["store"] },
          "expect": { "personalisation": { "atLeast": "advisor" } } }
      ]
    }
    """

    static let journeyText = """
    {
      "journey": "first-purchase",
      "brand": "aurele",
      "segments": ["newcomers", "premium"],
      "touchpoints": [
        { "id": "welcome-mail", "stage": "discover", "channel": "email",
          "experience": { "address": "formal", "tone": "neutral", "personalisation": "named" } },
        { "id": "store-visit", "stage": "choose", "channel": "store",
          "experience": { "address": "informal", "tone": "warm", "personalisation": "named" },
          "suppress": [ { "marker": "named-advisor", "reason": "Advisors join in 2026" } ] },
        { "id": "fitting", "stage": "buy", "channel": "store",
          "experience": { "address": "formal", "tone": "warm", "personalisation": "advisor" } }
      ]
    }
    """

    /// The brand and journey above, loaded and checked as `check` does.
    static func loaded() async -> CheckResult {
        let load = await WorkspaceLoader.load([
            SourceFile(path: brandFile, text: brandText),
            SourceFile(path: journeyFile, text: journeyText),
        ])
        let report = await Checker.check(load.workspace)
        return CheckResult(
            workspace: load.workspace,
            diagnostics: Array(Set(load.diagnostics + report.diagnostics)).sorted(by: Diagnostic.reportOrder),
            gaps: report.gaps, wording: GapWording(load.workspace), fileCount: 2
        )
    }
}

extension DescribedGap {
    /// The same gap written out, with some of its names or words changed:
    /// what a report makes of text it did not expect.
    func with(expected: String? = nil, planned: String? = nil, touchpoint: String? = nil, action: String? = nil) -> DescribedGap {
        DescribedGap(
            marker: marker, kind: kind, severity: severity, brand: brand, journey: journey,
            touchpoint: touchpoint ?? self.touchpoint, segment: segment, channel: channel, stage: stage, attribute: attribute,
            location: location, expected: expected ?? self.expected, planned: planned ?? self.planned, message: message,
            action: action ?? self.action, related: related, suppression: suppression
        )
    }
}
