import CharterAudit
import CharterChecker
import JourneyModel

/// The words the audit formats share, as plain text: the title, the
/// context lines, counts by severity, score changes. Each format escapes
/// them for its medium.
///
/// ```swift
/// AuditWording.title(audit)          // Charter audit — Maison Aurèle, Zignature
/// AuditWording.delta(2.5)            // +2.5 pts
/// ```
enum AuditWording {
    /// How many actions a brand's headline lists; the segments' plans hold them all.
    static let topActionCount = 5

    /// `Charter audit — Maison Aurèle, Zignature`.
    static func title(_ audit: AuditReport) -> String {
        let names = audit.brands.map(\.brandName)
        return names.isEmpty ? "Charter audit" : "Charter audit — \(names.joined(separator: ", "))"
    }

    /// `Data as of 2026-09-30`, or how to say it.
    static func dateLine(_ context: AuditContext) -> String {
        guard let date = context.date else { return "Date of the data not given (--date YYYY-MM-DD)" }
        return "Data as of \(date)"
    }

    /// `2 brands, 6 segments, 3 journeys`.
    static func scopeLine(_ audit: AuditReport) -> String {
        let scope = audit.scope
        return [ReportWording.plural(scope.brands, "brand"), ReportWording.plural(scope.segments, "segment"),
                ReportWording.plural(scope.journeys, "journey")].joined(separator: ", ")
    }

    /// `maison-aurele 54d392a4f210e3ac`: a brand's charter version.
    static func charterLine(_ version: AuditContext.CharterVersion) -> String {
        "\(version.brand) \(version.digest)"
    }

    /// `Charter versions (digest of the brand and charter files): maison-aurele 54d3…, zignature f45e…`.
    static func chartersLine(_ context: AuditContext) -> String? {
        guard !context.charters.isEmpty else { return nil }
        return "Charter versions (digest of the brand and charter files): " + context.charters.map(charterLine).joined(separator: ", ")
    }

    /// `2 errors, 7 warnings, 1 info`; `no open gap` when none.
    static func counts(_ counts: SeverityCounts) -> String {
        guard counts.total > 0 else { return "no open gap" }
        return Severity.worstFirst.compactMap { severity in
            let count = counts[severity]
            guard count > 0 else { return nil }
            return severity == .info ? "\(count) info" : ReportWording.plural(count, severity.rawValue)
        }.joined(separator: ", ")
    }

    /// `+2.5 pts`, `−1 pt`, `±0`; `—` when unknown.
    static func delta(_ delta: Double?) -> String {
        guard let delta else { return "—" }
        if delta == 0 { return "±0" }
        let size = abs(delta)
        let number = size == size.rounded() ? String(Int(size)) : String(size)
        return (delta > 0 ? "+" : "−") + number + (size == 1 ? " pt" : " pts")
    }

    /// `97.5%`, `n/a`, from a percent that may be unknown.
    static func percent(_ value: Double?) -> String {
        guard let value else { return "n/a" }
        return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
    }

    /// `at risk → charter broken`, `charter broken` when it did not move, `new` or `gone`.
    static func statusChange(_ before: AuditComparison.Standing?, _ after: AuditComparison.Standing?) -> String {
        guard let after else { return "gone" }
        guard let before else { return "new: \(after.status?.label ?? "—")" }
        let now = after.status?.label ?? "—"
        guard let then = before.status?.label, then != now else { return now }
        return "\(then) → \(now)"
    }

    /// `Since 2026-06-30 (audit-q2.json)`.
    static func comparisonTitle(_ comparison: AuditComparison) -> String {
        "Since \(comparison.previousDate ?? "the previous audit") (\(comparison.previousFile))"
    }

    /// Said when a previous audit had no fingerprints.
    static let looseMatching = "The previous audit has no gap fingerprints (written by an older Throughline): gaps were matched on their place, marker and attribute."

    /// `premium, regulars`: the segments of a shared action.
    static func segments(_ action: SharedAction) -> String { action.segments.joined(separator: ", ") }

    /// `Chat — Customer care`, `Journeys as a whole`: who owns an action.
    static func owner(_ action: SharedAction) -> String {
        action.channelName + (action.owner.map { " — \($0)" } ?? "")
    }
}
