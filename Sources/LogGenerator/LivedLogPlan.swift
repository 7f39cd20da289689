/// The brand, planned journey and source that a generated log is lived
/// against: an optician's purchase journey of ten touchpoints in a line,
/// on five channels, for three segments, with a charter of two markers the
/// plan meets (every touchpoint addresses the customer formally; email and
/// chat replies come within two hours).
///
/// The plan is kept this plain so that the generator knows, for each case,
/// what the replay must conclude: in a line, every touchpoint before the
/// last one lived is on every path to it (so a dropped one is *missing*),
/// ranks strictly increase (so one event moved to the end is the only one
/// *out of sequence*), and each marker depends on one lived column.
public enum LivedLogPlan {
    public static let brandID = "atelier-lumen"
    public static let journeyID = "eyewear-purchase"
    public static let sourceID = "purchases"
    public static let formalMarker = "formal-address"
    public static let replyMarker = "reply-within-two-hours"

    /// Workspace paths of the files the generator writes.
    public static let brandPath = "Brands/\(brandID).brand.jsonc"
    public static let journeyPath = "Journeys/\(brandID)/\(journeyID).journey.jsonc"
    public static let sourcePath = "Observations/\(brandID)/\(sourceID).source.jsonc"
    public static let dataPath = "Observations/\(brandID)/\(sourceID).csv"

    public struct Touchpoint: Sendable {
        public let id: String
        public let activity: String
        public let stage: String
        public let channel: Int
        /// The planned `after`, in hours (none for the first).
        public let afterHours: Int?
    }

    public static let channels = ["web", "email", "chat", "phone", "store"]
    /// Channels whose replies the reply marker times.
    public static let timedChannels: Set<Int> = [1, 2]

    /// The channel a touchpoint is lived on instead of its own: email and
    /// chat trade places, and web, phone and store go round; so a touchpoint
    /// lived on another channel stays in or out of the reply marker's scope.
    public static func otherChannel(than channel: Int) -> Int {
        switch channel {
        case 1: 2
        case 2: 1
        case 0: 3
        case 3: 4
        default: 0
        }
    }

    public static let touchpoints: [Touchpoint] = [
        Touchpoint(id: "site-visit", activity: "Site visit", stage: "discover", channel: 0, afterHours: nil),
        Touchpoint(id: "welcome-email", activity: "Welcome email", stage: "discover", channel: 1, afterHours: 24),
        Touchpoint(id: "chat-advice", activity: "Chat advice", stage: "consider", channel: 2, afterHours: 48),
        Touchpoint(id: "appointment-call", activity: "Appointment call", stage: "consider", channel: 3, afterHours: 24),
        Touchpoint(id: "store-fitting", activity: "Store fitting", stage: "buy", channel: 4, afterHours: 48),
        Touchpoint(id: "order-confirmation", activity: "Order confirmation", stage: "buy", channel: 1, afterHours: 24),
        Touchpoint(id: "pickup", activity: "Pickup in store", stage: "buy", channel: 4, afterHours: 48),
        Touchpoint(id: "care-tips", activity: "Care tips email", stage: "after", channel: 1, afterHours: 24),
        Touchpoint(id: "follow-up-call", activity: "Follow-up call", stage: "after", channel: 3, afterHours: 48),
        Touchpoint(id: "review-request", activity: "Review request", stage: "after", channel: 2, afterHours: 24),
    ]

    /// Segments, the word the export writes for each, and each one's share of cases (in percent).
    public static let segments: [(id: String, word: String, percent: Int)] = [
        ("premium", "Gold", 20), ("regulars", "Silver", 50), ("newcomers", "New", 30),
    ]

    /// Activities the source does not map: each is lived ad hoc. One holds
    /// the separator, one a quote, so the CSV quotes them.
    public static let adHocActivities = [
        "Manual reminder", "Satisfaction survey", "\"Call back, urgent\"", "Price match request", "\"Note: \"\"VIP\"\"\"",
    ]
    /// The status change the source maps to null: not a touchpoint, never ad hoc.
    public static let statusActivity = "Status changed"

