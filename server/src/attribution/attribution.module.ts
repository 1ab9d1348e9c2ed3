import { Module } from '@nestjs/common';
import { LiveTouchesModule } from '../live/live-touches.module';
import { AttributionController } from './attribution.controller';
import { AttributionService } from './attribution.service';
import { MemberArrivals } from './member-arrivals';
import { MemberIdentitiesService } from './member-identities.service';
import { ShareLinksService } from './share-links.service';
import { TouchesService } from './touches.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MemberIdentityRow } from './member-identity.entity';
import { ShareLinkRow } from './share-link.entity';
import { VisitorTouchRow } from './visitor-touch.entity';
import { ShareActivityService } from './share-activity.service';
import { ShareEventRow } from './share-event.entity';
import { ShareVisitRow } from './share-visit.entity';

/** Share links, first/last touches, share actions and visits, and member identities (members and orders record through AttributionService). */
@Module({
  imports: [TypeOrmModule.forFeature([MemberIdentityRow, ShareLinkRow, VisitorTouchRow, ShareEventRow, ShareVisitRow]), LiveTouchesModule],
  controllers: [AttributionController],
  providers: [AttributionService, ShareLinksService, ShareActivityService, TouchesService, MemberIdentitiesService, MemberArrivals],
  exports: [AttributionService, ShareLinksService, MemberArrivals],
})
export class AttributionModule {}
