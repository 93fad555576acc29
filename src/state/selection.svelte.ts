/** What the learner has selected on the canvas, which editor tabs are open, and the right panel's tab. */
export type PanelTab = 'editor' | 'explain' | 'flowlogs' | 'insights' | 'labs';

class Selection {
  id = $state<string | null>(null);
  tabs = $state.raw<string[]>([]);
  activeTab = $state<string | null>(null);
  panel = $state<PanelTab>('editor');
  /** The instance the console is connected to (EC2 Instance Connect style). */
  instanceId = $state<string | null>(null);

  select(id: string | null): void {
    this.id = id;
    if (!id) return;
    if (id.startsWith('i-')) this.instanceId = id;
    if (id === 'internet') return;
    if (!this.tabs.includes(id)) this.tabs = [...this.tabs, id];
    this.activeTab = id;
    // Selecting a resource opens it in the editor, wherever the click came from.
    this.panel = 'editor';
  }

  /** A new document was loaded: nothing of the old one stays selected or open. */
  clear(): void {
    this.id = null;
    this.tabs = [];
    this.activeTab = null;
    this.instanceId = null;
  }

  closeTab(id: string): void {
    this.tabs = this.tabs.filter((t) => t !== id);
    if (this.activeTab === id) this.activeTab = this.tabs.at(-1) ?? null;
  }
}

export const selection = new Selection();