    public static let owners = [
        "Camille Martin", "Zoë Durand", "Hugo Lefèvre", "Inès Moreau", "Lucas Bernard", "Chloé Petit", "Noah Garcia", "Léa Roux",
        "Adam Fournier", "Manon Girard", "Loïc Besson", "Anaïs Colin",
    ]

    public static let header = "case_id,time,activity,channel,segment,owner,greeting,reply_minutes"

    public static var brandText: String {
        let channelKinds = ["digital", "digital", "digital", "voice", "physical"]
        let channelOwners = ["E-commerce", "CRM", "Care", "Care", "Retail"]
        let channelText = channels.indices.map { "\"\(channels[$0])\": { \"kind\": \"\(channelKinds[$0])\", \"owner\": \"\(channelOwners[$0])\" }" }
        return """
        // An optician whose lived purchase journeys are generated with their ground truth.
        {
          "brand": "\(brandID)", "name": "Atelier Lumen",
          "channels": { \(channelText.joined(separator: ", ")) },
          "segments": { "premium": { "priority": true }, "regulars": {}, "newcomers": {} },
          "stages": ["discover", "consider", "buy", "after"],
          "attributes": {
            "address": { "type": "enum", "values": ["formal", "informal"] },
            "responseTime": { "type": "duration" }
          },
          "markers": [
            { "id": "\(formalMarker)", "severity": "error", "expect": { "address": "formal" } },
            { "id": "\(replyMarker)", "severity": "warning", "where": { "channels": ["email", "chat"] },
              "expect": { "responseTime": { "atMost": "PT2H" } } }
          ]
        }

        """
    }

    public static var journeyText: String {
        let lines = touchpoints.indices.map { index -> String in
            let touchpoint = touchpoints[index]
            var fields = [
                "\"id\": \"\(touchpoint.id)\"", "\"stage\": \"\(touchpoint.stage)\"", "\"channel\": \"\(channels[touchpoint.channel])\"",
            ]
            if let hours = touchpoint.afterHours { fields.append("\"after\": \"PT\(hours)H\"") }
            let timed = timedChannels.contains(touchpoint.channel) ? ", \"responseTime\": \"PT30M\"" : ""
            fields.append("\"experience\": { \"address\": \"formal\"\(timed) }")
            if index + 1 < touchpoints.count { fields.append("\"next\": [\"\(touchpoints[index + 1].id)\"]") }
            return "    { " + fields.joined(separator: ", ") + " }"
        }
        return """
        {
          "journey": "\(journeyID)", "brand": "\(brandID)", "name": "Eyewear purchase",
          "touchpoints": [
        \(lines.joined(separator: ",\n"))
          ]
        }

        """
    }

    public static var sourceText: String {
        let activities = touchpoints.map { "\"\($0.activity)\": \"\($0.id)\"" } + ["\"\(statusActivity)\": null"]
        let segmentWords = segments.map { "\"\($0.word)\": \"\($0.id)\"" }
        return """
        // The point-of-sale and CRM events of eyewear purchases, one row per event.
        {
          "source": "\(sourceID)", "brand": "\(brandID)", "data": "\(sourceID).csv",
          "format": { "type": "csv", "separator": "," },
          "journey": "\(journeyID)",
          "columns": {
            "case": "case_id", "time": "time", "activity": "activity", "channel": "channel", "segment": "segment", "owner": "owner"
          },
          "activities": { \(activities.joined(separator: ", ")) },
          "segments": { \(segmentWords.joined(separator: ", ")) },
          "attributes": {
            "address": { "column": "greeting", "values": { "vous": "formal", "tu": "informal" } },
            "responseTime": { "column": "reply_minutes", "unit": "minutes" }
          }
        }

        """
    }
}
