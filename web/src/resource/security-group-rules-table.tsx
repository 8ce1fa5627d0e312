import { SafeText } from '../format/safe-text.js';
import { securityGroupRules } from './security-group-rules.js';

/** A security group's inbound and outbound rules, one line per peer. */
export function SecurityGroupRulesTable({ row }: { row: Record<string, unknown> | null }) {
  if (row === null) {
    return (
      <section aria-label="Rules">
        <h2>Rules</h2>
        <p className="muted">Not collected.</p>
      </section>
    );
  }
  const collected =
    Array.isArray(row['ip_permissions']) || Array.isArray(row['ip_permissions_egress']);
  const rules = securityGroupRules(row);
  return (
    <section aria-label="Rules">
      <h2>Rules</h2>
      {!collected && <p className="muted">The rules were not collected.</p>}
      {collected && rules.length === 0 && <p>No rules: nothing is allowed in or out.</p>}
      {rules.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th>Direction</th>
              <th>Protocol</th>
              <th>Ports</th>
              <th>Source / destination</th>
              <th>Description</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule, index) => (
              <tr
                key={index}
                className={rule.peer === '0.0.0.0/0' || rule.peer === '::/0' ? 'open' : ''}
              >
                <td>{rule.direction}</td>
                <td>{rule.protocol}</td>
                <td>{rule.ports}</td>
                <td className="mono">
                  <SafeText text={rule.peer} limit={120} />
                </td>
                <td>
                  <SafeText text={rule.description} limit={200} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
