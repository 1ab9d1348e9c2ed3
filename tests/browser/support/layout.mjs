// Layout checks a shopper would notice, measured in the real browser: a bottom bar that sits at the bottom of
// the screen and never hides the end of the page, buttons that line up, and controls a finger can hit.
import assert from 'node:assert/strict';

/** Apple's HIG and WCAG 2.5.5: a tap target at least 44×44 CSS px. */
export const MIN_TAP_PX = 44;
/** Rounding of fractional layouts (rem-scaled sizes) allowed in every comparison. */
const SLACK_PX = 2;

/** The one visible element of `selector` (Taro H5 keeps earlier pages of the stack in the DOM, hidden). */
function visible(page, selector) {
  return page.locator(selector).filter({ visible: true });
}

/** The element's box once it stops moving (Taro H5 slides a new page in from the right). */
async function boxOf(page, selector) {
  const locator = visible(page, selector).last();
  await locator.waitFor();
  let box = await locator.boundingBox();
  for (let tries = 0; tries < 30; tries += 1) {
    await page.waitForTimeout(50);
    const next = await locator.boundingBox();
    const still = box && next && ['x', 'y', 'width', 'height'].every((key) => Math.abs(box[key] - next[key]) < 0.5);
    box = next;
    if (still) break;
  }
  assert.ok(box, `${selector} has no box`);
  return box;
}

/** Scrolls the window and every scrollable ancestor of `selector` to their ends. */
async function scrollToEnd(page, selector) {
  await visible(page, selector).last().evaluate((element) => {
    for (let node = element.parentElement; node; node = node.parentElement) {
      const { overflowY } = getComputedStyle(node);
      if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight) node.scrollTop = node.scrollHeight;
    }
    window.scrollTo(0, document.scrollingElement.scrollHeight);
  });
  await page.waitForTimeout(100);
}

/**
 * Where the page's content ends on screen: the lowest bottom edge among the bar's siblings that are laid out
 * in the page (shown, not fixed like the bar or a popup). Whatever a page adds under its content counts.
 */
function contentBottom(page, bar) {
  return visible(page, bar)
    .last()
    .evaluate((element) => {
      let bottom = -Infinity;
      for (const sibling of element.parentElement.children) {
        if (sibling === element) continue;
        const style = getComputedStyle(sibling);
        const rect = sibling.getBoundingClientRect();
        if (style.display === 'none' || style.position === 'fixed' || rect.height === 0) continue;
        bottom = Math.max(bottom, rect.bottom);
      }
      return bottom;
    });
}

/**
 * A page's bottom bar (实付 / 提交订单, 合计 / 去结算, 加入购物车 / 立即购买, an order's buttons):
 * - it is pinned at the bottom: its box ends at the viewport's bottom edge, or at the top of `above`
 *   (H5 draws its tab bar inside the viewport), within SLACK_PX, wherever the page is scrolled;
 * - it is fully visible (inside the viewport on every side) and not of zero height;
 * - with the page scrolled to its end, the page's content (the bar's siblings) ends above the bar's top:
 *   nothing is hidden behind it.
 * Answers the bar's box.
 */
export async function assertBottomBar(page, { bar, above }) {
  const viewport = page.viewportSize();
  const expectedBottom = above ? (await boxOf(page, above)).y : viewport.height;
  const check = async (when) => {
    const box = await boxOf(page, bar);
    assert.ok(box.height >= 40, `${bar} ${when}: ${box.height}px high`);
    assert.ok(Math.abs(box.y + box.height - expectedBottom) <= SLACK_PX, `${bar} ${when}: ends at ${box.y + box.height}px, the bottom is ${expectedBottom}px`);
    assert.ok(box.y >= 0 && box.x >= -SLACK_PX && box.x + box.width <= viewport.width + SLACK_PX, `${bar} ${when}: not fully inside the viewport (${JSON.stringify(box)})`);
    return box;
  };
  await visible(page, bar).last().evaluate(() => window.scrollTo(0, 0));
  await check('at the top of the page');
  await scrollToEnd(page, bar);
  const box = await check('scrolled to the end');
  const end = await contentBottom(page, bar);
  assert.ok(end <= box.y + SLACK_PX, `the page's content ends at ${end}px, under ${bar} starting at ${box.y}px`);
  return box;
}

/**
 * The buttons in `container` sit in one row at its right edge, in order, with at least `minGap` px between
 * neighbours and none overlapping.
 */
export async function assertButtonsRightAligned(page, { container, buttons, minGap = 6 }) {
  const outer = await boxOf(page, container);
  const padding = await visible(page, container).last().evaluate((element) => parseFloat(getComputedStyle(element).paddingRight) || 0);
  const boxes = [];
  for (const handle of await visible(page, `${container} ${buttons}`).all()) boxes.push(await handle.boundingBox());
  assert.ok(boxes.length > 0, `no ${buttons} in ${container}`);
  const right = boxes[boxes.length - 1].x + boxes[boxes.length - 1].width;
  assert.ok(Math.abs(outer.x + outer.width - padding - right) <= SLACK_PX, `the last button ends at ${right}px, ${container}'s content ends at ${outer.x + outer.width - padding}px`);
  for (let index = 1; index < boxes.length; index += 1) {
    const [before, after] = [boxes[index - 1], boxes[index]];
    const sameRow = Math.abs(before.y - after.y) <= SLACK_PX;
    if (!sameRow) continue; // wrapped onto a new row: each row is checked by its own neighbours
    const gap = after.x - (before.x + before.width);
    assert.ok(gap >= minGap - 0.5, `buttons ${index} and ${index + 1} in ${container} are ${gap}px apart (at least ${minGap})`);
  }
}

/** Every visible element of each selector has a box of at least MIN_TAP_PX × MIN_TAP_PX. */
export async function assertTapTargets(page, selectors) {
  for (const selector of selectors) {
    const targets = await visible(page, selector).all();
    assert.ok(targets.length > 0, `no visible ${selector}`);
    for (const target of targets) {
      const box = await target.boundingBox();
      assert.ok(box.width >= MIN_TAP_PX - 0.5 && box.height >= MIN_TAP_PX - 0.5, `${selector} is ${box.width}×${box.height}px, less than ${MIN_TAP_PX}×${MIN_TAP_PX}`);
    }
  }
}

/** The page is no wider than the viewport (nothing pushes it sideways on a phone). */
export async function assertNoHorizontalOverflow(page, where) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  assert.ok(scrollWidth <= innerWidth + 1, `${where}: the page is ${scrollWidth}px wide in a ${innerWidth}px viewport`);
}
