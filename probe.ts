import { PGlite } from '@electric-sql/pglite';
import { openPgliteHandle } from '@/db/client';
let t = performance.now();
const pg = new PGlite();
const h = openPgliteHandle(pg);
await h.migrate();
console.log('create+migrate', performance.now() - t);
t = performance.now();
const dump = await pg.dumpDataDir('none');
console.log('dump', performance.now() - t, dump.size);
for (let i = 0; i < 3; i++) {
  t = performance.now();
  const copy = await PGlite.create({ loadDataDir: dump });
  await copy.query('select count(*) from users');
  console.log('load', performance.now() - t);
}
t = performance.now();
const p2 = new PGlite(); await p2.query('select 1');
console.log('plain create', performance.now() - t);
