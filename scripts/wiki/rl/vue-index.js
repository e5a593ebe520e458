/*
 * The local wiki's `vue` module entry, shaped like the one Meta serves today: Vue 3.5
 * (not the compat build MediaWiki 1.39 ships) with Vue.createMwApp adding the i18n plugin
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

Vue.createMwApp = function (...args) {
  const app = Vue.createApp(...args);
  app.use(i18n);
  app.provide('CdxTeleportTarget', getTeleportTarget());
  app.config.errorHandler = function (err) {
    mw.errorLogger.logError(err, 'error.vue');
    throw err;
  };
  return app;
};

module.exports = Vue;
