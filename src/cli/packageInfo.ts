// Name, version and documentation links of the tool, taken from package.json (inlined by esbuild at build time).
import packageJson from '../../package.json';

interface PackageFields {
  name: string;
  version: string;
  publisher?: string;
  homepage?: string;
  repository?: string | { url?: string };
}

const pkg = packageJson as PackageFields;

export const TOOL_NAME = 'postmortem';
export const TOOL_VERSION = pkg.version;

/** "git+https://github.com/o/r.git" -> "https://github.com/o/r". */
function repositoryWebUrl(): string | undefined {
  const raw = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (!raw) return undefined;
  const url = raw.replace(/^git\+/, '').replace(/\.git$/, '').replace(/^github:/, 'https://github.com/');
  return /^https?:\/\//.test(url) ? url : undefined;
}

const repository = repositoryWebUrl();

/** Where users learn about the tool: the homepage, else the repository, else the Marketplace listing. */
export const INFORMATION_URI =
  pkg.homepage ?? repository ?? `https://marketplace.visualstudio.com/items?itemName=${pkg.publisher ?? pkg.name}.${pkg.name}`;

/** The README section documenting a rule (its heading carries the anchor `rule-<id>`). */
export function ruleHelpUri(ruleId: string): string {
  const readme = repository ? `${repository}/blob/HEAD/README.md` : INFORMATION_URI;
  return `${readme}#rule-${ruleId}`;
}
