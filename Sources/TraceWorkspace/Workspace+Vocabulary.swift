import TraceModel
import TraceQuery
import TraceStore

/// The vocabulary the filter bar completes from: a bounded sample of the local traces, and
/// what the backends (`SearchableSource`) know. Reading the sample costs the same on a
/// thousand spans as on a million; the backends' answers are network calls, made apart
/// (`addingBackendNames(to:)`, `completionValues(of:local:)`) so the local part comes first.
extension Workspace {
    /// The sources that search a backend.
    public var searchableSources: [any SearchableSource] { sources.compactMap { $0 as? any SearchableSource } }

    /// The intrinsics, the keys and string values of a sample of the traces (`limits.traces`
    /// spread over the listing, `limits.spans` spans at most), and the services and root names
    /// of every listed trace. Backends' traces are not sampled (reading them would fetch and
    /// cache them); their names come from `addingBackendNames(to:)`. A sample that cannot be
    /// read leaves the listing's values and says why in `failures`.
    public func localVocabulary(listing: TraceListing, limits: VocabularyLimits = VocabularyLimits()) -> FilterVocabulary {
        var sample = VocabularySample(limits: limits)
        sample.add(listing)
        var failures: [String] = []
        do {
            if searchableSources.isEmpty {
                sample.add(try loadTraces(Self.sampled(listing, limits)))
            } else {
                for source in sources where !(source is any SearchableSource) {
                    sample.add(try source.loadTraces(Self.sampled(try source.traceListing(), limits)))
                }
            }
        } catch {
            failures.append("the sample of traces: \(error)")
        }
        var vocabulary = FilterVocabulary(values: sample.values, failures: failures)
        vocabulary.add(names: Array(sample.names))
        return vocabulary
    }

    /// `vocabulary` with every backend's attribute names added; a backend that fails is
    /// skipped and its failure kept in `failures`.
    public func addingBackendNames(to vocabulary: FilterVocabulary) -> FilterVocabulary {
        var merged = vocabulary
        for backend in searchableSources {
            do {
                merged.add(names: try backend.attributeNames())
            } catch {
                merged.failures.append("\(backend.backendName): \(error)")
            }
        }
        return merged
    }

    /// The local vocabulary with the backends' names: what the explorer loads once.
    public func filterVocabulary(listing: TraceListing, limits: VocabularyLimits = VocabularyLimits()) -> FilterVocabulary {
        addingBackendNames(to: localVocabulary(listing: listing, limits: limits))
    }

    /// The values of a field: the local ones, then each backend's (asked under the name
    /// TraceQL writes, `backendName(of:)`), unique, `limit` at most. A failing backend is
    /// skipped and said in `failures`.
    public func completionValues(of field: Field, local: FilterVocabulary, limit: Int = 500) -> FieldValues {
        var lists = [local.values(for: field)]
        var failures: [String] = []
        for backend in searchableSources {
            do {
                lists.append(try backend.attributeValues(Self.backendName(of: field)))
            } catch {
                failures.append("\(backend.backendName): \(error)")
            }
        }
        return FieldValues(field: field, values: Array(FilterVocabulary.merged(lists).prefix(limit)), failures: failures)
    }

    /// The name a backend's `attributeValues` takes for a field: TraceQL's
    /// (`resource.service.name`, `name`, `span.http.route`, `.http.route` for either scope).
    public static func backendName(of field: Field) -> String {
        switch field {
        case .intrinsic(.service): "resource.service.name"
        case .intrinsic(.statusMessage): "statusMessage"
        case .intrinsic(.traceName): "rootName"
        case .intrinsic(.traceService): "rootServiceName"
        case .intrinsic(.traceDuration): "traceDuration"
        case .intrinsic(let intrinsic): intrinsic.canonicalName
        case .attribute(.any, let key): "." + key
        case .attribute(let scope, let key): scope.prefix + key
        }
    }

    /// Up to `limits.traces` trace ids spread evenly over a listing, leaving out any trace that
    /// would take the sample past `limits.spans`. O(listed traces sampled).
    static func sampled(_ listing: TraceListing, _ limits: VocabularyLimits) -> [TraceID] {
        let summaries = listing.summaries
        guard !summaries.isEmpty, limits.traces > 0 else { return [] }
        let step = max(1, summaries.count / limits.traces)
        var ids: [TraceID] = []
        var spans = 0
        for index in stride(from: 0, to: summaries.count, by: step) where ids.count < limits.traces {
            let summary = summaries[index]
            guard spans + summary.spanCount <= limits.spans else { continue }
            spans += summary.spanCount
            ids.append(summary.traceID)
        }
        return ids
    }
}
