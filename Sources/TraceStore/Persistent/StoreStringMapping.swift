import TraceModel

/// Maps the string ids of a table being imported to the store's string ids, adding strings
/// the store does not have yet.
protocol StoreStringMapping {
    /// The store id of a string of the source table. Amortized O(1) once seen.
    mutating func storeID(_ id: StringID) throws -> Int64
}

/// Maps the store's string ids to ids in a `SpanTableBuilder` being filled from the store.
protocol LoadedStringMapping {
    /// The builder's id for a store string, interning it into `builder` on first use.
    mutating func builderID(_ storeID: Int64, in builder: inout SpanTableBuilder) throws -> StringID
}
