import { Command, CommanderError } from 'commander';
import { lateralVersion } from '../version.js';
import { registerCollectCommand } from './commands/collect.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerGraphCommand } from './commands/graph.js';
import { registerImportCommand } from './commands/import.js';
import { registerQueryCommand } from './commands/query.js';
import { registerServeCommand } from './commands/serve.js';
import { registerSnapshotsCommand } from './commands/snapshots.js';
import { registerSqlServerCommand } from './commands/sql-server.js';
import { registerStartCommand } from './commands/start.js';
import { UserError } from './user-error.js';

const program = new Command('lateral')
  .description(
    'What could the attacker reach from here? AWS inventory as SQL, one graph, a dashboard.',
  )
  .version(lateralVersion)
  .showHelpAfterError('(run `lateral help <command>` for its options)');

registerStartCommand(program);
registerImportCommand(program);
registerQueryCommand(program);
registerSnapshotsCommand(program);
registerSqlServerCommand(program);
registerServeCommand(program);
registerGraphCommand(program);
registerDemoCommand(program);
registerCollectCommand(program);

// A reader that stops early (`lateral query ... | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (error instanceof UserError) {
    console.error(`lateral: ${error.message}`);
    process.exit(error.exitCode);
  }
  console.error('lateral: unexpected error:', error);
  process.exit(70);
}
