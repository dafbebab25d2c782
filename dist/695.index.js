export const id = 695;
export const ids = [695];
export const modules = {

/***/ 2695:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createPullsClient: () => (/* reexport */ createPullsClient),
  createRepositoryFiles: () => (/* reexport */ createRepositoryFiles),
  createStatusClient: () => (/* reexport */ createStatusClient),
  upsertComment: () => (/* reexport */ upsertComment)
});

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
;// CONCATENATED MODULE: ./src/github/call.ts
// One call to GitHub's REST API through Octokit, as every GitHub client of the action makes it: its
// own time limit, a few tries for 5xx, rate limits and network faults, and an answer in words.
const GitHubCallLimits = {
    /** Each call's own limit: GitHub answers in well under a second; a stall must not eat the step. */
    callTimeoutMs: 10_000,
    /** Tries per call for a 5xx, a rate limit or a network fault: GitHub's hiccups pass in seconds. */
    attempts: 3,
    /** The first backoff; doubled each time. */
    backoffMs: 1_000,
    /** A rate limit asking for a longer wait than this ends the call instead. */
    maxWaitMs: 20_000
};
/**
 * A network fault in its own words ("connect ECONNREFUSED 127.0.0.1:443", "getaddrinfo ENOTFOUND
 * ..."): the innermost message of the error's causes, under fetch's bare "fetch failed".
 */
function faultMessage(error) {
    let message;
    for (let cause = error, depth = 0; depth < 5; depth++) {
        if (typeof cause !== 'object' || cause === null)
            break;
        const { message: own, cause: next, code, errors } = cause;
        // Every address of a host refused (IPv4 and IPv6): an AggregateError with no message of its
        // own, its code, and the first address's fault among its errors.
        const first = Array.isArray(errors) ? errors[0]?.message : undefined;
        if (typeof own === 'string' && own)
            message = own;
        else if (typeof first === 'string' && first)
            message = first;
        else if (typeof code === 'string' && code)
            message = code;
        cause = next;
    }
    return message;
}
/** GitHub's HTTP status, or undefined when GitHub did not answer. */
const answeredStatus = (error) => error.response === undefined ? undefined : error.status;
/** A failed call in words: GitHub's status and message, or (no status) the network fault's. */
function failureOf(raw) {
    const error = (typeof raw === 'object' && raw !== null ? raw : {});
    const status = answeredStatus(error);
    const message = status === undefined ? (faultMessage(raw) ?? String(raw)) : String(error.message ?? '');
    return { status, message };
}
const defaultSleep = (ms, signal) => new Promise(resolve => {
    if (signal?.aborted)
        return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
    }, { once: true });
});
/** How long a retryable answer asks to wait, or null when it is not worth repeating. */
function retryDelayMs(error, attempt, now, backoffMs = GitHubCallLimits.backoffMs) {
    const status = answeredStatus(error);
    const headers = error.response?.headers ?? {};
    // GitHub answers 403 for an exhausted (or secondary) rate limit, and says when to come back.
    const limited = status === 429 ||
        (status === 403 &&
            (headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined));
    if (limited) {
        const after = Number(headers['retry-after']);
        if (Number.isFinite(after) && after >= 0)
            return after * 1000;
        const reset = Number(headers['x-ratelimit-reset']);
        if (Number.isFinite(reset) && reset > 0)
            return Math.max(0, reset * 1000 - now);
        return backoffMs * 2 ** attempt;
    }
    // No status: a network fault or the call's own timeout. Every call made here is safe to repeat
    // (reads, and a commit status, which states the same thing again).
    if (status === undefined || status >= 500)
        return backoffMs * 2 ** attempt;
    return null;
}
/** Makes the call, trying again while that can help; never throws for what GitHub answered. */
async function callGitHub(octokit, route, params, options = {}) {
    const sleep = options.sleep ?? defaultSleep;
    const attempts = options.attempts ?? GitHubCallLimits.attempts;
    const left = () => options.until === undefined ? Number.POSITIVE_INFINITY : options.until - Date.now();
    for (let attempt = 0;; attempt++) {
        if (options.signal?.aborted)
            return { kind: 'stopped' };
        if (left() <= 0)
            return { kind: 'no-answer', message: 'no time was left to send it' };
        const callTimeoutMs = Math.ceil(Math.min(options.callTimeoutMs ?? GitHubCallLimits.callTimeoutMs, left()));
        const timeout = AbortSignal.timeout(callTimeoutMs);
        const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
        const started = Date.now();
        try {
            const response = await octokit.request(route, { ...params, request: { signal } });
            options.onRequest?.(`GitHub ${route} -> ${response.status} in ${Date.now() - started} ms`);
            return { kind: 'ok', status: response.status, data: response.data };
        }
        catch (raw) {
            const error = raw;
            const status = answeredStatus(error);
            options.onRequest?.(`GitHub ${route} -> ${status ?? 'no answer'} in ${Date.now() - started} ms`);
            if (options.signal?.aborted)
                return { kind: 'stopped' };
            const delay = retryDelayMs(error, attempt, Date.now(), options.backoffMs);
            const noRetry = delay === null ||
                attempt + 1 >= attempts ||
                delay > GitHubCallLimits.maxWaitMs ||
                delay >= left();
            if (noRetry) {
                if (status === undefined || timeout.aborted) {
                    return {
                        kind: 'no-answer',
                        message: timeout.aborted
                            ? `no answer within ${Math.round(callTimeoutMs / 100) / 10} s`
                            : (faultMessage(error) ?? 'no answer')
                    };
                }
                return {
                    kind: 'http-error',
                    status,
                    message: error.message ?? '',
                    headers: error.response?.headers ?? {}
                };
            }
            await sleep(delay, options.signal);
        }
    }
}

