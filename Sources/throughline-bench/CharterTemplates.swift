/// The charters of a generated workspace: the group's shared markers and
/// each brand's own, written from templates over the brand's vocabulary so
/// that every marker kind, every operator and every `where` filter appears.
/// A template whose attribute, stage or channel the brand lacks is left out.
enum CharterTemplates {
    static func group() -> GroupShape {
        let writtenKinds: [ChannelKindName] = [.digital, .postal]
        return GroupShape(
            id: BrandCatalogue.groupID, name: "Orée group charter",
            description: "What a customer should recognise in any house of the Orée group, whatever the brand and the channel.",
            markers: [
                MarkerSpec(id: "formal-address", name: "We address every customer formally",
                           why: "Formal address is the group's first sign of respect, from the first web page to the last letter.",
                           severity: "error", scope: .everywhere,
                           rule: .expectation([Expect(attribute: "address", op: .equals(.word("formal")), shorthand: true)]),
                           comment: "A bare value is short for { \"equals\": ... }."),
                MarkerSpec(id: "no-hard-sell", name: "We never push a sale",
                           why: "Customers trust us to advise, not to pressure.", severity: "error", scope: .everywhere,
                           rule: .expectation([Expect(attribute: "tone", op: .noneOf([.word("pushy")]))]), comment: nil),
                MarkerSpec(id: "signed-messages", name: "Every written message is signed",
                           why: "A message without a signature is a message from nobody.", severity: "warning",
                           scope: ScopeSpec(channelKinds: writtenKinds),
                           rule: .expectation([Expect(attribute: "signature", op: .present)]),
                           comment: "Written channels only: a boutique visit or a phone call is not signed."),
                MarkerSpec(id: "current-visual-identity", name: "Written material uses a current visual identity",
                           why: nil, severity: "info", scope: ScopeSpec(channelKinds: writtenKinds),
                           rule: .expectation([Expect(attribute: "visualIdentity", op: .oneOf([.word("current"), .word("seasonal")]))]), comment: nil),
                MarkerSpec(id: "accessible-digital", name: "Every screen is accessible",
                           why: "One customer in five lives with a disability; our screens are theirs too.", severity: "warning",
                           scope: ScopeSpec(channelKinds: [.digital]),
                           rule: .expectation([Expect(attribute: "accessible", op: .equals(.flag(true)))]), comment: nil),
                MarkerSpec(id: "no-anonymous-writing", name: "No anonymous written message",
                           why: "Even an automated message knows at least who it is written for.", severity: "info",
                           scope: ScopeSpec(channelKinds: writtenKinds),
                           rule: .expectation([Expect(attribute: "personalisation", op: .atLeast(.word("segment")))]), comment: nil),
            ]
        )
    }

    /// The group markers as a brand inherits them, for the planner.
    static func inherited(by brand: BrandShape, group: GroupShape) -> [MarkerSpec] {
        brand.extends == group.id ? group.markers : []
    }

    static func markers(for brand: BrandShape) -> [MarkerSpec] {
        var builder = Builder(brand: brand)
        builder.addTone()
        builder.addPersonalisation()
        builder.addResponseTimes()
        builder.addDiscounts()
        builder.addComfort()
        builder.addCare()
        builder.addWritten()
        builder.addRituals()
        if brand.isB2B { builder.addSales() }
        builder.addOtherKinds()
        return builder.markers
    }

    /// Collects markers, dropping any whose vocabulary the brand lacks.
    private struct Builder {
        let brand: BrandShape
        var markers: [MarkerSpec] = []

        init(brand: BrandShape) { self.brand = brand }

        func stage(_ role: StageRole) -> String? { brand.stageID(role) }
        func stages(_ role: StageRole) -> [String] { brand.stages.filter { $0.role == role }.map(\.id) }
        func channels(_ roles: ChannelRole...) -> [String] { brand.channels { roles.contains($0.role) } }
        var liveChannels: [String] { brand.channels { $0.live } }
        var priority: String? { brand.priority?.id }
        var newcomer: String { brand.newcomer.id }
        func word(_ text: String) -> PlanValue { .word(text) }

