import { captureDocuments } from './test/graph/graph-fixture.js';
import { rowsOf, failures } from './test/graph/evidence-rows.js';
const a = rowsOf(captureDocuments('test_ec2_iam_role_filter_by_role_name', '644160558196'));
for (const s of a) if (s.table.name === 'aws_iam_role') console.log(JSON.stringify(s.rows.map(r => [r.arn, r.assume_role_policy_std, r.assume_role_policy])));
const b = rowsOf(captureDocuments('test_aws_lambda_sg', '644160558196'));
for (const s of b) console.log(s.table.name, JSON.stringify(s.rows.map(r => [r.name, r.vpc_security_group_ids, r.vpc_subnet_ids])).slice(0,300));
console.log(failures);