// EXTERNAL MODULE: ./src/github/undici-on-demand.ts
var undici_on_demand = __webpack_require__(9305);
;// CONCATENATED MODULE: ./src/github/octokit.ts
// The one way the action makes an Octokit: @actions/github and undici, each a chunk of the bundle
// loaded here on first use, so a run that never calls GitHub never reads them.

/** @actions/github's getOctokit, once undici (Octokit's fetch) is loaded. */
async function loadOctokit() {
    await (0,undici_on_demand.loadUndici)();
    return (await __webpack_require__.e(/* import() */ 785).then(__webpack_require__.bind(__webpack_require__, 2785))).getOctokit;
}

;// CONCATENATED MODULE: ./src/github/comment.ts
// Writes the pull-request comment through Octokit, loaded only when a comment is asked for, so the
// action starts as fast without it. Creates the comment once, then updates it in place.



/** The author of comments made with the workflow's own token. */
const ACTIONS_BOT = 'github-actions[bot]';
/** The login the token acts as, or null when GitHub will not say. */
async function whoAmI(octokit) {
    try {
        return (await octokit.rest.users.getAuthenticated()).data.login;
    }
    catch {
        // not a personal token
    }
    try {
        const answer = await octokit.graphql('query { viewer { login } }');
        return typeof answer.viewer?.login === 'string' ? answer.viewer.login : null;
    }
    catch {
        return null;
    }
}
async function upsertComment(target, limits = {}) {
    const getOctokit = await loadOctokit();
    const octokit = getOctokit(target.token, { baseUrl: target.apiUrl });
    // One deadline for every request, the pages of the comment list included: a stalled GitHub
    // must not hold the step for minutes. Added by a hook, not given to getOctokit (a `request`
    // there replaces the fetch @actions/github sets up, through the runner's proxy) nor to each
    // call (paginate drops it from the pages after the first).
    const signal = AbortSignal.timeout(limits.timeoutMs ?? constants/* Limits */.xu.commentTimeoutMs);
    octokit.hook.before('request', options => {
        options.request = { ...options.request, signal };
    });
    const where = { owner: target.owner, repo: target.repo };
    try {
        // Whose comments may be updated: only our own, and only those that start with our marker
        // (anyone can quote it). A personal token says who it is through REST; an app's installation
        // token through GraphQL's viewer (`my-app[bot]`). When neither answers, it is the workflow's
        // own token, whose comments are github-actions[bot]'s; another bot's (renovate[bot]) never are.
        const login = (await whoAmI(octokit)) ?? ACTIONS_BOT;
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
            ...where,
            issue_number: target.prNumber,
            per_page: 100
        });
        const ours = comments.find(c => c.user?.login === login &&
            [target.marker, ...(target.earlierMarkers ?? [])].some(m => (c.body ?? '').startsWith(m)));
        if (ours) {
            const { data } = await octokit.rest.issues.updateComment({
                ...where,
                comment_id: ours.id,
                body: target.body
            });
            return { kind: 'updated', url: data.html_url };
        }
        const { data } = await octokit.rest.issues.createComment({
            ...where,
            issue_number: target.prNumber,
            body: target.body
        });
        return { kind: 'created', url: data.html_url };
    }
    catch (error) {
        const { status, message } = failureOf(error);
        // GitHub answers 403 for an exhausted rate limit too: that is no permission problem.
        const headers = error.response?.headers;
        if (status === 403 && headers?.['x-ratelimit-remaining'] === '0') {
            return {
                kind: 'failed',
                message: `GitHub's API rate limit is exhausted (HTTP 403: ${message})`
            };
        }
        if (status === 403 || status === 404) {
            return { kind: 'forbidden', message: `HTTP ${status}: ${message}` };
        }
        return {
            kind: 'failed',
            message: status === undefined ? message : `HTTP ${status}: ${message}`
        };
    }
}

