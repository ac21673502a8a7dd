import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Wiring only: services are built from lib/ and routed here.
});
