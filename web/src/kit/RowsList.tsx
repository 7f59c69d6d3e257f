import type { ReactNode } from 'react';
import { Button, Col, Form, Row, Typography } from 'antd';
import type { FormListFieldData } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';

/**
 * Rows a form adds and removes (the agenda items of a session, the delegates of an election): a
 * title, one row of cells per entry with a delete button, and the add button with a new row's values.
 */
export function RowsList({ name, title, cells, newRow, addLabel, rowTestId, addTestId }: {
  name: string;
  title: ReactNode;
  cells: { span: number; item: (f: FormListFieldData) => ReactNode }[];
  newRow: Record<string, unknown>;
  addLabel: ReactNode;
  rowTestId: string;
  addTestId?: string;
}) {
  const used = cells.reduce((s, c) => s + c.span, 0);
  return (
    <>
      <Typography.Text strong>{title}</Typography.Text>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Row key={f.key} gutter={8} data-testid={`${rowTestId}-${i}`}>
                {cells.map((c, j) => <Col span={c.span} key={j}>{c.item(f)}</Col>)}
                <Col span={Math.max(1, 24 - used)}><Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} /></Col>
              </Row>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add(newRow)} style={{ marginBottom: 12 }} data-testid={addTestId}>{addLabel}</Button>
          </>
        )}
      </Form.List>
    </>
  );
}
