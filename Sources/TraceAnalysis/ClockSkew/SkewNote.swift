import TraceModel

/// What the clock-skew adjuster did, or declined to do, at one span.
public enum SkewNote: Sendable, Hashable {
    /// Moved by `shift` to sit centred in its parent, which runs on another clock.
    case centred(shift: Nanoseconds)
    /// Longer than its parent, so it cannot be centred: moved by `shift` only so that it does
    /// not start before its parent.
    case alignedToParentStart(shift: Nanoseconds)
    /// On the same clock as its parent, so moved by the same `shift` as the parent's clock
    /// domain (the shift carries down to descendants on the same host).
    case inherited(shift: Nanoseconds)
    /// A shift of `shift` was computed but not applied: it exceeds `maximum`.
    case exceedsMaximum(shift: Nanoseconds, maximum: Nanoseconds)
    /// A shift of `shift` was computed but adjustment is disabled (maximum shift zero).
    case disabled(shift: Nanoseconds)
    /// The parent span id is not in the trace: the span starts a fragment and is not adjusted.
    case missingParent(SpanID)
    /// Another span of the trace has the same id: this one is skipped.
    case duplicateSpanID

    /// The shift applied to the span (zero when nothing was applied).
    public var appliedShift: Nanoseconds {
        switch self {
        case .centred(let s), .alignedToParentStart(let s), .inherited(let s): return s
        default: return .zero
        }
    }

    /// The warning Jaeger's adjuster attaches to the span in the same situation (v2 wording).
    public var jaegerWarning: String {
        switch self {
        case .centred(let s), .alignedToParentStart(let s), .inherited(let s):
            return "This span's timestamps were adjusted by \(GoDurationText.string(nanoseconds: s.value))"
        case .exceedsMaximum(let s, let max):
            return "max clock skew adjustment delta of \(GoDurationText.string(nanoseconds: max.value)) exceeded; "
                + "not applying calculated delta of \(GoDurationText.string(nanoseconds: s.value))"
        case .disabled(let s):
            return "clock skew adjustment disabled; not applying calculated delta of "
                + GoDurationText.string(nanoseconds: s.value)
        case .missingParent(let id):
            return "parent span ID=\(id.hex) is not in the trace; skipping clock skew adjustment"
        case .duplicateSpanID:
            return "duplicate span IDs; skipping clock skew adjustment"
        }
    }

    /// A plain explanation for the views.
    public var explanation: String {
        switch self {
        case .centred(let s):
            return "shifted \(Self.signed(s)) to sit centred in its parent (another host's clock)"
        case .alignedToParentStart(let s):
            return "shifted \(Self.signed(s)) so it does not start before its parent; it is longer than its "
                + "parent, so it could not be centred (asynchronous, or the parent timed out)"
        case .inherited(let s):
            return "shifted \(Self.signed(s)) with its parent: same host, same clock"
        case .exceedsMaximum(let s, let max):
            return "would need a shift of \(Self.signed(s)), more than the maximum \(DurationFormat.string(max)); "
                + "left as recorded"
        case .disabled(let s):
            return "would need a shift of \(Self.signed(s)); adjustment is off, left as recorded"
        case .missingParent(let id):
            return "parent \(id.hex) is not in the trace; not adjusted"
        case .duplicateSpanID:
            return "another span has the same id; not adjusted"
        }
    }

    private static func signed(_ s: Nanoseconds) -> String {
        (s.value >= 0 ? "+" : "") + DurationFormat.string(s)
    }
}
