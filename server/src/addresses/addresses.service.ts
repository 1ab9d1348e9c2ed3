import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import { MAX_ADDRESSES, type Address } from '../../../shared';
import { lockMember } from '../platform/database/member-lock';
import { ApiException } from '../platform/errors/api-exception';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { AddressRow } from './address.entity';
import type { SaveAddressDto } from './address.dto';

/**
 * The member's address book. Exactly one address is the default whenever there is any: the first one
 * becomes it, and deleting it hands it to the newest remaining address. The unique index on
 * (memberId, defaultMark) makes a second default impossible even for parallel requests, and every
 * change first locks the member's row, so parallel changes of one address book take turns (the
 * 20-address limit holds) while other members' books are not held up.
 */
@Injectable()
export class AddressesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  async list(memberId: number): Promise<Address[]> {
    const rows = await this.dataSource.getRepository(AddressRow).find({ where: { memberId }, order: { id: 'DESC' } });
    return rows.map(toAddress).sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  }

  async create(memberId: number, input: SaveAddressDto): Promise<Address> {
    const id = await this.transactions.run(async (manager) => {
      await lockMember(manager, memberId);
      const count = await manager.countBy(AddressRow, { memberId });
      if (count >= MAX_ADDRESSES) {
        throw new ApiException('ADDRESS_LIMIT_REACHED', HttpStatus.CONFLICT, `最多保存 ${MAX_ADDRESSES} 个收货地址`);
      }
      const makeDefault = input.isDefault === true || count === 0;
      if (makeDefault) await clearDefault(manager, memberId);
      const { isDefault: _ignored, ...fields } = input;
      const result = await manager.insert(AddressRow, { ...fields, memberId, defaultMark: makeDefault ? true : null });
      return result.identifiers[0].id as number;
    });
    return this.get(memberId, id);
  }

  /** `isDefault: true` makes it the default; false leaves the default where it is (there must be one). */
  async update(memberId: number, id: number, input: SaveAddressDto): Promise<Address> {
    await this.transactions.run(async (manager) => {
      await lockMember(manager, memberId);
      const { isDefault, ...fields } = input;
      const result = await manager.update(AddressRow, { id, memberId }, fields);
      if (!result.affected) throw addressNotFound();
      if (isDefault) await makeDefault(manager, memberId, id);
    });
    return this.get(memberId, id);
  }

  async setDefault(memberId: number, id: number): Promise<Address> {
    await this.transactions.run(async (manager) => {
      await lockMember(manager, memberId);
      if (!(await manager.existsBy(AddressRow, { id, memberId }))) throw addressNotFound();
      await makeDefault(manager, memberId, id);
    });
    return this.get(memberId, id);
  }

  async remove(memberId: number, id: number): Promise<void> {
    await this.transactions.run(async (manager) => {
      await lockMember(manager, memberId);
      const row = await manager.findOneBy(AddressRow, { id, memberId });
      if (!row) throw addressNotFound();
      await manager.delete(AddressRow, { id, memberId });
      if (!row.defaultMark) return;
      const newest = await manager.findOne(AddressRow, { where: { memberId }, order: { id: 'DESC' } });
      if (newest) await makeDefault(manager, memberId, newest.id);
    });
  }

  /**
   * The member's own address (404 ADDRESS_NOT_FOUND for a missing or another member's one), as a plain
   * SELECT of text columns and the default mark. Placing an order reads it with other things (order-inputs.ts).
   */
  async get(memberId: number, id: number): Promise<Address> {
    const [row]: PlainAddressRow[] = await this.dataSource.query(
      `SELECT ${PLAIN_ADDRESS_COLUMNS} FROM addresses a WHERE a.id = ? AND a.memberId = ?`,
      [id, memberId],
    );
    if (!row) throw addressNotFound();
    return addressFromPlainRow(row);
  }
}

/** The columns of an address as plain SQL reads them (table alias `a`); the id comes back as addressId. */
export const PLAIN_ADDRESS_COLUMNS =
  'a.id AS addressId, a.recipientName, a.phone, a.provinceName, a.cityName, a.districtName, a.regionCode, a.detail, a.defaultMark';

/** A row of PLAIN_ADDRESS_COLUMNS: text columns, and the default mark as 1 or NULL in both dialects. */
export type PlainAddressRow = Omit<AddressFields, 'id' | 'defaultMark'> & { addressId: number; defaultMark: number | null };

export function addressFromPlainRow(row: PlainAddressRow): Address {
  return toAddress({ ...row, id: Number(row.addressId), defaultMark: row.defaultMark === null ? null : true });
}

/**
 * Takes the default mark off the member's other addresses. It looks before it writes: a locking UPDATE
 * that matches nothing still takes gap locks on MariaDB, which deadlock against other members' inserts.
 */
async function clearDefault(manager: EntityManager, memberId: number, exceptId?: number): Promise<void> {
  const current = await manager.findOneBy(AddressRow, { memberId, defaultMark: true });
  if (!current || current.id === exceptId) return;
  await manager.update(
    AddressRow,
    { memberId, defaultMark: true, ...(exceptId === undefined ? {} : { id: Not(exceptId) }) },
    { defaultMark: null },
  );
}

async function makeDefault(manager: EntityManager, memberId: number, id: number): Promise<void> {
  await clearDefault(manager, memberId, id);
  await manager.update(AddressRow, { id, memberId }, { defaultMark: true });
}

export function addressNotFound(): ApiException {
  return new ApiException('ADDRESS_NOT_FOUND', HttpStatus.NOT_FOUND, '收货地址不存在');
}

type AddressFields = Omit<AddressRow, 'memberId' | 'createdAt' | 'updatedAt'>;

function toAddress(row: AddressFields): Address {
  return {
    id: row.id,
    recipientName: row.recipientName,
    phone: row.phone,
    provinceName: row.provinceName,
    cityName: row.cityName,
    districtName: row.districtName,
    regionCode: row.regionCode,
    detail: row.detail,
    isDefault: row.defaultMark === true,
  };
}
