/** A named example query, as offered by the query editor. */
export interface SampleQuery {
  name: string;
  query: string;
}

/**
 * Example queries for VPC Flow Logs. The first seven are the CloudWatch console's flow-log
 * samples, text unchanged (the subnet one keeps AWS's documentation range 192.0.2.0/24).
 */
export const SAMPLE_QUERIES: readonly SampleQuery[] = [
  {
    name: 'Top 10 byte transfers by source and destination IP addresses',
    query: 'stats sum(bytes) as bytesTransferred by srcAddr, dstAddr\n| sort bytesTransferred desc\n| limit 10',
  },
  {
    name: 'Top 20 source IP addresses with highest number of rejected requests',
    query: 'filter action="REJECT"\n| stats count(*) as numRejections by srcAddr\n| sort numRejections desc\n| limit 20',
  },
  {
    name: 'Find the top 15 packet transfers across hosts',
    query: 'stats sum(packets) as packetsTransferred by srcAddr, dstAddr\n| sort packetsTransferred desc\n| limit 15',
  },
  {
    name: 'Find the top 15 byte transfers for hosts on a given subnet',
    query: 'filter isIpv4InSubnet(srcAddr, "192.0.2.0/24")\n| stats sum(bytes) as bytesTransferred by dstAddr\n| sort bytesTransferred desc\n| limit 15',
  },
  {
    name: 'Find the IP addresses that use UDP as a data transfer protocol',
    query: 'filter protocol=17 | stats count(*) by srcAddr',
  },
  {
    name: 'Find the IP addresses where flow records were skipped during the capture window',
    query: 'filter logStatus="SKIPDATA"\n| stats count(*) by bin(1h) as t\n| sort t',
  },
  {
    name: 'Average, min, and max byte transfers by source and destination IP addresses',
    query: 'stats avg(bytes), min(bytes), max(bytes) by srcAddr, dstAddr',
  },
  {
    name: 'Find a single record for each connection',
    query: 'fields @timestamp, srcAddr, dstAddr, srcPort, dstPort, protocol, bytes\n| sort @timestamp desc\n| dedup srcAddr, dstAddr, srcPort, dstPort, protocol',
  },
  {
    name: '25 most recent flow records',
    query: 'fields @timestamp, @message\n| sort @timestamp desc\n| limit 25',
  },
  {
    name: 'Rejected traffic by destination port',
    query: 'filter action="REJECT"\n| stats count(*) as rejections by dstPort\n| sort rejections desc\n| limit 20',
  },
  {
    name: 'Flow records every 5 minutes',
    query: 'stats count(*) as records by bin(5m)\n| sort bin(5m) asc',
  },
  {
    name: 'SSH attempts from outside the VPC',
    query: 'filter dstPort = 22 and not isIpv4InSubnet(srcAddr, "10.0.0.0/8")\n| stats count(*) as attempts by srcAddr, action\n| sort attempts desc',
  },
];
