/**
 * A worker finds the nearest rest station on a phone (390×844): the phone gives its position, the
 * map's tiles cannot load (the configured tile server refuses connections, as with no network), and
 * the page carries on as a list sorted by the distance the database computed (docs/stations.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2EEnv } from './harness';
import { prepare } from './ui';
import { haversineM } from '../common/src/geo';
import { DEMO_CITY_AREA } from '../server/src/seed/demo-station';

const PORT = 3437;
let env: E2EEnv;
const HERE = { latitude: DEMO_CITY_AREA.lat + 0.004, longitude: DEMO_CITY_AREA.lng - 0.003 };

describe('rest stations on a phone', () => {
  beforeAll(async () => {
    // A tile server that is not there: every tile fails, as on a phone without network to the tiles.
    process.env.GONGHUI_MAP_TILE_URL = 'http://127.0.0.1:9/tiles/{z}/{x}/{y}.png';
    env = await startE2E(PORT);
  }, 480_000);
  afterAll(async () => {
    delete process.env.GONGHUI_MAP_TILE_URL;
    await env?.close();
  });

  it('a worker finds the nearest station; without tiles the page is a list sorted by distance', async () => {
    const page = prepare(
      await env.browser.newPage({
        baseURL: env.baseUrl,
        viewport: { width: 390, height: 844 },
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        geolocation: HERE,
        permissions: ['geolocation'],
      }),
    );
    await page.goto('/m/stations');
    await page.getByTestId('station-finder-page').waitFor();
    // The target is big enough for a thumb.
    const box = (await page.getByTestId('station-locate').boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThan(300);
    await page.getByTestId('station-locate').click();
    await page.getByTestId('station-near-0').waitFor();
    // The tiles fail: the page says so and the list carries it.
    await page.getByTestId('station-list-fallback').waitFor();

    const ids = await page.locator('[data-testid^="station-near-"][data-station-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-station-id')));
    const api = (await (await page.request.get(`/api/public/stations/nearest?lat=${HERE.latitude}&lng=${HERE.longitude}`)).json()) as {
      id: string;
      latWgs: number;
      lngWgs: number;
      distanceM: number;
    }[];
    expect(ids).toEqual(api.map((s) => s.id));
    expect(ids.length).toBe(10);
    const d = api.map((s) => haversineM(HERE.latitude, HERE.longitude, s.latWgs, s.lngWgs));
    for (let i = 1; i < d.length; i++) expect(d[i]!).toBeGreaterThanOrEqual(d[i - 1]!);
    // The nearest is shown first with its distance.
    const first = await page.getByTestId('station-near-0-distance').innerText();
    expect(first).toBe(d[0]! < 1000 ? `${Math.round(api[0]!.distanceM)} 米` : `${(api[0]!.distanceM / 1000).toFixed(1)} 公里`);
    // Nothing overflows the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await env.shot(page, 'stations-phone-nearest');

    // A visit needs the worker's sign-in: the page says so rather than failing.
    await page.getByTestId(`station-visit-${ids[0]}`).click();
    await page.getByText('登录后可以打卡和评价').first().waitFor();
  });
});
