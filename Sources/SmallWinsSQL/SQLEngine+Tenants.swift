import Foundation
import SmallWins

extension SQLEngine {
    /// A write plan that locks rows with the statement `lock` writes for their tenants, and then runs `plan`. The lock
    /// is a statement of its own that names its tenants (``tenantIs(_:_:)``) on every table it locks: a distributed
    /// PostgreSQL (Citus) runs a locking read only when it can route it to the node of one tenant. A scoped store
    /// knows its tenant (rows of another are outside the scope, which `plan` finds); otherwise `lookup` reads them
    /// first (rows of `tenant_id`), which is safe because a row's tenant never changes. `plan`'s reads come in the
    /// round after the lock, so they see what it waited for: a round's statements may run in any order.
    func locking<Output>(
        tenantsOf lookup: SQLText, with lock: @escaping @Sendable ([UUID]) -> SQLStatement, then plan: SQLPlan<Output>
    ) -> SQLPlan<Output> {
        let locked = { @Sendable (tenants: [UUID]) in
            SQLPlan(writes: true, bulkRows: plan.bulkRows, reads: [lock(tenants)]) { _ in .more(plan) }
        }
        if let scopeTenant { return locked([scopeTenant]) }
        return SQLPlan(writes: true, reads: [statement("SELECT DISTINCT tenant_id FROM (\(lookup)) tenants")]) { rows in
            .more(locked(try rows[0].ids("tenant_id").sorted { $0.uuidString < $1.uuidString }))
        }
    }

    /// `alias.tenant_id` is one of `tenants`; with none, a tenant no row has (the rows looked up do not exist,
    /// and the plan finds them missing as it would without the condition).
    func tenantIs(_ alias: String, _ tenants: [UUID]) -> SQLText {
        guard tenants.count > 1 else { return "\(raw: alias).tenant_id = \(tenants.first ?? Self.noTenant)" }
        return "\(raw: alias).tenant_id IN \(list: tenants.map(SQLValue.id))"
    }

    /// A tenant id no row has.
    private static let noTenant = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
}
