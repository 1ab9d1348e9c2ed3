import { Controller, Get, Header, Query, UseGuards } from '@nestjs/common';
import { CurrentMemberId, MemberAuthGuard } from '../platform/auth/member-auth.guard';
import { RateLimit } from '../platform/http/rate-limit.guard';
import { PosterQueryDto } from './poster.dto';
import { PostersService } from './posters.service';

/** A member opens a poster a few times a minute; a script rendering them by the hundred is stopped. */
const POSTER_RATE = { limit: 30, windowMs: 60_000 };

@Controller('share')
export class PostersController {
  constructor(private readonly posters: PostersService) {}

  /** The signed-in member's product or shop poster, a PNG (errors are JSON, as everywhere). */
  @Get('poster')
  @Header('content-type', 'image/png')
  // The member's own picture: never in a shared cache; asked again each time (the server's cache answers repeats),
  // so a new nickname or price shows at once.
  @Header('cache-control', 'private, no-cache')
  @RateLimit(POSTER_RATE)
  @UseGuards(MemberAuthGuard)
  poster(@CurrentMemberId() memberId: number, @Query() query: PosterQueryDto): Promise<Buffer> {
    return this.posters.poster(memberId, query);
  }
}