// EXTERNAL MODULE: ./src/guards.ts
var guards = __webpack_require__(9609);
// EXTERNAL MODULE: ./src/github/pull-request.ts + 1 modules
var pull_request = __webpack_require__(5416);
;// CONCATENATED MODULE: ./src/github/pulls.ts
// Finds pull requests on GitHub's REST API through Octokit, loaded only when a lookup is needed
// (the same lazily loaded chunk as the comment), so a plain run-id wait starts as fast as before.




async function createPullsClient(options) {
    const getOctokit = await loadOctokit();
    const octokit = getOctokit(options.token, { baseUrl: options.apiUrl });
    const where = { owner: options.owner, repo: options.repo };
    /** The answer's data, or null for a 404; anything else is a lookup failure in GitHub's words. */
    const call = async (route, params) => {
        const answer = await callGitHub(octokit, route, { ...where, ...params }, options);
        switch (answer.kind) {
            case 'ok':
                return answer.data;
            case 'stopped':
                // The caller knows what stopped it (the runner's cancel, or the step's timeout).
                throw new pull_request/* GitHubLookupError */.q('the lookup was stopped before GitHub answered');
            case 'no-answer':
                throw new pull_request/* GitHubLookupError */.q(`GitHub's API failed (${route}: ${answer.message}).`);
            case 'http-error': {
                if (answer.status === 404)
                    return null;
                const hint = answer.status === 401 || answer.status === 403
                    ? ' The token needs permissions: pull-requests: read (and contents: read).'
                    : '';
                const what = `HTTP ${answer.status}: ${answer.message}`.trim();
                throw new pull_request/* GitHubLookupError */.q(`GitHub's API failed (${route}: ${what}).${hint}`);
            }
        }
    };
    return {
        getPull: async (number) => {
            const route = 'GET /repos/{owner}/{repo}/pulls/{pull_number}';
            const pull = await call(route, { pull_number: number });
            if (pull === null || (0,guards/* isPlainObject */.Qd)(pull))
                return pull;
            throw notAsDocumented(route, 'a pull request');
        },
        pullsForCommit: async (sha) => {
            const route = 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls';
            return pullList(route, await call(route, { commit_sha: sha, per_page: 100 }));
        },
        openPullsByHead: async (head) => {
            const route = 'GET /repos/{owner}/{repo}/pulls';
            return pullList(route, await call(route, { head, state: 'open', per_page: 100 }));
        }
    };
}
/**
 * GitHub's answer is checked before it is believed: a proxy's HTML page or an odd GHES answer must
 * end as a lookup failure that says so, not as "failed unexpectedly: pulls.filter is not a function".
 */
