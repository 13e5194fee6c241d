import Foundation

/// The paths and methods of the contract, read from the OpenAPI document once, so a request for a known path with
/// a method it lacks gets 405 and the methods it has (`Allow`), not 404.
enum ContractPaths {
    /// Each path's segments (`{id}` matches any one segment) and its methods, upper case.
    private static let paths: [(segments: [Substring], methods: [String])] = {
        guard let document = try? JSONSerialization.jsonObject(with: Data(Contract.openAPIDocument.utf8)) as? [String: Any],
              let paths = document["paths"] as? [String: [String: Any]] else { return [] }
        let verbs: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        return paths.map { path, operations in
            (path.split(separator: "/"), operations.keys.filter(verbs.contains).map { $0.uppercased() }.sorted())
        }
    }()

    /// The methods of the contract's path matching `path` (after `/v1`), or of a path served beside it, or `nil` when
    /// none matches.
    static func methods(of path: String) -> [String]? {
        if path == SnapshotRoute.path { return ["GET"] }  // served beside the contract
        guard path.hasPrefix("/v1/") else { return nil }
        let segments = path.dropFirst(3).split(separator: "/")
        return paths.first { template in
            template.segments.count == segments.count
                && zip(template.segments, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }?.methods
    }
}