        mutating func add(
            _ id: String, _ name: String, why: String? = nil, severity: String? = "warning",
            where scope: ScopeSpec = .everywhere, _ rule: RuleSpec, comment: String? = nil
        ) {
            guard rule.attributes.allSatisfy({ brand.attribute($0) != nil }) else { return }
            for list in [scope.channels, scope.stages, scope.segments] {
                if let list, list.isEmpty { return }
            }
            if let kinds = scope.channelKinds, !brand.channels.contains(where: { kinds.contains($0.kind) }) { return }
            markers.append(MarkerSpec(id: id, name: name, why: why, severity: severity, scope: scope, rule: rule, comment: comment))
        }

        mutating func expect(
            _ id: String, _ name: String, why: String? = nil, severity: String? = "warning",
            where scope: ScopeSpec = .everywhere, _ attribute: String, _ op: ExpectOp, shorthand: Bool = false, comment: String? = nil
        ) {
            add(id, name, why: why, severity: severity, where: scope,
                .expectation([Expect(attribute: attribute, op: op, shorthand: shorthand)]), comment: comment)
        }

        func optional(_ value: String?) -> [String] { value.map { [$0] } ?? [] }

        // MARK: Templates by theme

        mutating func addTone() {
            expect("house-tone", "We speak warmly or as experts",
                   why: "A neutral, administrative voice is the voice of anybody, not ours.",
                   "tone", .oneOf([word("warm"), word("expert")]), comment: "── Tone and voice ──")
            expect("expert-guidance", "Choosing and caring are guided by experts", severity: "info",
                   where: ScopeSpec(stages: optional(stage(.consult)) + optional(stage(.care))), "tone", .equals(word("expert")))
            expect("warm-thanks", "We thank warmly", severity: "info",
                   where: ScopeSpec(stages: optional(stage(.loyalty))), "tone", .equals(word("warm")))
            if brand.extends == nil {
                expect("formal-address", "We address prospects formally", severity: "error", "address", .equals(word("formal")), shorthand: true)
            }
        }

        mutating func addPersonalisation() {
            if let priority {
                expect("named-advisor", "Priority customers always deal with their named advisor",
                       why: "A priority customer should never explain their situation twice.", severity: "error",
                       where: ScopeSpec(channels: liveChannels, segments: [priority]), "personalisation", .atLeast(word("advisor")),
                       comment: "── Personal care for the priority segment ──")
            }
            expect("personal-at-commit", "Nobody commits with an anonymous counterpart",
                   where: ScopeSpec(stages: optional(stage(.commit))), "personalisation", .atLeast(word("named")))
            expect("advisor-recap", "Advice is recapped by name", severity: "info",
                   where: ScopeSpec(channels: channels(.email), stages: optional(stage(.consult))), "personalisation", .atLeast(word("named")))
            expect("newcomer-welcome", "Newcomers are welcomed as such",
                   where: ScopeSpec(stages: optional(stage(.explore)), segments: [newcomer]), "personalisation", .noneOf([word("none")]))
        }

        mutating func addResponseTimes() {
            expect("fast-written-reply", "Written questions are answered within two hours",
                   where: ScopeSpec(channels: channels(.email, .chat)), "responseTime", .atMost(AttributeCatalogue.duration("PT2H")),
                   comment: "── Service promises ──")
            expect("live-answer", "A person picks up within three minutes",
                   where: ScopeSpec(channelKinds: [.voice]), "responseTime", .atMost(AttributeCatalogue.duration("PT3M")))
            if let priority {
                expect("priority-fast-reply", "Priority customers hear back within the hour",
                       where: ScopeSpec(channelKinds: [.digital], segments: [priority]), "responseTime", .atMost(AttributeCatalogue.duration("PT1H")))
            }
            expect("care-visit-response", "Visits after a problem happen within the hour of the appointment",
                   severity: "info", where: ScopeSpec(channelKinds: [.physical], stages: stages(.care)),
                   "responseTime", .atMost(AttributeCatalogue.duration("PT1H")))
        }

