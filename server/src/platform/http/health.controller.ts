import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { HealthResponse } from '../../../../shared';

@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** 200 when the database answers a query, 503 otherwise (load balancers take the instance out). */
  @Get()
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    let database: HealthResponse['database'] = 'ok';
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      database = 'down';
      reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    }
    return { status: database === 'ok' ? 'ok' : 'degraded', database, time: new Date().toISOString() };
  }
}
