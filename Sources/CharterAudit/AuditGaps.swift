import CharterChecker
import JourneyModel

/// The gaps of one check, shared by every list of the audit that names
/// them: a list then holds four bytes a gap, not a described gap per
/// segment, so an audit of millions of gaps holds them once.
final class GapSource: Sendable {
    let gaps: [Gap]
    let wording: GapWording

    init(gaps: [Gap], wording: GapWording) {
        self.gaps = gaps
        self.wording = wording
    }

    func describe(_ position: Int32) -> DescribedGap { wording.describe(gaps[Int(position)]) }
}

/// Gaps of the audit in a fixed order, each described when it is read.
///
/// Made by the audit as positions in its check's gaps; a list of gaps
/// written out (``init(_:)``, or a gap replaced) keeps them as given.
public struct AuditGaps: RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral, Sendable, Equatable {
    private enum Storage: Sendable {
        case positions(GapSource, [Int32])
        case written([DescribedGap])
    }

    private var storage: Storage

    init(_ source: GapSource, positions: [Int32]) {
        storage = .positions(source, positions)
    }

    public init(_ gaps: [DescribedGap]) {
        storage = .written(gaps)
    }

    public init(arrayLiteral gaps: DescribedGap...) {
        storage = .written(gaps)
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .positions(_, let positions): positions.count
        case .written(let gaps): gaps.count
        }
    }

    public subscript(index: Int) -> DescribedGap {
        get {
            switch storage {
            case .positions(let source, let positions): source.describe(positions[index])
            case .written(let gaps): gaps[index]
            }
        }
        set {
            var gaps = Array(self)
            gaps[index] = newValue
            storage = .written(gaps)
        }
    }

    /// The source and positions, when the audit made the list.
    var positions: (source: GapSource, positions: [Int32])? {
        if case .positions(let source, let positions) = storage { return (source, positions) }
        return nil
    }

    public static func == (lhs: AuditGaps, rhs: AuditGaps) -> Bool {
        if case .positions(let left, let leftPositions) = lhs.storage, case .positions(let right, let rightPositions) = rhs.storage,
           left === right, leftPositions == rightPositions {
            return true
        }
        return lhs.elementsEqual(rhs)
    }
}

/// The items of an action group: one per gap, made when read.
public struct ActionItems: RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral, Sendable, Equatable {
    public private(set) var gaps: AuditGaps

    init(_ gaps: AuditGaps) {
        self.gaps = gaps
    }

    public init(arrayLiteral items: ActionItem...) {
        gaps = AuditGaps(items.map(\.gap))
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { gaps.count }

    public subscript(index: Int) -> ActionItem {
        get { ActionItem(gap: gaps[index]) }
        set { gaps[index] = newValue.gap }
    }
}
