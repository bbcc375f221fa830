// `postmortem` command entry.
import { lint } from '../core/index';

process.stdout.write(JSON.stringify(lint('')) + '\n');
