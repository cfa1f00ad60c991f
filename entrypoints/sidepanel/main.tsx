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
createRoot(document.getElementById('root')!).render(<App data={panelData(getStore())} />);
