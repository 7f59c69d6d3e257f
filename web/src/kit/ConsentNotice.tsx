import type { ReactNode } from 'react';
import { Checkbox, Form, Typography } from 'antd';

/**
 * A personal-information notice with its separate consent (个人信息保护法 Arts. 17, 29): the notice
 * in a scrollable box, then a checkbox that must be ticked. data-testids: `<testId>-notice`,
 * `<testId>-consent`.
 */
export function ConsentNotice({ name, title, body, agree, required, testId }: { name: string; title: ReactNode; body: ReactNode; agree: ReactNode; required: string; testId: string }) {
  return (
    <>
      <Typography.Title level={5}>{title}</Typography.Title>
      <div
        style={{ maxHeight: 220, overflow: 'auto', background: '#fafafa', border: '1px solid #eee', borderRadius: 6, padding: '8px 12px', fontSize: 13, lineHeight: 1.7, whiteSpace: 'pre-line' }}
        data-testid={`${testId}-notice`}
        tabIndex={0}
      >
        {body}
      </div>
      <Form.Item name={name} valuePropName="checked" style={{ marginTop: 12 }} rules={[{ validator: (_, v: boolean | undefined) => (v ? Promise.resolve() : Promise.reject(new Error(required))) }]}>
        <Checkbox data-testid={`${testId}-consent`}>{agree}</Checkbox>
      </Form.Item>
    </>
  );
}
