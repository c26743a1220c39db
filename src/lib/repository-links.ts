/**
 * "Edit this page", "History" and "Report a problem" links for a guide, from the site's
 * `repository` setting. Each host spells these URLs its own way; GitHub, GitLab and
 * Codeberg/Forgejo (Gitea's URL shapes too) are known. Pure; runs anywhere.
 */

export type RepositoryHost = 'github' | 'gitlab' | 'forgejo';

export interface Repository {
  /** The repository's web address, e.g. `https://github.com/acme/guides`. */
  url: string;
  branch: string;
  /** The guides folder inside the repository, e.g. `content/guides`. */
  contentPath: string;
  host: RepositoryHost;
}

export interface GuideRepositoryLinks {
  edit: string;
  history: string;
  report: string;
}

/** The host a repository URL names, when its domain says so: github.com, gitlab.com (or gitlab.*), codeberg.org. */
export function inferHost(url: string): RepositoryHost | undefined {
  let hostname: string;
  try {
    hostname = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  if (hostname === 'github.com' || hostname.endsWith('.github.com')) return 'github';
  if (hostname === 'gitlab.com' || hostname.startsWith('gitlab.')) return 'gitlab';
  if (hostname === 'codeberg.org' || hostname.startsWith('forgejo.') || hostname.startsWith('gitea.')) return 'forgejo';
  return undefined;
}

/** Path segments encoded one by one, so `/` stays a separator and spaces and `#` cannot break the URL. */
function encodePath(...parts: string[]): string {
  return parts
    .flatMap((part) => part.split('/'))
    .filter((segment) => segment !== '' && segment !== '.')
    .map(encodeURIComponent)
    .join('/');
}

/**
 * The three links for the guide whose file is `file`, relative to the guides folder (`2025-03-14-x.md`,
 * or `nested/x.md`); `title` and `pageUrl` prefill the new issue, whose title is `issueTitle`, in
 * the page's language (`report_issue.title` of src/i18n/).
 */
export function guideRepositoryLinks(
  repo: Repository,
  file: string,
  title: string,
  pageUrl: string,
  issueTitle: string,
): GuideRepositoryLinks {
  const root = repo.url.replace(/\/+$/, '');
  const target = encodePath(repo.branch, repo.contentPath, file);
  const body = `Guide: ${title}\nPage: ${pageUrl}\n\nWhat is wrong:\n`;
  const query = (pairs: Record<string, string>) => new URLSearchParams(pairs).toString();
  switch (repo.host) {
    case 'github':
      return {
        edit: `${root}/edit/${target}`,
        history: `${root}/commits/${target}`,
        report: `${root}/issues/new?${query({ title: issueTitle, body })}`,
      };
    case 'gitlab':
      return {
        edit: `${root}/-/edit/${target}`,
        history: `${root}/-/commits/${target}`,
        report: `${root}/-/issues/new?${query({ 'issue[title]': issueTitle, 'issue[description]': body })}`,
      };
    case 'forgejo':
      return {
        edit: `${root}/_edit/${target}`,
        history: `${root}/commits/branch/${target}`,
        report: `${root}/issues/new?${query({ title: issueTitle, body })}`,
      };
  }
}

/** The guide's file relative to the guides folder, from an entry's `filePath` (relative to the project root). */
export function fileInGuidesFolder(filePath: string, guidesDir: string): string {
  const file = filePath.replace(/\\/g, '/').replace(/^\.\//, '');
  const dir = guidesDir.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  return file.startsWith(`${dir}/`) ? file.slice(dir.length + 1) : (file.split('/').pop() ?? file);
}
