/**
 * The XSS corpus: payloads for every text field, each setting a canary when it runs.
 * `{C}` becomes the canary for one placement (`top.__xss=[top.__xss,17]`: no quotes or
 * spaces, so it survives unquoted attributes), `{M}` a marker class (`xssm17`) that shows
 * when markup from the value became an element.
 */
export const XSS_PAYLOADS: readonly string[] = [
  '<script>{C}</script>',
  '<img src=x class={M} onerror={C}>',
  '<svg class={M} onload={C}>',
  '"><script>{C}</script>',
  "'><img src=x class={M} onerror={C}>",
  '<a class={M} href="javascript:{C}">click me</a>',
  'javascript:{C}',
  '<iframe class={M} srcdoc="<script>{C}</script>"></iframe>',
  '<div class={M} style="width:expression({C})">css</div>',
  '<div class={M} style="background:url(javascript:{C})">css</div>',
  "{{constructor.constructor('{C}')()}}",
  '<div class={M} v-html="\'<img src=x onerror={C}>\'"></div>',
  '<span class={M} onmouseover={C}>hover</span>',
  '[javascript:{C} link]',
  '{{#tag:script|{C}}}',
  '<details class={M} open ontoggle={C}>x</details>',
  '<input class={M} autofocus onfocus={C}>',
  '<math><mtext><table><mglyph><style><img src=x class={M} onerror={C}>',
  '<object class={M} data="javascript:{C}"></object>',
  '<embed class={M} src="javascript:{C}">',
  '<form action="javascript:{C}"><button class={M}>go</button></form>',
  '<video><source class={M} onerror={C}></video>',
  '<svg><animate class={M} onbegin={C} attributeName=x dur=1s></svg>',
  '<noscript><p title="</noscript><img src=x class={M} onerror={C}>">',
  '<<script>script>{C}<</script>/script>',
  '<scr<script>ipt>{C}</scr</script>ipt>',
  '&lt;script&gt;{C}&lt;/script&gt;',
  '<a class={M} href="jav&#x09;ascript:{C}">tab</a>',
  '<div class={M} @click="{C}" v-on:mouseover="{C}">vue</div>',
  '{{ {C} }}',
  '<style>@import "javascript:{C}";</style><b class={M}>b</b>',
  '[[javascript:{C}|wikilink]]',
  '<body onload={C}>',
  '<meta http-equiv="refresh" content="0;url=javascript:{C}">',
];

/**
 * Hand-typed wikitext that does not go through our escaping, as a hostile editor writes it:
 * MediaWiki's sanitizer renders these on the page itself, but no gadget view or bot output
 * may turn them into elements, and nothing may run.
 */
export const RAW_PAYLOADS: readonly string[] = [
  '<span class={M} onmouseover={C}>hover</span>',
  '[javascript:{C} link]',
  '{{#tag:script|{C}}}',
  '<script>{C}</script>',
  '<img src=x class={M} onerror={C}>',
  "'''bold''' <b class={M}>b</b> <div style=\"background:url(javascript:{C})\">x</div>",
  '<a class={M} href="javascript:{C}">click</a>',
  '<nowiki><script>{C}</script></nowiki>',
];

/** The payload for placement `id`; `raw` placements use marker `xssr…`, others `xssm…`. */
export function placePayload(template: string, id: number, raw: boolean): string {
  return template
    .replace(/\{C\}/g, `top.__xss=[top.__xss,${id}]`)
    .replace(/\{M\}/g, `${raw ? 'xssr' : 'xssm'}${id}`);
}
