import { DynamicModule, Global, Module } from '@nestjs/common';
import { FileStorage } from './file-storage';
import { LocalDiskStorage } from './local-disk-storage';

@Global()
@Module({})
export class StorageModule {
  static forRoot(uploadsDir: string): DynamicModule {
    return {
      module: StorageModule,
      providers: [{ provide: FileStorage, useValue: new LocalDiskStorage(uploadsDir) }],
      exports: [FileStorage],
    };
  }
}
