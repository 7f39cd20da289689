import LogGenerator

/// The four brands of a generated workspace: three B2C houses of one group
/// (home care, fashion, travel) that extend the group's charter, and a B2B
/// sales team with a charter of its own. The seed picks which optional
/// channels, segments and attributes each brand has.
enum BrandCatalogue {
    static let groupID = "oree-group"

    private struct Template {
        let id: String, name: String, shortName: String, promise: String, promiseWord: String
        let values: [String], description: String
        let extends: String?
        let overrides: [OverrideShape]
        let stages: [StageShape]
        let requiredChannels: [ChannelShape]
        let optionalChannels: [ChannelShape]
        let priority: SegmentShape
        let newcomer: SegmentShape
        let optionalSegments: [SegmentShape]
        let rituals: [String]
        let loyaltyRituals: [String]
        let languages: [String]
        /// Per stage, its activities; anchors and caps marked.
        let activities: [[ActivityShape]]
        let sequences: [SequenceShape]
        let surveyWord: String
        let themes: [String]
        let isB2B: Bool
    }

    static func brands(seed: UInt64) -> [BrandShape] {
        templates.enumerated().map { index, template in
            var random = SplitMix64(seed: seed, stream: 0xB0 + UInt64(index))
            return make(template, random: &random)
        }
    }

    private static func make(_ template: Template, random: inout SplitMix64) -> BrandShape {
        let optionalChannelCount = random.between(1, min(3, template.optionalChannels.count))
        let chosenOptional = random.sample(template.optionalChannels, count: optionalChannelCount)
        let channels = template.requiredChannels + chosenOptional
        let segments = [template.newcomer, template.priority]
            + random.sample(template.optionalSegments, count: random.between(1, min(3, template.optionalSegments.count)))
        let words = AttributeCatalogue.BrandWords(
            shortName: template.shortName, promise: template.promise, rituals: template.rituals,
            activities: template.activities.flatMap { $0.map(\.word) }, languages: template.languages
        )
        var attributeIDs: [String]
        if template.isB2B {
            attributeIDs = ["address", "tone", "personalisation", "signature"] + AttributeCatalogue.kindRequired + ["winProbability"]
                + AttributeCatalogue.b2bRequired
                + random.sample(AttributeCatalogue.optionalB2B, count: random.between(3, AttributeCatalogue.optionalB2B.count))
        } else {
            attributeIDs = AttributeCatalogue.groupRequired + AttributeCatalogue.kindRequired + ["engagement"]
                + random.sample(AttributeCatalogue.optionalB2C, count: random.between(5, AttributeCatalogue.optionalB2C.count))
        }
        let progression = template.isB2B ? "winProbability" : "engagement"
        let attributes = attributeIDs.compactMap { AttributeCatalogue.make($0, words: words, progression: progression) }
        return BrandShape(
            id: template.id, name: template.name, shortName: template.shortName, promise: template.promise,
            promiseWord: template.promiseWord, values: template.values, description: template.description,
            extends: template.extends, overrides: template.overrides, channels: channels, segments: segments,
            stages: template.stages, attributes: attributes, activities: template.activities.flatMap { $0 },
            sequences: template.sequences, surveyWord: template.surveyWord, loyaltyRituals: template.loyaltyRituals,
            quantitativeKPIs: template.isB2B ? b2bQuantitative : b2cQuantitative,
            qualitativeKPIs: template.isB2B ? b2bQualitative : b2cQualitative,
            journeyThemes: template.themes, isB2B: template.isB2B
        )
    }

    // MARK: Builders

    private static func channel(
        _ id: String, _ name: String, _ kind: ChannelKindName, live: Bool = false, _ owner: String,
        _ role: ChannelRole, _ stages: [StageRole], description: String? = nil
    ) -> ChannelShape {
        ChannelShape(id: id, name: name, kind: kind, live: live, owner: owner, role: role, description: description, stageRoles: stages)
    }

    private static func segment(_ id: String, _ name: String, priority: Bool = false, _ description: String? = nil) -> SegmentShape {
        SegmentShape(id: id, name: name, priority: priority, description: description)
    }

