import JourneyModel

/// The words of a gap, kept as the parts they are made of and joined only
/// when a report reads them (``Gap/message``, ``Gap/expected``,
/// ``Gap/planned``, ``Gap/action``).
///
/// Most parts are shared by many gaps: a marker's title and what it
/// expects, the values in use across a journey. Spelling them out in every
/// gap made the words of a large report weigh more than the workspace
/// itself; kept as parts, each is held once.
enum GapWording: Sendable {
    /// Written out in full when found: the kinds whose gaps are few. In
    /// one object, so that the common cases below set the size of a gap.
    case written(WrittenWords)
    /// A touchpoint that misses one expectation. Everything but the planned
    /// value comes from the gap's names and the expectation's words; nil
    /// `planned` means the attribute is not planned there.
    case unmet(ExpectationWords, planned: String?, handoff: Handoff?)
    /// A touchpoint whose value differs from the value most used; the words
    /// of the judgement are shared by every touchpoint it finds.
    case differing(ConsistencyWords, planned: String)

    /// Words written out in full.
    final class WrittenWords: Sendable {
        let expected: String
        let planned: String
        let message: String
        let action: String

        init(expected: String, planned: String, message: String, action: String) {
            self.expected = expected
            self.planned = planned
            self.message = message
            self.action = action
        }
    }

    static func written(expected: String, planned: String, message: String, action: String) -> GapWording {
        .written(WrittenWords(expected: expected, planned: planned, message: message, action: action))
    }

    /// The touchpoint that hands the customer over, for a gap found where
    /// the customer is received; shared by the gaps of one handoff.
    final class Handoff: Sendable {
        let from: String
        let fromChannel: String

        init(from: String, fromChannel: String) {
            self.from = from
            self.fromChannel = fromChannel
        }
    }

    /// The names a gap's words are made from.
    struct Names {
        let touchpoint: String?
        let channel: String?
        let stage: String?
        let attribute: String?

        var subject: String { GapWording.subject(touchpoint: touchpoint ?? "", channel: channel ?? "", stage: stage ?? "") }
    }

    /// How messages name a touchpoint: `welcome-mail (email, discover)`.
    static func subject(touchpoint: String, channel: String, stage: String) -> String {
        "\(touchpoint) (\(channel), \(stage))"
    }

    func expected() -> String {
        switch self {
        case .written(let words): words.expected
        case .unmet(let words, _, _): words.expected
        case .differing(let words, _): words.expected
        }
    }

    func planned() -> String {
        switch self {
        case .written(let words): words.planned
        case .unmet(_, let planned, _): planned ?? "not planned"
        case .differing(_, let planned): planned
        }
    }

    func message(_ names: Names) -> String {
        switch self {
        case .written(let words):
            return words.message
        case .unmet(let words, let planned, let handoff):
            var subject = names.subject
            if let handoff { subject += ", taking over from \(handoff.from) (\(handoff.fromChannel))," }
            let attribute = names.attribute ?? ""
            let finding = planned.map { "\(subject) plans \(attribute) = \($0)" } ?? "\(subject) does not plan '\(attribute)'"
            return finding + words.messageTail
        case .differing(let words, let planned):
            return "\(names.subject) plans \(names.attribute ?? "") = \(planned) " + words.messageTail
        }
    }

    func action(_ names: Names) -> String {
        switch self {
        case .written(let words):
            return words.action
        case .unmet(let words, let planned, let handoff):
            let touchpoint = names.touchpoint ?? ""
            let place = handoff.map { "\(touchpoint), where \($0.from) hands over" } ?? touchpoint
            switch words.remedy {
            case .around(let before, let after): return before + place + after
            case .remove(let attribute): return "Remove \(attribute) (\(planned ?? "not planned")) from \(place)."
            }
        case .differing(let words, _):
            return words.actionBefore + (names.touchpoint ?? "") + words.actionAfter
        }
    }
}

/// What one expectation of one marker says in every gap it finds: written
/// once per marker and brand, shared by all of them.
final class ExpectationWords: Sendable {
    /// `tone one of [warm, expert]`.
    let expected: String
    /// `; 'We speak warmly' expects tone one of [warm, expert]`.
    let messageTail: String
    let remedy: Remedy

    /// The change that closes the gap, around the place where it is.
    enum Remedy: Sendable {
        /// `before + place + after`: "Set tone to warm at " + "welcome-mail" + ".".
        case around(before: String, after: String)
        /// "Remove tone (casual) from welcome-mail.": names the planned value.
        case remove(attribute: String)
    }

    init(_ expectation: Expectation, marker: Marker, brand: Brand) {
        let definition = brand.attributes[expectation.attribute]
        let name = definition.id
        expected = expectation.describe(in: brand)
        messageTail = "; '\(marker.title)' expects \(expected)"
        func list(_ values: [AttributeValue]) -> String { values.map { definition.render($0) }.joined(separator: ", ") }
        switch expectation.test {
        case .equals(let value): remedy = .around(before: "Set \(name) to \(definition.render(value)) at ", after: ".")
        case .oneOf(let values): remedy = .around(before: "Set \(name) to one of \(list(values)) at ", after: ".")
        case .noneOf(let values): remedy = .around(before: "Change \(name) at ", after: " to a value other than \(list(values)).")
        case .atLeast(let value): remedy = .around(before: "Raise \(name) to at least \(definition.render(value)) at ", after: ".")
        case .atMost(let value): remedy = .around(before: "Bring \(name) down to at most \(definition.render(value)) at ", after: ".")
        case .present: remedy = .around(before: "Plan \(name) at ", after: ".")
        case .absent: remedy = .remove(attribute: name)
        case .matches(let pattern): remedy = .around(before: "Reword \(name) at ", after: " to match /\(pattern.source)/.")
        }
    }
}

/// What one judgement of a consistency marker says in every gap it finds:
/// the value most used and every value in use, written once.
final class ConsistencyWords: Sendable {
    let expected: String
    /// `where the rest use 'en'; '…' expects one language …. Values in use: …`.
    let messageTail: String
    /// "Set language to 'en' at " + touchpoint + ", like the rest of the journey."
    let actionBefore: String
    let actionAfter: String

    init(expected: String, messageTail: String, actionBefore: String, actionAfter: String) {
        self.expected = expected
        self.messageTail = messageTail
        self.actionBefore = actionBefore
        self.actionAfter = actionAfter
    }
}