        mutating func addDiscounts() {
            if let priority {
                expect("priority-no-discount", "Priority customers are thanked with gestures, not discount codes",
                       why: "Discounts belong to acquisition; loyal customers get rituals and attention.", severity: "info",
                       where: ScopeSpec(segments: [priority]), "discount", .absent, comment: "── Offers ──")
            }
            if !brand.isB2B {
                expect("capped-welcome-offer", "The welcome offer stays modest",
                       where: ScopeSpec(stages: optional(stage(.commit)), segments: [newcomer]), "discount", .atMost(.number(20)))
                expect("real-welcome-offer", "The welcome offer is worth having", severity: "info",
                       where: ScopeSpec(stages: optional(stage(.commit)), segments: [newcomer]), "discount", .atLeast(.number(5)))
                expect("no-discount-after-sale", "No sales pitch in after-sales",
                       where: ScopeSpec(stages: stages(.care)), "discount", .absent)
            }
            expect("no-discount-on-social", "No discount codes on social networks", severity: "info",
                   where: ScopeSpec(channels: channels(.social)), "discount", .absent)
        }

        mutating func addComfort() {
            expect("effort-never-high", "Nothing we plan is hard work for the customer", "effort", .noneOf([word("high")]),
                   comment: "── Effort and waiting ──")
            expect("easy-purchase", "Committing is easy",
                   where: ScopeSpec(stages: optional(stage(.commit))), "effort", .atMost(word("low")))
            expect("effortless-screens", "Screens ask for no effort", severity: "info",
                   where: ScopeSpec(channels: channels(.web, .app)), "effort", .oneOf([word("none"), word("low")]))
            expect("short-wait", "Nobody waits more than ten minutes in person",
                   where: ScopeSpec(channelKinds: [.physical]), "waitTime", .atMost(AttributeCatalogue.duration("PT10M")))
            if let priority {
                expect("priority-no-wait", "Priority customers do not wait",
                       where: ScopeSpec(channelKinds: [.physical], segments: [priority]), "waitTime", .atMost(AttributeCatalogue.duration("PT2M")))
                expect("concierge-for-priority", "Priority customers get the concierge service in person and by phone",
                       where: ScopeSpec(channelKinds: [.physical, .voice], segments: [priority]), "serviceLevel", .atLeast(word("concierge")))
            }
        }

        mutating func addCare() {
            let care = stages(.care)
            expect("attentive-care", "After-sales service is attentive",
                   where: ScopeSpec(stages: care), "serviceLevel", .atLeast(word("attentive")), comment: "── After the sale ──")
            expect("satisfaction-target", "After-sales aims at 85% satisfaction",
                   where: ScopeSpec(stages: care), "satisfactionTarget", .atLeast(.number(85)))
            if let priority {
                expect("priority-satisfaction", "Priority customers: 90% satisfaction",
                       where: ScopeSpec(stages: care + optional(stage(.loyalty)), segments: [priority]), "satisfactionTarget", .atLeast(.number(90)))
            }
            expect("satisfaction-measured", "Loyalty touchpoints are measured", severity: "info",
                   where: ScopeSpec(stages: optional(stage(.loyalty))), "satisfactionTarget", .present)
            expect("follow-up-after-care", "A problem is followed up within two days",
                   where: ScopeSpec(stages: care), "followUpWithin", .atMost(AttributeCatalogue.duration("P2D")))
            expect("follow-up-planned", "Every delivery step plans its follow-up", severity: "info",
                   where: ScopeSpec(stages: optional(stage(.fulfil))), "followUpWithin", .present)
            expect("context-on-calls", "Whoever answers a call after a problem knows the file",
                   where: ScopeSpec(channelKinds: [.voice], stages: care), "contextCarried", .equals(.flag(true)))
        }