function pullList(route, data) {
    if (data === null)
        return [];
    if (!Array.isArray(data))
        throw notAsDocumented(route, 'a list of pull requests');
    return data.filter(guards/* isPlainObject */.Qd);
}
const notAsDocumented = (route, what) => new pull_request/* GitHubLookupError */.q(`GitHub's API failed (${route}: the answer is not ${what}).`);

;// CONCATENATED MODULE: ./src/github/statuses.ts
// Posts a commit status (`POST /repos/{owner}/{repo}/statuses/{sha}`) through Octokit, loaded only
// when `commit-status` is on, so a plain run-id wait starts as fast as before.


const STATUS_ROUTE = 'POST /repos/{owner}/{repo}/statuses/{sha}';
/** The request body, as GitHub's REST description names its fields. */
function statusRequestBody(status) {
    return {
        state: status.state,
        context: status.context,
        description: status.description,
        ...(status.targetUrl ? { target_url: status.targetUrl } : {})
    };
}
/** The poster, on an Octokit made here (the real one) or handed in (tests). */
function statusPoster(octokit, options) {
    return async (sha, status, call = {}) => {
        const answer = await callGitHub(octokit, STATUS_ROUTE, { owner: options.owner, repo: options.repo, sha, ...statusRequestBody(status) }, { ...options, ...call });
        switch (answer.kind) {
            case 'ok':
                return { kind: 'posted' };
            case 'stopped':
                return { kind: 'failed', message: 'the workflow was cancelled before GitHub answered' };
            case 'no-answer':
                return { kind: 'failed', message: answer.message };
            case 'http-error':
                // 403 without a rate limit: no `statuses: write`; 404: the token cannot see the repository.
                return answer.status === 403 || answer.status === 404
                    ? { kind: 'refused', message: `HTTP ${answer.status}: ${answer.message}` }
                    : { kind: 'failed', message: `HTTP ${answer.status}: ${answer.message}` };
        }
    };
}
async function createStatusClient(options) {
    const getOctokit = await loadOctokit();
    return statusPoster(getOctokit(options.token, { baseUrl: options.apiUrl }), options);
}

;// CONCATENATED MODULE: ./src/github/file-at-commit.ts
// Reads one file of the repository as it is at a commit (`GET /repos/{owner}/{repo}/contents/
// {path}?ref=`), and a pull request's base commit when the event does not say it: what the known
// issues of the base look like, so a pull request cannot quietly waive the bug it introduces.



