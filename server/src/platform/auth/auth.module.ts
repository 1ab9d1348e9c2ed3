import { DynamicModule, Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuthTokenService } from './auth-token.service';
import { MemberAuthGuard } from './member-auth.guard';

@Global()
@Module({})
export class AuthModule {
  static forRoot(jwtSecret: string): DynamicModule {
    return {
      module: AuthModule,
      imports: [JwtModule.register({ secret: jwtSecret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } })],
      providers: [AuthTokenService, MemberAuthGuard],
      exports: [AuthTokenService, MemberAuthGuard],
    };
  }
}
