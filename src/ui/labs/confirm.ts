/** Asks a question in a modal dialog mounted on the page itself, so it works before any panel is open. */
import { mount, unmount } from 'svelte';
import ConfirmDialog from './ConfirmDialog.svelte';

export interface Question {
  title: string;
  lines: string[];
  confirmLabel: string;
  cancelLabel?: string;
}

export function askConfirm(q: Question): Promise<boolean> {
  return new Promise((resolve) => {
    const host = document.createElement('div');
    document.body.append(host);
    const app = mount(ConfirmDialog, {
      target: host,
      props: {
        ...q,
        onanswer: (yes: boolean) => {
          void unmount(app);
          host.remove();
          resolve(yes);
        },
      },
    });
  });
}
