import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryRows } from '#database';

/** Query parameters as GET /search takes them: one value or a list per name. */
export type SearchParams = Record<string, string | string[]>;

export interface SavedSearch {
  id: string;
  name: string;
  params: SearchParams;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = `id, name, params, created_at AS "createdAt", updated_at AS "updatedAt"`;

function toView(row: Record<string, unknown>): SavedSearch {
  return {
    id: String(row.id),
    name: String(row.name),
    params: row.params as SearchParams,
    createdAt: new Date(row.createdAt as string).toISOString(),
    updatedAt: new Date(row.updatedAt as string).toISOString(),
  };
}

@Injectable()
export class SavedSearchesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(name: string, params: SearchParams): Promise<SavedSearch> {
    const [row] = await queryRows<Record<string, unknown>>(
      this.dataSource,
      `INSERT INTO saved_searches (id, name, params) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
      [randomUUID(), name, JSON.stringify(params)],
    );
    return toView(row!);
  }

  async list(): Promise<SavedSearch[]> {
    const rows = await queryRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM saved_searches ORDER BY created_at LIMIT 1000`,
    );
    return rows.map(toView);
  }

  async find(id: string): Promise<SavedSearch | null> {
    const [row] = await queryRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM saved_searches WHERE id = $1`,
      [id],
    );
    return row ? toView(row) : null;
  }

  async update(
    id: string,
    name: string | undefined,
    params: SearchParams | undefined,
  ): Promise<SavedSearch | null> {
    const [row] = await queryRows<Record<string, unknown>>(
      this.dataSource,
      `UPDATE saved_searches SET name = coalesce($2, name), params = coalesce($3::jsonb, params),
              updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, name ?? null, params ? JSON.stringify(params) : null],
    );
    return row ? toView(row) : null;
  }

  async remove(id: string): Promise<boolean> {
    const rows = await queryRows(
      this.dataSource,
      `DELETE FROM saved_searches WHERE id = $1 RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }
}
