/** One line of a security group's rules, flattened from the EC2 IpPermissions shape. */
export interface SecurityGroupRule {
  direction: 'inbound' | 'outbound';
  protocol: string;
  ports: string;
  /** A CIDR, a security group (with its account when another), or a prefix list. */
  peer: string;
  description: string;
}

type Json = Record<string, unknown>;

function records(value: unknown): Json[] {
  return Array.isArray(value)
    ? value.filter((item): item is Json => item !== null && typeof item === 'object')
    : [];
}

function text(value: unknown): string {
  return typeof value === 'string'
    ? value
    : value === undefined || value === null
      ? ''
      : String(value);
}

function protocolName(raw: unknown): string {
  const protocol = text(raw);
  if (protocol === '-1') return 'all';
  return ({ '6': 'tcp', '17': 'udp', '1': 'icmp' } as Record<string, string>)[protocol] ?? protocol;
}

function portRange(permission: Json): string {
  if (text(permission['IpProtocol']) === '-1') return 'all';
  const from = permission['FromPort'];
  const to = permission['ToPort'];
  if (from === undefined || from === null) return 'all';
  if (from === -1) return 'all';
  return from === to || to === undefined ? text(from) : `${text(from)}-${text(to)}`;
}

function peersOf(permission: Json): { peer: string; description: string }[] {
  const peers: { peer: string; description: string }[] = [];
  for (const range of records(permission['IpRanges'])) {
    peers.push({ peer: text(range['CidrIp']), description: text(range['Description']) });
  }
  for (const range of records(permission['Ipv6Ranges'])) {
    peers.push({ peer: text(range['CidrIpv6']), description: text(range['Description']) });
  }
  for (const pair of records(permission['UserIdGroupPairs'])) {
    const account = text(pair['UserId']);
    const group = text(pair['GroupId']) || text(pair['GroupName']);
    peers.push({
      peer: account === '' ? group : `${group} (account ${account})`,
      description: text(pair['Description']),
    });
  }
  for (const list of records(permission['PrefixListIds'])) {
    peers.push({ peer: text(list['PrefixListId']), description: text(list['Description']) });
  }
  return peers;
}

/** The rules of a security group row (Steampipe's ip_permissions and ip_permissions_egress). */
export function securityGroupRules(row: Record<string, unknown>): SecurityGroupRule[] {
  const rules: SecurityGroupRule[] = [];
  const sides = [
    ['inbound', row['ip_permissions']],
    ['outbound', row['ip_permissions_egress']],
  ] as const;
  for (const [direction, permissions] of sides) {
    for (const permission of records(permissions)) {
      const protocol = protocolName(permission['IpProtocol']);
      const ports = portRange(permission);
      for (const { peer, description } of peersOf(permission)) {
        rules.push({ direction, protocol, ports, peer, description });
      }
    }
  }
  return rules;
}
