import JSONWriter

/// A report format: writes what it reports on (a check's result, an
/// audit, marker explanations, a baseline's gaps) into a ``ReportOutput``,
/// which takes it out in chunks while it is made. A format is a value that
/// carries its options, so the command line picks one from `--format` in
/// one place and every destination gets the same bytes.
///
/// ```swift
/// let reporter: any Reporter<CheckResult> = CheckSARIF(toolVersion: "0.1.0")
/// let log = reporter.render(result)   // the whole log, as a string
/// ```
public protocol Reporter<Subject>: Sendable {
    associatedtype Subject

    /// Writes the report as it goes; whoever owns `output` flushes it.
    func write(_ subject: Subject, to output: inout ReportOutput)
}

extension Reporter {
    /// The whole report as a string: for small reports and tests.
    public func render(_ subject: Subject) -> String {
        ReportOutput.text { write(subject, to: &$0) }
    }
}
