import { Button, Card, Form } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';
import { FormFields } from '../../kit';

/**
 * The applicants of a case (申请人) as a list of rows: name, ID number, mobile and, for a collective
 * case (10 or more workers, 劳动争议调解仲裁法 Art. 7), whether the person is a representative.
 * `mobileRequired`: the worker's own application, followed later by its number and the mobile.
 */
export function ApplicantsList({ testId, mobileRequired, max = 50 }: { testId: string; mobileRequired?: boolean; max?: number }) {
  const { t } = useI18n();
  return (
    <Form.List name="applicants">
      {(rows, { add, remove }) => (
        <>
          {rows.map((row, i) => (
            <Card
              key={row.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={`${t('dispute.field.applicants')} ${i + 1}`}
              extra={rows.length > 1 && (
                <Button type="link" danger icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} data-testid={`${testId}-applicant-remove-${i}`}>
                  {t('dispute.applicant.remove')}
                </Button>
              )}
            >
              <FormFields
                testId={`${testId}-applicant-${i}`}
                span={12}
                fields={[
                  { name: [row.name, 'name'], label: 'dispute.field.applicantName', required: true, max: 40, testId: `${testId}-applicant-${i}-name` },
                  { name: [row.name, 'mobile'], label: mobileRequired ? 'disputePublic.mobile' : 'dispute.field.mobile', kind: 'mobile', required: !!mobileRequired, testId: `${testId}-applicant-${i}-mobile` },
                  { name: [row.name, 'idNumber'], label: 'dispute.field.idNumber', kind: 'id', testId: `${testId}-applicant-${i}-idNumber` },
                  { name: [row.name, 'representative'], label: 'dispute.field.representative', kind: 'checkbox', testId: `${testId}-applicant-${i}-representative` },
                ]}
              />
            </Card>
          ))}
          {rows.length < max && (
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ representative: false })} style={{ marginBottom: 16 }} data-testid={`${testId}-applicant-add`}>
              {t('dispute.applicant.add')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

/** The form's applicants as the contract takes them (blank optional numbers left out). */
export function applicantsOut(list: { name: string; mobile?: string | null; idNumber?: string | null; representative?: boolean }[] | undefined) {
  return (list ?? []).map((a) => ({ name: a.name, mobile: a.mobile || null, idNumber: a.idNumber || null, representative: !!a.representative }));
}
