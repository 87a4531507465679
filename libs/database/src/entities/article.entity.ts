import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One article, deduplicated across feeds; `version` grows when its content changes. */
@Entity({ name: 'articles' })
export class ArticleEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'feed_id' }) feedId!: string;
  @Column('text', { nullable: true }) guid!: string | null;
  @Column('text', { nullable: true }) url!: string | null;
  @Column('text', { name: 'canonical_url', nullable: true }) canonicalUrl!: string | null;
  @Column('text', { name: 'canonical_url_hash', nullable: true }) canonicalUrlHash!: string | null;
  @Column('text', { name: 'content_fingerprint' }) contentFingerprint!: string;
  @Column('text', { name: 'content_hash' }) contentHash!: string;
  @Column('integer') version!: number;
  @Column('text') title!: string;
  @Column('text') summary!: string;
  @Column('text', { name: 'content_html' }) contentHtml!: string;
  @Column('text', { name: 'content_text' }) contentText!: string;
  @Column('text', { nullable: true }) author!: string | null;
  @Column('text', { name: 'feed_language', nullable: true }) feedLanguage!: string | null;
  @Column('text', { array: true }) categories!: string[];
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt!: Date | null;
  @Column('timestamptz', { name: 'fetched_at' }) fetchedAt!: Date;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