    /// One stage's activities: `anchors` in order, then the others.
    private static func stage(
        _ index: Int, anchors: [(String, String, [ChannelKindName]?)] = [],
        others: [(String, String, [ChannelKindName]?)], caps: [String: Int] = [:]
    ) -> [ActivityShape] {
        anchors.map { ActivityShape(word: $0.0, stage: index, kinds: $0.2, label: $0.1, anchor: true, cap: nil) }
            + others.map { ActivityShape(word: $0.0, stage: index, kinds: $0.2, label: $0.1, anchor: false, cap: caps[$0.0]) }
    }

    private static func sequence(
        _ id: String, _ name: String, _ why: String, _ severity: String,
        first: String, then: String, atLeast: Int? = nil, atMost: Int? = nil
    ) -> SequenceShape {
        SequenceShape(id: id, name: name, why: why, severity: severity, first: first, then: then, atLeast: atLeast, atMost: atMost)
    }

    private static let physical: [ChannelKindName] = [.physical]
    private static let digital: [ChannelKindName] = [.digital]
    private static let voice: [ChannelKindName] = [.voice]
    private static let written: [ChannelKindName] = [.digital, .postal]
    private static let remote: [ChannelKindName] = [.digital, .voice]
    private static let meeting: [ChannelKindName] = [.physical, .digital]

    private static let b2cQuantitative = [
        KPIName(name: "Conversion rate", target: "25%"), KPIName(name: "Visits", target: nil),
        KPIName(name: "Average basket", target: "€480"), KPIName(name: "Repeat purchase rate", target: "35%"),
        KPIName(name: "On-time delivery", target: "98%"), KPIName(name: "First-contact resolution", target: "80%"),
        KPIName(name: "Cost per contact", target: "€4.20"), KPIName(name: "Median response time", target: "PT1H"),
        KPIName(name: "Bookings", target: nil), KPIName(name: "Revenue per customer", target: "€1,200"),
    ]
    private static let b2cQualitative = [
        KPIName(name: "Customer effort verbatims", target: nil), KPIName(name: "Mystery shopper review", target: "4/5"),
        KPIName(name: "Tone audit", target: nil), KPIName(name: "Advisor knowledge review", target: nil),
        KPIName(name: "NPS comments", target: nil), KPIName(name: "Handover quality review", target: "no repeat questions"),
    ]
    private static let b2bQuantitative = [
        KPIName(name: "Qualified leads", target: "120 per month"), KPIName(name: "Meetings booked", target: nil),
        KPIName(name: "Win rate", target: "30%"), KPIName(name: "Sales cycle length", target: "90 days"),
        KPIName(name: "Average deal size", target: "€45,000"), KPIName(name: "Pipeline coverage", target: "3x"),
    ]
    private static let b2bQualitative = [
        KPIName(name: "Scoring grid quality", target: nil), KPIName(name: "Champion strength", target: nil),
        KPIName(name: "Proposal clarity review", target: nil), KPIName(name: "Deal review notes", target: nil),
        KPIName(name: "Onboarding sentiment", target: "positive"),
    ]

    // MARK: The brands

    private static let templates: [Template] = [maisonLumiere, atelierNord, voyagesAzur, signflow]