/** The contents route with the path's segments encoded: Octokit keeps a literal `%2F` as it is. */
const contentsRoute = (path) => `GET /repos/{owner}/{repo}/contents/${path.split('/').map(encodeURIComponent).join('/')}`;
async function createRepositoryFiles(options) {
    const getOctokit = await loadOctokit();
    const octokit = getOctokit(options.token, { baseUrl: options.apiUrl });
    const where = { owner: options.owner, repo: options.repo };
    const failure = (status, message, permission) => `HTTP ${status}: ${message}${status === 401 || status === 403 ? ` (the token needs permissions: ${permission})` : ''}`;
    return {
        fileAt: async (path, ref) => {
            // The raw media type: the file's bytes as text, up to GitHub's 100 MB (the JSON form stops
            // at 1 MB and holds base64).
            const answer = await callGitHub(octokit, contentsRoute(path), { ...where, ...(ref ? { ref } : {}), mediaType: { format: 'raw' } }, options);
            switch (answer.kind) {
                case 'ok':
                    return fileText(answer.data);
                case 'stopped':
                    return { kind: 'failed', message: 'stopped before GitHub answered' };
                case 'no-answer':
                    return { kind: 'failed', message: answer.message };
                case 'http-error':
                    return answer.status === 404
                        ? { kind: 'missing' }
                        : { kind: 'failed', message: failure(answer.status, answer.message, 'contents: read') };
            }
        },
        baseOf: async (prNumber) => {
            const answer = await callGitHub(octokit, 'GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...where, pull_number: prNumber }, options);
            if (answer.kind === 'ok') {
                const base = (0,guards/* isPlainObject */.Qd)(answer.data) ? answer.data.base : null;
                const sha = (0,guards/* isPlainObject */.Qd)(base) ? (0,guards/* textOf */.b6)(base.sha) : '';
                return sha ? { sha } : { failed: 'the pull request has no base commit in its answer' };
            }
            if (answer.kind === 'http-error') {
                return { failed: failure(answer.status, answer.message, 'pull-requests: read') };
            }
            return {
                failed: answer.kind === 'stopped' ? 'stopped before GitHub answered' : answer.message
            };
        }
    };
}
/**
 * The file's text from the answer: Octokit gives the raw media type as text or, when the answer's
 * content type is neither JSON nor text, as bytes; a proxy or an old GitHub Enterprise may ignore
 * the media type and send the JSON form, with base64 content.
 */
function fileText(data) {
    if (typeof data === 'string')
        return { kind: 'found', text: data };
    if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
        const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
        return {
            kind: 'found',
            text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
        };
    }
    if ((0,guards/* isPlainObject */.Qd)(data) && data.encoding === 'base64' && typeof data.content === 'string') {
        return { kind: 'found', text: Buffer.from(data.content, 'base64').toString('utf8') };
    }
    return { kind: 'failed', message: 'the answer is not the file' };
}

;// CONCATENATED MODULE: ./src/github/clients.ts
// GitHub's clients, the one module main.ts loads when a comment, a pull-request lookup, a commit
// status or the base commit's known issues need GitHub: one chunk for all of them (with Octokit's and undici's beside it),
// instead of a chunk each that ncc would fill with copies of what they share (call.ts, octokit.ts).






/***/ }),

/***/ 5416:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q: () => (/* binding */ GitHubLookupError),
  _: () => (/* binding */ findPullRequest)
});

// EXTERNAL MODULE: ./src/guards.ts
var guards = __webpack_require__(9609);
;// CONCATENATED MODULE: ./src/github/merge-queue.ts
// What a merge queue's `merge_group` event says: the pull request its temporary branch names, the
// queue commit (what will land) and the branch it lands on. Pure.
/**
 * GitHub names the queue's branch `gh-readonly-queue/<base>/pr-<N>-<sha of the pull request's head>`;
 * the base may hold slashes (`release/2.x`), the number never does.
 */
