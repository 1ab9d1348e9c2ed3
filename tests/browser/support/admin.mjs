// Staff-side steps in the admin console.
export async function logInToAdmin(page, baseUrl, username, password = 'demo1234') {
  await page.goto(`${baseUrl}/admin/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-staff').waitFor();
}
