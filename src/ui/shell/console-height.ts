/**
 * The console's height: the default row, or the height the learner dragged it to, kept across
 * reloads. Plain functions, so the limits are tested.
 */

/**
 * The default row, as before the splitter: 26 % of the window (182 px at 700 px), 150-260 px. A taller default would
 * take its rows from the canvas and the JSON editor, which are as short on a short window; the splitter gives the
 * console more when the learner wants it, and remembers it.
 */
export const DEFAULT_CONSOLE_ROW = 'clamp(150px, 26vh, 260px)';
/** Below this the console shows no more than its header and prompt. */
export const MIN_CONSOLE = 120;
/** What the top bar (48 px) and a usable canvas and side panel (240 px) need above the console. */
export const ROOM_ABOVE = 48 + 240;

const KEY = 'vpc-lab:console-height:v1';

/** A height kept within what the window allows. */
export function clampConsoleHeight(px: number, windowHeight: number): number {
  const max = Math.max(MIN_CONSOLE, windowHeight - ROOM_ABOVE);
  return Math.round(Math.min(max, Math.max(MIN_CONSOLE, px)));
}

export function savedConsoleHeight(store: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): number | null {
  try {
    const n = Number(store?.getItem(KEY));
    return Number.isFinite(n) && n > 0 ? n : null;
  } catch {
    return null; // storage blocked: the default height
  }
}

export function saveConsoleHeight(px: number | null, store: Pick<Storage, 'setItem' | 'removeItem'> | undefined = globalThis.localStorage): void {
  try {
    if (px === null) store?.removeItem(KEY);
    else store?.setItem(KEY, String(px));
  } catch {
    // Not kept across a reload; the height still applies now.
  }
}