const QUEUE_BRANCH = /^(?:refs\/heads\/)?gh-readonly-queue\/.+\/pr-([1-9]\d{0,9})-[0-9a-f]{7,64}$/;
const isObject = (value) => typeof value === 'object' && value !== null;
const merge_queue_text = (value) => (typeof value === 'string' ? value : '');
function queuedPullRequest(payload) {
    const group = isObject(payload.merge_group) ? payload.merge_group : {};
    const headRef = merge_queue_text(group.head_ref);
    const headSha = merge_queue_text(group.head_sha);
    const number = Number(QUEUE_BRANCH.exec(headRef)?.[1] ?? 0);
    // A required check that passes without testing would let the queue merge anything.
    if (!number || !Number.isSafeInteger(number)) {
        const shown = headRef ? JSON.stringify(headRef.slice(0, 200)) : 'missing';
        return {
            kind: 'unnamed',
            message: `the merge_group event's branch (merge_group.head_ref) is ${shown}, which names no pull request (expected refs/heads/gh-readonly-queue/<base>/pr-<number>-<sha>), so the queue commit cannot be tested.`
        };
    }
    if (!headSha) {
        return {
            kind: 'unnamed',
            message: `the merge_group event gives no queue commit (merge_group.head_sha), so there is nothing to test.`
        };
    }
    return {
        kind: 'queued',
        number,
        headSha,
        baseBranch: merge_queue_text(group.base_ref).replace(/^refs\/heads\//, ''),
        headRef
    };
}

;// CONCATENATED MODULE: ./src/github/pull-request.ts
// Which pull request the exploration agent should test, from whatever event started the workflow:
// the payload when it carries one, else GitHub's REST API through an injected client.


class GitHubLookupError extends Error {
    name = 'GitHubLookupError';
}
const pull_request_isObject = guards/* isPlainObject */.Qd;
const pull_request_text = guards/* textOf */.b6;
const positive = (value) => typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
function factsOf(pull) {
    const head = pull_request_isObject(pull.head) ? pull.head : {};
    const base = pull_request_isObject(pull.base) ? pull.base : {};
    return {
        number: positive(pull.number),
        title: pull_request_text(pull.title),
        body: pull_request_text(pull.body),
        baseBranch: pull_request_text(base.ref),
        headBranch: pull_request_text(head.ref),
        headSha: pull_request_text(head.sha),
        state: pull_request_text(pull.state)
    };
}
const pull_request_short = (sha) => sha.slice(0, 12);
async function findPullRequest(options) {
    try {
        const found = await lookup(options);
        if (found.kind !== 'found')
            return found;
        // The agent's request needs the head commit; a pull request without one cannot be tested.
        if (!found.pr.headSha) {
            return {
                kind: 'failed',
                message: `GitHub gave no head commit for pull request #${found.pr.number}, so the agent cannot be told what to test.`
            };
        }
        if (found.pr.state !== 'closed')
            return found;
        const closed = `pull request #${found.pr.number} is closed`;
        // Named on purpose (pr-number): tested, with a warning. Found from an event: nothing to test.
        if (options.prNumber > 0) {
            const warning = `${closed}, but pr-number names it: testing it anyway.`;
            return { ...found, warnings: [...(found.warnings ?? []), warning] };
        }
        return {
            kind: 'skipped',
            reason: `${closed} (merged or closed before this run): there is nothing to test; set pr-number to test it anyway.`
        };
    }
    catch (error) {
        if (error instanceof GitHubLookupError)
            return { kind: 'failed', message: error.message };
        throw error;
    }
}
async function lookup(options) {
    const { eventName, payload, owner, repo } = options;
    const where = `${owner}/${repo}`;
    const needApi = (why) => {
        if (options.api)
            return options.api;
        throw new GitHubLookupError(`github-token is empty, but finding the pull request ${why} needs GitHub's API: ` +
            `pass github-token (the default, \${{ github.token }}, works with permissions: pull-requests: read).`);
    };
    const byNumber = async (number, source) => {
        const pull = await needApi(`#${number}`).getPull(number);
        if (!pull) {
            return {
                kind: 'failed',
                message: `pull request #${number} was not found in ${where} (GitHub answered 404); check ${source}.`
            };
        }
        return {
            kind: 'found',
            // The number asked for, not the answer's: a body without one must not start the agent on #0.
            pr: { ...factsOf(pull), number },
            source: `GitHub, pull request #${number}`,
            notices: []
        };
    };
    // A deployment that did not succeed has nothing to test, whichever pull request it belongs to.
    let deploymentUrl;
    let unusableUrls = [];
    let deploymentSha = '';
    if (eventName === 'deployment_status') {
        const status = pull_request_isObject(payload.deployment_status) ? payload.deployment_status : {};
        const state = pull_request_text(status.state);
        if (state !== 'success') {
            return {
                kind: 'skipped',
                reason: `the deployment's state is "${state || 'unknown'}", not "success": there is no deployment to test yet.`,
                noOccasion: true
            };
        }
        const given = [pull_request_text(status.environment_url), pull_request_text(status.target_url)].filter(Boolean);
        // http(s), exactly as GitHub gave it, as the target-url input must be: whoever created the
        // deployment wrote it, and the API would refuse anything else blaming target-url.
        deploymentUrl = given.find(guards/* isHttpUrl */.q$);
        unusableUrls = given.filter(url => !(0,guards/* isHttpUrl */.q$)(url));
        const deployment = pull_request_isObject(payload.deployment) ? payload.deployment : {};
        deploymentSha = pull_request_text(deployment.sha);
    }
    const withDeployment = (found) => {
        if (found.kind !== 'found')
            return found;
        const notices = [
            ...found.notices,
            ...unusableUrls.map(url => `The deployment's URL ${JSON.stringify(url.slice(0, 200))} is not an http(s) URL, so it is not used as target-url.`)
        ];
        return { ...found, notices, ...(deploymentUrl ? { deploymentUrl } : {}) };
    };
    if (options.prNumber > 0) {
        const found = withDeployment(await byNumber(options.prNumber, 'the pr-number input'));
        // In a merge queue the queue's commit is what will land, and what the check gates: it is the
        // one tested, whichever pull request pr-number names.
        const queued = eventName === 'merge_group' ? queuedPullRequest(payload) : null;
        if (found.kind !== 'found' || queued?.kind !== 'queued')
            return found;
        const other = queued.number !== options.prNumber
            ? [
                `pr-number names pull request #${options.prNumber}, the merge queue's branch #${queued.number}: the queue's commit ${pull_request_short(queued.headSha)} is what is tested.`
            ]
            : [];
        return { ...testedInQueue(found, queued), notices: [...found.notices, ...other] };
    }
    // Any event that carries a pull request (pull_request_review, pull_request_review_comment, ...)
    // is about that one: nothing that carries an open pull request is skipped.
    const carried = pull_request_isObject(payload.pull_request) ? payload.pull_request : null;
    switch (eventName) {
        case 'pull_request':
        case 'pull_request_target': {
            if (carried && positive(carried.number))
                break;
            // GitHub always sends it: without it the payload is not GitHub's, and finding "nothing to
            // test" would let a required check pass untested.
            return {
                kind: 'failed',
                message: `the ${eventName} event's payload has no pull request (or none with a number): GitHub always sends one, so the event file is not what GitHub wrote; set pr-number to name the pull request.`
            };
        }
        case 'merge_group': {
            // The queue's temporary branch names the pull request; the queue commit is what will land.
            const queued = queuedPullRequest(payload);
            if (queued.kind === 'unnamed')
                return { kind: 'failed', message: queued.message };
            const found = await byNumber(queued.number, 'the merge queue branch');
            if (found.kind !== 'found')
                return found;
            return testedInQueue(found, queued);
        }
        case 'issue_comment': {
            const issue = pull_request_isObject(payload.issue) ? payload.issue : null;
            if (!issue || !pull_request_isObject(issue.pull_request)) {
                return {
                    kind: 'skipped',
                    reason: 'the comment is on an issue, not on a pull request.',
                    noOccasion: true
                };
            }
            if (!positive(issue.number))
                break;
            return byNumber(positive(issue.number), 'the comment event');
        }
        case 'deployment_status': {
            if (!deploymentSha)
                break;
            const pulls = await needApi(`of deployment ${pull_request_short(deploymentSha)}`).pullsForCommit(deploymentSha);
            const open = pulls
                .filter(p => p.state === 'open' && p.head?.sha === deploymentSha)
                .sort((a, b) => pull_request_text(b.updated_at).localeCompare(pull_request_text(a.updated_at)));
            const [first] = open;
            if (!first) {
                return {
                    kind: 'skipped',
                    reason: `no open pull request in ${where} has the deployed commit ${pull_request_short(deploymentSha)} as its head (a deployment of a branch without a pull request, or a commit the pull request has moved past).`
                };
            }
            const notices = open.length > 1
                ? [
                    `${open.length} open pull requests have the deployed commit ${pull_request_short(deploymentSha)} as their head ` +
                        `(${open.map(p => `#${p.number}`).join(', ')}); testing #${first.number}, the most recently updated. ` +
                        `Set pr-number to choose.`
                ]
                : [];
            return withDeployment({
                kind: 'found',
                pr: { ...factsOf(first), headSha: deploymentSha },
                source: `GitHub, the open pull request whose head is the deployed commit ${pull_request_short(deploymentSha)}`,
                notices
            });
        }
        case 'workflow_run': {
            const run = pull_request_isObject(payload.workflow_run) ? payload.workflow_run : {};
            const headSha = pull_request_text(run.head_sha);
            // It also lists pull requests opened from this repository's branches against others:
            // #5 upstream is not #5 here.
            const listed = Array.isArray(run.pull_requests)
                ? run.pull_requests.filter(pull_request_isObject).filter(entry => basedHere(entry, payload, where))
                : [];
            const number = positive(listed[0]?.number);
            if (number) {
                const found = await byNumber(number, 'the workflow_run event');
                // The commit the triggering workflow built, even if the pull request has moved on since.
                return found.kind === 'found' && headSha
                    ? { ...found, pr: { ...found.pr, headSha } }
                    : found;
            }
            // GitHub leaves pull_requests empty for pull requests from forks: look them up by head.
            const headRepo = pull_request_isObject(run.head_repository) ? run.head_repository : {};
            const headOwner = pull_request_isObject(headRepo.owner) ? pull_request_text(headRepo.owner.login) : '';
            const branch = pull_request_text(run.head_branch);
            if (!headOwner || !branch || !headSha)
                break;
            const pulls = await needApi(`of ${headOwner}:${branch}`).openPullsByHead(`${headOwner}:${branch}`);
            const match = pulls.find(p => p.head?.sha === headSha);
            if (!match) {
                return {
                    kind: 'skipped',
                    reason: `the workflow run of ${headOwner}:${branch} (${pull_request_short(headSha)}) belongs to no open pull request in ${where} whose head is that commit.`
                };
            }
            return {
                kind: 'found',
                pr: { ...factsOf(match), headSha },
                source: `GitHub, the open pull request from ${headOwner}:${branch}`,
                notices: []
            };
        }
    }
    if (carried && positive(carried.number)) {
        return { kind: 'found', pr: factsOf(carried), source: `the ${eventName} event`, notices: [] };
    }
    return {
        kind: 'skipped',
        reason: `the ${eventName || 'unknown'} event carries no pull request; set pr-number to test one (for example from a workflow_dispatch input).`
    };
}
/**
 * Whether a pull request listed by a workflow_run targets this repository: by ID when both are
 * given (a rename keeps it), else by its API URL. One that cannot be placed is not believed: the
 * head lookup finds this repository's own.
 */
function basedHere(entry, payload, where) {
    const base = pull_request_isObject(entry.base) && pull_request_isObject(entry.base.repo) ? entry.base.repo : null;
    if (!base)
        return false;
    const repository = pull_request_isObject(payload.repository) ? payload.repository : {};
    if (positive(base.id) && positive(repository.id))
        return base.id === repository.id;
    return pull_request_text(base.url).toLowerCase().endsWith(`/repos/${where.toLowerCase()}`);
}
/**
 * A pull request as a merge queue tests it: the queue's commit (what will land, and what the check
 * gates) in place of the pull request's head, and the queue's base branch.
 */
function testedInQueue(found, queued) {
    return {
        ...found,
        pr: {
            ...found.pr,
            headSha: queued.headSha,
            baseBranch: queued.baseBranch || found.pr.baseBranch
        },
        source: `the merge queue's commit ${pull_request_short(queued.headSha)}, pull request #${found.pr.number} read from GitHub`
    };
}


/***/ })

};
