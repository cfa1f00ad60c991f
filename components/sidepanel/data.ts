// The side panel's one door to the clip store: the functions the panel calls, as an interface
// (so tests can hand in a store opened on a fresh database) and a React context to reach it.
// If lib/store's exports change, only this file changes.
import { createContext, useContext } from 'react';
import { highlightQuery, type Store } from '../../lib/store';
import type {
  Clip,
  ClipInput,
  ClipPatch,
  Highlight,
  ImportReport,
  ListOrder,
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
  /** Fast path: live (or trashed) clips, newest saved first or by issue, without counting them all (store.listPage). */
  listPage?(offset: number, limit: number, trash: boolean, order?: ListOrder): Promise<Clip[]>;
  /** Fast path: how many live (or trashed) clips, without the store's full stats (the counts the store keeps). */
  countClips?(trash: boolean): Promise<number>;
  /** Prepares the search index so the first keystroke's search is not the one to read its columns. */
  warmSearch?(): Promise<void>;
  /** Reads ahead what a query typed on from this one will need (store.readAhead). */
  readAhead?(query: string): Promise<void>;
  /** Where a query's words and phrases occur in a clip (the reading view marks them). */
  highlight?(clip: Clip, query: string): Highlight[];
  /** Calls the listener whenever clips change, here or in another page or the worker (store.onClipsChanged); returns the unsubscribe. Without it the lists do not follow changes. */
  onClipsChanged?(listener: () => void): () => void;
}

/** The panel's data over a lib/store Store. */
export function panelData(store: Store): PanelData {
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
    listPage: (offset, limit, trash, order) => store.listPage(offset, limit, trash, order),
    countClips: (trash) => store.countClips(trash),
    warmSearch: () => store.warmSearch(),
    readAhead: (q) => store.readAhead(q),
    highlight: highlightQuery,
    onClipsChanged: (listener) => store.onClipsChanged(listener),
  };
}

export const DataContext = createContext<PanelData | null>(null);

/** The store the panel was mounted with. */
export function useData(): PanelData {
  const data = useContext(DataContext);
  if (!data) throw new Error('PanelData missing: mount <App data={...}/>');
  return data;
}
