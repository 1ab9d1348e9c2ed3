import { DynamicModule, Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { AuthTokenService } from './auth-token.service';
import { MemberAuthGuard } from './member-auth.guard';

@Global()
@Module({})
export class AuthModule {
  static forRoot(jwtSecret: string): DynamicModule {
    // A ready KeyObject: given a string, jsonwebtoken first tries (and fails) to parse it as a public key on
    // every verify, which cost ~0.5 ms of CPU per request.
    const key = createSecretKey(Buffer.from(jwtSecret));
    return {
      module: AuthModule,
      imports: [
        JwtModule.register({
          secretOrKeyProvider: () => key,
          signOptions: { algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
      ],
      providers: [AuthTokenService, MemberAuthGuard],
      exports: [AuthTokenService, MemberAuthGuard],
    };
  }
}
