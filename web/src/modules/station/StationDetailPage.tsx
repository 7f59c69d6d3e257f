import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Card, Image, Space, Table, Tag, Upload } from 'antd';
import { CameraOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { stationApi, type InspectionInput, type StationDetail, type StationInput } from '../../../../common/src/contracts/station';
import { fillPath } from '../../../../common/src/contracts/kit';
import { call } from '../../api/client';
import { useBusy } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { Actions, DetailPage, Fields, FormModal, StatusTag, fileToBase64, todayInChina, useVocab } from '../../kit';
import { AMENITIES, COORD_SYSTEMS, INSPECTION_ITEMS, INSPECTION_RESULTS } from './vocab';
import { inspectionFields, stationFields } from './fields';

type InspectValues = Omit<InspectionInput, 'items'> & { ok?: string[] };

/** 站点详情: address and position, hours, amenities, photos, inspections, visits and ratings. */
export default function StationDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { label } = useVocab();
  const [form, setForm] = useState<'edit' | 'inspect' | null>(null);
  const busy = useBusy();
  return (
    <DetailPage<StationDetail> testId="station" get={stationApi.get} title={(s) => s.name}
      tags={(s) => (s.active ? <Tag color="green">{t('station.active')}</Tag> : <Tag>{t('station.closed')}</Tag>)}
      actions={(s, reload) => (
        <>
          <Actions actions={[
            { key: 'inspect', label: 'station.inspect', icon: <PlusOutlined />, primary: true, show: s.can.edit, testId: 'station-inspect', onClick: () => setForm('inspect') },
            { key: 'edit', label: 'station.edit', icon: <EditOutlined />, show: s.can.edit, testId: 'station-edit', onClick: () => setForm('edit') },
          ]} />
          {s.can.edit && (
            <Upload accept="image/png,image/jpeg" showUploadList={false}
              beforeUpload={(file) => {
                void busy.run(async () => {
                  await call(stationApi.addPhoto, { params: { id: s.id }, body: { fileName: file.name, data: await fileToBase64(file) } });
                  reload();
                });
                return false;
              }}>
              <Actions actions={[{ key: 'photo', label: 'station.photo.add', icon: <CameraOutlined />, testId: 'station-photo-add', onClick: () => undefined }]} />
            </Upload>
          )}
          <FormModal<StationInput & { version: number }>
            open={form === 'edit'} testId="station-form" title={t('station.edit')} onClose={() => setForm(null)}
            initialValues={{ ...s, amenities: s.amenities as StationInput['amenities'], phone: s.phone ?? undefined }}
            onSubmit={async (v) => { await call(stationApi.update, { params: { id: s.id }, body: { ...v, version: s.version } }); setForm(null); reload(); }}
            fields={stationFields} />
          <FormModal<InspectValues>
            open={form === 'inspect'} testId="station-inspect-form" title={t('station.inspect')} onClose={() => setForm(null)}
            initialValues={{ onDate: todayInChina(), result: 'pass', ok: [...Object.keys(INSPECTION_ITEMS)] }}
            onSubmit={async ({ ok = [], ...v }) => {
              await call(stationApi.inspect, { params: { id: s.id }, body: { ...v, items: Object.keys(INSPECTION_ITEMS).map((item) => ({ item: item as InspectionInput['items'][number]['item'], ok: ok.includes(item) })) } });
              setForm(null);
              reload();
            }}
            fields={inspectionFields} />
        </>
      )}
      body={(s) => (
        <>
          <Card size="small">
            <Fields items={[
              { label: 'station.org', value: s.orgName },
              { label: 'station.address', value: s.address, span: 2 },
              { label: 'station.coordSys', value: label(COORD_SYSTEMS, s.coordSys) },
              { label: 'station.lat', value: s.lat.toFixed(6) },
              { label: 'station.lng', value: s.lng.toFixed(6) },
              { label: 'station.hours', value: s.hours },
              { label: 'station.phone', value: s.phone },
              { label: 'station.amenities', value: s.amenities.map((a) => label(AMENITIES, a)).join('、') },
              { label: 'station.visits', value: s.visits },
              { label: 'station.avgRating', value: s.avgRating === null ? '—' : `${s.avgRating} / 5（${s.ratings}）` },
            ]} />
          </Card>
          <Card size="small" title={t('station.photos')} style={{ marginTop: 16 }} data-testid="station-photos">
            <Space wrap>
              {s.photos.map((p) => <Image key={p.id} width={140} height={100} style={{ objectFit: 'cover' }} src={fillPath(stationApi.photo.path, { id: p.id })} alt={p.fileName} />)}
            </Space>
          </Card>
          <Card size="small" title={t('station.inspections')} style={{ marginTop: 16 }}>
            <Table rowKey="id" size="small" pagination={false} dataSource={s.inspections} data-testid="station-inspections"
              columns={[
                { title: t('station.inspection.on'), dataIndex: 'onDate', width: 110 },
                { title: t('station.inspection.inspector'), dataIndex: 'inspector', width: 100 },
                { title: t('station.inspection.result'), dataIndex: 'result', width: 110, render: (r: string) => <StatusTag vocab={INSPECTION_RESULTS} value={r} /> },
                { title: t('station.inspection.items'), dataIndex: 'items', render: (items: { item: string; ok: boolean }[]) => items.filter((i) => !i.ok).map((i) => label(INSPECTION_ITEMS, i.item)).join('、') || '—' },
                { title: t('station.inspection.note'), dataIndex: 'note' },
              ]} />
          </Card>
        </>
      )}
      history={{ endpoint: stationApi.history, id: id! }}
    />
  );
}
