import JSONCReader
import JourneyModel

/// Reads a KPI's `measure` and `objective`, field by field as
/// ``KPIMeasureFormat`` describes them, in the vocabulary of the brand and
/// the touchpoints of the journey. Every problem is located at its value.
enum KPIMeasureDecoder {
    static func measure(
        _ value: JSONCValue, stage: Int, brand: Brand, touchpoints: Catalog<Touchpoint>, context: inout DecodingContext
    ) -> KPIMeasure? {
        guard let object = context.object(value, for: "measure") else { return nil }
        let known = KPIMeasureFormat.fields.map(\.key)
        var words: [String: (String, JSONCValue)] = [:]
        var attributes: [String: Int] = [:]
        var to: Int?, marker: String?, scale: Double?, chosen: [Int] = []
        var valid = true
        for member in object.members {
            guard let field = KPIMeasureFormat.fields.first(where: { $0.key == member.key }) else {
                context.reportUnknownField(member, in: "a KPI measure", known: known)
                valid = false
                continue
            }
            let entry = member.value
            switch field.type {
            case .word(let allowed):
                guard let word = context.string(entry, for: field.key) else { valid = false; continue }
                guard allowed.contains(word) else {
                    context.reportUnknown(.invalidValue, at: entry, name: word, what: "'\(field.key)' value", known: allowed)
                    valid = false
                    continue
                }
                words[field.key] = (word, entry)
            case .numberAttribute:
                guard let index = context.resolve(entry, in: brand.attributes, code: .unknownAttribute, what: "attribute", field: field.key) else {
                    valid = false
                    continue
                }
                guard brand.attributes[index].type == .number else {
                    context.report(.invalidValue, at: entry, "'\(field.key)' needs a number attribute; '\(brand.attributes[index].id)' is \(brand.attributes[index].type.name)")
                    valid = false
                    continue
                }
                attributes[field.key] = index
            case .stage:
                guard let index = context.resolve(entry, in: brand.stages, code: .unknownStage, what: "stage", field: field.key) else {
                    valid = false
                    continue
                }
                if index <= stage {
                    context.report(.invalidValue, at: entry, "'to' must be a stage after '\(brand.stages[stage].id)'")
                    valid = false
                }
                to = index
            case .marker:
                guard let id = context.string(entry, for: field.key) else { valid = false; continue }
                guard brand.charter.markers.contains(where: { $0.id == id }) else {
                    context.reportUnknown(.unknownMarker, at: entry, name: id, what: "marker", known: brand.charter.markers.map(\.id))
                    valid = false
                    continue
                }
                marker = id
            case .positiveNumber:
                guard let number = context.number(entry, for: field.key) else { valid = false; continue }
                guard number > 0 else {
                    context.report(.invalidValue, at: entry, "'\(field.key)' must be above 0")
                    valid = false
                    continue
                }
                scale = number
            case .touchpoints:
                guard let indices = context.resolveAll(entry, in: touchpoints, code: .unknownTouchpoint, what: "touchpoint", field: field.key),
                      indices.count == (entry.kind == .array ? entry.elements.count : 1) else {
                    valid = false
                    continue
                }
                for index in indices where touchpoints[index].stage != stage {
                    context.report(.invalidValue, at: entry, "touchpoint '\(touchpoints[index].id)' is not at stage '\(brand.stages[stage].id)', the KPI's")
                    valid = false
                }
                chosen = indices
            }
        }
        let given = KPIMeasureFormat.quantityKeys.filter { object[$0] != nil }
        guard given.count == 1, let key = given.first else {
            let listing = KPIMeasureFormat.quantityKeys.map { "'\($0)'" }.joined(separator: ", ")
            let message = given.isEmpty ? "a KPI measure needs one of \(listing)" : "a KPI measure gives one of \(listing), not \(given.count)"
            context.report(given.isEmpty ? .missingField : .invalidValue, at: object, message)
            return nil
        }
        guard valid else { return nil }
        func require(_ field: String, for what: String) -> Bool {
            guard object[field] == nil else { return true }
            context.reportMissing(field, in: object, what: what)
            return false
        }
        func refuse(_ fields: [String], for what: String) -> Bool {
            for field in fields {
                if let entry = object[field] {
                    context.report(.invalidValue, at: entry, "'\(field)' does not apply to \(what)")
                    return false
                }
            }
            return true
        }
        let per = words["per"].flatMap { KPIPeriodLength(rawValue: $0.0) }
        let by = words["by"].flatMap { KPIGrouping(rawValue: $0.0) } ?? .team
        let quantity: KPIQuantity
        switch key {
        case "count":
            guard refuse(["to", "marker", "weightedBy", "weightScale"], for: "a count"),
                  let unit = words["count"].flatMap({ KPICountUnit(rawValue: $0.0) }) else { return nil }
            quantity = .count(unit)
        case "rate":
            guard let kind = words["rate"]?.0, refuse(["per", "weightedBy", "weightScale"], for: "a rate") else { return nil }
            if kind == "conversion" {
                guard require("to", for: "a conversion rate"), refuse(["marker"], for: "a conversion rate"), let to else { return nil }
                quantity = .conversion(to: to)
            } else {
                guard require("marker", for: "a marker rate"), refuse(["to"], for: "a marker rate"), let marker else { return nil }
                quantity = .markerShare(marker: marker)
            }
        case "sum":
            guard refuse(["to", "marker"], for: "a sum"), let attribute = attributes["sum"] else { return nil }
            if scale != nil, attributes["weightedBy"] == nil {
                guard require("weightedBy", for: "a sum with a 'weightScale'") else { return nil }
            }
            quantity = .sum(attribute: attribute, weightedBy: attributes["weightedBy"], scale: scale ?? 1)
        default:
            guard refuse(["to", "marker", "per", "weightedBy", "weightScale"], for: "a duration"),
                  let statistic = words["duration"].flatMap({ KPIStatistic(rawValue: $0.0) }) else { return nil }
            quantity = .duration(statistic)
        }
        return KPIMeasure(quantity, touchpoints: chosen, per: per, by: by)
    }

