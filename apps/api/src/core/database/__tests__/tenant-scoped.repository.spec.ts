import { type EntityManager, type Repository } from 'typeorm';
import { strictFake } from '../../../../test/helpers/strict-fake';
import { TenantTransaction } from '../database.service';
import { TenantScopedRepository } from '../tenant-scoped.repository';

class Note {
  id: string;
  tenantId: string;
  title: string;
}

class NotesRepository extends TenantScopedRepository<Note> {
  constructor() {
    super(Note);
  }
}

function transactionRecording(calls: unknown[]): TenantTransaction {
  const repository = strictFake<Repository<Note>>(
    {
      find: async (options: unknown) => (calls.push(['find', options]), []),
      count: async (options: unknown) => (calls.push(['count', options]), 0),
      create: (values: unknown) => values as Note,
      save: async (entity: unknown) => (calls.push(['save', entity]), entity as Note),
      update: async (where: unknown, patch: unknown) => (
        calls.push(['update', where, patch]),
        { affected: 1, raw: [], generatedMaps: [] }
      ),
    } as unknown as Partial<Repository<Note>>,
    'repository',
  );
  const manager = strictFake<EntityManager>(
    { getRepository: (() => repository) as EntityManager['getRepository'] },
    'manager',
  );
  return new TenantTransaction('tenant-a', manager);
}

describe('tenant-scoped repository', () => {
  const notes = new NotesRepository();

  it('adds the transaction tenant to every read and write', async () => {
    const calls: unknown[] = [];
    const tx = transactionRecording(calls);
    await notes.find(tx, { title: 'Renja' });
    await notes.insert(tx, { title: 'LKjIP' });
    await notes.update(tx, { id: 'n1' }, { title: 'LKjIP 2025' });
    expect(calls).toEqual([
      ['find', { where: { title: 'Renja', tenantId: 'tenant-a' } }],
      ['save', { title: 'LKjIP', tenantId: 'tenant-a' }],
      ['update', { id: 'n1', tenantId: 'tenant-a' }, { title: 'LKjIP 2025' }],
    ]);
  });

  it('refuses a filter that names the tenant itself', async () => {
    const calls: unknown[] = [];
    const where = { tenantId: 'tenant-b' } as unknown as Parameters<NotesRepository['find']>[1];
    await expect(notes.find(transactionRecording(calls), where)).rejects.toThrow(/from the transaction only/);
    expect(calls).toEqual([]);
  });

  it('refuses a filter holding undefined, which TypeORM would silently drop', async () => {
    const calls: unknown[] = [];
    await expect(notes.find(transactionRecording(calls), { id: undefined })).rejects.toThrow(
      /"id" is undefined/,
    );
    await expect(
      notes.update(transactionRecording(calls), { id: undefined }, { title: 'x' }),
    ).rejects.toThrow(/unscoped/);
    expect(calls).toEqual([]);
  });

  it('refuses a transaction without a tenant', () => {
    expect(() => new TenantTransaction('', strictFake<EntityManager>({}))).toThrow(/needs a tenant/);
  });
});
