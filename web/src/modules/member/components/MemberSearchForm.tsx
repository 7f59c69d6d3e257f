import { useEffect } from 'react';
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { MemberFilters } from '../../../api/members';
import { useI18n } from '../../../i18n';
import { useMemberVocab } from '../member-vocab';
import { OrgSelect } from '../../org/components/OrgSelect';

interface Values {
  q?: string;
  idNumber?: string;
  mobile?: string;
  cardNo?: string;
  orgId?: string;
  employmentForm?: string;
  migrantWorker?: 'true' | 'false';
  status?: MemberFilters['status'];
  joinRange?: [Dayjs | null, Dayjs | null] | null;
  sex?: 'M' | 'F';
  minAge?: number | null;
  maxAge?: number | null;
}

const DATE = 'YYYY-MM-DD';
const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

function toValues(f: MemberFilters): Values {
  return {
    ...f,
    joinRange: f.joinFrom || f.joinTo ? [f.joinFrom ? dayjs(f.joinFrom, DATE) : null, f.joinTo ? dayjs(f.joinTo, DATE) : null] : null,
  };
}

function toFilters(v: Values): MemberFilters {
  return {
    q: blank(v.q),
    idNumber: blank(v.idNumber),
    mobile: blank(v.mobile),
    cardNo: blank(v.cardNo)?.toUpperCase(),
    orgId: v.orgId,
    employmentForm: v.employmentForm,
    migrantWorker: v.migrantWorker,
    status: v.status,
    joinFrom: v.joinRange?.[0]?.format(DATE),
    joinTo: v.joinRange?.[1]?.format(DATE),
    sex: v.sex,
    minAge: v.minAge ?? undefined,
    maxAge: v.maxAge ?? undefined,
  };
}

/** The 会员查询 search form; the page keeps the applied filters in the URL. */
export function MemberSearchForm({ value, unionName, onSearch, onReset }: { value: MemberFilters; unionName?: string; onSearch: (f: MemberFilters) => void; onReset: () => void }) {
  const { t } = useI18n();
  const vocab = useMemberVocab();
  const [form] = Form.useForm<Values>();
  const key = JSON.stringify(value);

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toValues(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, form]);

  const formOptions = [{ value: 'gig', label: t('member.filter.gigAll') }, ...vocab.formOptions];
  const col = { xs: 24, sm: 12, lg: 8, xxl: 6 };

  return (
    <Form form={form} layout="vertical" name="member-search" onFinish={(v) => onSearch(toFilters(v))} data-testid="member-search-form">
      <Row gutter={16}>
        <Col {...col}>
          <Form.Item name="q" label={t('member.field.name')}>
            <Input allowClear placeholder={t('member.filter.qHint')} data-testid="member-filter-q" maxLength={40} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="idNumber" label={t('member.field.idNumber')}>
            <Input allowClear placeholder={t('member.filter.exact')} data-testid="member-filter-idNumber" maxLength={40} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="mobile" label={t('member.field.mobile')}>
            <Input allowClear placeholder={t('member.filter.exact')} data-testid="member-filter-mobile" maxLength={20} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="cardNo" label={t('member.field.cardNo')}>
            <Input allowClear placeholder="GH0000000001" data-testid="member-filter-cardNo" maxLength={20} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="orgId" label={t('member.filter.union')}>
            <OrgSelect allowClear known={value.orgId && unionName ? [{ id: value.orgId, name: unionName }] : undefined} data-testid="member-filter-org" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="employmentForm" label={t('member.field.employmentForm')}>
            <Select allowClear options={formOptions} placeholder={t('common.all')} data-testid="member-filter-employmentForm" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="migrantWorker" label={t('member.filter.migrant')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              data-testid="member-filter-migrantWorker"
              options={[
                { value: 'true', label: t('common.yes') },
                { value: 'false', label: t('common.no') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="status" label={t('member.field.status')}>
            <Select allowClear options={vocab.statusOptions} placeholder={t('common.all')} data-testid="member-filter-status" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="joinRange" label={t('member.field.joinDate')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} format={DATE} data-testid="member-filter-joinRange" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="sex" label={t('member.field.sex')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              data-testid="member-filter-sex"
              options={[
                { value: 'M', label: t('member.sex.M') },
                { value: 'F', label: t('member.sex.F') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('member.filter.age')}>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="minAge" noStyle>
                <InputNumber min={0} max={120} precision={0} placeholder={t('member.filter.ageFrom')} style={{ width: '50%' }} data-testid="member-filter-minAge" />
              </Form.Item>
              <Form.Item name="maxAge" noStyle>
                <InputNumber min={0} max={120} precision={0} placeholder={t('member.filter.ageTo')} style={{ width: '50%' }} data-testid="member-filter-maxAge" />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col xs={24} lg={8} xxl={6} style={{ display: 'flex', alignItems: 'flex-end', justifyContent: 'flex-end' }}>
          <Form.Item>
            <Space>
              <Button onClick={onReset} data-testid="member-search-reset">
                {t('action.reset')}
              </Button>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="member-search-submit">
                {t('action.search')}
              </Button>
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
