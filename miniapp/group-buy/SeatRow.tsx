import { Image, Text, View } from '@tarojs/components';
import type { GroupBuyTeamFace } from '@shared/api/group-buy';
import { assetUrl } from '@/services/api-origin';
import { seatRow } from './group-buy-view';
import './group-buy.scss';

/** A member's face: their avatar, or the first character of the nickname; virtual seats show a neutral placeholder. */
export function FaceAvatar({ face, size = 'normal' }: { face: GroupBuyTeamFace; size?: 'normal' | 'small' }) {
  const className = `gb-face gb-face--${size}${face.isVirtual ? ' gb-face--virtual' : ''}`;
  if (face.avatarUrl && !face.isVirtual) return <Image className={className} src={assetUrl(face.avatarUrl)} mode="aspectFill" />;
  return (
    <View className={className}>
      <Text>{face.isVirtual ? '拼' : (face.nickname || '友').slice(0, 1)}</Text>
    </View>
  );
}

/** The team's seats: paid members (团长 badged), virtual seats, then 「?」 for each seat still open. */
export function SeatRow({ team }: { team: { teamSize: number; faces: GroupBuyTeamFace[] } }) {
  return (
    <View className="gb-seats team-seats">
      {seatRow(team).map((seat, index) =>
        seat.kind === 'empty' ? (
          <View key={index} className="gb-seat gb-seat--empty team-seat--empty">
            <Text>?</Text>
          </View>
        ) : (
          <View key={index} className={`gb-seat team-seat--${seat.kind}`}>
            <FaceAvatar face={seat.face} />
            {seat.face.isLeader && <Text className="gb-seat__badge leader-badge">团长</Text>}
          </View>
        ),
      )}
    </View>
  );
}
