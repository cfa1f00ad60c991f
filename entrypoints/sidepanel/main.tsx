// The clippings panel (Chrome side_panel, Firefox sidebar, or a tab at /sidepanel.html): mounts the
// panel over the extension's clip store. Everything else lives in components/sidepanel/.
import '../../components/reading.css';
import '../../components/sidepanel/panel.css';
import { createRoot } from 'react-dom/client';
import { App, firstListOrder } from '../../components/sidepanel/App';
import { rowsFitting } from '../../components/sidepanel/ClipList';
import { panelData } from '../../components/sidepanel/data';
import { t, uiLang } from '../../lib/i18n';
import { getStore } from '../../lib/store';

document.documentElement.lang = uiLang() === 'zh' ? 'zh-CN' : 'en';
document.title = t('panelTitle');
const store = getStore();
// The list's first clips (newest first, or by issue if the user groups) are read while React renders
// the panel's shell: the list's live query starts only after that first frame (~75 ms later on a
// slow machine). A failure here is left to the live query.
const firstRows = store.listPage(0, rowsFitting(window.innerHeight), false, firstListOrder());
firstRows.catch(() => undefined);
// Then the search index's columns (~6 MB at 100k clips), so a query typed as the list shows finds them
// read or being read (the store's search waits for that read rather than starting its own).
firstRows.then(() => store.warmSearch()).catch(() => undefined);
createRoot(document.getElementById('root')!).render(<App data={panelData(store)} firstRows={firstRows} />);
