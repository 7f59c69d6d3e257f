import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { renderApp } from '../../test/render';
import StationFinderPage from './StationFinderPage';

const near = (id: string, name: string, distanceM: number) => ({
  id, name, address: '江城市滨江区长江路1号', orgName: '江城机械厂工会', hours: '08:00-20:00', amenities: ['water', 'charging'], phone: null,
  coordSys: 'wgs84', lat: 30.6, lng: 114.3, latWgs: 30.6, lngWgs: 114.3, distanceM, avgRating: 4.5,
});

describe('/m/stations', () => {
  it('without a tile source lists the nearest stations in the server’s order, with their distances', async () => {
    const { sent } = renderApp(<StationFinderPage />, {
      url: '/m/stations?lat=30.6&lng=114.3',
      routes: {
        'GET /api/public/stations/map-config': () => ({ tileUrl: '', subdomains: [], labelUrl: '', attribution: '', tileSys: 'wgs84', maxZoom: 18 }),
        'GET /api/public/stations/nearest': () => [near('s1', '滨江爱心驿站001', 850), near('s2', '滨江暖心驿站002', 1234)],
      },
    });
    await screen.findByTestId('station-list-fallback');
    expect(screen.queryByTestId('station-map')).toBeNull();
    expect((await screen.findByTestId('station-near-0')).textContent).toContain('滨江爱心驿站001');
    expect(screen.getByTestId('station-near-0-distance').textContent).toBe('850 米');
    expect(screen.getByTestId('station-near-1-distance').textContent).toBe('1.2 公里');
    await waitFor(() => expect(sent.some((s) => s.url.pathname === '/api/public/stations/nearest' && s.url.searchParams.get('lat') === '30.6')).toBe(true));
  });
});
