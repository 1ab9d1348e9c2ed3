/**
 * Posters (海报): a PNG the server renders for the signed-in member, with their avatar and nickname, the
 * product (image, name, price), a group-buy team (the product's image and name, group price against list price,
 * 「还差 N 人成团」) or the shop (logo, name, announcement), and a mini-program code whose scene is
 * the member's share link (channel `poster`, shared/scene.ts). Sharing earns nothing (WeChat 运营规范 §5.1):
 * the poster only lets a friend find the page and the visit be attributed.
 */
export const POSTER_KINDS = ['product', 'team', 'shop'] as const;
export type PosterKind = (typeof POSTER_KINDS)[number];

/** The share link channel posters use: the code's scene and the link a poster view offers are this link. */
export const POSTER_CHANNEL = 'poster';

/**
 * `GET /api/v1/share/poster?kind=product&productId=12` | `?kind=team&teamId=34` | `?kind=shop` (member) → 200 `image/png`.
 * 404 PRODUCT_NOT_FOUND for a product that is off shelf or deleted; 404 GROUP_BUY_TEAM_NOT_FOUND for a team that
 * does not exist (or is still waiting for its leader's payment and the member is not its leader); 401 UNAUTHORIZED without a member token;
 * 502 WECHAT_UNAVAILABLE when WeChat does not hand out the code.
 */
export interface PosterQuery {
  kind: PosterKind;
  /** Required for kind `product`. */
  productId?: number;
  /** Required for kind `team`: the poster's code opens the team page (pages/group-buy/team/index?id=). */
  teamId?: number;
}

/** The poster's size in pixels (2× a 375-point phone screen wide). */
export const POSTER_WIDTH = 750;
export const POSTER_HEIGHT = 1200;
