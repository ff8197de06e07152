import { PGlite } from '@electric-sql/pglite';
import { newsroomDocument } from './newsroom-documents';
import { bodyToPlainText, countWords } from '../lib/content/plain-text';
const d5 = newsroomDocument({ words: 5000, seed: 7 });
const s = JSON.stringify(d5);
console.log('blocks', d5.content.length, 'paragraphs', d5.content.filter(b=>b.type==='paragraph').length, 'words', countWords(bodyToPlainText(d5)), 'json bytes', s.length);
const pg = new PGlite();
const r = await pg.query('select pg_column_size($1::jsonb) as c, version() as v', [s]);
console.log(r.rows);
