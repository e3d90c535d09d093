extension JSONScanner {
    // MARK: - Skipping

    /// Skips one value of any kind, validating its syntax. O(length), iterative: nesting is
    /// tracked on a fixed stack of `maxDepth` levels, so deep input cannot overflow the call
    /// stack; deeper input is a `.tooDeep` error.
    mutating func skipValue() throws(JSONError) {
        let b = peek()
        switch b {
        case UInt8(ascii: "\""):
            pos += 1
            _ = try scanStringBody()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try skipContainer()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try scanNumber()
        default: throw unexpected("a JSON value")
        }
    }

    /// Skips an object or array starting at `pos`.
    private mutating func skipContainer() throws(JSONError) {
        try withUnsafeTemporaryAllocation(of: Bool.self, capacity: Self.maxDepth) { stack throws(JSONError) in
            var depth = 0
            // Invariant at the loop head: a container was just opened (`opened`) or a ',' was
            // just consumed inside the container on top of the stack.
            var opened = true
            stack[0] = base[pos] == UInt8(ascii: "{")
            pos += 1
            depth = 1
            while true {
                let isObject = stack[depth - 1]
                var b = peek()
                if opened && b == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    pos += 1
                    depth -= 1
                } else {
                    if isObject {
                        guard b == UInt8(ascii: "\"") else { throw unexpected("a member name") }
                        pos += 1
                        _ = try scanStringBody()
                        guard peek() == UInt8(ascii: ":") else { throw unexpected("':'") }
                        pos += 1
                        b = peek()
                    }
                    switch b {
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        guard depth < Self.maxDepth else { throw JSONError(offset: pos, problem: .tooDeep) }
                        stack[depth] = b == UInt8(ascii: "{")
                        depth += 1
                        pos += 1
                        opened = true
                        continue
                    case UInt8(ascii: "\""):
                        pos += 1
                        _ = try scanStringBody()
                    case UInt8(ascii: "t"): try literal("true")
                    case UInt8(ascii: "f"): try literal("false")
                    case UInt8(ascii: "n"): try literal("null")
                    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try scanNumber()
                    default: throw unexpected("a JSON value")
                    }
                }
                // After a value (or a closed container): a separator or closers.
                while depth > 0 {
                    let close = stack[depth - 1] ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    let c = peek()
                    if c == UInt8(ascii: ",") {
                        pos += 1
                        opened = false
                        break
                    }
                    guard c == close else { throw unexpected(stack[depth - 1] ? "',' or '}'" : "',' or ']'") }
                    pos += 1
                    depth -= 1
                }
                if depth == 0 { return }
            }
        }
    }
}
