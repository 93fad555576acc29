/** Giving the thread back to the browser between long steps, so it paints and handles input. */

/** Resolves in a new task (a MessageChannel message: not clamped like nested setTimeout). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

/** Resolves after the next frame is painted, or after 100 ms (a hidden page paints no frames). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(t);
      setTimeout(resolve, 0);
    });
  });
}
