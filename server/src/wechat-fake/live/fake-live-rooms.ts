/** live_status of a 小程序直播 room as getliveinfo reports it. */
export const FAKE_LIVE_STATUS_CODES = [101, 102, 103, 104, 105, 106, 107] as const;
export type FakeLiveStatusCode = (typeof FAKE_LIVE_STATUS_CODES)[number];

/** A room's goods entry as getliveinfo lists it (`price`/`price2` in fen; `url` a mini-program page). */
export interface FakeLiveGoods {
  goods_id: number;
  name: string;
  cover_img: string;
  url: string;
  price: number;
  price2: number;
  price_type: 1 | 2 | 3;
}

export interface FakeLiveRoom {
  roomid: number;
  name: string;
  anchor_name: string;
  cover_img: string;
  share_img: string;
  live_status: FakeLiveStatusCode;
  /** Unix seconds. */
  start_time: number;
  end_time: number;
  goods: FakeLiveGoods[];
}

export type FakeLiveRoomInput = Pick<FakeLiveRoom, 'name' | 'start_time' | 'end_time'> & Partial<Omit<FakeLiveRoom, 'roomid'>>;

/** The mini-program's 小程序直播 rooms, as the broadcaster's console would have created and run them. */
export class FakeLiveRooms {
  private readonly rooms = new Map<number, FakeLiveRoom>();
  private nextRoomId = 1;

  create(input: FakeLiveRoomInput): FakeLiveRoom {
    const room: FakeLiveRoom = {
      roomid: this.nextRoomId++,
      anchor_name: '主播',
      cover_img: '',
      share_img: '',
      live_status: 102,
      goods: [],
      ...input,
    };
    this.rooms.set(room.roomid, room);
    return room;
  }

  /** The anchor starts, pauses or ends the room (or WeChat bans it, or its time runs out); false for an unknown room. */
  setStatus(roomId: number, status: FakeLiveStatusCode): boolean {
    const room = this.rooms.get(roomId);
    if (!room) return false;
    room.live_status = status;
    return true;
  }

  /** One page, newest start first, as getliveinfo sorts them; no status filter (WeChat has none). */
  page(start: number, limit: number): { total: number; rooms: FakeLiveRoom[] } {
    const all = [...this.rooms.values()].sort((a, b) => b.start_time - a.start_time || b.roomid - a.roomid);
    return { total: all.length, rooms: all.slice(start, start + limit) };
  }
}
