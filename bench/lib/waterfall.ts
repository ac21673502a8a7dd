/**
 * A small SVG waterfall of visits: one band per visit, each request a bar (ms from navigation),
 * and lines where Gladly's panel rendered and where the sidebar showed orders and was complete.
 * Plain SVG text (no dependencies), so the bench can write it next to the README.
 */
import type { ScenarioSample, VisitTimeline } from './browser-bench';

export interface WaterfallVisit {
  title: string;
  timeline: VisitTimeline;
}

const WIDTH = 760;
const LEFT = 150;
const RIGHT = 20;
const ROW = 9;
const BAND_GAP = 34;

const MARK_COLORS: Record<string, string> = {
  panel: '#8a5a00',
  orders: '#1a7f37',
  complete: '#555',
};

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The visit of `scenario` whose panel → orders is the median one among `samples` (a typical visit). */
export function typicalVisit(samples: readonly ScenarioSample[], scenario: string): ScenarioSample | undefined {
  const mine = samples
    .filter((s) => s.scenario === scenario && s.timeline && s.panelToOrdersMs != null)
    .sort((a, b) => a.panelToOrdersMs! - b.panelToOrdersMs!);
  return mine[Math.floor((mine.length - 1) / 2)];
}

export function waterfallSvg(visits: readonly WaterfallVisit[], caption: string): string {
  const end = Math.max(
    500,
    ...visits.flatMap((v) => [...v.timeline.requests.map((r) => r.end), ...v.timeline.marks.map((m) => m.at)]),
  );
  const scaleEnd = Math.ceil(end / 250) * 250;
  const x = (ms: number) => LEFT + (Math.max(0, ms) / scaleEnd) * (WIDTH - LEFT - RIGHT);
  const parts: string[] = [];
  let y = 28;
  parts.push(`<text x="8" y="16" font-weight="bold">${escapeXml(caption)}</text>`);
  for (const visit of visits) {
    const rows = Math.max(1, visit.timeline.requests.length);
    const top = y + 14;
    const bottom = top + rows * ROW;
    parts.push(`<text x="8" y="${y + 8}" font-weight="bold">${escapeXml(visit.title)}</text>`);
    parts.push(
      `<rect x="${LEFT}" y="${top - 2}" width="${WIDTH - LEFT - RIGHT}" height="${bottom - top + 4}" fill="#f6f8fa"/>`,
    );
    visit.timeline.requests.forEach((request, i) => {
      const ry = top + i * ROW;
      const gladly = request.label.startsWith('Gladly ');
      parts.push(
        `<rect x="${x(request.start).toFixed(1)}" y="${ry}" width="${Math.max(1, x(request.end) - x(request.start)).toFixed(1)}" height="${ROW - 2}" fill="${gladly ? '#8250df' : '#0969da'}"><title>${escapeXml(`${request.label}: ${request.start}–${request.end} ms`)}</title></rect>`,
      );
      parts.push(
        `<text x="${LEFT - 4}" y="${ry + ROW - 2}" text-anchor="end" font-size="7" fill="#57606a">${escapeXml(request.label.slice(0, 34))}</text>`,
      );
    });
    const shown = visit.timeline.marks.filter((m) => m.name in MARK_COLORS);
    shown.forEach((mark, i) => {
      const mx = x(mark.at).toFixed(1);
      const color = MARK_COLORS[mark.name]!;
      parts.push(
        `<line x1="${mx}" y1="${top - 4}" x2="${mx}" y2="${bottom + 2}" stroke="${color}" stroke-width="1.5"/>`,
      );
      parts.push(
        `<text x="${mx}" y="${bottom + 11 + (i % 2) * 9}" font-size="8" fill="${color}" text-anchor="middle">${escapeXml(`${mark.name} ${Math.round(mark.at)}`)}</text>`,
      );
    });
    y = bottom + BAND_GAP;
  }
  // The time axis, drawn under the bars.
  const grid: string[] = [];
  for (let t = 0; t <= scaleEnd; t += 250) {
    grid.push(`<line x1="${x(t)}" y1="24" x2="${x(t)}" y2="${y - BAND_GAP + 4}" stroke="#d0d7de" stroke-width="0.5"/>`);
    grid.push(
      `<text x="${x(t)}" y="${y - BAND_GAP + 26}" font-size="8" text-anchor="middle" fill="#57606a">${t} ms</text>`,
    );
  }
  const height = y - BAND_GAP + 36;
  parts.push(
    `<text x="8" y="${height - 6}" font-size="8" fill="#57606a">bars: requests (blue BigCommerce, purple Gladly API), ms from navigation; lines: Gladly's panel rendered, orders in the sidebar, complete</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif" font-size="10">
<rect width="100%" height="100%" fill="#fff"/>
${[...grid, ...parts].join('\n')}
</svg>
`;
}
