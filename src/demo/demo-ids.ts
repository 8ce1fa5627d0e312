import { ec2Id, iamUniqueId } from './aws-ids.js';
import type { SubnetPlan, VpcPlan } from './demo-plan.js';

/** The demo's seed: changing it changes every id, never the structure. */
export const demoSeed = 20_250_612;

/** Ids of the demo's resources, each a pure function of what the resource is. */
export const demoIds = {
  vpc: (vpcKey: string) => ec2Id('vpc', vpcKey, demoSeed),
  subnet: (vpcKey: string, subnet: SubnetPlan) =>
    ec2Id('subnet', `${vpcKey}/${subnet.cidr}`, demoSeed),
  securityGroup: (vpcKey: string, name: string) => ec2Id('sg', `${vpcKey}/${name}`, demoSeed),
  securityGroupRule: (key: string) => ec2Id('sgr', key, demoSeed),
  internetGateway: (vpcKey: string) => ec2Id('igw', vpcKey, demoSeed),
  natGateway: (vpcKey: string) => ec2Id('nat', vpcKey, demoSeed),
  routeTable: (vpcKey: string, name: string) => ec2Id('rtb', `${vpcKey}/${name}`, demoSeed),
  routeTableAssociation: (key: string) => ec2Id('rtbassoc', key, demoSeed),
  networkAcl: (vpcKey: string, name: string) => ec2Id('acl', `${vpcKey}/${name}`, demoSeed),
  networkAclAssociation: (key: string) => ec2Id('aclassoc', key, demoSeed),
  peering: (key: string) => ec2Id('pcx', key, demoSeed),
  instance: (accountId: string, name: string) => ec2Id('i', `${accountId}/${name}`, demoSeed),
  reservation: (accountId: string, name: string) => ec2Id('r', `${accountId}/${name}`, demoSeed),
  networkInterface: (key: string) => ec2Id('eni', key, demoSeed),
  attachment: (key: string) => ec2Id('eni-attach', key, demoSeed),
  volume: (key: string) => ec2Id('vol', key, demoSeed),
  allocation: (key: string) => ec2Id('eipalloc', key, demoSeed),
  association: (key: string) => ec2Id('eipassoc', key, demoSeed),
  keyPair: (key: string) => ec2Id('key', key, demoSeed),
  dhcpOptions: (accountId: string, region: string) =>
    ec2Id('dopt', `${accountId}/${region}`, demoSeed),
  iam: (prefix: 'AROA' | 'AIDA' | 'AGPA' | 'ANPA' | 'AIPA', key: string) =>
    iamUniqueId(prefix, key, demoSeed),
};

/** A subnet of a VPC by its Name tag, or by its CIDR for the unnamed default subnets. */
export function findSubnet(vpc: VpcPlan, nameOrCidr: string): SubnetPlan {
  const subnet = vpc.subnets.find((item) => item.name === nameOrCidr || item.cidr === nameOrCidr);
  if (subnet === undefined) throw new Error(`demo plan: no subnet ${nameOrCidr} in ${vpc.key}`);
  return subnet;
}

export function findVpc(vpcs: readonly VpcPlan[], key: string): VpcPlan {
  const vpc = vpcs.find((item) => item.key === key);
  if (vpc === undefined) throw new Error(`demo plan: no VPC ${key}`);
  return vpc;
}

/** The AWS `[{Key, Value}]` tag list of a record, with the Name first when there is one. */
export function tagList(
  name: string,
  extra: Record<string, string> = {},
): { Key: string; Value: string }[] {
  const tags = name === '' ? [] : [{ Key: 'Name', Value: name }];
  return [...tags, ...Object.entries(extra).map(([Key, Value]) => ({ Key, Value }))];
}
