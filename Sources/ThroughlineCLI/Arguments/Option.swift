import JourneyReporters

/// A command-line option declared with the type of its value: the reader
/// checks and converts the value once, and a command reads it back typed,
/// through the option itself, so an option's name is written in one place
/// and a misspelt one cannot compile. An option with no default has an
/// optional `Value`.
///
/// ```swift
/// static let format: Option<Format> = .choice("format", short: "f", help: "Output format.", default: .text)
/// static let output: Option<String?> = .text("output", short: "o", value: "FILE", help: "Write the report to FILE.")
/// …
/// let format = arguments[Self.format]   // a Format, never a string
/// let output = arguments[Self.output]   // nil when not given
/// ```
struct Option<Value: Sendable>: Sendable {
    /// What the reader and the help text know of it.
    let spec: OptionSpec
    /// The value when the option is not given.
    let defaultValue: Value
}

extension Option where Value == String? {
    /// An option whose value is any text (a path, an id), nil when not given.
    /// `shownDefault` is what the help says when the default depends on other options.
    static func text(_ name: String, short: Character? = nil, value: String, help: String, shownDefault: String? = nil) -> Option<String?> {
        Option(spec: OptionSpec(name, short: short, value: value, help: help, defaultValue: shownDefault), defaultValue: nil)
    }
}

extension Option where Value == String {
    /// An option whose value is any text, `defaultValue` when not given.
    static func text(_ name: String, short: Character? = nil, value: String, help: String, default defaultValue: String) -> Option<String> {
        Option(spec: OptionSpec(name, short: short, value: value, help: help, defaultValue: defaultValue), defaultValue: defaultValue)
    }
}

extension Option {
    /// An option whose text `parse` turns into a value (a number, a rate),
    /// nil when not given; text `parse` refuses is an argument error.
    ///
    /// ```swift
    /// static let maxBadRows: Option<Int?> = .parsed("max-bad-rows", value: "N", help: "…") { Int($0).flatMap { $0 >= 0 ? $0 : nil } }
    /// ```
    static func parsed<Wrapped: Sendable>(
        _ name: String, short: Character? = nil, value: String, help: String, parse: @escaping @Sendable (String) -> Wrapped?
    ) -> Option<Wrapped?> where Value == Wrapped? {
        Option(spec: OptionSpec(name, short: short, value: value, help: help) { text in parse(text).map { Optional($0) } }, defaultValue: nil)
    }
}

extension Option where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// An option whose value is one word of a closed set: `choices`, by
    /// default every case in declaration order.
    static func choice(
        _ name: String, short: Character? = nil, value: String? = nil, help: String, default defaultValue: Value,
        choices: [Value]? = nil
    ) -> Option<Value> {
        let accepted = choices ?? Array(Value.allCases)
        return Option(
            spec: OptionSpec(
                name, short: short, value: value ?? name.uppercased(), help: help, choices: accepted.map(\.rawValue),
                defaultValue: defaultValue.rawValue
            ) { text in accepted.first { $0.rawValue == text } },
            defaultValue: defaultValue
        )
    }
}

/// A switch with no value, read back as a `Bool`.
struct Flag: Sendable {
    let spec: FlagSpec

    init(_ name: String, short: Character? = nil, help: String) {
        spec = FlagSpec(name, short: short, help: help)
    }
}

/// When the text format is coloured.
enum ColorChoice: String, CaseIterable, Sendable {
    /// On a terminal, and never with `NO_COLOR` set or a dumb terminal.
    case auto
    case always
    case never
}

/// Options several commands share, declared once.
enum CommonOptions {
    static let color: Option<ColorChoice> = .choice("color", value: "WHEN", help: "Colour the text format.", default: .auto)

    /// `--csv-separator` and `--csv-bom`: how `--format csv` is written.
    static let csvSeparator: Option<CSVDialect.Separator> = .choice(
        "csv-separator", value: "SEP", help: "Field separator of --format csv (';' for French or German spreadsheets).", default: .comma
    )
    static let csvBOM = Flag("csv-bom", help: "Start --format csv with a UTF-8 byte order mark, which Excel needs to read it as UTF-8.")

    /// `--output FILE`, for a command that writes `what` ("the report").
    static func output(_ what: String) -> Option<String?> {
        .text("output", short: "o", value: "FILE", help: "Write \(what) to FILE (atomically) instead of standard output.")
    }
}
