import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Typography } from 'antd';
import type { SpecDraft } from './sku-rows';

/** More dimensions multiply the SKU table beyond what a person can fill in; shops rarely need more than three. */
const MAX_SPEC_DIMENSIONS = 3;

/** The spec dimensions of a product (name + values as tags); the SKU table below follows them. */
export function SpecEditor() {
  return (
    <Form.List name="specs">
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {fields.length === 0 && (
            <Typography.Text type="secondary">没有规格时，商品只有一个默认 SKU。</Typography.Text>
          )}
          {fields.map((field, index) => (
            <Space key={field.key} align="start" style={{ width: '100%' }} wrap>
              <Form.Item
                name={[field.name, 'name']}
                rules={[
                  { required: true, whitespace: true, message: '请输入规格名' },
                  ({ getFieldValue }) => ({
                    validator: async (_, name: string | undefined) => {
                      const names = (getFieldValue('specs') as SpecDraft[]).map((spec) => spec?.name?.trim());
                      if (name && names.filter((other) => other === name.trim()).length > 1) {
                        throw new Error('规格名不能重复');
                      }
                    },
                  }),
                ]}
                style={{ marginBottom: 0 }}
              >
                <Input placeholder="规格名，如 规格" maxLength={10} style={{ width: 160 }} aria-label={`规格名 ${index + 1}`} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'values']}
                rules={[
                  { required: true, type: 'array', min: 1, message: '至少添加一个规格值' },
                  { type: 'array', defaultField: { max: 20, message: '每个规格值最多 20 个字' } },
                ]}
                style={{ marginBottom: 0 }}
              >
                <Select
                  mode="tags"
                  open={false}
                  suffixIcon={null}
                  tokenSeparators={[',', '，']}
                  placeholder="输入规格值后按回车，如 100g"
                  style={{ width: 420 }}
                  aria-label={`规格值 ${index + 1}`}
                />
              </Form.Item>
              <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={`删除规格 ${index + 1}`}>
                删除
              </Button>
            </Space>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            disabled={fields.length >= MAX_SPEC_DIMENSIONS}
            onClick={() => add({ name: '', values: [] })}
          >
            添加规格
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
