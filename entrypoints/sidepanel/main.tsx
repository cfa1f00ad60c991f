// The clippings panel (Chrome side_panel, Firefox sidebar, or a tab at /sidepanel.html): mounts the
// panel over the extension's clip store. Everything else lives in components/sidepanel/.
import '../../components/reading.css';
import '../../components/sidepanel/panel.css';
import { createRoot } from 'react-dom/client';
import { App } from '../../components/sidepanel/App';
import { panelData } from '../../components/sidepanel/data';
import { t, uiLang } from '../../lib/i18n';
import { getStore } from '../../lib/store';

document.documentElement.lang = uiLang() === 'zh' ? 'zh-CN' : 'en';
document.title = t('panelTitle');
const store = getStore();
// The database opens while React renders the panel's shell (its first read would otherwise open it,
// after that render and the first paint); a failure shows up in that read.
void store.db.open().catch(() => undefined);
createRoot(document.getElementById('root')!).render(<App data={panelData(store)} />);
