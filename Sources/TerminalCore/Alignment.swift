/// Where text sits inside a wider field.
public enum Alignment: Hashable, Sendable {
    case left, center, right
}