    private static let maisonLumiere = Template(
        id: "maison-lumiere", name: "Maison Lumière", shortName: "Lumière",
        promise: "Expert care, as if at home.", promiseWord: "care",
        values: ["craft", "care", "discretion", "continuity"],
        description: "Premium home care and interiors: upholstery, fabrics, furniture care.",
        extends: groupID,
        overrides: [OverrideShape(
            marker: "formal-address", severity: "warning",
            reason: "Maison Lumière is trialling the informal register with first-time customers on chat until the Q3 panel review."
        )],
        stages: [
            StageShape(id: "discover", role: .explore, weight: 1.0), StageShape(id: "choose", role: .consult, weight: 1.4),
            StageShape(id: "buy", role: .commit, weight: 0.8), StageShape(id: "receive", role: .fulfil, weight: 1.0),
            StageShape(id: "use", role: .care, weight: 0.8), StageShape(id: "support", role: .care, weight: 1.0),
            StageShape(id: "loyalty", role: .loyalty, weight: 0.8),
        ],
        requiredChannels: [
            channel("store", "Boutique", .physical, live: true, "Retail", .store, [.consult, .commit, .care, .loyalty]),
            channel("home", "At-home visit", .physical, live: true, "Home services", .home, [.fulfil, .care],
                    description: "Delivery, installation, diagnosis and repair at the customer's home."),
            channel("web", "Website", .digital, "E-commerce", .web, [.explore, .consult, .commit]),
            channel("email", "E-mail", .digital, "CRM team", .email, [.explore, .consult, .commit, .fulfil, .care, .loyalty]),
            channel("chat", "Chat", .digital, live: true, "Customer care", .chat, [.consult, .care]),
            channel("phone", "Phone line", .voice, live: true, "Customer care", .phone, [.consult, .fulfil, .care]),
            channel("post", "Letters and cards", .postal, "CRM team", .post, [.fulfil, .loyalty]),
        ],
        optionalChannels: [
            channel("events", "Showroom events", .physical, live: true, "Events team", .event, [.explore, .loyalty]),
            channel("app", "Mobile app", .digital, "Digital product", .app, [.commit, .fulfil, .care, .loyalty]),
            channel("social", "Social networks", .digital, "Community team", .social, [.explore, .loyalty]),
            channel("catalogue", "Seasonal catalogue", .postal, "Marketing", .catalogue, [.explore]),
        ],
        priority: segment("premium", "Loyal premium customers", priority: true,
                          "Customers with a named advisor: three purchases or more, or a full-room project."),
        newcomer: segment("newcomers", "First-time customers"),
        optionalSegments: [
            segment("regulars", "Returning customers"),
            segment("designers", "Interior designers and trade", "Professionals who order for their own clients."),
            segment("lapsed", "Customers we have not seen for a year"),
        ],
        rituals: ["welcome-tea", "swatch-box", "care-card", "installation-demo", "care-call", "workshop-photos", "handwritten-note"],
        loyaltyRituals: ["handwritten-note", "care-call", "workshop-photos"],
        languages: ["fr", "en", "de", "nl"],
        activities: [
            stage(0, others: [("lookbook", "Seasonal lookbook", digital), ("newsletter", "Newsletter", digital),
                              ("inspiration-post", "Inspiration post", digital), ("showroom-event", "Showroom evening", physical),
                              ("catalogue-drop", "Catalogue in the letterbox", [.postal]), ("brand-story", "Brand story", nil)]),
            stage(1, anchors: [("consultation", "Consultation with an advisor", nil)],
                  others: [("configurator", "Sofa and fabric configurator", digital), ("swatch-request", "Swatch request", nil),
                           ("quote-reminder", "Quote reminder", [.digital, .voice]), ("advice", "Fabric advice", nil)],
                  caps: ["quote-reminder": 2]),
            stage(2, anchors: [("order", "Order", nil)],
                  others: [("payment", "Payment", meeting), ("order-confirmation", "Order confirmation", written),
                           ("buy-assist", "Help with the order", nil)]),
            stage(3, anchors: [("delivery-booking", "Delivery slot booking", [.voice, .digital]), ("delivery", "Home delivery", physical)],
                  others: [("installation", "Installation", physical), ("delivery-update", "Delivery update", nil)]),
            stage(4, others: [("care-tips", "Care tips", nil), ("care-check", "Care check-up", [.voice, .physical])]),
            stage(5, others: [("claim", "Claim", nil), ("repair-visit", "Repair visit", physical), ("claim-follow-up", "Claim follow-up", nil)]),
            stage(6, anchors: [("survey", "Satisfaction survey", nil)],
                  others: [("thank-you", "Thank-you message", nil), ("invitation", "Private invitation", nil)]),
        ],
        sequences: [
            sequence("consult-before-order", "An advisor is consulted before any order",
                     "Customers who order without advice return twice as many pieces.", "error", first: "consultation", then: "order"),
            sequence("two-reminders-at-most", "At most two quote reminders before the order",
                     "A third reminder reads as pressure, and the group never pushes a sale.", "warning",
                     first: "quote-reminder", then: "order", atLeast: 0, atMost: 2),
            sequence("book-before-delivery", "The delivery slot is agreed before the delivery",
                     "Nobody should wait at home for a van that was never announced.", "warning", first: "delivery-booking", then: "delivery"),
        ],
        surveyWord: "survey",
        themes: ["first-purchase", "care-and-repair", "full-room-project", "reupholstery", "gift-list", "seasonal-refresh", "trade-order", "move-in"],
        isB2B: false
    )

