// The side panel's one door to the clip store: the functions the panel calls, as an interface
// (so tests can hand in a store opened on a fresh database) and a React context to reach it.
// If lib/store's exports change, only this file changes.
import { createContext, useContext } from 'react';
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
}

export const DataContext = createContext<PanelData | null>(null);

/** The store the panel was mounted with. */
export function useData(): PanelData {
  const data = useContext(DataContext);
  if (!data) throw new Error('PanelData missing: mount <App data={...}/>');
  return data;
}
