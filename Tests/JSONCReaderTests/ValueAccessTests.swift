import Testing
@testable import JSONCReader

/// Reading a parsed document: kinds, scalars, members, elements, subscripts,
/// and the byte ranges values cover.
@Suite("Value access")
struct ValueAccessTests {
    @Test func scalarAccessorsAnswerOnlyForTheirKind() throws {
        let document = try JSONCDocument.parse(#"[null, true, false, 7, "s", [1], {"k": 1}]"#)
        let values = Array(document.root.elements)
        #expect(values.map(\.isNull) == [true, false, false, false, false, false, false])
        #expect(values.map(\.bool) == [nil, true, false, nil, nil, nil, nil])
        #expect(values.map { $0.number?.int } == [nil, nil, nil, 7, nil, nil, nil])
        #expect(values.map(\.string) == [nil, nil, nil, nil, "s", nil, nil])
        #expect(values.map(\.elements.count) == [0, 0, 0, 0, 0, 1, 0])
        #expect(values.map(\.members.count) == [0, 0, 0, 0, 0, 0, 1])
        #expect(values.map(\.elements.isEmpty) == [true, true, true, true, true, false, true])
        #expect(values.map(\.members.isEmpty) == [true, true, true, true, true, true, false])
        #expect(values.map { $0["k"] != nil } == [false, false, false, false, false, false, true])
    }

    @Test func kindsDescribeThemselvesForMessages() {
        #expect(JSONCKind.allCases.map(\.description) == ["null", "a boolean", "a boolean", "a number", "a string", "an array", "an object"])
    }

    @Test func membersKeepOrderKeysAndKeyOffsets() throws {
        let text = #"{"b": 1, "a\n": [2], "\u00e9": {"c": null}}"#
        let document = try JSONCDocument.parse(text)
        let members = Array(document.root.members)
        #expect(members.map(\.key) == ["b", "a\n", "é"])
        #expect(members.map(\.keyOffset) == [1, 9, 21])
        #expect(members.map(\.value.kind) == [.number, .array, .object])
        #expect(members[2].value["c"]?.isNull == true)
        #expect(document.root["a\n"]?.elements.map { $0.number!.int! } == [2])
        #expect(document.root["missing"] == nil)
        #expect(document.root["é"]?.members.count == 1)
    }

    @Test func emptyContainers() throws {
        let document = try JSONCDocument.parse(#"{"a": [], "o": {}}"#)
        let array = try #require(document.root["a"])
        let object = try #require(document.root["o"])
        #expect(array.elements.isEmpty && array.elements.count == 0)
        #expect(object.members.isEmpty && object.members.count == 0)
        #expect(Array(array.elements).isEmpty)
        #expect(Array(object.members).isEmpty)
        #expect(array.sourceText == "[]")
        #expect(object.sourceText == "{}")
    }

    @Test func iteratingTwiceGivesTheSameValues() throws {
        let document = try JSONCDocument.parse("[1, [2, 3], 4]")
        let first = document.root.elements.map(\.sourceText)
        let second = document.root.elements.map(\.sourceText)
        #expect(first == ["1", "[2, 3]", "4"])
        #expect(first == second)
    }

    @Test func offsetsAndSourceTextOfScalars() throws {
        let text = #"[ "a\"b" , -1.5e3, true,null ,false ]"#
        let document = try JSONCDocument.parse(text)
        let values = Array(document.root.elements)
        #expect(values.map(\.sourceText) == [#""a\"b""#, "-1.5e3", "true", "null", "false"])
        #expect(values.map(\.offset) == [2, 11, 19, 24, 30])
        #expect(values.map(\.endOffset) == [8, 17, 23, 28, 35])
        #expect(values[0].string == "a\"b")
        #expect(document.root.offset == 0 && document.root.endOffset == text.utf8.count)
    }

    @Test func containersEndAtTheirClosingByteDespiteComments() throws {
        let text = """
            {
              "list": [1, 2, /* ] */ 3 // ]
              , ], // trailing
              "empty": [ /* ] } */ ],
              "obj": { "x": { "y": "}" /* } */ }, // }
              },
              "deep": [[[ "]" ]]] ,
            } // done ]
            """
        let document = try JSONCDocument.parse(text)
        let root = document.root
        #expect(root.sourceText == String(text[..<text.firstRange(of: " // done")!.lowerBound]))
        #expect(root["list"]?.sourceText == "[1, 2, /* ] */ 3 // ]\n  , ]")
        #expect(root["empty"]?.sourceText == "[ /* ] } */ ]")
        #expect(root["obj"]?.sourceText == "{ \"x\": { \"y\": \"}\" /* } */ }, // }\n  }")
        #expect(root["obj"]?["x"]?.sourceText == "{ \"y\": \"}\" /* } */ }")
        #expect(root["deep"]?.sourceText == "[[[ \"]\" ]]]")
        let inner = root["deep"]?.elements.first { _ in true }?.elements.first { _ in true }
        #expect(inner?.sourceText == "[ \"]\" ]")
        #expect(inner?.elements.first { _ in true }?.string == "]")
    }

    @Test func endOffsetOfAnEmptyContainerWithACommentHoldingTheCloser() throws {
        let document = try JSONCDocument.parse("[ // ]\n /* ] */ ]")
        #expect(document.root.endOffset == 17)
        #expect(document.root.sourceText == "[ // ]\n /* ] */ ]")
        let object = try JSONCDocument.parse("{/**/}")
        #expect(object.root.endOffset == 6)
        let stars = try JSONCDocument.parse("[1/***/]")
        #expect(stars.root.endOffset == 8)
    }

    @Test func valueCountCountsValuesNotKeys() throws {
        #expect(try JSONCDocument.parse("1").valueCount == 1)
        #expect(try JSONCDocument.parse("[]").valueCount == 1)
        #expect(try JSONCDocument.parse(#"{"a": 1, "b": [true, null]}"#).valueCount == 5)
    }

    @Test func theDocumentKeepsItsBytes() throws {
        let bytes = Array("\u{FEFF}[1] // é".utf8)
        let document = try JSONCDocument.parse(bytes)
        #expect(document.bytes == bytes)
        #expect(document.root.offset == 3)
        #expect(document.root.sourceText == "[1]")
    }

    @Test func aDocumentCanBeReadFromManyTasks() async throws {
        let document = try JSONCDocument.parse("[" + (0..<1_000).map { "{\"v\": \($0)}" }.joined(separator: ",") + "]")
        let sums = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    document.root.elements.reduce(0) { $0 + ($1["v"]?.number?.int ?? 0) }
                }
            }
            var sums: [Int] = []
            for await sum in group { sums.append(sum) }
            return sums
        }
        #expect(sums == Array(repeating: 499_500, count: 8))
    }

    @Test func theDocumentationExamplesWork() throws {
        let document = try JSONCDocument.parse(Array(#"{ "a": [1, 2,], } // done"#.utf8))
        let summary = document.root.members.map { "\($0.key) \($0.value.elements.count)" }
        #expect(summary == ["a 2"])

        let stagesDocument = try JSONCDocument.parse(#"{ "stages": ["lead", "closing"] }"#)
        let stages = stagesDocument.root["stages"]?.elements.compactMap(\.string)
        #expect(stages == ["lead", "closing"])
    }
}
