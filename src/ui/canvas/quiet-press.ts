/**
 * Pressing a box does not restyle anything. On a big diagram any restyle costs a whole redraw
 * (see highlight.ts), and Cytoscape restyles on every press, for looks this app does not use:
 *
 * - it marks the element under the pointer `:active` on press and unmarks it on release (its
 *   default style draws a grey overlay meanwhile), restyling the element, its parent boxes and
 *   its children each time: a click paid two redraws before its selection was even shown;
 * - it marks a pressed box `:grabbed` and unmarks it on release, each time with
 *   `updateStyle(false)`: a restyle the renderer picks up at its next frame, so the next pan or
 *   zoom paid the redraw.
 *
 * Cytoscape has no option for either. For the cores passed here, `activate()` and `unactivate()`
 * do nothing, and `updateStyle(false)` is skipped when it follows a change of the element's
 * grabbed state (its other caller, a node's first drawing, keeps its restyle: the diagram is
 * drawn as before). The selection, drawn at once by the highlight layer, is the click's
 * feedback; dragging is unchanged. Other cores are untouched.
 */
import type cytoscape from 'cytoscape';

const quiet = new WeakSet<cytoscape.Core>();
/** The grabbed state each element had at its last `updateStyle(false)`. */
const grabbed = new WeakMap<object, boolean>();
let patched = false;

type Method = (this: cytoscape.CollectionReturnValue, ...args: unknown[]) => cytoscape.CollectionReturnValue;

export function quietPress(cy: cytoscape.Core): void {
  quiet.add(cy);
  if (patched) return;
  patched = true;
  // Every collection of every core shares this prototype.
  const proto = Object.getPrototypeOf(cy.collection()) as Record<'activate' | 'unactivate' | 'updateStyle', Method>;
  const skip = (name: 'activate' | 'unactivate' | 'updateStyle', when: (this: cytoscape.CollectionReturnValue, args: unknown[]) => boolean) => {
    const original = proto[name];
    proto[name] = function (...args) {
      if (this.length > 0 && quiet.has(this.cy()) && when.call(this, args)) return this;
      return original.apply(this, args);
    };
  };
  // With arguments, these two bind event handlers (`ele.activate(fn)`): left as they were.
  skip('activate', (args) => args.length === 0);
  skip('unactivate', (args) => args.length === 0);
  skip('updateStyle', function (this: cytoscape.CollectionReturnValue, args) {
    if (args[0] !== false || this.length !== 1 || !this.isNode()) return false;
    const now = !!(this as cytoscape.NodeSingular).grabbed();
    if ((grabbed.get(this[0]) ?? false) === now) return false;
    grabbed.set(this[0], now);
    return true;
  });
}
