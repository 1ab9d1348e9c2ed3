import 'reflect-metadata';
import { createApp } from './app';
import { ConfigError, loadConfig, type AppConfig } from './platform/config/app-config';
import { DemoHistorySeeder } from './seed/demo-history/demo-history.seeder';
import { DEMO_STAFF } from './seed/demo-staff';
import { FakeWechatServer } from './wechat-fake/fake-wechat-server';

function printBanner(config: AppConfig, fakeUrl: string | null): void {
  const base = `http://localhost:${config.port}`;
  const lines = [
    '',
    '微信私域商城已启动',
    `  商城（H5）   ${base}/`,
    `  管理后台     ${base}/admin`,
    `  接口         ${base}/api/v1  （健康检查 ${base}/api/v1/health）`,
    `  微信         ${fakeUrl ? `模拟微信 ${fakeUrl.replace('127.0.0.1', 'localhost')}` : `真实微信 ${config.wechat.apiBase}`}`,
    `  数据库       ${config.database.dialect === 'sqlite' ? config.database.file : config.database.url.replace(/\/\/[^@]*@/, '//***@')}`,
  ];
  if (config.seedDemo) {
    lines.push('  演示员工账号（首次启动时创建）：');
    for (const staff of DEMO_STAFF) lines.push(`    ${staff.label.padEnd(4, '　')} ${staff.username} / ${staff.password}`);
  }
  console.log(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`配置错误：${error.message}`);
      process.exit(1);
    }
    throw error;
  }

  let fake: FakeWechatServer | null = null;
  let fakeUrl: string | null = null;
  if (config.wechat.mode === 'fake') {
    fake = new FakeWechatServer({ appid: config.wechat.appid, secret: config.wechat.secret, pay: config.wechatPay.fake ?? undefined });
    // Bound on all interfaces like the API: the H5 storefront asks it for login codes from the browser.
    await fake.start(config.wechat.fakePort, '0.0.0.0');
    fakeUrl = fake.url;
  }

  const app = await createApp({
    config,
    wechatApiBase: config.wechat.apiBase ?? fakeUrl!,
    wechatRuntime: { mode: config.wechat.mode, fakePort: fake ? fake.port : null },
  });
  await app.listen(config.port, '0.0.0.0');
  printBanner(config, fakeUrl);
  // After listening, so the shop opens at once; it writes once per database and logs its progress.
  if (config.seedDemoHistory) app.get(DemoHistorySeeder).seedInBackground();

  const shutdown = async () => {
    await app.close();
    await fake?.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    const { port } = error as { port?: number };
    console.error(`启动失败：端口 ${port} 已被占用。请停止占用它的进程，或用 PORT / WECHAT_FAKE_PORT 换一个端口。`);
    process.exit(1);
  }
  console.error('启动失败：', error);
  process.exit(1);
});
