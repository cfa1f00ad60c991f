// The reader content script: injected by the background on a toolbar click, the keyboard
// command or the context menu (never statically). It reads the page with lib/extract, cleans it
// with lib/segment, and shows the result in a shadow-root overlay; a second click closes it.
// CSS is bundled as text and put in the shadow root, so no extension file is web-accessible.
import readingCss from '../../components/reading.css?inline';
import readerCss from '../../components/reader/reader.css?inline';
import { createRoot } from 'react-dom/client';
import { ReaderApp } from '../../components/reader/ReaderApp';
import { runReader } from '../../components/reader/run';

export default defineContentScript({
  matches: [],
  registration: 'runtime',
  cssInjectionMode: 'manual',
  main: (ctx) =>
    runReader({
      mount: async (page, api, onClose) => {
        const ui = await createShadowRootUi(ctx, {
          name: 'epaper-reader',
          position: 'inline',
          anchor: 'html',
          append: 'last',
          css: readingCss + '\n' + readerCss,
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
