/*
 * i18n plugin for Vue bound to mw.message(), as MediaWiki core provides it:
 * `$i18n( key, ...params )` in templates and render functions, and mw.msg as Codex's
 * i18n function (`CdxI18nFunction`), so Codex's own texts come from the wiki's messages.
 */
module.exports = {
  install(app) {
    app.config.globalProperties.$i18n = function (key, ...parameters) {
      return mw.message(key, ...parameters);
    };
    app.provide('i18n', (key, ...parameters) => mw.message(key, ...parameters));
    app.provide('CdxI18nFunction', mw.msg);
  },
};
