import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, FileImageOutlined, FontSizeOutlined } from '@ant-design/icons';
import type { DetailBlock } from '@shared/api/catalog';
import { Button, Card, Form, Input, Space, Typography } from 'antd';
import { SingleImageInput } from '@/common/ImageListInput';

/** The server keeps at most this many blocks per product. */
const MAX_DETAIL_BLOCKS = 50;

/** The product's detail content: text paragraphs and images, in the order shoppers read them. */
export function DetailBlocksEditor() {
  return (
    <Form.List name="detail">
      {(fields, { add, remove, move }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {fields.length === 0 && <Typography.Text type="secondary">还没有详情内容。</Typography.Text>}
          {fields.map((field, index) => (
            <Form.Item key={field.key} noStyle shouldUpdate>
              {({ getFieldValue }) => {
                const block = getFieldValue(['detail', field.name]) as DetailBlock;
                return (
                  <Card
                    size="small"
                    title={block.type === 'text' ? `第 ${index + 1} 段 · 文字` : `第 ${index + 1} 段 · 图片`}
                    extra={
                      <Space>
                        <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={`详情第 ${index + 1} 段上移`} />
                        <Button size="small" icon={<ArrowDownOutlined />} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} aria-label={`详情第 ${index + 1} 段下移`} />
                        <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={`删除详情第 ${index + 1} 段`} />
                      </Space>
                    }
                  >
                    {block.type === 'text' ? (
                      <Form.Item
                        name={[field.name, 'text']}
                        rules={[{ required: true, whitespace: true, message: '请输入文字，或删除这一段' }]}
                        style={{ marginBottom: 0 }}
                      >
                        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} showCount aria-label={`详情第 ${index + 1} 段文字`} />
                      </Form.Item>
                    ) : (
                      <Form.Item
                        name={[field.name, 'url']}
                        rules={[{ required: true, message: '请上传图片，或删除这一段' }]}
                        style={{ marginBottom: 0 }}
                      >
                        <SingleImageInput data-testid={`detail-image-${index + 1}`} />
                      </Form.Item>
                    )}
                  </Card>
                );
              }}
            </Form.Item>
          ))}
          <Space>
            <Button icon={<FontSizeOutlined />} disabled={fields.length >= MAX_DETAIL_BLOCKS} onClick={() => add({ type: 'text', text: '' })}>
              添加文字段落
            </Button>
            <Button icon={<FileImageOutlined />} disabled={fields.length >= MAX_DETAIL_BLOCKS} onClick={() => add({ type: 'image', url: '' })}>
              添加图片
            </Button>
          </Space>
        </Space>
      )}
    </Form.List>
  );
}
