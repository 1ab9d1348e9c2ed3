import type { AdminPromoter, AdminTeamMember, PromoterTeamTree } from '@shared/api/referral';
import { Drawer, Empty, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useCallback } from 'react';
import { Link } from 'react-router-dom';
import { formatTime } from '@/common/time';
import { RemoteContent } from '@/common/RemoteContent';
import { useRemoteData } from '@/common/useRemoteData';
import { fetchPromoterTeam } from './referral-api';

/** A promoter's team, two levels deep and never deeper: the members they brought, and the members those brought. */
export function PromoterTeamDrawer({ promoter, onClose }: { promoter: AdminPromoter; onClose: () => void }) {
  const load = useCallback(() => fetchPromoterTeam(promoter.memberId), [promoter.memberId]);
  const team = useRemoteData(load);
  return (
    <Drawer open width={520} title={`${promoter.nickname || `会员${promoter.memberId}`} 的团队`} onClose={onClose}>
      <RemoteContent state={team.state} loadingTip="正在加载团队…" failedTitle="团队加载失败" onRetry={team.reload}>
        {(tree) => <TeamTree tree={tree} />}
      </RemoteContent>
    </Drawer>
  );
}

function TeamTree({ tree }: { tree: PromoterTeamTree }) {
  if (tree.level1.length === 0) return <Empty description="还没有团队成员" />;
  const level2Count = tree.level1.reduce((sum, member) => sum + member.level2.length, 0);
  const nodes: DataNode[] = tree.level1.map((member) => ({
    key: `1-${member.memberId}`,
    title: <MemberLine member={member} level="一级" />,
    children: member.level2.map((child) => ({ key: `2-${child.memberId}`, title: <MemberLine member={child} level="二级" />, isLeaf: true })),
  }));
  return (
    <>
      <Typography.Paragraph type="secondary">
        一级 {tree.level1.length} 人，二级 {level2Count} 人（最多显示 200 位一级成员）
      </Typography.Paragraph>
      <Tree className="promoter-team-tree" treeData={nodes} defaultExpandAll selectable={false} showLine />
    </>
  );
}

function MemberLine({ member, level }: { member: AdminTeamMember; level: string }) {
  return (
    <span>
      <Typography.Text type="secondary">{level} </Typography.Text>
      <Link to={`/members/${member.memberId}`}>{member.nickname || `会员${member.memberId}`}</Link>
      <Typography.Text type="secondary">
        {' '}
        · {member.phone ?? '未绑定手机号'} · {formatTime(member.joinedAt)} 加入
      </Typography.Text>
    </span>
  );
}
