import { Link } from 'react-router-dom';
import { competitionApi, type CompetitionInput } from '../../../../common/src/contracts/competition';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { ListPage, StatusTag, useVocab } from '../../kit';
import { LEVELS } from '../honor/vocab';
import { COMPETITION_KINDS, SECTORS } from './vocab';

/** 劳动和技能竞赛: contests organised in scope or by the unions above. */
export default function CompetitionsPage() {
  const { label } = useVocab();
  const access = useAccess();
  return (
    <ListPage testId="competitions" endpoint={competitionApi.list} rowTestId={(c) => `competition-row-${c.id}`}
      filters={[
        { name: 'q', label: 'comp.name' },
        { name: 'kind', label: 'comp.kind', kind: 'select', vocab: COMPETITION_KINDS },
        { name: 'level', label: 'comp.level', kind: 'select', vocab: LEVELS },
        { name: 'sector', label: 'comp.sector', kind: 'select', vocab: SECTORS },
        { name: 'year', label: 'comp.year', kind: 'number', min: 1950, max: 2100 },
      ]}
      columns={[
        { key: 'name', title: 'comp.name', dataIndex: 'name', sort: 'name', fixedShown: true, render: (v: string, c) => <Link to={`/competitions/${c.id}`}>{v}</Link> },
        { key: 'kind', title: 'comp.kind', dataIndex: 'kind', width: 120, render: (k: string) => <StatusTag vocab={COMPETITION_KINDS} value={k} /> },
        { key: 'level', title: 'comp.level', dataIndex: 'level', width: 100, render: (k: string) => label(LEVELS, k) },
        { key: 'sector', title: 'comp.sector', dataIndex: 'sector', width: 130, render: (k: string) => label(SECTORS, k) },
        { key: 'org', title: 'comp.org', dataIndex: 'orgName', width: 180 },
        { key: 'period', title: 'comp.period', dataIndex: 'startsOn', sort: 'startsOn', width: 210, render: (_: string, c) => `${c.startsOn} ~ ${c.endsOn}` },
        { key: 'participants', title: 'comp.participants', dataIndex: 'participants', width: 90, align: 'right' },
        { key: 'units', title: 'comp.units', dataIndex: 'units', width: 90, align: 'right' },
      ]}
      create={{
        label: 'comp.new', show: access.canWriteCompetition, testId: 'competition-new', to: (r) => `/competitions/${r.id}`,
        form: {
          testId: 'competition-form', initialValues: { kind: 'labour', level: 'city', sector: 'manufacturing' },
          onSubmit: (v: CompetitionInput) => call(competitionApi.create, { body: v }),
          fields: [
            { name: 'orgId', label: 'comp.org', kind: 'org', required: true, span: 12 },
            { name: 'name', label: 'comp.name', required: true, max: 120, span: 12 },
            { name: 'kind', label: 'comp.kind', kind: 'select', vocab: COMPETITION_KINDS, required: true },
            { name: 'level', label: 'comp.level', kind: 'select', vocab: LEVELS, required: true },
            { name: 'sector', label: 'comp.sector', kind: 'select', vocab: SECTORS, required: true },
            { name: 'startsOn', label: 'comp.startsOn', kind: 'date', required: true },
            { name: 'endsOn', label: 'comp.endsOn', kind: 'date', required: true },
            { name: 'rules', label: 'comp.rules', kind: 'textarea', max: 4000, span: 24 },
          ],
        },
      }}
    />
  );
}
