// Shopper-side steps on the H5 storefront (hash routes). After each navigation the steps wait for real
// content, not just for the route: Taro renders the page shell before its data arrives.
export async function openStorefront(page, baseUrl) {
  const goto = async (route) => page.goto(`${baseUrl}/#${route}`);
  return {
    async home() {
      await goto('/pages/home/index');
      await page.locator('.product-card').first().waitFor();
    },
    async search(keyword) {
      await goto('/goods/search/index');
      await page.locator('.search-input input').fill(keyword);
      await page.locator('.search-submit').click();
      await page.locator('.search-results .product-card, .page-state--empty').first().waitFor();
    },
    async mine() {
      await goto('/pages/mine/index');
      await page.locator('.login-button, .member-card').first().waitFor();
    },
  };
}
