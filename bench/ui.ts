/**
 * UI budgets: the gzip size of the JavaScript needed for first paint (the built entry chunk and
 * its static imports; Monaco and Cytoscape must not be among them), and the engine-side time from
 * an edit to updated diagnostics + verdict + canvas model on a 100-VPC topology.
 * Run after `VITE_BASE=/vpc-lab/ npx vite build`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { compileNetwork, traceProbe, validateSnapshot, type Diagnostic, type Network, type Snapshot } from '../src/engine/index.ts';
import { createSnapshotValidator } from '../src/engine/validate/index.ts';
import { createNetworkCompiler } from '../src/engine/model/compile.ts';
import * as E from '../src/engine/edit/index.ts';
import { buildModel } from '../src/ui/canvas/model.ts';
import { computeLayout } from '../src/ui/canvas/layout.ts';
import { syntheticSnapshot } from './synthetic-network.ts';

/** The entry chunk and every chunk it imports statically (dynamic `import()` is not first paint). */
function firstPaintChunks(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('no module script in dist/index.html');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) visit(join(dirname(file), m[1]));
  };
  visit(join(dist, entry.replace(/^.*?assets\//, 'assets/')));
  return [...seen];
}

/** A synthetic topology: n VPCs (/20s of 10.0.0.0/8), one subnet and two instances each, peered in a chain. */
export function syntheticDoc(n: number): { doc: Snapshot; from: string; to: string; vpcs: string[] } {
  const ids = E.counterIds();
  let doc: Snapshot = {};
  const vpcs: string[] = [];
  const subnets: string[] = [];
  const instances: string[] = [];
  const must = (r: E.EditResult) => {
    if (r.error) throw new Error(r.error);
    doc = r.doc;
    return r.created ?? [];
  };
  for (let k = 0; k < n; k++) {
    const cidr = `10.${k >> 4}.${(k & 15) << 4}.0/20`; // /20s: 4,096 distinct VPCs inside 10.0.0.0/8
    const [vpc] = must(E.createVpc(doc, { cidr, name: `vpc-${k}` }, ids));
    const [sn] = must(E.createSubnet(doc, { vpcId: vpc, cidr: E.suggestSubnetCidr(doc, vpc)! }, ids));
    instances.push(...must(E.createInstance(doc, { subnetId: sn, allow: { icmpFrom: '10.0.0.0/8' } }, ids)));
    must(E.createInstance(doc, { subnetId: sn }, ids));
    vpcs.push(vpc);
    subnets.push(sn);
  }
  for (let k = 1; k < n; k++) {
    const [pcx] = must(E.requestPeering(doc, { requesterVpcId: vpcs[k - 1], accepterVpcId: vpcs[k] }, ids));
    must(E.acceptPeering(doc, { peeringId: pcx }));
  }
  return { doc, from: instances[0], to: instances[1], vpcs };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)] * 100) / 100;
}

export async function runUiBench(): Promise<{ firstPaintJsKbGzip: number; monacoInFirstPaint: boolean; editToVerdictMs: number; editToVerdictFromScratchMs: number; canvasModel1000NodesMs: number; nodes: number }> {
  const dist = 'dist';
  let firstPaintJsKbGzip = Number.NaN;
  let monacoInFirstPaint = false;
  if (existsSync(join(dist, 'index.html'))) {
    const chunks = firstPaintChunks(dist);
    firstPaintJsKbGzip = Math.round(chunks.reduce((a, f) => a + gzipSync(readFileSync(f)).length, 0) / 102.4) / 10;
    monacoInFirstPaint = chunks.some((f) => /editor\.api|monaco/.test(f) || readFileSync(f, 'utf8').includes('vs/editor/'));
  }
  // The shared 100-VPC estate (400 subnets, 2,000 interfaces, ~150 peerings, NACLs, flow logs).
  const doc = syntheticSnapshot();
  const instances = (doc.Reservations ?? []).flatMap((r) => r.Instances ?? []);
  const from = instances[0].InstanceId;
  const to = instances[instances.length - 1].PrivateIpAddress ?? instances[1].InstanceId;
  const groupId = doc.SecurityGroups![0].GroupId;
  // One learner edit, then what the UI recomputes: diagnostics, network, the last probe's verdict, the canvas model.
  const editToVerdict = (validate: (d: Snapshot) => Diagnostic[], compile: (d: Snapshot) => Network): number[] => {
    validate(doc); // the document in force before the edit (the workspace validated and compiled it on load)
    compile(doc);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      const edited = E.addSgRule(doc, { groupId, direction: 'ingress', permission: { IpProtocol: 'tcp', FromPort: 1000 + i, ToPort: 1000 + i, IpRanges: [{ CidrIp: '10.0.0.0/8' }] } }).doc;
      const diags = validate(edited);
      const net = compile(edited);
      const r = traceProbe(net, { from, to, protocol: 1 }, diags);
      computeLayout(buildModel(edited, net));
      if (!r.ok) throw new Error(r.error);
      times.push(performance.now() - t0);
    }
    return times;
  };
  // As the workspace does it (src/state/workspace.svelte.ts): incremental, reusing what the edit left untouched.
  const times = editToVerdict(createSnapshotValidator(), createNetworkCompiler());
  // Every document from scratch, for comparison (what the CLI or a first load pays).
  const scratch = editToVerdict(validateSnapshot, compileNetwork);
  const big = syntheticDoc(300).doc; // 1 + 300 VPCs + 300 subnets + 600 instances + 299 edges
  const bigNet = compileNetwork(big);
  const canvas: number[] = [];
  let nodes = 0;
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    const m = buildModel(big, bigNet);
    computeLayout(m);
    canvas.push(performance.now() - t0);
    nodes = m.nodes.length;
  }
  return { firstPaintJsKbGzip, monacoInFirstPaint, editToVerdictMs: median(times), editToVerdictFromScratchMs: median(scratch), canvasModel1000NodesMs: median(canvas), nodes };
}

if (process.argv[1]?.endsWith("ui.ts")) void runUiBench().then((r) => console.log(r));
