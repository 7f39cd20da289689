/// The attribute vocabulary brands draw from: one definition per attribute
/// id, with the values the planner uses. Brand-specific words (rituals,
/// activities, signatures) come in as arguments.
enum AttributeCatalogue {
    /// Attributes the group charter reads: every brand that extends it has them.
    static let groupRequired = ["address", "tone", "personalisation", "signature", "visualIdentity", "accessible"]
    /// Attributes the planner's marker kinds need (handoff, coverage, sequence, progression).
    static let kindRequired = ["responseTime", "contextCarried", "ritual", "discount", "activity"]
    /// The rest, of which each brand takes a seeded subset.
    static let optionalB2C = ["effort", "waitTime", "consentChecked", "serviceLevel", "satisfactionTarget", "followUpWithin", "language", "promiseLine"]
    static let b2bRequired = ["meetingLength", "recapWithin", "decisionMaker", "dealSize"]
    static let optionalB2B = ["serviceLevel", "satisfactionTarget", "followUpWithin", "language", "promiseLine", "effort"]

    struct BrandWords {
        let shortName: String
        let promise: String
        let rituals: [String]
        let activities: [String]
        let languages: [String]
    }

    static func duration(_ text: String) -> PlanValue {
        .duration(text, seconds: seconds(of: text))
    }

    /// Nominal seconds of the simple durations used here (PT15M, P1D, P1W).
    static func seconds(of text: String) -> Double {
        var total = 0.0, digits = "", inTime = false
        for character in text.dropFirst() {
            if character == "T" { inTime = true; continue }
            if character.isNumber { digits.append(character); continue }
            let amount = Double(digits) ?? 0
            digits = ""
            switch (character, inTime) {
            case ("W", false): total += amount * 604_800
            case ("D", false): total += amount * 86_400
            case ("H", true): total += amount * 3_600
            case ("M", true): total += amount * 60
            case ("S", true): total += amount
            default: break
            }
        }
        return total
    }

    static func make(_ id: String, words: BrandWords, progression: String) -> AttributeShape? {
        func choice(_ kind: AttributeKind, _ description: String?, rate: Double, role: AttributeRole = .free) -> AttributeShape {
            AttributeShape(
                id: id, kind: kind, description: description,
                candidates: (kind.words ?? []).map(PlanValue.word), outliers: [], planRate: rate, role: role
            )
        }
        func durations(_ texts: [String], _ description: String, rate: Double) -> AttributeShape {
            AttributeShape(id: id, kind: .duration, description: description, candidates: texts.map(duration), outliers: [], planRate: rate, role: .free)
        }
        func numbers(_ values: [Double], _ description: String, rate: Double, role: AttributeRole = .free) -> AttributeShape {
            AttributeShape(id: id, kind: .number, description: description, candidates: values.map(PlanValue.number), outliers: [], planRate: rate, role: role)
        }
        func flag(_ description: String, rate: Double) -> AttributeShape {
            AttributeShape(id: id, kind: .boolean, description: description, candidates: [.flag(true), .flag(false)], outliers: [], planRate: rate, role: .free)
        }
        switch id {
        case "address":
            return choice(.enumeration(["formal", "informal"]), "How the customer is addressed (vous / tu).", rate: 1)
        case "tone":
            return choice(.enumeration(["warm", "expert", "neutral", "pushy"]), nil, rate: 1)
        case "personalisation":
            return choice(.scale(["none", "segment", "named", "advisor"]), "From anonymous to a named advisor who knows the customer.", rate: 0.8)
        case "signature":
            let short = words.shortName
            return AttributeShape(
                id: id, kind: .text, description: "Who signs the message.",
                candidates: [.text("The \(short) team"), .text("Your \(short) advisor"), .text("\(short) customer care")],
                outliers: [.text("Customer Service"), .text("noreply"), .text("The sales team")],
                planRate: 0.3, role: .perJourney
            )
        case "visualIdentity":
            return choice(.enumeration(["current", "seasonal", "legacy"]), "Which visual identity the material uses.", rate: 0.4)
        case "accessible":
            return flag("Meets the accessibility guidelines (contrast, alt text, plain language).", rate: 0.4)
        case "responseTime":
            return durations(["PT1M", "PT2M", "PT3M", "PT10M", "PT30M", "PT1H", "PT2H", "PT4H", "P1D"],
                             "How soon a person answers the customer here (ISO 8601, e.g. PT2H).", rate: 0.5)
        case "contextCarried":
            return flag("The team receiving the customer already knows what was said before.", rate: 0.6)
        case "ritual":
            return choice(.enumeration(words.rituals), "A recognisable gesture of the house.", rate: 0.08)
        case "discount":
            return numbers([5, 10, 15, 20, 25, 30], "Percentage off offered on this touchpoint.", rate: 0.05)
        case "activity":
            return choice(.enumeration(words.activities), "What kind of interaction this is, in the team's own words.", rate: 1, role: .activity)
        case "engagement", "winProbability":
            guard id == progression else { return nil }
            let description = id == "engagement"
                ? "How engaged the customer is expected to be at this point, from 0 to 100."
                : "Forecast probability of winning the deal, in percent."
            return numbers([], description, rate: 0.85, role: .progression)
        case "effort":
            return choice(.scale(["none", "low", "medium", "high"]), "How much effort the customer puts in.", rate: 0.5)
        case "waitTime":
            return durations(["PT1M", "PT2M", "PT5M", "PT10M", "PT15M", "PT30M"], "How long the customer waits before being served.", rate: 0.3)
        case "consentChecked":
            return flag("Marketing consent is checked before the contact.", rate: 0.3)
        case "serviceLevel":
            return choice(.scale(["standard", "attentive", "concierge"]), nil, rate: 0.4)
        case "satisfactionTarget":
            return numbers([70, 75, 80, 85, 88, 90, 92.5, 95], "Target satisfaction score, in percent.", rate: 0.2)
        case "followUpWithin":
            return durations(["PT4H", "P1D", "P2D", "P3D", "P1W"], "How soon the customer hears from us again.", rate: 0.2)
        case "language":
            return AttributeShape(
                id: id, kind: .enumeration(words.languages), description: "The language the customer is served in.",
                candidates: words.languages.map(PlanValue.word), outliers: [], planRate: 0.5, role: .perJourney
            )
        case "promiseLine":
            return AttributeShape(
                id: id, kind: .text, description: "The brand promise as this touchpoint words it.",
                candidates: [.text(words.promise)],
                outliers: [.text("Best prices, guaranteed."), .text("Quality since 1952.")],
                planRate: 0.05, role: .perBrand
            )
        case "meetingLength":
            return durations(["PT15M", "PT30M", "PT45M", "PT1H", "PT90M", "PT2H"], "Planned length of the call or meeting.", rate: 0.4)
        case "recapWithin":
            return durations(["PT2H", "PT4H", "P1D", "P2D", "P3D"], "How soon the written recap reaches the prospect.", rate: 0.3)
        case "decisionMaker":
            return flag("A person who can sign takes part.", rate: 0.3)
        case "dealSize":
            return numbers([5_000, 12_000, 25_000, 50_000, 80_000, 150_000, 400_000], "Expected annual contract value, in euros.", rate: 0.3)
        default:
            return nil
        }
    }
}
