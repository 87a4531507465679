import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An event committed with the state it describes, waiting for the relay to publish it. */
@Entity({ name: 'outbox' })
export class OutboxEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('text') topic!: string;
  @Column('text', { name: 'message_key' }) messageKey!: string;
  @Column('jsonb') payload!: unknown;
  @Column('jsonb') headers!: Record<string, string>;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
