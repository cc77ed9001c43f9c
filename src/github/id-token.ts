/** GitHub's OIDC token for the workflow run, through `@actions/core` (which also masks it). */
import { errorMessage } from '../ci/errors.js';

/** GitHub gave no token: the message says what to change in the workflow. */
export class IdTokenError extends Error {
  override readonly name = 'IdTokenError';
}

/**
 * The token for `audience`, fresh on every call: GitHub's tokens last minutes, and each renewal of
 * the role's keys needs one. `@actions/core` is loaded here, on first use, with its HTTP client.
 */
export async function githubIdToken(audience: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new IdTokenError(
      'GitHub gives this job no OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set): add ' +
        '`permissions: id-token: write` to the workflow or the job',
    );
  }
  const { getIDToken } = await import('@actions/core');
  try {
    return await getIDToken(audience);
  } catch (error) {
    // The toolkit's message spans lines ("Error Code : 401 …"): one line for the annotation.
    const detail = errorMessage(error).replace(/\s+/g, ' ').trim();
    throw new IdTokenError(`GitHub's OIDC token for audience '${audience}' could not be had: ${detail}`);
  }
}
