import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderApp } from '../test/render';
import { AreaCascader, useRegionName } from './AreaCascader';

function RegionOf({ code }: { code: string }) {
  return <span data-testid="region">{useRegionName()(code)}</span>;
}

const areas = [
  { id: 'c1', parentId: null, level: 'city', name: '江城市总工会', areaName: '江城市', regionCode: '439900' },
  { id: 'd1', parentId: 'c1', level: 'county', name: '滨江区总工会', areaName: '滨江区', regionCode: '439902' },
  { id: 's1', parentId: 'd1', level: 'street', name: '滨江街道总工会', areaName: '滨江街道总工会', regionCode: null },
];

describe('AreaCascader', () => {
  it('offers the regions by name and answers the chosen region’s code (the self-check needs no code typed)', async () => {
    const onChange = vi.fn();
    renderApp(<AreaCascader mode="region" onChange={onChange} testId="area" />, { routes: { 'GET /api/join/areas': () => areas } });
    const box = await screen.findByTestId('area');
    await waitFor(() => expect(box.querySelector('.ant-select-selector, .ant-cascader-selector, input')).toBeTruthy());
    fireEvent.mouseDown(box.querySelector('.ant-select-selector, .ant-cascader-selector') ?? box);
    fireEvent.click(await screen.findByText('江城市'));
    fireEvent.click(await screen.findByText('滨江区'));
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('439902'));
    expect(document.body.textContent).not.toContain('439902');
  });

  it('names a region by its code (the self-check’s result names the subsistence line’s region)', async () => {
    renderApp(<RegionOf code="439902" />, { routes: { 'GET /api/join/areas': () => areas } });
    await waitFor(() => expect(screen.getByTestId('region').textContent).toBe('滨江区'));
  });
});
