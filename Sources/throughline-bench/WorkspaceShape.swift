/// The shape of a generated workspace, as plain values: what each brand
/// offers (channels, segments, stages, attribute vocabulary, activities) and
/// what its charter asks. The journey planner and the file writers both read
/// these, so the files and the gaps they contain always agree.

/// A value a touchpoint plans or a marker names, in the brand's vocabulary.
enum PlanValue: Hashable, Sendable {
    /// An enum or scale word.
    case word(String)
    case number(Double)
    /// An ISO 8601 duration with its length, for comparisons.
    case duration(String, seconds: Double)
    case flag(Bool)
    case text(String)
}

/// The attribute types of the file format.
enum AttributeKind: Sendable {
    case enumeration([String])
    case scale([String])
    case duration
    case number
    case text
    case boolean

    var typeName: String {
        switch self {
        case .enumeration: "enum"
        case .scale: "scale"
        case .duration: "duration"
        case .number: "number"
        case .text: "text"
        case .boolean: "boolean"
        }
    }

    var words: [String]? {
        switch self {
        case .enumeration(let words), .scale(let words): words
        default: nil
        }
    }
}

/// How the planner chooses an attribute's values.
enum AttributeRole: Sendable {
    /// Chosen per touchpoint and segment, within the charter's constraints.
    case free
    /// The touchpoint's kind of interaction, fixed by the journey's structure (sequence markers).
    case activity
    /// Never decreases along the journey (progression markers).
    case progression
    /// One value per journey (consistency across channels).
    case perJourney
    /// One value for the whole brand (consistency across journeys).
    case perBrand
}

struct AttributeShape: Sendable {
    let id: String
    let kind: AttributeKind
    let description: String?
    /// Values the planner draws from.
    let candidates: [PlanValue]
    /// Values only a deliberate departure uses (a signature nobody recognises).
    let outliers: [PlanValue]
    /// How often a touchpoint plans the attribute when nothing requires it.
    let planRate: Double
    let role: AttributeRole
}

enum ChannelKindName: String, Sendable, CaseIterable {
    case physical, digital, voice, postal
}

/// What a channel is for, so charter templates can name "the e-mail-like
/// channels" of a brand whatever its ids.
enum ChannelRole: Sendable {
    case store, home, event, field, web, app, email, chat, social, phone, video, post, catalogue
}

struct ChannelShape: Sendable {
    let id: String
    let name: String
    let kind: ChannelKindName
    let live: Bool
    let owner: String
    let role: ChannelRole
    let description: String?
    /// Roles of the stages this channel serves (see ``StageRole``).
    let stageRoles: [StageRole]
}

struct SegmentShape: Sendable {
    let id: String
    let name: String
    let priority: Bool
    let description: String?
}

/// What a stage is for, so templates can say "the purchase stage" of a
/// travel brand and of a sales cycle alike.
enum StageRole: Sendable, CaseIterable {
    case explore, consult, commit, fulfil, care, loyalty
}

struct StageShape: Sendable {
    let id: String
    let role: StageRole
    /// Relative share of a journey's touchpoints.
    let weight: Double
}

/// One kind of interaction (the `activity` attribute's words).
struct ActivityShape: Sendable {
    let word: String
    /// Index into the brand's stages.
    let stage: Int
    /// Channel kinds it can happen on; nil for any.
    let kinds: [ChannelKindName]?
    /// How a touchpoint of this activity is named: "Consultation".
    let label: String
    /// Written once, in order, at the start of its stage in every journey.
    let anchor: Bool
    /// At most this many per journey (sequence markers with `atMost`).
    let cap: Int?
}

/// A sequence marker and what the planner must respect for it.
struct SequenceShape: Sendable {
    let id: String
    let name: String
    let why: String
    let severity: String
    let first: String
    let then: String
    let atLeast: Int?
    let atMost: Int?
}

struct OverrideShape: Sendable {
    let marker: String
    let severity: String
    let reason: String
}

struct KPIName: Sendable {
    let name: String
    let target: String?
}

/// A brand as generated for one seed.
struct BrandShape: Sendable {
    let id: String
    let name: String
    /// Short name that signatures carry (a `matches` marker looks for it).
    let shortName: String
    let promise: String
    /// A word of the promise, for a `matches` marker on the promise line.
    let promiseWord: String
    let values: [String]
    let description: String
    let extends: String?
    let overrides: [OverrideShape]
    let channels: [ChannelShape]
    let segments: [SegmentShape]
    let stages: [StageShape]
    let attributes: [AttributeShape]
    let activities: [ActivityShape]
    let sequences: [SequenceShape]
    /// The activity every journey ends with and a coverage marker asks for.
    let surveyWord: String
    /// Rituals a loyalty-stage marker accepts.
    let loyaltyRituals: [String]
    let quantitativeKPIs: [KPIName]
    let qualitativeKPIs: [KPIName]
    /// Words journey names are made of.
    let journeyThemes: [String]
    let isB2B: Bool

    func attribute(_ id: String) -> Int? { attributes.firstIndex { $0.id == id } }
    func channel(_ id: String) -> Int? { channels.firstIndex { $0.id == id } }
    func stage(role: StageRole) -> Int? { stages.firstIndex { $0.role == role } }
    func stageID(_ role: StageRole) -> String? { stage(role: role).map { stages[$0].id } }
    var priority: SegmentShape? { segments.first { $0.priority } }
    /// The first segment: newcomers, first-time customers, small businesses.
    var newcomer: SegmentShape { segments[0] }
    var progressionAttribute: String { isB2B ? "winProbability" : "engagement" }

    func channels(_ predicate: (ChannelShape) -> Bool) -> [String] { channels.filter(predicate).map(\.id) }

    /// Indices of the channels a stage uses, in catalog order.
    func stageChannels(_ stage: Int) -> [Int] {
        let role = stages[stage].role
        return channels.indices.filter { channels[$0].stageRoles.contains(role) }
    }
}

/// A charter that brands extend (a group's).
struct GroupShape: Sendable {
    let id: String
    let name: String
    let description: String
    let markers: [MarkerSpec]
}