        mutating func addWritten() {
            let letters = channels(.email, .post)
            expect("signature-names-the-house", "Mails and letters are signed in the name of the house",
                   where: ScopeSpec(channels: letters), "signature", .matches(brand.shortName),
                   comment: "── Written messages ──\nSearched in the value: any signature that names the house.")
            expect("accessible-letters", "Mails and letters are accessible",
                   where: ScopeSpec(channels: letters), "accessible", .equals(.flag(true)), shorthand: true)
            expect("consent-before-marketing", "Marketing consent is checked before we write",
                   severity: "error", where: ScopeSpec(channelKinds: [.digital, .postal], stages: optional(stage(.explore)) + optional(stage(.loyalty))),
                   "consentChecked", .equals(.flag(true)))
            expect("language-known", "We know the customer's language", severity: "info",
                   where: ScopeSpec(channelKinds: [.digital, .postal, .voice]), "language", .present)
            let printLanguages = Array((brand.attributes.first { $0.id == "language" }?.kind.words ?? []).prefix(2))
            if !printLanguages.isEmpty {
                expect("print-languages", "Printed material exists in our two main languages only",
                       where: ScopeSpec(channelKinds: [.postal]), "language", .oneOf(printLanguages.map(word)))
            }
            expect("no-legacy-print", "No old letterheads", where: ScopeSpec(channelKinds: [.postal]), "visualIdentity", .equals(word("current")))
            expect("current-at-checkout", "Checkout screens use the current identity", severity: "info",
                   where: ScopeSpec(channelKinds: [.digital], stages: optional(stage(.commit))), "visualIdentity", .equals(word("current")))
            expect("promise-on-screens", "Screens and mails state the promise where customers discover us",
                   where: ScopeSpec(channelKinds: [.digital], stages: optional(stage(.explore))), "promiseLine", .matches(brand.promiseWord))
            if let commit = brand.stage(role: .commit) {
                let words = brand.activities.filter { $0.stage == commit }.map(\.word)
                expect("commit-activities", "The \(brand.stages[commit].id) stage does what it says", severity: "info",
                       where: ScopeSpec(stages: [brand.stages[commit].id]), "activity", .oneOf(words.map(word)))
            }
        }

        mutating func addRituals() {
            expect("ritual-at-loyalty", "Loyalty moments carry a house ritual",
                   where: ScopeSpec(stages: optional(stage(.loyalty))), "ritual", .oneOf(brand.loyaltyRituals.map(word)),
                   comment: "── Rituals ──")
            if let priority {
                expect("priority-letters-carry-a-ritual", "Letters to priority customers carry a ritual", severity: "info",
                       where: ScopeSpec(channelKinds: [.postal], segments: [priority]), "ritual", .present)
            }
        }

