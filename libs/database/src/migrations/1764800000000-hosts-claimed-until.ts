import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * With a politeness delay, a host is claimed for one feed per delay period: `claimed_until` keeps
 * the next claim (of any replica) from taking a second feed of the host that would only wait for
 * its turn while holding a fetch slot.
 */
export class HostsClaimedUntil1764800000000 implements MigrationInterface {
  name = 'HostsClaimedUntil1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE hosts ADD COLUMN claimed_until timestamptz`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE hosts DROP COLUMN IF EXISTS claimed_until`);
  }
}
