import type { DataSource } from 'typeorm';
import { AccountRecords } from '@dash/subgraph';
import { Dispute } from './entities/dispute.entity.js';

export class DisputeRepository extends AccountRecords<Dispute> {
  constructor(dataSource: DataSource) {
    super(dataSource.getRepository(Dispute));
  }
}
