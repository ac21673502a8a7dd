/** The order list's render time in real Chromium (a blank page; no extension, no network). */
import { chromium } from 'playwright-core';
import { findChrome } from '../../scripts/lib/browser';
import type { RenderBenchResult } from '../render/entry';
import { buildRenderBench } from './render-build';
import { median, round1 } from './stats';

export interface RenderResult {
  orders: number;
  lines: number;
  runs: number;
  /** The list as first shown (lines collapsed), layout included. */
  mountMsMedian: number | null;
  /** One order opened (its lines rendered), layout included. */
  openOneMsMedian: number | null;
  /** Every order opened at once (orders × lines rendered). */
  openAllMsMedian: number | null;
  linesShown: number;
}

export async function runRenderBench(orders: number, lines: number, runs: number): Promise<RenderResult> {
  const script = await buildRenderBench();
  const browser = await chromium.launch({
    executablePath: findChrome(),
    headless: false,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ content: script });
    const result = await page.evaluate(
      ([o, l, r]) =>
        (window as unknown as { renderBench(o: number, l: number, r: number): Promise<RenderBenchResult> }).renderBench(
          o,
          l,
          r,
        ),
      [orders, lines, runs] as const,
    );
    return {
      orders,
      lines,
      runs,
      mountMsMedian: round1(median(result.mount)),
      openOneMsMedian: round1(median(result.openOne)),
      openAllMsMedian: round1(median(result.openAll)),
      linesShown: result.linesShown,
    };
  } finally {
    await browser.close();
  }
}
