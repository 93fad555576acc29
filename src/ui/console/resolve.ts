/** Turns what the learner typed into a trace endpoint: an address, an instance id, or an instance's Name tag (as if in /etc/hosts). */
import { formatIpv4, INTERNET_HOST, nameTag, type Network } from '../../engine/index.ts';

export function resolveTarget(net: Network, text: string): { to: string; ip: string; internet: boolean } | { error: string } {
  if (text === 'internet') return { to: 'internet', ip: formatIpv4(INTERNET_HOST), internet: true };
  if (/^\d+\.\d+\.\d+\.\d+$/.test(text)) {
    const isPrivate = [...net.enisByPrivateIp.values()].some((m) => [...m.values()].some((e) => formatIpv4(e.privateIp) === text));
    return { to: text, ip: text, internet: !isPrivate && !/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(text) };
  }
  const byId = net.instances.get(text);
  const inst = byId ?? [...net.instances.values()].find((i) => i.primaryEni && i.primaryEni.name === text) ?? findByTag(net, text);
  if (inst?.primaryEni) return { to: formatIpv4(inst.primaryEni.privateIp), ip: formatIpv4(inst.primaryEni.privateIp), internet: false };
  return { error: `${text}: Name or service not known` };
}

function findByTag(net: Network, name: string) {
  for (const r of net.snapshot.Reservations ?? []) {
    for (const i of r.Instances ?? []) if (nameTag(i) === name) return net.instances.get(i.InstanceId);
  }
  return undefined;
}
