import type { Page } from 'playwright-core';

/** One layout shift the page made without input: its score and which elements moved, from where to where. */
export interface Shift {
  at: number;
  value: number;
  sources: string[];
}

/** Before the page's scripts: records every layout shift (the CLS inputs) with the elements that moved. */
export async function recordShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: Shift[] = [];
    (window as unknown as { __shifts: Shift[] }).__shifts = shifts;
    const name = (n: Node | null | undefined) => {
      if (!(n instanceof Element)) return n?.nodeName ?? '?';
      const id = n.getAttribute('data-testid');
      const cls = (n.getAttribute('class') ?? '').split(' ').slice(0, 3).join('.');
      return `${n.tagName.toLowerCase()}${id ? `[${id}]` : ''}${cls ? `.${cls}` : ''}`;
    };
    const rect = (r: DOMRectReadOnly) => `${Math.round(r.y)}+${Math.round(r.height)}`;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as {
        startTime: number;
        value: number;
        hadRecentInput: boolean;
        sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
      }[]) {
        if (e.hadRecentInput) continue;
        shifts.push({
          at: Math.round(e.startTime),
          value: e.value,
          sources: e.sources.map((s) => `${name(s.node)} y ${rect(s.previousRect)} → ${rect(s.currentRect)}`),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The shifts recorded so far on the page. */
export function shiftsOf(page: Page): Promise<Shift[]> {
  return page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);
}
