// The reader content script: injected by the background on a toolbar click, the keyboard
// command or the context menu (never statically). It reads the page with lib/extract, cleans it
// with lib/segment, and shows the result in a shadow-root overlay; a second click closes it.
import '../../components/reading.css';
import '../../components/reader/reader.css';
import { createRoot } from 'react-dom/client';
import { ReaderApp } from '../../components/reader/ReaderApp';
import { runReader } from '../../components/reader/run';

export default defineContentScript({
  matches: [],
  registration: 'runtime',
  cssInjectionMode: 'ui',
  main: (ctx) =>
    runReader({
      mount: async (page, api, onClose) => {
        const ui = await createShadowRootUi(ctx, {
          name: 'epaper-reader',
          position: 'inline',
          anchor: 'html',
          append: 'last',
          onMount(container) {
            const root = createRoot(container);
            root.render(<ReaderApp page={page} api={api} onClose={onClose} />);
            return root;
          },
          onRemove(root) {
            root?.unmount();
          },
        });
        ui.mount();
        return () => ui.remove();
      },
    }),
});
