import { Link, useNavigate } from 'react-router-dom';
import { Space, Tag, Typography } from 'antd';
import { hardshipFilesApi } from '../../../../../common/src/contracts/hardship-files';
import { useAccess } from '../../../app/auth-context';
import { useI18n } from '../../../i18n';
import { DeadlineBadge, ListPage, StatusTag, TwoLines, useVocab, yuan } from '../../../kit';
import { CAUSES, FILE_STATUSES, TierTag, TIERS } from '../shared/vocab';
import { FileFormDrawer } from './FileFormDrawer';

/** 困难职工档案: the household files in the user's scope, with filters kept in the URL; cadres open new files after a visit. */
export default function FilesPage() {
  const { t } = useI18n();
  const access = useAccess();
  const navigate = useNavigate();
  const { label } = useVocab();
  return (
    <ListPage testId="hs-files" title="hsFile.title" endpoint={hardshipFilesApi.list} rowTestId={(f) => `hs-file-row-${f.id}`} scrollX={1060}
      empty="hsFile.empty"
      filters={[
        { name: 'q', label: 'hsFile.filter.q', max: 40 },
        { name: 'idNumber', label: 'hsFile.filter.idNumber', max: 40 },
        { name: 'status', label: 'hsFile.filter.status', kind: 'select', vocab: FILE_STATUSES, span: 4 },
        { name: 'tier', label: 'hsFile.filter.tier', kind: 'select', vocab: TIERS, span: 4 },
        { name: 'cause', label: 'hsFile.filter.cause', kind: 'select', vocab: CAUSES, span: 4 },
        access.canReadOrg && { name: 'under', label: 'hsFile.filter.under', kind: 'org', span: 8 },
        { name: 'flags', kind: 'flags', span: 8, options: [{ value: 'reviewOverdue', label: t('hsFile.filter.reviewOverdue') }, { value: 'monitoring', label: t('hsFile.filter.monitoring') }] },
      ]}
      columns={[
        {
          key: 'name', title: 'hsFile.col.nameFileNo', dataIndex: 'name', sort: 'name', fixed: 'left', width: 140, fixedShown: true,
          render: (name: string, f) => <TwoLines main={<Link to={`/hardship/files/${f.id}`} data-testid={`hs-file-link-${f.fileNo}`}>{name}</Link>} sub={<span style={{ fontFamily: 'monospace' }}>{f.fileNo}</span>} />,
        },
        { key: 'tier', title: 'hsFile.col.tier', dataIndex: 'tier', width: 90, render: (tier: string | null) => <TierTag tier={tier} /> },
        {
          key: 'status', title: 'hsFile.col.status', dataIndex: 'status', width: 110,
          render: (s: string, f) => <TwoLines main={<StatusTag vocab={FILE_STATUSES} value={s} testId="file-status" />} sub={s === 'exited' && f.monitoringUntil && t('hsFile.monitoringUntil', { date: f.monitoringUntil })} />,
        },
        { key: 'orgName', title: 'hsFile.col.union', dataIndex: 'orgName', ellipsis: true, width: 170 },
        {
          key: 'mainCause', title: 'hsFile.col.cause', dataIndex: 'mainCause', width: 130,
          render: (c: string, f) => (
            <Space size={4} wrap>
              <span>{label(CAUSES, c)}</span>
              {f.migrantWorker && <Tag>{t('hsFile.migrant')}</Tag>}
              {f.relapseCount > 0 && <Tag color="volcano">{t('hsFile.relapses', { n: f.relapseCount })}</Tag>}
            </Space>
          ),
        },
        { key: 'householdSize', title: 'hsFile.col.household', dataIndex: 'householdSize', width: 70, align: 'right' },
        { key: 'perCapita', title: 'hsFile.col.perCapita', dataIndex: 'perCapitaMonthlyFen', sort: 'perCapita', width: 120, align: 'right', render: (v: number | null) => yuan(v) },
        { key: 'appliedOn', title: 'hsFile.col.appliedOn', dataIndex: 'appliedOn', sort: 'appliedOn', width: 110 },
        {
          key: 'nextReviewDue', title: 'hsFile.col.nextReview', dataIndex: 'nextReviewDue', sort: 'nextReviewDue', width: 150,
          render: (d: string | null, f) => d && (
            <Space size={4} orientation="vertical">
              <Typography.Text type={f.reviewOverdue ? 'danger' : undefined} strong={f.reviewOverdue} data-testid={f.reviewOverdue ? `hs-file-overdue-${f.fileNo}` : undefined}>{d}</Typography.Text>
              {f.status === 'filed' && <DeadlineBadge due={d} />}
            </Space>
          ),
        },
      ]}
      create={{ label: 'hsFile.new', show: access.canWriteHardship, testId: 'hs-file-new', render: (close) => <FileFormDrawer target={{ mode: 'create' }} onClose={close} onSaved={(ref) => navigate(`/hardship/files/${ref.id}`)} /> }}
    />
  );
}
