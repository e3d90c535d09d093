/// The entity that produced spans: a service on a host (OTLP `Resource`; a Jaeger process;
/// a Zipkin local endpoint).
public struct Resource: Sendable, Hashable {
    public var attributes: ElementRange
    public var droppedAttributesCount: UInt32
    public var schemaURL: StringID
    /// The `service.name` attribute, cached; empty when absent.
    public var serviceName: StringID

    public init(attributes: ElementRange, droppedAttributesCount: UInt32 = 0, schemaURL: StringID = .empty,
                serviceName: StringID) {
        self.attributes = attributes
        self.droppedAttributesCount = droppedAttributesCount
        self.schemaURL = schemaURL
        self.serviceName = serviceName
    }
}

/// The library that recorded spans (OTLP `InstrumentationScope`).
public struct InstrumentationScope: Sendable, Hashable {
    public var name: StringID
    public var version: StringID
    public var attributes: ElementRange
    public var droppedAttributesCount: UInt32
    public var schemaURL: StringID

    public init(name: StringID = .empty, version: StringID = .empty, attributes: ElementRange = .empty,
                droppedAttributesCount: UInt32 = 0, schemaURL: StringID = .empty) {
        self.name = name
        self.version = version
        self.attributes = attributes
        self.droppedAttributesCount = droppedAttributesCount
        self.schemaURL = schemaURL
    }
}
