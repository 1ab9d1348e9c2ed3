import { RightOutlined } from '@ant-design/icons';
import type { OverviewTodos } from '@shared/api/overview';
import { Button, Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useRemoteData } from '@/common/useRemoteData';
import { fetchOverviewTodos } from './overview-api';
import { TODOS } from './overview-format';

/** 待办: a counter per to-do (TODOS), each opening the list filtered to exactly those. */
export function OverviewTodoStrip() {
  const { state, reload } = useRemoteData<OverviewTodos>(fetchOverviewTodos);
  return (
    <Card size="small" title="待办" data-testid="overview-todos">
      {state.status === 'loading' && <Skeleton active paragraph={{ rows: 1 }} />}
      {state.status === 'failed' && (
        <Typography.Text type="danger">
          待办加载失败：{state.message}{' '}
          <Button type="link" size="small" onClick={reload}>
            重试
          </Button>
        </Typography.Text>
      )}
      {state.status === 'ready' && (
        <Row gutter={[16, 16]}>
          {TODOS.map((todo) => {
            const count = state.data.counts.find((entry) => entry.key === todo.key)?.count ?? 0;
            return (
              <Col key={todo.key} xs={12} md={6}>
                <Link to={todo.link} aria-label={`${todo.label} ${count}`} data-testid={`todo-${todo.key}`}>
                  <Statistic
                    title={todo.label}
                    value={count}
                    suffix={<RightOutlined style={{ fontSize: 12 }} />}
                    valueStyle={{ color: count > 0 ? '#fa541c' : undefined }}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {todo.hint}
                  </Typography.Text>
                </Link>
              </Col>
            );
          })}
        </Row>
      )}
    </Card>
  );
}
