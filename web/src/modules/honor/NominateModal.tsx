import { honorApi, type CallDetail } from '../../../../common/src/contracts/honor';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { FormModal, todayInChina } from '../../kit';
import { HONOR_KINDS, OCCUPATIONS, RECOMMEND_METHODS } from './vocab';

const FLAGS = ['migrantWorker', 'nonPublic', 'team', 'gigWorker', 'woman', 'frontline'] as const;
type Flag = (typeof FLAGS)[number];
interface Values {
  orgId: string; kind: string; name: string; memberId?: string | null; employer: string; post?: string | null; occupation: string; flags?: Flag[]; deeds: string;
  recommendation: { method: 'congress' | 'assembly' | 'meeting'; on: string; votesFor: number; votesTotal: number };
}

/** 推荐人选: a unit puts a nominee forward with the record of its democratic recommendation; the quota is checked by the server. */
export function NominateModal({ open, callDetail: c, onClose, onDone }: { open: boolean; callDetail: CallDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<Values>
      open={open}
      testId="honor-nom-form"
      submitTestId="honor-nom-save"
      title={t('honor.nom.new')}
      width={880}
      initialValues={{ kind: c.kinds[0], occupation: 'industrial_worker', flags: [], recommendation: { method: 'congress', on: todayInChina(), votesFor: 0, votesTotal: 1 } }}
      onClose={onClose}
      onSubmit={async (v) => {
        const { flags = [], ...rest } = v;
        await call(honorApi.nominate, { body: { ...rest, callId: c.id, ...Object.fromEntries(FLAGS.map((f) => [f, flags.includes(f)])) } as never });
        onDone();
      }}
      fields={[
        { name: 'orgId', label: 'honor.nom.unit', kind: 'org', required: true, span: 12 },
        { name: 'kind', label: 'honor.nom.kind', kind: 'select', vocab: HONOR_KINDS, codes: c.kinds, required: true, span: 12 },
        { name: 'name', label: 'honor.nom.name', required: true, max: 120 },
        { name: 'memberId', label: 'honor.nom.member', kind: 'member' },
        { name: 'employer', label: 'honor.nom.employer', required: true, max: 120 },
        { name: 'post', label: 'honor.nom.post', max: 60 },
        { name: 'occupation', label: 'honor.nom.occupation', kind: 'select', vocab: OCCUPATIONS, required: true, span: 16 },
        { name: 'flags', label: 'honor.nom.flags', kind: 'flags', span: 24, options: FLAGS.map((f) => ({ value: f, label: t(`honor.nom.${f}`) })) },
        { name: 'deeds', label: 'honor.nom.deeds', kind: 'textarea', required: true, max: 4000, span: 24 },
        { name: ['recommendation', 'method'], label: 'honor.nom.recMethod', kind: 'select', vocab: RECOMMEND_METHODS, required: true, span: 6 },
        { name: ['recommendation', 'on'], label: 'honor.nom.recOn', kind: 'date', required: true, span: 6, noFuture: true },
        { name: ['recommendation', 'votesFor'], label: 'honor.nom.votesFor', kind: 'number', min: 0, required: true, span: 6 },
        { name: ['recommendation', 'votesTotal'], label: 'honor.nom.votesTotal', kind: 'number', min: 1, required: true, span: 6 },
      ]}
    />
  );
}
