import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A term Diskominfotik added to the spam guard's lexicon (a platform row, read for every OPD). */
@Entity('spam_terms')
export class SpamTerm {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) kind: 'hold' | 'shorteners';
  @Column({ type: 'text' }) term: string;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'added_by', type: 'uuid', nullable: true }) addedBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
