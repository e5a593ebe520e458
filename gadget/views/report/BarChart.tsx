/**
 * A grouped horizontal bar chart drawn as SVG (no chart library): one row per category, one
 * bar per series, the value written at the end of each bar. For screen readers it is one
 * image with a title and a description; the numbers themselves stay in the wiki tables on
 * the page, which the description points to.
 */
import { defineComponent, type PropType } from 'vue';

export interface ChartRow {
  label: string;
  values: number[];
}

/**
 * How many series have a colour of their own (`letsconnect-chart__series-<n>` in
 * gadget/styles.css: Codex's progressive, success and warning tokens, so night mode recolours
 * them); further series repeat them.
 */
export const SERIES_COLOURS = 3;

const WIDTH = 640;
const LABEL_WIDTH = 200;
const VALUE_WIDTH = 44;
const BAR = 14;
const GAP = 10;

function shorten(text: string, max = 26): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const seriesClass = (i: number) => `letsconnect-chart__series-${i % SERIES_COLOURS}`;

export const BarChart = defineComponent({
  name: 'BarChart',
  props: {
    id: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, required: true },
    series: { type: Array as PropType<string[]>, required: true },
    rows: { type: Array as PropType<ChartRow[]>, required: true },
  },
  setup(props) {
    return () => {
      const max = Math.max(1, ...props.rows.flatMap((r) => r.values));
      const rowHeight = props.series.length * BAR + GAP;
      const height = Math.max(rowHeight, props.rows.length * rowHeight) + GAP;
      const scale = (v: number) => ((WIDTH - LABEL_WIDTH - VALUE_WIDTH) * v) / max;
      const titleId = `${props.id}-title`;
      const descId = `${props.id}-desc`;
      const row = (item: ChartRow, r: number) => {
        const top = GAP + r * rowHeight;
        return (
          <g class="letsconnect-chart__row" key={`${r}:${item.label}`}>
            <text
              x={LABEL_WIDTH - 8}
              y={top + (props.series.length * BAR) / 2 + 4}
              text-anchor="end"
              font-size={12}
              class="letsconnect-chart__label"
            >
              {shorten(item.label)}
            </text>
            {item.values.map((v, i) => {
              const y = top + i * BAR;
              const w = scale(v);
              return (
                <g key={i} class="letsconnect-chart__bar">
                  <rect
                    x={LABEL_WIDTH}
                    y={y}
                    width={Math.max(w, v > 0 ? 2 : 0)}
                    height={BAR - 2}
                    class={seriesClass(i)}
                    data-value={v}
                  />
                  <text
                    x={LABEL_WIDTH + w + 4}
                    y={y + BAR - 4}
                    font-size={11}
                    class="letsconnect-chart__label"
                  >
                    {String(v)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      };
      return (
        <figure class="letsconnect-chart" id={props.id}>
          <figcaption class="letsconnect-chart__caption">{props.title}</figcaption>
          {props.series.length > 1 ? (
            <ul class="letsconnect-chart__legend">
              {props.series.map((s, i) => (
                <li key={s}>
                  <span class={`letsconnect-chart__swatch ${seriesClass(i)}`} aria-hidden="true" />
                  {` ${s}`}
                </li>
              ))}
            </ul>
          ) : null}
          <svg
            xmlns="http://www.w3.org/2000/svg"
            role="img"
            aria-labelledby={`${titleId} ${descId}`}
            viewBox={`0 0 ${WIDTH} ${height}`}
            width="100%"
            style={{ maxWidth: `${WIDTH}px` }}
            class="letsconnect-chart__svg"
          >
            <title id={titleId}>{props.title}</title>
            <desc id={descId}>{props.description}</desc>
            {props.rows.map(row)}
          </svg>
        </figure>
      );
    };
  },
});
