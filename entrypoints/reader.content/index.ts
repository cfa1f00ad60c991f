export default defineContentScript({
  matches: [],
  registration: 'runtime',
  main() {
    console.log('reader');
  },
});
