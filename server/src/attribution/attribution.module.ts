import { Module } from '@nestjs/common';
import { AttributionController } from './attribution.controller';
import { AttributionService } from './attribution.service';
import { MemberIdentitiesService } from './member-identities.service';
import { ShareLinksService } from './share-links.service';
import { TouchesService } from './touches.service';

/** Share links, first/last touches and member identities (members and orders record through AttributionService). */
@Module({
  controllers: [AttributionController],
  providers: [AttributionService, ShareLinksService, TouchesService, MemberIdentitiesService],
  exports: [AttributionService],
})
export class AttributionModule {}
