import { Column, Entity, PrimaryColumn } from 'typeorm';

export type FeedStatus = 'active' | 'paused' | 'parked' | 'gone';

/** A subscribed feed and its fetch state; owned by the ingestor, administered through the api. */
@Entity({ name: 'feeds' })
export class FeedEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') url!: string;
  @Column('text', { nullable: true }) title!: string | null;
  @Column('text', { name: 'site_url', nullable: true }) siteUrl!: string | null;
  @Column('text') status!: FeedStatus;
  @Column('text', { nullable: true }) etag!: string | null;
  @Column('text', { name: 'last_modified', nullable: true }) lastModified!: string | null;
  @Column('timestamptz', { name: 'next_fetch_at' }) nextFetchAt!: Date;
  @Column('integer', { name: 'interval_seconds' }) intervalSeconds!: number;
  @Column('text', { name: 'lease_owner', nullable: true }) leaseOwner!: string | null;
  @Column('timestamptz', { name: 'lease_until', nullable: true }) leaseUntil!: Date | null;
  @Column('timestamptz', { name: 'last_fetched_at', nullable: true }) lastFetchedAt!: Date | null;
  @Column('timestamptz', { name: 'last_success_at', nullable: true }) lastSuccessAt!: Date | null;
  @Column('integer', { name: 'last_status', nullable: true }) lastStatus!: number | null;
  @Column('text', { name: 'last_error', nullable: true }) lastError!: string | null;
  @Column('integer', { name: 'error_count' }) errorCount!: number;
  @Column('integer', { name: 'consecutive_errors' }) consecutiveErrors!: number;
  @Column('text', { name: 'redirect_url', nullable: true }) redirectUrl!: string | null;
  @Column('integer', { name: 'redirect_count' }) redirectCount!: number;
  @Column('text', { nullable: true }) language!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
