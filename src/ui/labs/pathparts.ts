/** JSON paths of lab errors, as the editor needs them to place markers. */
/** ["steps", 2, "checks", 0, "kind"] from "steps[2].checks[0].kind" (and ["a b"] from '["a b"]'). */
export function pathParts(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([^.[\]]+)/g)) {
    if (m[1] !== undefined) out.push(Number(m[1]));
    else if (m[2] !== undefined) out.push(JSON.parse(m[2]) as string);
    else out.push(m[3]);
  }
  return out;
}
