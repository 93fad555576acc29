/** Finds where a JSON path lies in a JSON text (offset and length of the value, or of its key), for editor markers. */
type Span = { offset: number; length: number };

/** Walks valid JSON text; returns the span of the value at `path` (or of the deepest existing parent). */
export function locatePath(text: string, path: readonly (string | number)[]): Span | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  // Skips one value; returns its span. When depth < path.length, descends into the matching child.
  const value = (depth: number): Span | null => {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      let found: Span | null = null;
      for (ws(); text[i] !== '}' && i < text.length; ws()) {
        const keyStart = i;
        const key = str();
        const keySpan = { offset: keyStart, length: i - keyStart };
        ws();
        i++; // colon
        const hit = depth < path.length && path[depth] === key;
        const v = value(hit ? depth + 1 : Infinity);
        if (hit) found = v ?? keySpan;
        ws();
        if (text[i] === ',') i++;
      }
      i++;
      return depth < path.length ? found ?? { offset: start, length: 1 } : { offset: start, length: i - start };
    }
    if (c === '[') {
      i++;
      let found: Span | null = null;
      let n = 0;
      for (ws(); text[i] !== ']' && i < text.length; ws()) {
        const hit = depth < path.length && path[depth] === n;
        const v = value(hit ? depth + 1 : Infinity);
        if (hit) found = v;
        n++;
        ws();
        if (text[i] === ',') i++;
      }
      i++;
      return depth < path.length ? found ?? { offset: start, length: 1 } : { offset: start, length: i - start };
    }
    if (c === '"') {
      str();
    } else {
      while (i < text.length && !/[,\]}\s]/.test(text[i])) i++;
    }
    return { offset: start, length: i - start };
  };
  try {
    return value(path.length === 0 ? Infinity : 0);
  } catch {
    return null;
  }
}
