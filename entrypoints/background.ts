export default defineBackground(() => {
  browser.action.onClicked.addListener(async (tab) => {
    if (tab.id == null) return;
    await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/content-scripts/reader.js'] });
  });
});