    private static let atelierNord = Template(
        id: "atelier-nord", name: "Atelier Nord", shortName: "Atelier Nord",
        promise: "Made to fit, made to last.", promiseWord: "last",
        values: ["fit", "durability", "craft"],
        description: "Tailored clothing sold in boutiques and online, altered and repaired for life.",
        extends: groupID,
        overrides: [OverrideShape(
            marker: "accessible-digital", severity: "info",
            reason: "The lookbook app is being rebuilt this year; accessibility departures are tracked but do not block releases."
        )],
        stages: [
            StageShape(id: "inspire", role: .explore, weight: 1.0), StageShape(id: "try-on", role: .consult, weight: 1.3),
            StageShape(id: "buy", role: .commit, weight: 0.8), StageShape(id: "deliver", role: .fulfil, weight: 0.9),
            StageShape(id: "wear", role: .care, weight: 0.6), StageShape(id: "alter", role: .care, weight: 0.8),
            StageShape(id: "return", role: .care, weight: 0.6), StageShape(id: "loyalty", role: .loyalty, weight: 0.8),
        ],
        requiredChannels: [
            channel("boutique", "Boutique", .physical, live: true, "Retail", .store, [.consult, .commit, .care, .loyalty]),
            channel("courier", "Courier delivery", .physical, live: true, "Logistics", .home, [.fulfil]),
            channel("web", "Online shop", .digital, "E-commerce", .web, [.explore, .consult, .commit, .care]),
            channel("email", "E-mail", .digital, "Client relations", .email, [.explore, .consult, .commit, .fulfil, .care, .loyalty]),
            channel("whatsapp", "WhatsApp with a stylist", .digital, live: true, "Stylists", .chat, [.consult, .fulfil, .care]),
            channel("phone", "Client service line", .voice, live: true, "Client service", .phone, [.fulfil, .care]),
            channel("post", "Parcels and cards", .postal, "Client relations", .post, [.fulfil, .loyalty]),
        ],
        optionalChannels: [
            channel("atelier", "Tailoring workshop", .physical, live: true, "Tailoring", .store, [.care]),
            channel("popup", "Pop-up stores", .physical, live: true, "Events", .event, [.explore, .consult]),
            channel("app", "Atelier Nord app", .digital, "Digital product", .app, [.explore, .commit, .fulfil, .loyalty]),
            channel("instagram", "Instagram", .digital, "Community team", .social, [.explore, .loyalty]),
            channel("video-styling", "Video styling session", .voice, live: true, "Stylists", .video, [.consult]),
        ],
        priority: segment("circle", "Atelier Circle members", priority: true, "Clients with a personal stylist and free lifetime alterations."),
        newcomer: segment("first-timers", "First-time buyers"),
        optionalSegments: [
            segment("regulars", "Regular clients"), segment("students", "Students"),
            segment("corporate", "Corporate uniform buyers", "Companies that dress their front-of-house teams."),
        ],
        rituals: ["espresso-welcome", "fabric-card", "fitting-note", "tailor-sketch", "birthday-card", "repair-voucher"],
        loyaltyRituals: ["birthday-card", "repair-voucher"],
        languages: ["fr", "en", "sv", "de"],
        activities: [
            stage(0, others: [("drop-alert", "New collection alert", digital), ("lookbook", "Lookbook", digital),
                              ("styling-post", "Styling post", digital), ("popup-visit", "Pop-up visit", physical), ("inspiration", "Inspiration", nil)]),
            stage(1, anchors: [("styling-session", "Styling session", nil)],
                  others: [("fitting", "Fitting", physical), ("wishlist-reminder", "Wishlist reminder", [.digital, .voice]),
                           ("size-advice", "Size advice", nil)],
                  caps: ["wishlist-reminder": 2]),
            stage(2, anchors: [("order", "Order", nil)],
                  others: [("payment", "Payment", meeting), ("gift-wrap", "Gift wrapping", physical), ("checkout-help", "Checkout help", nil)]),
            stage(3, anchors: [("delivery-booking", "Delivery booking", [.digital, .voice]), ("delivery", "Delivery", physical)],
                  others: [("pick-up", "Boutique pick-up", physical), ("tracking", "Parcel tracking", nil)]),
            stage(4, others: [("care-guide", "Care guide", nil), ("styling-tips", "Styling tips", digital)]),
            stage(5, others: [("alteration-request", "Alteration request", nil), ("alteration", "Alteration", physical)]),
            stage(6, others: [("return-request", "Return request", nil), ("refund", "Refund", digital)]),
            stage(7, anchors: [("survey", "Satisfaction survey", nil)],
                  others: [("private-sale", "Private sale", nil), ("thank-you", "Thank-you note", nil)]),
        ],
        sequences: [
            sequence("style-before-order", "A styling session before the first order",
                     "Fit is the promise: nobody orders before a stylist has seen them or their measurements.", "error",
                     first: "styling-session", then: "order"),
            sequence("two-wishlist-reminders", "At most two wishlist reminders before an order",
                     "Reminders help; a third one nags.", "warning", first: "wishlist-reminder", then: "order", atLeast: 0, atMost: 2),
            sequence("book-before-delivery", "Deliveries are booked with the client",
                     "A tailored piece is handed over, not left with a neighbour.", "warning", first: "delivery-booking", then: "delivery"),
        ],
        surveyWord: "survey",
        themes: ["first-suit", "wedding", "capsule-wardrobe", "alterations", "corporate-uniforms", "seasonal-drop", "gift", "repair-for-life"],
        isB2B: false
    )

