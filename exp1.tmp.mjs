import { PGlite } from '@electric-sql/pglite';
const db = await PGlite.create({ dataDir: '/tmp/lx/pgdata1' });
await db.exec('create table if not exists t (a text, b jsonb, c bigint)');
try { await db.query('select 1; select 2'); } catch (e) { console.log('multi:', e.message, e.code, Object.keys(e)); }
try { await db.query('selec 1 from x'); } catch (e) { console.log('syntax:', e.message, e.code, e.position, e.constructor.name); }
const data = 'a\\tb\\\\c\t{"x":1}\t5\n\\N\t\\N\t\\N\n';
await db.query("copy t (a,b,c) from '/dev/blob'", [], { blob: new Blob([data]) });
console.log((await db.query('select * from t')).rows);
const r = await db.query('select now(), 1::bigint as n, \'{"a":1}\'::jsonb j, 1.5::float8 f, \'1.2.3.4\'::inet i');
console.log(r.rows, r.fields);
const t0=Date.now(); const c = await db.clone(); console.log('clone ms', Date.now()-t0, (await c.query('select count(*) from t')).rows);
await db.close();
