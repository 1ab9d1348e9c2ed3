/**
 * Measures Nest on Fastify vs Nest on Express serving a catalog-like endpoint: one page of on-shelf
 * products of a category, sorted by sales, read from SQLite through TypeORM (as GET /api/v1/products does).
 *
 *   npm run bench:adapters            (BENCH_SECONDS=10 BENCH_CONNECTIONS=50 by default)
 *
 * Each adapter runs twice, alternating, so a noisy neighbour on the machine hits both alike. The server
 * runs in a child process so that autocannon does not share its event loop.
 */
import 'reflect-metadata';
import { Controller, Get, Module, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ProductRow } from '../src/catalog/product.entity';
import { SkuRow } from '../src/catalog/sku.entity';
import { forkServer, reportReady } from './support/child-server';
import { runLoad } from './support/load';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PRODUCTS = 2000;
const CATEGORIES = 10;

@Controller('products')
class BenchCatalogController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  async list(@Query('categoryId') categoryId = '1', @Query('page') page = '1') {
    const pageSize = 20;
    const [rows, total] = await this.dataSource
      .getRepository(ProductRow)
      .createQueryBuilder('p')
      .where('p.onShelf = :onShelf AND p.categoryId = :categoryId', { onShelf: true, categoryId: Number(categoryId) })
      .orderBy('p.carriedSalesCount', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .skip((Number(page) - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return {
      items: rows.map((p) => ({
        id: p.id,
        title: p.title,
        subtitle: p.subtitle,
        coverUrl: p.images[0] ?? '',
        minPriceFen: p.minPriceFen,
        originalPriceFen: p.minPriceOriginalFen,
        salesCount: p.salesCount,
        tags: p.tags,
        inStock: p.totalStock > 0,
      })),
      total,
      page: Number(page),
      pageSize,
    };
  }
}

function benchModule(file: string) {
  @Module({
    imports: [
      TypeOrmModule.forRoot({
        type: 'better-sqlite3',
        database: file,
        entities: [ProductRow, SkuRow],
        prepareDatabase: (db: { pragma(sql: string): unknown }) => {
          db.pragma('journal_mode = WAL');
        },
      }),
    ],
    controllers: [BenchCatalogController],
  })
  class BenchModule {}
  return BenchModule;
}

async function seed(file: string): Promise<void> {
  const dataSource = new DataSource({ type: 'better-sqlite3', database: file, entities: [ProductRow, SkuRow], synchronize: true });
  await dataSource.initialize();
  const rows = Array.from({ length: PRODUCTS }, (_, i) => ({
    categoryId: (i % CATEGORIES) + 1,
    title: `测试商品 ${i + 1}`,
    subtitle: '明前头采 · 高山云雾',
    images: [`/uploads/bench/${i}.svg`],
    detail: [{ type: 'text' as const, text: '商品详情' }],
    tags: ['新品', '热卖'],
    specs: [],
    onShelf: i % 7 !== 0,
    sortOrder: i % 50,
    carriedSalesCount: (i * 7919) % 5000,
    minPriceFen: 990 + ((i * 31) % 20000),
    minPriceOriginalFen: null,
  }));
  for (let i = 0; i < rows.length; i += 200) await dataSource.getRepository(ProductRow).insert(rows.slice(i, i + 200));
  await dataSource.destroy();
}

/** Child process: serve the endpoint with one adapter and report the URL to the parent. */
async function serve(name: 'fastify' | 'express', file: string) {
  const adapter = name === 'fastify' ? new FastifyAdapter() : new ExpressAdapter();
  const app = await NestFactory.create(benchModule(file), adapter, { logger: false });
  await app.listen(0, '127.0.0.1');
  reportReady({ url: await app.getUrl() }, () => app.close());
}

async function measure(name: 'fastify' | 'express', file: string) {
  const server = await forkServer<{ url: string }>(__filename, ['serve', name, file]);
  try {
    const result = await runLoad({
      url: `${server.info.url}/products?categoryId=3&page=2`,
      connections: CONNECTIONS,
      amount: Number.MAX_SAFE_INTEGER,
      maxSeconds: SECONDS,
    });
    return {
      adapter: name,
      reqPerSec: Math.round(result.perSecond),
      latencyP50ms: Math.round(result.p50Ms * 10) / 10,
      latencyP99ms: Math.round(result.p99Ms * 10) / 10,
      answers: Object.fromEntries(result.outcomes),
    };
  } finally {
    await server.stop();
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'adapter-bench-'));
  const file = join(dir, 'bench.sqlite');
  try {
    await seed(file);
    console.log(`${PRODUCTS} products on SQLite; ${CONNECTIONS} connections, ${SECONDS} s per run, loopback`);
    const results = [];
    for (const name of ['fastify', 'express', 'fastify', 'express'] as const) {
      const result = await measure(name, file);
      console.log(JSON.stringify(result));
      results.push(result);
    }
    for (const name of ['fastify', 'express']) {
      const runs = results.filter((r) => r.adapter === name);
      const mean = Math.round(runs.reduce((sum, r) => sum + r.reqPerSec, 0) / runs.length);
      console.log(`${name}: mean ${mean} req/s over ${runs.length} runs`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, adapterName, childFile] = process.argv.slice(2);
const run = mode === 'serve' ? serve(adapterName as 'fastify' | 'express', childFile) : main();
run.catch((error) => {
  console.error(error);
  process.exit(1);
});
