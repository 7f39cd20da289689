/// A way the brand meets a customer: a store, the web site, e-mail, phone…
public struct Channel: Identified {
    public let id: String
    public var name: String
    public var kind: ChannelKind
    /// Whether a person answers in real time (a store, a chat), as opposed
    /// to asynchronous channels (e-mail, post).
    public var live: Bool
    /// The team that fixes this channel's gaps; the action plan groups by it.
    public var owner: String?
    public var location: SourceLocation

    public init(id: String, name: String, kind: ChannelKind, live: Bool = false, owner: String? = nil, location: SourceLocation) {
        self.id = id
        self.name = name
        self.kind = kind
        self.live = live
        self.owner = owner
        self.location = location
    }
}

/// What sort of channel it is; markers can apply to every channel of a kind.
public enum ChannelKind: String, Sendable, CaseIterable, Comparable {
    /// Met in person: a store, an event, a field sales visit.
    case physical
    /// On a screen: web, app, e-mail, chat, social networks.
    case digital
    /// By voice: phone, call centre, video call.
    case voice
    /// On paper: post, catalogues.
    case postal

    private var rank: Int {
        switch self {
        case .physical: 0
        case .digital: 1
        case .voice: 2
        case .postal: 3
        }
    }

    public static func < (lhs: ChannelKind, rhs: ChannelKind) -> Bool { lhs.rank < rhs.rank }
}
