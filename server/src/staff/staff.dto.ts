import { IsBoolean, IsIn, IsNotEmpty, IsString, Length, Matches, MaxLength } from 'class-validator';
import {
  ALL_STAFF_ROLES,
  type CreateStaffRequest,
  type StaffLoginRequest,
  type StaffRole,
  type UpdateStaffRequest,
} from '../../../shared';
import { OptionalField } from '../platform/http/optional-field';

export class StaffLoginDto implements StaffLoginRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password: string;
}

export class CreateStaffDto implements CreateStaffRequest {
  @IsString()
  @Length(3, 32)
  @Matches(/^[a-zA-Z0-9_]+$/)
  username: string;

  @IsString()
  @Length(1, 20)
  @Matches(/\S/)
  displayName: string;

  @IsString()
  @Length(8, 64)
  password: string;

  @IsIn(ALL_STAFF_ROLES)
  role: StaffRole;
}

export class UpdateStaffDto implements UpdateStaffRequest {
  @OptionalField()
  @IsString()
  @Length(1, 20)
  @Matches(/\S/)
  displayName?: string;

  @OptionalField()
  @IsIn(ALL_STAFF_ROLES)
  role?: StaffRole;

  @OptionalField()
  @IsString()
  @Length(8, 64)
  password?: string;

  @OptionalField()
  @IsBoolean()
  disabled?: boolean;
}