    private static let voyagesAzur = Template(
        id: "voyages-azur", name: "Voyages Azur", shortName: "Azur",
        promise: "Travel lightly, we carry the rest.", promiseWord: "carry",
        values: ["serenity", "discovery", "care"],
        description: "Tailor-made trips sold in agencies and online, with a travel designer from the first dream to the homecoming.",
        extends: groupID,
        overrides: [],
        stages: [
            StageShape(id: "dream", role: .explore, weight: 1.0), StageShape(id: "plan", role: .consult, weight: 1.3),
            StageShape(id: "book", role: .commit, weight: 0.7), StageShape(id: "prepare", role: .fulfil, weight: 1.0),
            StageShape(id: "travel", role: .care, weight: 1.2), StageShape(id: "come-home", role: .care, weight: 0.6),
            StageShape(id: "share", role: .loyalty, weight: 0.7),
        ],
        requiredChannels: [
            channel("agency", "Travel agency", .physical, live: true, "Agencies", .store, [.consult, .commit, .loyalty]),
            channel("airport-desk", "Airport desk", .physical, live: true, "Airport services", .home, [.fulfil, .care]),
            channel("web", "Website", .digital, "E-commerce", .web, [.explore, .consult, .commit]),
            channel("email", "E-mail", .digital, "Customer relations", .email, [.explore, .consult, .commit, .fulfil, .care, .loyalty]),
            channel("chat", "Chat with a travel designer", .digital, live: true, "Travel designers", .chat, [.consult, .fulfil, .care]),
            channel("phone", "24/7 phone line", .voice, live: true, "Assistance", .phone, [.consult, .fulfil, .care]),
            channel("post", "Travel documents by post", .postal, "Customer relations", .post, [.fulfil, .loyalty]),
        ],
        optionalChannels: [
            channel("travel-fair", "Travel fairs", .physical, live: true, "Events", .event, [.explore]),
            channel("app", "Travel companion app", .digital, "Digital product", .app, [.fulfil, .care, .loyalty]),
            channel("social", "Social networks", .digital, "Community team", .social, [.explore, .loyalty]),
            channel("video-call", "Video call with a designer", .voice, live: true, "Travel designers", .video, [.consult]),
            channel("brochure", "Printed brochure", .postal, "Marketing", .catalogue, [.explore]),
        ],
        priority: segment("globetrotters", "Globetrotters club", priority: true, "Three trips or more: a named travel designer and airport greeting."),
        newcomer: segment("explorers", "First-time travellers"),
        optionalSegments: [
            segment("families", "Families"), segment("groups", "Groups and associations"), segment("business", "Business travellers"),
        ],
        rituals: ["welcome-map", "travel-journal", "airport-greeting", "postcard", "homecoming-call", "photo-book"],
        loyaltyRituals: ["postcard", "photo-book", "homecoming-call"],
        languages: ["fr", "en", "it", "es"],
        activities: [
            stage(0, others: [("inspiration-mail", "Inspiration mail", written), ("destination-guide", "Destination guide", nil),
                              ("fair-visit", "Travel fair visit", physical)]),
            stage(1, anchors: [("travel-advice", "Travel advice", nil)],
                  others: [("itinerary-draft", "Itinerary draft", nil), ("quote-reminder", "Quote reminder", [.digital, .voice])],
                  caps: ["quote-reminder": 2]),
            stage(2, anchors: [("booking", "Booking", nil)],
                  others: [("payment", "Payment", meeting), ("booking-confirmation", "Booking confirmation", written)]),
            stage(3, anchors: [("document-check", "Document check", nil), ("departure-briefing", "Departure briefing", nil)],
                  others: [("travel-documents", "Travel documents", written), ("packing-tips", "Packing tips", digital), ("prep-call", "Preparation call", nil)]),
            stage(4, others: [("transfer", "Transfer", physical), ("on-trip-assist", "On-trip assistance", nil), ("excursion", "Excursion", physical)]),
            stage(5, others: [("welcome-back", "Welcome back", nil), ("feedback-call", "Feedback call", voice)]),
            stage(6, anchors: [("survey", "Trip survey", nil)],
                  others: [("photo-contest", "Photo contest", digital), ("loyalty-offer", "Loyalty offer", nil)]),
        ],
        sequences: [
            sequence("advice-before-booking", "A travel designer advises before any booking",
                     "A trip booked without advice is a trip we cannot stand behind.", "error", first: "travel-advice", then: "booking"),
            sequence("two-quote-reminders", "At most two quote reminders before the booking",
                     "Travellers dream at their own pace.", "warning", first: "quote-reminder", then: "booking", atLeast: 0, atMost: 2),
            sequence("check-before-briefing", "Documents are checked before the departure briefing",
                     "A briefing on a trip whose visa is missing is a briefing for nothing.", "warning",
                     first: "document-check", then: "departure-briefing"),
        ],
        surveyWord: "survey",
        themes: ["first-trip", "honeymoon", "family-summer", "city-break", "group-tour", "business-trip", "expedition", "weekend"],
        isB2B: false
    )

