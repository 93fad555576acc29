/**
 * Regular expressions and globs as CloudWatch writes them, turned into JavaScript RegExps.
 * CloudWatch regexes put flags inline (`/(?i)exception/`, `/^(?i)Exception$/`), which
 * JavaScript does not accept before ES2025, so the flags are lifted into RegExp flags.
 */

/** Compiles a CloudWatch regex; throws SyntaxError (caught by the parser) when invalid. */
export function compileRegex(source: string): RegExp {
  let flags = '';
  const body = source.replace(/\(\?([ims]+)\)/g, (_m, f: string) => {
    for (const ch of f) if (!flags.includes(ch)) flags += ch;
    return '';
  });
  return new RegExp(body, flags);
}

const SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/**
 * A `parse` glob: literal text with `*` capturing. Each `*` matches as little as possible, except
 * a `*` that ends the pattern, which takes the rest of the text (`"[*] *"` on `[ERROR] disk full`
 * gives `ERROR` and `disk full`). The match may start anywhere.
 */
export function globToRegex(glob: string): { regex: RegExp; stars: number } {
  const parts = glob.split('*');
  let source = '';
  for (let k = 0; k < parts.length; k++) {
    source += parts[k].replace(SPECIAL, '\\$&');
    if (k < parts.length - 1) source += k === parts.length - 2 && parts[k + 1] === '' ? '(.*)' : '(.*?)';
  }
  return { regex: new RegExp(source, 's'), stars: parts.length - 1 };
}

/** Names of the named groups of a regex source, in order of appearance. */
export function groupNames(source: string): string[] {
  const names: string[] = [];
  const re = /\(\?<([A-Za-z_@$][\w@$.]*)>/g;
  for (let m = re.exec(source); m; m = re.exec(source)) if (!names.includes(m[1])) names.push(m[1]);
  return names;
}
