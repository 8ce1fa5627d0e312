import { captureDocuments, deriveFixture, edgesOf } from './test/graph/graph-fixture.js';
const f = await deriveFixture(captureDocuments('test_aws_lambda_sg', '644160558196'));
console.log(f.summary);
console.log(await edgesOf(f.store));
console.log((await f.store.query(`select key, type, id from "lateral".resource`)).rows);
await f.store.close();