    private static let signflow = Template(
        id: "signflow", name: "Signflow", shortName: "Signflow",
        promise: "Sign anything, anywhere, in a minute.", promiseWord: "minute",
        values: ["simplicity", "trust", "reliability"],
        description: "Electronic-signature software sold to companies by a field sales team, with inside sales qualifying leads by phone.",
        extends: nil,
        overrides: [],
        stages: [
            StageShape(id: "lead", role: .explore, weight: 1.0), StageShape(id: "qualification", role: .consult, weight: 0.8),
            StageShape(id: "discovery-meeting", role: .consult, weight: 1.4), StageShape(id: "proposal", role: .commit, weight: 0.8),
            StageShape(id: "negotiation", role: .commit, weight: 0.8), StageShape(id: "closing", role: .commit, weight: 0.6),
            StageShape(id: "onboarding", role: .loyalty, weight: 1.0),
        ],
        requiredChannels: [
            channel("phone", "Phone", .voice, live: true, "Inside sales", .phone, [.consult, .commit, .loyalty]),
            channel("email", "E-mail", .digital, "Marketing operations", .email, [.explore, .consult, .commit, .loyalty]),
            channel("web", "Website and trial", .digital, "Marketing operations", .web, [.explore]),
            channel("field", "Field visit", .physical, live: true, "Field sales", .field, [.consult, .commit]),
            channel("video", "Video call", .digital, live: true, "Field sales", .video, [.consult, .commit, .loyalty]),
            channel("post", "Contracts by post", .postal, "Contracts desk", .post, [.commit]),
        ],
        optionalChannels: [
            channel("webinar", "Webinars", .digital, "Marketing", .event, [.explore]),
            channel("trade-show", "Trade shows", .physical, live: true, "Events", .event, [.explore]),
            channel("linkedin", "LinkedIn", .digital, "Marketing", .social, [.explore]),
            channel("support-chat", "Support chat", .digital, live: true, "Customer success", .chat, [.loyalty]),
        ],
        priority: segment("key-accounts", "Key accounts", priority: true, "Named accounts of more than 1,000 staff, with a dedicated account executive."),
        newcomer: segment("smb", "Small businesses (under 50 staff)"),
        optionalSegments: [
            segment("mid-market", "Mid-market companies (50 to 1,000 staff)"),
            segment("public-sector", "Public sector"), segment("partners", "Resellers and integrators"),
        ],
        rituals: ["welcome-kit", "executive-lunch", "success-plan", "quarterly-review", "customer-story"],
        loyaltyRituals: ["success-plan", "quarterly-review"],
        languages: ["en", "fr", "de"],
        activities: [
            stage(0, others: [("inbound-lead", "Inbound lead", digital), ("nurture-mail", "Nurture e-mail", digital),
                              ("webinar-session", "Webinar", digital), ("trade-show-visit", "Trade show visit", physical), ("lead-call", "Lead call", nil)]),
            stage(1, anchors: [("phone-qualification", "15-minute qualification call", voice)],
                  others: [("scoring-mail", "Scoring questionnaire", digital), ("qualification-note", "Qualification note", nil)]),
            stage(2, anchors: [("discovery-meeting", "Discovery meeting (RDV-D)", meeting)],
                  others: [("exchange-meeting", "Exchange meeting (RDV-E)", [.physical, .digital, .voice]), ("meeting-recap", "Meeting recap", nil)],
                  caps: ["exchange-meeting": 5]),
            stage(3, anchors: [("proposal-meeting", "Proposal meeting (RDV-P)", meeting)],
                  others: [("follow-up-mail", "Follow-up e-mail", written), ("proposal-review", "Proposal review", nil)]),
            stage(4, others: [("negotiation-meeting", "Negotiation meeting", nil), ("terms-mail", "Terms e-mail", written)]),
            stage(5, anchors: [("closing-meeting", "Closing meeting (RDV-C)", meeting), ("contract-signature", "Contract signature", nil)],
                  others: [("closing-recap", "Closing recap", nil)]),
            stage(6, anchors: [("kick-off", "Kick-off", nil), ("satisfaction-survey", "Satisfaction survey", nil)],
                  others: [("training", "Training session", nil), ("adoption-review", "Adoption review", nil)]),
        ],
        sequences: [
            sequence("qualify-by-phone-first", "A phone qualification before any discovery meeting",
                     "A 15-minute call tells the rep whether a meeting is worth the trip.", "error",
                     first: "phone-qualification", then: "discovery-meeting"),
            sequence("five-exchanges-at-most", "At most five exchange meetings before the proposal",
                     "Beyond five exchange meetings a deal is stuck: the team reviews what blocks it.", "warning",
                     first: "exchange-meeting", then: "proposal-meeting", atLeast: 0, atMost: 5),
            sequence("discovery-before-proposal", "No proposal without a discovery meeting",
                     "A proposal written without meeting the prospect answers the wrong need.", "warning",
                     first: "discovery-meeting", then: "proposal-meeting"),
        ],
        surveyWord: "satisfaction-survey",
        themes: ["new-business", "upsell", "renewal", "public-tender", "partner-deal", "pilot", "expansion", "migration"],
        isB2B: true
    )
}
