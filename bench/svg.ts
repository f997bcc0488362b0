/**
 * A hand-written SVG chart (no dependencies): side-by-side log-log panels of series against N.
 */

/** One line of a panel. */
export interface Series {
  label: string;
  color: string;
  /** Drawn dashed, without point labels (e.g. a bound). */
  dashed?: boolean;
  points: { x: number; y: number }[];
}

/** One panel: a title, a y-axis label, and its series. */
export interface Panel {
  title: string;
  yLabel: string;
  series: Series[];
  /** Formats a y value for point labels and ticks. */
  format?: (y: number) => string;
}

const W = 420;
const H = 320;
const M = { left: 62, right: 18, top: 40, bottom: 48 };

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
}

function panelSvg(panel: Panel, offsetX: number): string {
  const fmt = panel.format ?? ((y: number) => String(Math.round(y)));
  const xs = panel.series.flatMap((s) => s.points.map((p) => p.x));
  const ys = panel.series.flatMap((s) => s.points.map((p) => p.y)).filter((y) => y > 0);
  const xTicks = decades(Math.min(...xs), Math.max(...xs));
  const yTicks = decades(Math.min(...ys), Math.max(...ys));
  const [x0, x1] = [Math.log10(xTicks[0]!), Math.log10(xTicks[xTicks.length - 1]!)];
  const [y0, y1] = [Math.log10(yTicks[0]!), Math.log10(yTicks[yTicks.length - 1]!)];
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const sx = (x: number) => offsetX + M.left + ((Math.log10(x) - x0) / (x1 - x0 || 1)) * pw;
  const sy = (y: number) => M.top + ph - ((Math.log10(Math.max(y, yTicks[0]!)) - y0) / (y1 - y0 || 1)) * ph;
  const parts: string[] = [];
  parts.push(
    `<text x="${offsetX + W / 2}" y="22" text-anchor="middle" font-size="14" font-weight="bold">${esc(panel.title)}</text>`,
  );
  parts.push(`<rect x="${offsetX + M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`);
  for (const t of xTicks) {
    parts.push(`<line x1="${sx(t)}" y1="${M.top}" x2="${sx(t)}" y2="${M.top + ph}" stroke="#eee"/>`);
    parts.push(`<text x="${sx(t)}" y="${M.top + ph + 16}" text-anchor="middle" font-size="11">${t}</text>`);
  }
  for (const t of yTicks) {
    parts.push(
      `<line x1="${offsetX + M.left}" y1="${sy(t)}" x2="${offsetX + M.left + pw}" y2="${sy(t)}" stroke="#eee"/>`,
    );
    parts.push(
      `<text x="${offsetX + M.left - 6}" y="${sy(t) + 4}" text-anchor="end" font-size="11">${esc(fmt(t))}</text>`,
    );
  }
  parts.push(
    `<text x="${offsetX + M.left + pw / 2}" y="${H - 10}" text-anchor="middle" font-size="12">N (groups, log scale)</text>`,
  );
  parts.push(
    `<text transform="translate(${offsetX + 16},${M.top + ph / 2}) rotate(-90)" text-anchor="middle" font-size="12">${esc(panel.yLabel)}</text>`,
  );
  panel.series.forEach((s, i) => {
    const pts = s.points.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(" ");
    const dash = s.dashed ? ` stroke-dasharray="5,4"` : "";
    parts.push(`<polyline points="${pts}" fill="none" stroke="${s.color}" stroke-width="2"${dash}/>`);
    s.points.forEach((p, k) => {
      if (s.dashed) return;
      parts.push(`<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="3.5" fill="${s.color}"/>`);
      const dy = i === 0 ? 14 : -8;
      // The last point's label sits left of it, inside the plot.
      const [x, anchor] = k === s.points.length - 1 ? [sx(p.x) - 6, "end"] : [sx(p.x) + 5, "start"];
      parts.push(
        `<text x="${x.toFixed(1)}" y="${(sy(p.y) + dy).toFixed(1)}" text-anchor="${anchor}" font-size="10" fill="${s.color}">${esc(fmt(p.y))}</text>`,
      );
    });
    const ly = M.top + 14 + i * 16;
    parts.push(
      `<line x1="${offsetX + M.left + 10}" y1="${ly - 4}" x2="${offsetX + M.left + 28}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2"${dash}/>`,
    );
    parts.push(`<text x="${offsetX + M.left + 32}" y="${ly}" font-size="11">${esc(s.label)}</text>`);
  });
  return parts.join("\n");
}

/** An SVG document with the panels side by side and a caption line below. */
export function chartSvg(panels: Panel[], caption: string): string {
  const width = W * panels.length;
  const height = H + 24;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    ...panels.map((p, i) => panelSvg(p, i * W)),
    `<text x="${width / 2}" y="${height - 6}" text-anchor="middle" font-size="11" fill="#555">${esc(caption)}</text>`,
    `</svg>`,
    "",
  ].join("\n");
}
