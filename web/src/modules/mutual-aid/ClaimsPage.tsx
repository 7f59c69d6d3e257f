import { Link } from 'react-router-dom';
import { mutualAidApi } from '../../../../common/src/contracts/mutual-aid';
import { ListPage, StatusTag, useVocab, yuan } from '../../kit';
import { BENEFIT_LABELS, CLAIM_STATUS_LABELS } from './vocab';

/** 互助金申请: the claims of the members in scope, newest first (docs/mutual-aid.md). */
export default function ClaimsPage() {
  const { label } = useVocab();
  return (
    <ListPage testId="mutual-aid-claims" endpoint={mutualAidApi.claims} rowTestId={(k) => `mutual-aid-claim-${k.id}`}
      filters={[{ name: 'status', label: 'mutualAid.field.status', kind: 'select', vocab: CLAIM_STATUS_LABELS }, { name: 'under', label: 'mutualAid.field.org', kind: 'org' }]}
      columns={[
        { key: 'claimNo', title: 'mutualAid.field.claimNo', dataIndex: 'claimNo', render: (n: string, k) => <Link to={`/mutual-aid/claims/${k.id}`}>{n}</Link> },
        { key: 'status', title: 'mutualAid.field.status', dataIndex: 'status', render: (s: string) => <StatusTag vocab={CLAIM_STATUS_LABELS} value={s} /> },
        { key: 'member', title: 'mutualAid.field.member', dataIndex: 'memberName' },
        { key: 'org', title: 'mutualAid.field.org', dataIndex: 'orgName' },
        { key: 'plan', title: 'mutualAid.field.plan', dataIndex: 'planName' },
        { key: 'benefit', title: 'mutualAid.field.benefit', dataIndex: 'benefit', render: (b: string) => label(BENEFIT_LABELS, b) },
        { key: 'eventOn', title: 'mutualAid.field.eventOn', dataIndex: 'eventOn', sort: 'eventOn' },
        { key: 'amount', title: 'mutualAid.field.amount', dataIndex: 'amountFen', align: 'right', render: (f: number) => yuan(f) },
        { key: 'approved', title: 'mutualAid.field.approved', dataIndex: 'approvedFen', align: 'right', render: (f: number | null) => yuan(f) },
      ]} />
  );
}
