/// Lines written to a stream as they are appended, each followed by a line
/// break: a section of a large report is written while it is made, in the
/// same words as when it was gathered in an array.
struct LineSink<Target: TextOutputStream> {
    private var target: Target

    init(into target: Target) {
        self.target = target
    }

    mutating func append(_ line: String) {
        target.write(line + "\n")
    }

    static func += (sink: inout LineSink, lines: [String]) {
        for line in lines { sink.append(line) }
    }

    /// Hands back the target.
    func finish() -> Target { target }
}
