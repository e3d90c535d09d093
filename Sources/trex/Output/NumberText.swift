import TraceModel

/// The store commands' name for `NumberFormat` (TraceModel).
typealias NumberText = NumberFormat
