/**
 * The relationship graph as the rest of lateral sees it. Import derives it into two tables,
 * `lateral.resource` and `lateral.edge` (exposed to SQL as the views `lateral_resource` and
 * `lateral_edge`); the HTTP API, the dashboard and `lateral graph` read it through these types.
 */

/**
 * A resource type: the Steampipe table name for collected AWS resources (`aws_ec2_instance`), or
 * one of lateral's own types for things that are not rows of a table (`aws_organization`,
 * `aws_principal_service`, `aws_principal_federated`, `aws_principal_external_account`).
 */
export type ResourceType = string;

export interface ResourceNode {
  /**
   * The ARN, or for resources without one an ARN-shaped key (partition, service, region, account,
   * id).
   */
  key: string;
  type: ResourceType;
  /** The AWS id: i-0abc..., vpc-..., a role's name, an account id. */
  id: string;
  /** What a person calls it: the Name tag, the resource's name, or its id. */
  name: string;
  accountId: string | null;
  region: string | null;
  /** False for a placeholder: named by collected evidence, but not itself collected. */
  collected: boolean;
  /** A few properties worth showing on hover (state, CIDR, IPs, ...). */
  properties: Record<string, unknown>;
  /**
   * Set on a node that stands for several same-type neighbours folded together (see
   * transforms/fold-crowded.ts): the keys of the nodes it stands for, to expand it again.
   */
  foldedMembers?: string[];
}

export interface RelationshipEdge {
  from: string;
  to: string;
  /** "runs as", "assumes", "subnet", "peered with", ... as declared by the relationship rules. */
  label: string;
}

export interface Neighbourhood {
  root: string;
  depth: number;
  nodes: ResourceNode[];
  edges: RelationshipEdge[];
  /** True when the walk stopped at the node cap: more neighbours exist than are shown. */
  truncated?: boolean;
}

export interface SearchResult {
  node: ResourceNode;
  /** Which property matched: id, arn, name, tag, ip, account. */
  matched: string;
}

/** What was not collected that a page depends on, in words a responder can act on. */
export interface CoverageNote {
  accountId: string | null;
  region: string | null;
  service: string | null;
  /** e.g. "IAM for account 222233334444 was not collected (AccessDenied)". */
  message: string;
}

export interface RelatedResource {
  edge: RelationshipEdge;
  direction: 'out' | 'in';
  node: ResourceNode;
}

export interface ResourceDetail {
  node: ResourceNode;
  /** The resource's row in its Steampipe table, or null for a placeholder. */
  row: Record<string, unknown> | null;
  related: RelatedResource[];
  coverage: CoverageNote[];
}

/** Read access to the graph, for the HTTP API and the CLI. */
export interface GraphReader {
  search(query: string, limit: number): Promise<SearchResult[]>;
  resource(key: string): Promise<ResourceDetail | undefined>;
  neighbourhood(key: string, depth: number): Promise<Neighbourhood | undefined>;
}
