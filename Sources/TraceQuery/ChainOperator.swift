/// The two chaining operators.
enum ChainOperator: Hashable {
    case and, or
}