        mutating func addSales() {
            let qualification = brand.stages.first { $0.id == "qualification" }?.id
            expect("short-qualification-call", "The qualification call lasts fifteen minutes",
                   where: ScopeSpec(channels: channels(.phone), stages: optional(qualification)),
                   "meetingLength", .atMost(AttributeCatalogue.duration("PT15M")), comment: "── The sales cycle ──")
            expect("meetings-have-a-length", "Every meeting has a planned length", severity: "info",
                   where: ScopeSpec(channels: channels(.field, .video)), "meetingLength", .present)
            expect("recap-within-a-day", "Every meeting is recapped in writing within a day", severity: "info",
                   where: ScopeSpec(channels: channels(.field, .video)), "recapWithin", .atMost(AttributeCatalogue.duration("P1D")))
            expect("decision-maker-at-closing", "A decision maker attends the closing meeting",
                   where: ScopeSpec(channelKinds: [.physical], stages: ["closing"]), "decisionMaker", .equals(.flag(true)), shorthand: true)
            if let priority {
                expect("key-account-deal-size", "Key-account proposals are sized as such", severity: "info",
                       where: ScopeSpec(stages: ["proposal"], segments: [priority]), "dealSize", .atLeast(.number(50_000)))
            }
            expect("small-deals-stay-small", "Small-business proposals stay within the self-serve range", severity: "info",
                   where: ScopeSpec(stages: ["proposal"], segments: [newcomer]), "dealSize", .atMost(.number(25_000)))
            expect("no-early-discount", "No discount before the negotiation",
                   where: ScopeSpec(stages: ["lead", "qualification", "discovery-meeting", "proposal"]), "discount", .absent)
            // Key accounts negotiate volume, never a discount code: the cap is for the others.
            let others = brand.segments.filter { !$0.priority }.map(\.id)
            expect("negotiation-discount-cap", "Negotiated discounts stay under 15%", severity: "error",
                   where: ScopeSpec(stages: ["negotiation"], segments: others), "discount", .atMost(.number(15)))
        }

        mutating func addOtherKinds() {
            if let priority {
                add("ritual-every-stage", "A ritual at every stage for priority customers",
                    why: "Rituals make the experience recognisably ours.", where: ScopeSpec(segments: [priority]),
                    .coverage(per: "stage", atLeast: 1, [Expect(attribute: "ritual", op: .present)]), comment: "── Coverage ──")
            }
            add("personal-touch-per-channel", "A personal touch on every channel", severity: "info",
                .coverage(per: "channel", atLeast: nil, [Expect(attribute: "personalisation", op: .atLeast(word("named")))]))
            add("survey-every-journey", "Every journey asks the customer what they thought",
                .coverage(per: "journey", atLeast: 1, [Expect(attribute: "activity", op: .equals(word(brand.surveyWord)))]))

            add("one-signature", "One signature across channels",
                why: "The same voice signs the mail, the chat and the app.", .consistent(attribute: "signature", across: "channels"),
                comment: "── Consistency ──")
            add("one-language", "One language along a journey", severity: "info", .consistent(attribute: "language", across: "channels"))
            add("one-promise", "One wording of the promise", where: ScopeSpec(stages: optional(stage(.explore))),
                .consistent(attribute: "promiseLine", across: "journeys"))

            for sequence in brand.sequences {
                add(sequence.id, sequence.name, why: sequence.why, severity: sequence.severity, .sequence(sequence),
                    comment: sequence.id == brand.sequences.first?.id ? "── Order of things ──" : nil)
            }

            add("context-follows-the-customer", "The customer never repeats themselves", severity: "error",
                .handoff([Expect(attribute: "contextCarried", op: .equals(.flag(true)))]), comment: "── Continuity between channels ──")
            add("warm-handover", "Whoever takes over in person or by voice knows the customer's name",
                where: ScopeSpec(channelKinds: [.physical, .voice]), .handoff([Expect(attribute: "personalisation", op: .atLeast(word("named")))]))

            add("kpis-per-stage", "Every stage is measured in numbers and in quality", .stageKPIs(quantitative: 1, qualitative: 1),
                comment: "── Measures ──")
            add("two-numbers-where-it-counts", "Commitment and loyalty are measured twice", severity: "info",
                where: ScopeSpec(stages: optional(stage(.commit)) + optional(stage(.loyalty))), .stageKPIs(quantitative: 2, qualitative: nil))

            let progression = brand.progressionAttribute
            add("\(progression)-rises", brand.isB2B ? "The win probability rises toward closing" : "Engagement only grows along a journey",
                severity: "error", .progression(attribute: progression))
            add("\(progression)-rises-in-person", "It grows in person and by voice too", severity: "info",
                where: ScopeSpec(channelKinds: [.physical, .voice]), .progression(attribute: progression))
        }
    }
}
