import { Module } from '@nestjs/common';
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

/** Share links, first/last touches and member identities (members and orders record through AttributionService). */
@Module({
  imports: [TypeOrmModule.forFeature([MemberIdentityRow, ShareLinkRow, VisitorTouchRow])],
  controllers: [AttributionController],
  providers: [AttributionService, ShareLinksService, TouchesService, MemberIdentitiesService, MemberArrivals],
  exports: [AttributionService, ShareLinksService, MemberArrivals],
})
export class AttributionModule {}
