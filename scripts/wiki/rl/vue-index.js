/*
 * The local wiki's `vue` module entry, shaped like the one Meta serves today: Vue 3.5
 * (not the compat build MediaWiki 1.39 ships) with Vue.createMwApp as core's
 * (resources/src/vue/index.js): the i18n plugin, the error logger, Codex's i18n function
 * and a teleport target. Copied into the wiki folder by scripts/wiki/resources.ts.
 */
const Vue = require('./vue.js');
const i18n = require('./i18n.js');

let teleportTarget = null;
function getTeleportTarget() {
  if (!teleportTarget) {
    teleportTarget = document.createElement('div');
    teleportTarget.className = 'mw-teleport-target';
    document.body.appendChild(teleportTarget);
  }
  return teleportTarget;
}

/*
 * Core's errorLogger plugin: an error that reaches Vue's runtime goes to the `error.vue`
 * topic and to the console, and is not thrown again (the app carries on, as on Meta). The
 * end-to-end tests fail on the console error (test/support/browser.ts).
 */
const errorLogger = {
  install(app) {
    app.config.errorHandler = function (error) {
      mw.errorLogger.logError(error, 'error.vue');
      mw.log.error(error);
    };
  },
};

Vue.createMwApp = function (...args) {
  const app = Vue.createApp(...args);
  app.use(errorLogger);
  app.use(i18n);
  app.provide('CdxTeleportTarget', getTeleportTarget());
  return app;
};

module.exports = Vue;