    /// An objective, or a list of them each valid from its `validFrom`.
    static func objective(_ value: JSONCValue, context: inout DecodingContext) -> KPIObjective? {
        var steps: [ObjectiveStep] = []
        var valid = true
        let elements: [JSONCValue] = value.kind == .array ? Array(value.elements) : [value]
        if value.kind == .array, elements.isEmpty {
            context.report(.invalidValue, at: value, "an objective list needs at least one objective")
            return nil
        }
        var days: Set<CalendarDay?> = []
        for element in elements {
            guard let object = context.object(element, for: "objective") else { valid = false; continue }
            var atLeast: Double?, atMost: Double?, from: CalendarDay?
            let before = context.diagnostics.count
            for member in object.members {
                switch member.key {
                case "atLeast": atLeast = context.number(member.value, for: "atLeast")
                case "atMost": atMost = context.number(member.value, for: "atMost")
                case "validFrom":
                    guard let text = context.string(member.value, for: "validFrom") else { valid = false; continue }
                    guard let day = CalendarDay(text) else {
                        context.report(.invalidValue, at: member.value, "'validFrom' must be a date as 2026-07-01, found '\(IdentifierRules.visible(text))'")
                        valid = false
                        continue
                    }
                    from = day
                default:
                    context.reportUnknownField(member, in: "an objective", known: KPIMeasureFormat.objectiveKeys)
                    valid = false
                }
            }
            guard context.diagnostics.count == before else { valid = false; continue }
            if atLeast == nil, atMost == nil {
                context.report(.missingField, at: object, "an objective needs 'atLeast', 'atMost' or both")
                valid = false
                continue
            }
            if let atLeast, let atMost, atLeast > atMost {
                context.report(.invalidValue, at: object, "'atLeast' (\(AttributeDefinition.render(atLeast))) is above 'atMost' (\(AttributeDefinition.render(atMost)))")
                valid = false
                continue
            }
            if !days.insert(from).inserted {
                context.report(.invalidValue, at: object, from.map { "two objectives are valid from \($0)" } ?? "two objectives have no 'validFrom'")
                valid = false
                continue
            }
            steps.append(ObjectiveStep(validFrom: from, atLeast: atLeast, atMost: atMost, position: context.position(of: object)))
        }
        return valid && !steps.isEmpty ? KPIObjective(steps: steps) : nil
    }
}
