import { COUPON_TYPE_LABELS, type AdminCouponTemplate, type CouponTemplateStats } from '@shared/api/coupons';
import { formatYuan } from '@shared/money';
import { Button, Card, Col, Descriptions, Drawer, Result, Row, Spin, Statistic } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorText } from '@/common/feedback';
import { usageRateText } from './coupon-stats';
import { fetchCouponTemplateStats } from './coupons-api';

/** A template's figures: claimed, used, use rate, and the paid orders, GMV and discount it drove. */
export function CouponStatsDrawer({ template, onClose }: { template: AdminCouponTemplate | null; onClose: () => void }) {
  return (
    <Drawer title={template ? `数据：${template.name}` : '数据'} width={560} open={template !== null} onClose={onClose} destroyOnHidden>
      {template && <CouponStats template={template} />}
    </Drawer>
  );
}

function CouponStats({ template }: { template: AdminCouponTemplate }) {
  const [stats, setStats] = useState<CouponTemplateStats | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(() => {
    setFailure(null);
    setStats(null);
    fetchCouponTemplateStats(template.id)
      .then(setStats)
      .catch((error: unknown) => setFailure(errorText(error)));
  }, [template.id]);
  useEffect(load, [load]);

  if (failure) {
    return <Result status="error" title="数据加载失败" subTitle={failure} extra={<Button onClick={load}>重试</Button>} />;
  }
  if (!stats) return <Spin tip="加载中…"><div style={{ height: 160 }} /></Spin>;

  return (
    <div data-testid="coupon-stats">
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="类型">{COUPON_TYPE_LABELS[template.type]}</Descriptions.Item>
        <Descriptions.Item label="规则">{template.ruleText}</Descriptions.Item>
        <Descriptions.Item label="有效期">{template.validityText}</Descriptions.Item>
        <Descriptions.Item label="发行总量">{template.totalQuantity}</Descriptions.Item>
      </Descriptions>
      <Row gutter={[12, 12]}>
        <Col span={8}>
          <Card size="small">
            <Statistic title="已领取" value={stats.claimedCount} suffix="张" />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic title="已使用" value={stats.usedCount} suffix="张" />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic title="使用率" value={usageRateText(stats)} />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic title="未使用" value={stats.unusedCount} suffix="张" />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic title="已过期" value={stats.expiredCount} suffix="张" />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic title="带动订单" value={stats.orderCount} suffix="笔" />
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small">
            <Statistic title="带动成交额（GMV）" value={formatYuan(stats.gmvFen)} />
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small">
            <Statistic title="优惠金额" value={formatYuan(stats.discountFen)} />
          </Card>
        </Col>
      </Row>
      <p style={{ color: '#999', marginTop: 16, fontSize: 12 }}>
        已使用含尚未付款的订单（取消后券退回）；带动订单、成交额与优惠金额只计已付款且未退款的订单。
      </p>
    </div>
  );
}
