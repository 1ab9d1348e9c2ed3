import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import type { LiveReservationRequest } from '../../../shared';
import { OptionalField } from '../platform/http/optional-field';

/** `POST /live/sessions/:id/reservations`. */
export class LiveReservationDto implements LiveReservationRequest {
  @IsBoolean()
  subscribeAccepted: boolean;

  /** What reserveChannelsLive answered: its state codes are 1..10 (protocols §4.2). */
  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(10)
  channelsReserveState?: number;
}
