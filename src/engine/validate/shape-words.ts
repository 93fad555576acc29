import { clip } from './read.ts';

/** An example value per field name, so a type error can show what is expected. */
const EXAMPLES: Readonly<Record<string, string>> = {
  VpcId: '"vpc-0123456789abcdef0"', SubnetId: '"subnet-0123456789abcdef0"', RouteTableId: '"rtb-0123456789abcdef0"',
  NetworkAclId: '"acl-0123456789abcdef0"', GroupId: '"sg-0123456789abcdef0"', VpcPeeringConnectionId: '"pcx-0123456789abcdef0"',
  InternetGatewayId: '"igw-0123456789abcdef0"', NatGatewayId: '"nat-0123456789abcdef0"', NetworkInterfaceId: '"eni-0123456789abcdef0"',
  InstanceId: '"i-0123456789abcdef0"', FlowLogId: '"fl-0123456789abcdef0"', ResourceId: '"vpc-0123456789abcdef0"', GatewayId: '"igw-0123456789abcdef0"',
  CidrBlock: '"10.0.1.0/24"', DestinationCidrBlock: '"0.0.0.0/0"', CidrIp: '"0.0.0.0/0"', PrivateIpAddress: '"10.0.1.10"', PrivateIp: '"10.0.1.10"',
  PublicIp: '"203.0.113.10"', RuleNumber: '100', Protocol: '"6"', IpProtocol: '"tcp"', FromPort: '22', ToPort: '22', From: '1024', To: '65535',
  Type: '8', Code: '-1', Egress: 'true', Main: 'true', IsDefault: 'false', Key: '"Name"', Value: '"web"', DeviceIndex: '0',
  MapPublicIpOnLaunch: 'true', State: '"available"', OwnerId: '"123456789012"', AvailabilityZone: '"us-east-1a"',
};

/** What each top-level list holds and which AWS CLI call prints it. */
const LISTS: Readonly<Record<string, [string, string]>> = {
  Vpcs: ['VPCs', 'describe-vpcs'], Subnets: ['subnets', 'describe-subnets'], RouteTables: ['route tables', 'describe-route-tables'],
  SecurityGroups: ['security groups', 'describe-security-groups'], NetworkAcls: ['network ACLs', 'describe-network-acls'],
  VpcPeeringConnections: ['peering connections', 'describe-vpc-peering-connections'],
  InternetGateways: ['internet gateways', 'describe-internet-gateways'], NatGateways: ['NAT gateways', 'describe-nat-gateways'],
  NetworkInterfaces: ['network interfaces', 'describe-network-interfaces'], Reservations: ['reservations', 'describe-instances'],
  Addresses: ['Elastic IPs', 'describe-addresses'], FlowLogs: ['flow logs', 'describe-flow-logs'],
};

const TYPES: Readonly<Record<string, string>> = {
  string: 'a string', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'an object',
};

/** "a string such as "10.0.1.0/24"", "a list of VPCs, as aws ec2 describe-vpcs prints it"... */
export function expectedPhrase(expected: string, path: ReadonlyArray<string | number>): string {
  const last = path[path.length - 1];
  if (path.length === 1 && typeof last === 'string' && LISTS[last] && expected === 'array') {
    const [what, call] = LISTS[last];
    return `a list of ${what}, as \`aws ec2 ${call}\` prints it`;
  }
  const base = TYPES[expected] ?? `of type ${expected}`;
  const example = typeof last === 'string' && Object.hasOwn(EXAMPLES, last) ? EXAMPLES[last] : undefined;
  return example !== undefined && expected !== 'object' && expected !== 'array' ? `${base} such as ${example}` : base;
}

/** Names a value found in the document: "the number 5", "null", "a list". */
export function valuePhrase(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'string': return `the text ${JSON.stringify(clip(v, 40))}`;
    case 'number': return `the number ${String(v)}`;
    case 'boolean': return String(v);
    case 'object': return 'an object';
    case 'undefined': return 'nothing';
    default: return `a ${typeof v}`;
  }
}

/** Lists allowed values: "allow" or "deny"; 60 or 600. */
export function alternatives(values: readonly unknown[]): string {
  const words = values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v)));
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
