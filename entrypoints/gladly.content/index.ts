import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  matches: ['https://*.gladly.com/*', 'https://*.gladly.qa/*'],
  main() {},
});
