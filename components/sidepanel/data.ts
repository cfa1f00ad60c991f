// The side panel's one door to the clip store: the functions the panel calls, as an interface
// (so tests can hand in a store opened on a fresh database) and a React context to reach it.
// If lib/store's exports change, only this file changes.
import Dexie from 'dexie';
import { createContext, useContext } from 'react';
import { toClip, type Store } from '../../lib/store';
import type {
  Clip,
  ClipInput,
  ClipPatch,
  ImportReport,
  ListResult,
  PageRequest,
  SaveResult,
  SearchFilters,
  SearchResult,
  StoreStats,
} from '../../lib/store/types';

export interface PanelData {
  search(query: string, filters?: SearchFilters, page?: PageRequest): Promise<SearchResult>;
  listRecent(page?: PageRequest, filters?: SearchFilters): Promise<ListResult>;
  getClip(id: string): Promise<Clip | undefined>;
  updateClip(id: string, patch: ClipPatch): Promise<unknown>;
  deleteClip(id: string): Promise<unknown>;
  restoreClip(id: string): Promise<unknown>;
  emptyTrash(): Promise<unknown>;
  saveClips(inputs: ClipInput[]): Promise<SaveResult>;
  stats(): Promise<StoreStats>;
  exportJson(): Promise<string>;
  exportMarkdown(): Promise<string>;
  importAll(text: string): Promise<ImportReport>;
  /** Fast path: newest-first live (or trashed) clips without counting them all. */
  listPage?(offset: number, limit: number, trash: boolean): Promise<Clip[]>;
  /** Fast path: how many live (or trashed) clips, without the store's full stats. */
  countClips?(trash: boolean): Promise<number>;
}

/**
 * The panel's data over a lib/store Store, with two fast paths read straight from its Dexie tables:
 * a page of the newest clips without the exact count (listRecent counts a 100k-entry index range, which
 * takes seconds in Chromium), and the counts as "whole table minus trash" (the trash range is small).
 */
export function panelData(store: Store): PanelData {
  const byLive = (live: 0 | 1) => store.db.clips.where('[live+savedAt]').between([live, Dexie.minKey], [live, Dexie.maxKey]);
  return {
    search: (q, f, p) => store.search(q, f, p),
    listRecent: (p, f) => store.listRecent(p, f),
    getClip: (id) => store.getClip(id),
    updateClip: (id, patch) => store.updateClip(id, patch),
    deleteClip: (id) => store.deleteClip(id),
    restoreClip: (id) => store.restoreClip(id),
    emptyTrash: () => store.emptyTrash(),
    saveClips: (inputs) => store.saveClips(inputs),
    stats: () => store.stats(),
    exportJson: () => store.exportJson(),
    exportMarkdown: () => store.exportMarkdown(),
    importAll: (text) => store.importAll(text),
    listPage: async (offset, limit, trash) => (await byLive(trash ? 0 : 1).reverse().offset(offset).limit(limit).toArray()).map(toClip),
    countClips: async (trash) => (trash ? byLive(0).count() : (await store.db.clips.count()) - (await byLive(0).count())),
  };
}

export const DataContext = createContext<PanelData | null>(null);

/** The store the panel was mounted with. */
export function useData(): PanelData {
  const data = useContext(DataContext);
  if (!data) throw new Error('PanelData missing: mount <App data={...}/>');
  return data;
}
